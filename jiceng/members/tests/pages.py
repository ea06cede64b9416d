"""Helpers of the web-page tests of members, cadres, persons and households."""

import datetime
import re

from jiceng.conftest import make_member, make_person
from jiceng.people import idnumber

STAFF = ("county_admin", "township_admin_a", "secretary_a1")
ROLES = (*STAFF, "member_user_a1")


def years_ago(years, days=0, today=None):
    """The date `years` whole years (and `days` days) before today."""
    today = today or datetime.date.today()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return day - datetime.timedelta(days=days)


def new_id_number(birth, seq, address_code="430121"):
    return idnumber.make(address_code, birth, seq)


def member(name, org, seq, **extra):
    return make_member(name, org, seq, **extra)


def person(name, org, seq, **extra):
    return make_person(name, org, seq, **extra)


def text(response):
    """The page's text with tags and runs of white space removed, for `in` checks."""
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def login_url_of(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]
