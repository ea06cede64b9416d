"""Checks of the demo's data shared by the small and the county-scale tests; each one query or a few."""

import datetime

from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Cast, Concat

from jiceng.members.choices import PARTY_MEMBER_STATUSES
from jiceng.members.models import Member, Position
from jiceng.organizations.choices import OrganizationKind
from jiceng.organizations.models import Organization
from jiceng.people import idnumber
from jiceng.people.models import Person

LOCAL_SECTORS = ("village", "community")


def misplaced_nodes(model):
    """Tree nodes whose path is not their parent's path plus their own key, or whose depth is
    not their parent's plus one (roots: "/pk/" and 0)."""
    own_key = Concat(Cast("pk", CharField()), Value("/"), output_field=CharField())
    expected = Concat(F("parent__path"), own_key, output_field=CharField())
    children = model.objects.filter(parent__isnull=False).annotate(expected=expected)
    roots = model.objects.filter(parent=None).annotate(expected=Concat(Value("/"), own_key))
    return (
        children.exclude(path=F("expected")).count()
        + children.exclude(depth=F("parent__depth") + 1).count()
        + roots.exclude(path=F("expected")).count()
        + roots.exclude(depth=0).count()
    )


def local_organizations():
    """Village and community organisations: the branches and general branches under townships."""
    return Organization.objects.filter(
        parent__kind=OrganizationKind.TOWNSHIP_COMMITTEE,
        sector__in=LOCAL_SECTORS,
        kind__in=(OrganizationKind.BRANCH, OrganizationKind.GENERAL_BRANCH),
    )


def party_members_per_local_org():
    """{organisation: its Party members, sub-branches included} for every village and community."""
    counts = (
        local_organizations()
        .annotate(
            n=Count("persons__membership", filter=Q(persons__membership__status__in=PARTY_MEMBER_STATUSES))
        )
        .values_list("kind", "n")
    )
    return list(counts)


def without_current_secretary():
    current = Q(positions__title="secretary", positions__end_date__isnull=True)
    return local_organizations().annotate(n=Count("positions", filter=current)).filter(n=0)


def id_number_problems():
    """Persons whose ID number does not parse or disagrees with their birth date and sex."""
    problems = []
    for name, number, birth, sex in Person.objects.values_list("name", "id_number", "birth_date", "sex"):
        try:
            info = idnumber.parse(number)
        except idnumber.IdNumberError as exc:
            problems.append((name, number, str(exc)))
            continue
        if (info.birth_date, info.sex) != (birth, sex):
            problems.append((name, number, "mismatch"))
    return problems


def unordered_member_dates(today=None):
    """Members whose steps are out of order, whose full date is not a year after admission,
    who applied before 18, or who are probationary but were admitted more than a year ago."""
    today = today or datetime.date.today()
    out_of_order = (
        Q(application_date__gt=F("activist_date"))
        | Q(activist_date__gt=F("candidate_date"))
        | Q(candidate_date__gt=F("admission_date"))
        | Q(admission_date__gt=F("full_date"))
        | Q(full_date__gt=today)
        | Q(left_date__lt=F("full_date"))
    )
    bad = list(Member.objects.filter(out_of_order).values_list("pk", flat=True))
    for pk, admission, full, status in Member.objects.values_list(
        "pk", "admission_date", "full_date", "status"
    ):
        if full and (admission is None or full != add_year(admission)):
            bad.append(pk)
        if status == "probationary" and (admission is None or (today - admission).days > 366):
            bad.append(pk)
    for pk, birth, application in Member.objects.values_list("pk", "person__birth_date", "application_date"):
        if application is None or application < add_years(birth, 18):
            bad.append(pk)
    return bad


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_year(day):
    return add_years(day, 1)


def ended_positions_by_year():
    return dict(
        Position.objects.exclude(end_date=None)
        .values_list("end_date__year")
        .annotate(n=Count("pk"))
        .order_by()
    )
