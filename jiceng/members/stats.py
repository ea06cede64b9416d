"""Figures of a subtree, computed in the database in one aggregate query each."""

import datetime

from django.db.models import Count, Q

from jiceng.organizations.models import Organization
from jiceng.people.choices import EDUCATION_COLLEGE_AND_ABOVE, HAN, Sex

from .choices import AGE_BANDS, DEVELOPMENT_STATUSES, PARTY_MEMBER_STATUSES, MemberStatus, birth_date_range
from .models import Member


def _share(part, whole):
    return round(100.0 * part / whole, 1) if whole else None


def member_figures(queryset, on=None):
    """Counts of a member queryset in the categories of the Party statistics."""
    on = on or datetime.date.today()
    party = Q(status__in=PARTY_MEMBER_STATUSES)
    aggregates = {
        "party_members": Count("pk", filter=party),
        "full": Count("pk", filter=Q(status=MemberStatus.FULL)),
        "probationary": Count("pk", filter=Q(status=MemberStatus.PROBATIONARY)),
        "in_development": Count("pk", filter=Q(status__in=DEVELOPMENT_STATUSES)),
        "female": Count("pk", filter=party & Q(person__sex=Sex.FEMALE)),
        "minority": Count("pk", filter=party & ~Q(person__ethnicity=HAN)),
        "college_and_above": Count("pk", filter=party & Q(person__education__in=EDUCATION_COLLEGE_AND_ABOVE)),
        "double_strong": Count("pk", filter=party & Q(double_strong=True)),
        "lost_contact": Count("pk", filter=party & Q(lost_contact=True)),
    }
    for key, _, _, _ in AGE_BANDS:
        earliest, latest = birth_date_range(key, on)
        cond = party
        if earliest:
            cond &= Q(person__birth_date__gte=earliest)
        if latest:
            cond &= Q(person__birth_date__lte=latest)
        aggregates[f"age_{key}"] = Count("pk", filter=cond)
    row = queryset.aggregate(**aggregates)
    n = row["party_members"]
    row["female_share"] = _share(row["female"], n)
    row["minority_share"] = _share(row["minority"], n)
    row["college_share"] = _share(row["college_and_above"], n)
    row["double_strong_share"] = _share(row["double_strong"], n)
    row["age_bands"] = [
        (label, row[f"age_{key}"], _share(row[f"age_{key}"], n)) for key, label, _, _ in AGE_BANDS
    ]
    return row


def subtree_summary(user, root=None):
    """The headline figures of the user's subtree (or of `root` inside it)."""
    members = Member.objects.restrict(user)
    orgs = Organization.objects.restrict(user)
    if root is not None:
        members = members.filter(organization__path__startswith=root.path)
        orgs = orgs.filter(path__startswith=root.path)
    figures = member_figures(members)
    figures["organizations"] = orgs.count()
    figures["organizations_by_kind"] = list(orgs.values("kind").annotate(n=Count("pk")).order_by("kind"))
    return figures


def member_counts_by_path(user, root):
    """{organisation path: party members directly in it} for the subtree under `root`;
    callers add these up along the paths to get subtree totals without walking the tree."""
    rows = (
        Member.objects.restrict(user)
        .filter(organization__path__startswith=root.path, status__in=PARTY_MEMBER_STATUSES)
        .values_list("organization__path")
        .annotate(n=Count("pk"))
    )
    return dict(rows)
