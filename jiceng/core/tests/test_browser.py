"""End to end in a real browser: Debian's Chromium driven by Playwright, headless.

Skipped where Chromium is not installed, unless REQUIRE_BROWSER is set (as CI sets it), in
which case a missing browser fails the suite instead of hiding the test (the `browser`
fixture in jiceng/conftest.py).
"""

from urllib.parse import urlsplit

import pytest

from jiceng.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requested_hosts = set()
    pg.failed_requests = []
    pg.on("request", lambda r: pg.requested_hosts.add(urlsplit(r.url).netloc))
    pg.on("requestfailed", lambda r: pg.failed_requests.append(r.url))
    pg.on("response", lambda r: pg.failed_requests.append(r.url) if r.status >= 400 else None)
    yield pg
    context.close()


def log_in(page, live_server, username):
    page.goto(live_server.url + "/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_a_township_admin_walks_the_tree_and_finds_a_member_by_pinyin(page, live_server, county):
    log_in(page, live_server, "town_a")
    assert "中共东山镇委员会" in page.content()

    with page.expect_navigation():
        page.click("nav >> text=组织架构")
    page.wait_for_load_state("networkidle")
    assert (
        page.locator("text=中共桃源村支部委员会").first.is_visible()
        or "中共桃源村支部委员会" in page.content()
    )
    assert "中共西河乡委员会" not in page.content()  # another township is not ours to see

    with page.expect_navigation():
        page.locator("a", has_text="中共杏花村总支部委员会").first.click()
    page.wait_for_load_state("networkidle")
    assert "杏花村第一党支部" in page.content()

    with page.expect_navigation():
        page.click("nav >> text=党员")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=q]", "zsf")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    rows = page.locator("text=张三丰")
    assert rows.count() >= 1
    assert "李小红" not in page.content()
    assert "赵四海" not in page.content()

    local = urlsplit(live_server.url).netloc
    assert page.requested_hosts == {local}, page.requested_hosts
    assert page.failed_requests == []


def test_a_village_secretary_can_use_it_on_a_phone(browser, live_server, county):
    context = browser.new_context(
        locale="zh-CN",
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 8.1; Redmi 5A) AppleWebKit/537.36 Chrome/70.0 Mobile Safari/537.36",
    )
    page = context.new_page()
    log_in(page, live_server, "sec_a1")
    page.goto(live_server.url + "/members/")
    page.wait_for_load_state("networkidle")
    assert "张三丰" in page.content()
    # Nothing of the page's own layout is wider than the phone's screen.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    page.screenshot(path=str(live_server_screenshot_dir() / "phone-members.png"), full_page=True)
    context.close()


def live_server_screenshot_dir():
    from django.conf import settings

    d = settings.VAR_DIR / "screenshots"
    d.mkdir(parents=True, exist_ok=True)
    return d
