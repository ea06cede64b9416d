"""Writes the demo county to the database: one transaction, one bulk insert per table."""

import datetime
import time
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from jiceng.accounts.models import User
from jiceng.members.models import Member
from jiceng.organizations.models import Organization

from .accounts import create_accounts
from .builder import build_county
from .flush import flush_domain_data
from .rows import MODELS

BATCH_SIZE = 2000
DEFAULT_SEED = 20260701


@dataclass
class LoadResult:
    seconds: float
    created: list  # [(label, count)]
    notes: list


def first_ids():
    """The primary key each table's new rows start from."""
    return {model: (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1 for model in MODELS}


def reset_sequences():
    """Rows were inserted with their keys given: move PostgreSQL's sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(MODELS))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def load_demo(scale, seed=DEFAULT_SEED, today=None, flush=False):
    """Build the county of `scale` from `seed` and write it; with `flush`, delete the domain
    data first. Everything happens in one transaction: an error leaves the database as it was."""
    started = time.monotonic()
    today = today or datetime.date.today()
    with transaction.atomic():
        if flush:
            flush_domain_data()
        county = build_county(scale, seed, today, first_ids())
        for model in MODELS:
            model.objects.bulk_create(county.rows.of(model), batch_size=BATCH_SIZE)
        reset_sequences()
        accounts, notes = create_accounts(county)
    return LoadResult(seconds=time.monotonic() - started, created=created(county.rows, accounts), notes=notes)


def created(rows, accounts):
    """[(label, count)] of the rows written, with organisations by kind and members by status."""
    breakdown = {Organization: "kind", Member: "status"}
    lines = []
    for model in MODELS:
        objs = rows.of(model)
        lines.append((str(model._meta.verbose_name), len(objs)))
        if model in breakdown:
            field = model._meta.get_field(breakdown[model])
            for value, label in field.choices:
                n = sum(1 for obj in objs if getattr(obj, field.attname) == value)
                if n:
                    lines.append((f"  其中{label}", n))
    lines.append((str(User._meta.verbose_name), accounts))
    return lines
