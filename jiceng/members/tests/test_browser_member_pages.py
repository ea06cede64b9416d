"""The member, cadre and household pages in a real browser (headless Chromium via Playwright):
a 360px phone shows them without sideways scrolling, and the person choice searches as one types.

Skipped where Chromium is not installed, unless REQUIRE_BROWSER is set (jiceng/conftest.py)."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from jiceng.conftest import PASSWORD
from jiceng.members.models import Member, Position

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser, live_server, county):
    """A 360px-wide phone signed in as the village secretary of 桃源村."""
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.hosts = set()
    page.failed = []
    page.on("request", lambda r: page.hosts.add(urlsplit(r.url).netloc))
    page.on("response", lambda r: page.failed.append(r.url) if r.status >= 400 else None)
    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("input[name=username]", "sec_a1")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    yield page
    context.close()


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_pages_fit_a_phone_screen(phone, live_server, county):
    urls = [
        reverse("members:list"),
        reverse("members:detail", args=[county.member_a1.pk]),
        reverse("members:add"),
        reverse("members:edit", args=[county.member_a1.pk]),
        reverse("members:position_list"),
        reverse("members:position_add"),
        reverse("members:mobile_add", args=[county.member_a1.pk]),
        reverse("people:person_list"),
        reverse("people:person_detail", args=[county.member_a1.person.pk]),
        reverse("people:household_list"),
        reverse("people:household_detail", args=[county.household_a1.pk]),
        reverse("people:household_add"),
    ]
    for url in urls:
        phone.goto(live_server.url + url)
        phone.wait_for_load_state("networkidle")
        assert overflow(phone) <= 1, url
    assert phone.hosts == {urlsplit(live_server.url).netloc}
    assert phone.failed == []


def test_the_person_choice_searches_as_one_types(phone, live_server, county):
    phone.goto(live_server.url + reverse("members:position_add"))
    assert not phone.is_visible("select[name=person]")  # the script replaces the select by the box
    phone.fill(".search-select-input", "lxh")
    option = phone.locator(".search-select-results button", has_text="李小红")
    option.wait_for()
    option.click()
    assert phone.input_value("select[name=person]") == str(county.member_a1b.person.pk)
    phone.select_option("select[name=organization]", str(county.village_a1.pk))
    phone.select_option("select[name=title]", "organization_member")
    phone.fill("input[name=start_date]", "2024-01-15")
    phone.click("main button[type=submit]")
    phone.wait_for_load_state("networkidle")
    assert Position.objects.filter(person=county.member_a1b.person, title="organization_member").exists()
    assert phone.url.endswith(reverse("members:position_list"))


def test_a_secretary_adds_a_member_on_a_phone(phone, live_server, county):
    phone.goto(live_server.url + reverse("members:add"))
    phone.fill("input[name=person-name]", "陈新民")
    phone.fill("input[name=person-id_number]", "430121199004120156")
    phone.select_option("select[name=member-organization]", str(county.village_a1.pk))
    phone.select_option("select[name=member-status]", "applicant")
    phone.fill("input[name=member-application_date]", "2025-06-01")
    phone.click("main button[type=submit]")
    phone.wait_for_load_state("networkidle")
    member = Member.objects.get(person__name="陈新民")
    assert phone.url.endswith(reverse("members:detail", args=[member.pk]))
    assert "入党申请人" in phone.content()
    assert overflow(phone) <= 1
