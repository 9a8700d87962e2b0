"""A real browser (Debian's headless chromium, driven by Playwright) reads a stored run of the
seeds: the stories list, a story, a citation chip that shows its source sentence, and the page
with markup and a javascript: URL, where nothing may run.  Screenshots of the story page go to the
test's tmp dir and bench/out/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Dialog, Page, sync_playwright

from newsfuse.web.app import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def base_url(seeds_store: Path) -> Iterator[str]:
    """A uvicorn server of the seeds store on a free loopback port, stopped after the module."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(seeds_store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start in 30 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@dataclass
class Browser:
    """A chromium page and every problem it reported: console errors (a CSP violation is one),
    uncaught script errors, and any dialog (an alert() that ran)."""

    page: Page
    problems: list[str] = field(default_factory=list)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (scripts/install_browser.sh installs it)")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1100, "height": 900})
        b = Browser(context.new_page())
        b.page.set_default_timeout(15_000)

        def on_dialog(dialog: Dialog) -> None:
            b.problems.append(f"dialog: {dialog.message}")
            dialog.dismiss()

        b.page.on("console", lambda m: b.problems.append(m.text) if m.type == "error" else None)
        b.page.on("pageerror", lambda e: b.problems.append(str(e)))
        b.page.on("dialog", on_dialog)
        try:
            yield b
        finally:
            context.close()


def test_read_a_story_and_open_a_citation(browser: Browser, base_url: str, tmp_path: Path) -> None:
    page = browser.page
    stories = httpx.get(f"{base_url}/api/stories").json()["stories"]
    story = max(stories, key=lambda s: s["articles"])
    detail = httpx.get(f"{base_url}/api/stories/{story['id']}").json()
    first = detail["brief"]["sentences"][0]["citations"][0]

    page.goto(f"{base_url}/")
    assert page.locator("ol.stories > li").count() == len(stories)
    page.click(f"a[href='/stories/{story['id']}']")
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("#brief li.sentence").count() == len(detail["brief"]["sentences"])

    quote = page.locator("#q1-1")
    assert not quote.is_visible()
    chip = page.locator("a.chip").first
    chip.click()
    assert quote.is_visible()
    assert chip.get_attribute("aria-expanded") == "true"
    assert page.inner_text("#q1-1 blockquote").strip() == first["quote"].strip()
    assert chip.inner_text().strip() in page.inner_text("#q1-1 .quote-source")  # the outlet
    assert page.url.endswith(f"/stories/{story['id']}")  # the click did not navigate

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    shutil.copyfile(tmp_path / "story.png", out / "story.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(out / "story-phone.png"), full_page=True)
    assert (tmp_path / "story.png").stat().st_size > 10_000
    assert browser.problems == []  # no CSP violation, no script error


def test_markup_and_javascript_urls_stay_inert(browser: Browser, base_url: str) -> None:
    page = browser.page
    page.goto(f"{base_url}/articles/hostile")
    assert 'alert("x")' in page.inner_text(".text")
    assert page.locator(".text script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.inner_text(".ext.inert") == "javascript:alert(1)"
    page.click("p.crumb a")
    page.wait_for_url("**/stories/**")
    page.goto(f"{base_url}/?q=library")
    assert page.locator("ol.stories > li").count() == 1
    assert browser.problems == []  # in particular no alert() dialog ran
