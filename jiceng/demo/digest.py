"""A fingerprint of the domain data that does not depend on primary keys: two loads of the
demo from the same seed on the same day give the same digest."""

import hashlib

from jiceng.members.models import Member, MobileMember, Position
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person
from jiceng.regions.models import Region


def _code_paths(model, key):
    """{pk: "/QS/QS-T01/QS-T01-V001/"}: each node's path spelled with `key` instead of pks."""
    rows = list(model.objects.values_list("pk", "path", *key))
    label = {pk: "|".join(str(v) for v in values) for pk, _, *values in rows}
    return {
        pk: "/" + "/".join(label[int(p)] for p in path.strip("/").split("/")) + "/" for pk, path, *_ in rows
    }


def demo_digest():
    regions = _code_paths(Region, ("code", "name"))
    orgs = _code_paths(Organization, ("code",))
    person_key = dict(Person.objects.values_list("pk", "id_number"))
    household_key = {
        pk: f"{person_key.get(head)}|{name}"
        for pk, head, name in Household.objects.values_list("pk", "head", "name")
    }
    member_key = dict(Member.objects.values_list("pk", "person__id_number"))
    tables = [
        [(regions[pk], level) for pk, level in Region.objects.values_list("pk", "level")],
        [
            (orgs[pk], *rest, regions.get(region))
            for pk, region, *rest in Organization.objects.values_list(
                "pk", "region", "name", "kind", "sector", "formation", "industry", "established_date"
            )
        ],
        [
            (household_key[pk], orgs[org], regions.get(region), *rest)
            for pk, org, region, *rest in Household.objects.values_list(
                "pk", "organization", "region", "address", "size", "is_hardship"
            )
        ],
        [
            (*rest, orgs[org], household_key.get(household))
            for org, household, *rest in Person.objects.values_list(
                "organization",
                "household",
                "id_number",
                "name",
                "sex",
                "birth_date",
                "ethnicity",
                "education",
                "phone",
                "address",
                "name_pinyin",
            )
        ],  # fmt: skip
        [
            (person_key[person], orgs[org], *rest)
            for person, org, *rest in Member.objects.values_list(
                "person",
                "organization",
                "status",
                "application_date",
                "activist_date",
                "candidate_date",
                "admission_date",
                "full_date",
                "left_date",
                "occupation",
                "added_how",
                "double_strong",
                "lost_contact",
            )
        ],  # fmt: skip
        [
            (person_key[person], orgs[org], *rest)
            for person, org, *rest in Position.objects.values_list(
                "person", "organization", "title", "start_date", "end_date", "concurrent", "note"
            )
        ],
        [
            (member_key[member], *rest)
            for member, *rest in MobileMember.objects.values_list(
                "member",
                "destination",
                "work",
                "contact_phone",
                "receiving_organization",
                "start_date",
                "end_date",
            )
        ],  # fmt: skip
    ]
    digest = hashlib.sha256()
    for table in tables:
        for row in sorted(repr(r) for r in table):
            digest.update(row.encode())
        digest.update(b"\x00")
    return digest.hexdigest()
