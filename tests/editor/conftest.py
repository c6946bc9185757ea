"""Fixtures for the editor's tests: the system Chromium driven by Playwright, and an editor server per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from seloste.editor.server import EditorServer

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One browser per test module: Playwright's synchronous API runs an event loop in this thread while it is
    started, so it must be stopped before another module (tests/browser.py) starts its own."""
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make system-deps` installs it (Debian package chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def editor() -> Iterator[Callable[[Path], EditorServer]]:
    """Starts an editor for a file on a free port; every server started is stopped after the test."""
    started: list[EditorServer] = []

    def start(path: Path) -> EditorServer:
        server = EditorServer(path, 0, "fi")
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # Playwright's waiting helpers evaluate code, which the editor's Content-Security-Policy forbids to pages.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?": yes, in tests
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def settled(page: Page) -> None:
    """Wait until every change typed so far has been answered and shown."""
    page.wait_for_function("window.seloste && window.seloste.idle()")
