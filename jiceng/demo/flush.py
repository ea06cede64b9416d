"""Deleting the domain data before the demo is loaded again (`demo --flush`)."""

from contextlib import contextmanager

from django.db.models import ProtectedError, RestrictedError
from django.db.models.signals import post_delete

from jiceng.accounts.models import User
from jiceng.core.models import ChangeLog
from jiceng.core.signals import log_delete
from jiceng.members.models import Member, MobileMember, Position
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person
from jiceng.regions.models import Region

# What `demo` fills; any of it present means the database is not empty.
DOMAIN_MODELS = (Region, Organization, Person, Household, Member, Position, MobileMember)


class FlushRefused(Exception):
    """Records outside the demo's models still point at the data to delete."""


def domain_data_exists():
    return any(model.objects.exists() for model in DOMAIN_MODELS)


@contextmanager
def change_log_muted():
    """The whole change log is deleted too, so logging each deleted row would only cost time
    (and would stop Django from deleting in bulk)."""
    disconnected = post_delete.disconnect(log_delete)
    try:
        yield
    finally:
        if disconnected:
            post_delete.connect(log_delete)


def flush_domain_data():
    """Delete members, posts, persons, households, organisations, regions, the change log and
    every user except superusers (who lose their organisation and person links)."""
    try:
        with change_log_muted():
            ChangeLog.objects.all().delete()
            User.objects.filter(is_superuser=True).update(organization=None, person=None)
            User.objects.filter(is_superuser=False).delete()
            # Cut the links inside the data first, so that each table goes in one statement.
            Household.objects.update(head=None)
            Person.objects.update(household=None)
            Organization.objects.update(parent=None)
            Region.objects.update(parent=None)
            for model in (MobileMember, Position, Member, Household, Person, Organization, Region):
                model.objects.all().delete()
    except (ProtectedError, RestrictedError) as exc:
        blocking = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", ())
        names = sorted({str(obj._meta.verbose_name) for obj in blocking})
        raise FlushRefused(f"还有其他记录（{'、'.join(names)}）引用了要删除的数据，无法清空。") from None
