"""The demo's sign-in accounts: one per role, with one shared password."""

import unicodedata

from django.contrib.auth.hashers import make_password

from jiceng.accounts.choices import Role
from jiceng.accounts.models import User
from jiceng.organizations.models import Organization

from .scales import SCALES

DEMO_PASSWORD = "Jiceng@2026"
DEMO_URL = "http://127.0.0.1:8000/"
ADMIN_USERNAME = "admin"
ROLE_USERNAMES = ("county_admin", "township_admin", "village_secretary", "member")
USERNAMES = (*ROLE_USERNAMES, ADMIN_USERNAME)


def create_accounts(county):
    """Create (or reset) the role accounts; create the superuser unless one of that name exists.
    Returns how many accounts were created or reset, and notes about those left alone."""
    password = make_password(DEMO_PASSWORD)  # Argon2 once, the same hash for every account
    specs = {
        "county_admin": dict(role=Role.COUNTY_ADMIN, organization=county.county_org, person=None),
        "township_admin": dict(role=Role.TOWNSHIP_ADMIN, organization=county.township_org, person=None),
        "village_secretary": dict(
            role=Role.VILLAGE_SECRETARY, organization=county.village_org, person=county.secretary
        ),
        "member": dict(role=Role.MEMBER, organization=county.village_org, person=county.member),
    }
    notes, written = [], 0
    for username, spec in specs.items():
        person = spec["person"]
        full_name = person.name if person else f"{spec['organization'].name}管理员"
        existing = User.objects.filter(username=username).first()
        if existing is not None and existing.is_superuser:
            notes.append(f"用户名 {username} 已是超级用户，未改动。")
            continue
        user = existing or User(username=username)
        user.password = password
        user.full_name = full_name
        user.is_active, user.is_staff, user.is_superuser = True, False, False
        for field, value in spec.items():
            setattr(user, field, value)
        user.save()
        written += 1
    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    if admin is None:
        User.objects.create(
            username=ADMIN_USERNAME,
            password=password,
            full_name="系统管理员",
            role=Role.COUNTY_ADMIN,
            is_staff=True,
            is_superuser=True,
        )
        written += 1
    elif admin.is_superuser:
        notes.append(f"超级用户 {ADMIN_USERNAME} 已存在，保留其原密码。")
    else:
        notes.append(f"用户名 {ADMIN_USERNAME} 已被普通用户占用，未创建超级用户。")
    return written, notes


def demo_loaded():
    """Whether the demo county is in the database (its county committee, by code)."""
    return Organization.objects.filter(code=SCALES["county"].org_code, parent=None).exists()


def account_rows():
    """[(username, password shown, role, organisation)] of the demo accounts that exist."""
    users = {
        u.username: u for u in User.objects.filter(username__in=USERNAMES).select_related("organization")
    }
    rows = []
    for username in USERNAMES:
        user = users.get(username)
        if user is None:
            continue
        password = DEMO_PASSWORD if user.check_password(DEMO_PASSWORD) else "（已修改）"
        if user.is_superuser:
            role = "超级管理员（仅用于系统管理后台 /admin/）"
        else:
            role = user.get_role_display()
        organization = user.organization.name if user.organization_id else "—"
        rows.append((username, password, role, organization))
    return rows


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def format_table(header, rows):
    """A plain-text table whose columns line up in a terminal, Chinese characters included."""
    widths = [max(display_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(row):
        cells = [str(c) + " " * (w - display_width(str(c))) for c, w in zip(row, widths, strict=True)]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
