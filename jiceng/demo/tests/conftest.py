import io

import pytest
from django.core.management import call_command
from django.db import transaction

from jiceng.accounts.models import User
from jiceng.demo.flush import flush_domain_data

SMALL_VILLAGES = 8
SEED = 4242


def pytest_configure(config):
    config.addinivalue_line("markers", "county_scale: builds the full demo county (about 10 s); once per run")


def call(command, *args, **options):
    out = io.StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def run_demo(db):
    """run_demo(*args, **options) runs `manage.py demo` and returns what it printed."""
    return lambda *args, **options: call("demo", *args, **options)


@pytest.fixture(scope="module")
def small_demo_data(django_db_setup, django_db_blocker):
    """A demo county of a few villages, built once per test module and committed; each test
    still runs in a transaction that is rolled back, and the data is deleted afterwards."""
    with django_db_blocker.unblock():
        out = call("demo", villages=SMALL_VILLAGES, seed=SEED)
        yield out
        with transaction.atomic():
            flush_domain_data()
            User.objects.all().delete()


@pytest.fixture
def small_demo(small_demo_data, db):
    """The small demo county, for a test using the database; what `demo` printed."""
    return small_demo_data
