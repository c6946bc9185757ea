"""The system Chromium driven by Playwright, and axe-core, for the tests that look at pages as a phone does.

`make test` installs both (Chromium by the Makefile's system step, axe-core by npm from package-lock.json); a
test that needs them fails when they are missing, it is never skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
#: A phone held upright (320: the narrowest still sold, 390: the most common), and a tablet.
WIDTHS = (320, 390, 768)


@contextmanager
def chromium() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test` as root, or install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def overflow(page: Page) -> dict[str, Any]:
    """How wide the page is against the window, and the widest elements that stick out (for the message)."""
    result: dict[str, Any] = page.evaluate("""() => {
        const width = window.innerWidth;
        const wide = [];
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.right > width + 0.5 && r.width > 0) {
                wide.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(r.right)}`);
            }
        }
        return {scroll: document.documentElement.scrollWidth, inner: width, wide: wide.slice(0, 5)};
    }""")
    return result


def axe(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page (WCAG 2.1 A and AA and best practices), or in the element `context`."""
    assert AXE.exists(), f"{AXE} is missing: run `make test` (npm ci installs axe-core)"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    raw = page.evaluate("""async (context) => {
        const result = await axe.run(context ? document.querySelector(context) : document,
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return JSON.stringify(result.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})));
    }""", context)
    violations: list[dict[str, Any]] = json.loads(raw)
    return violations
