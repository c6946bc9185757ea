"""Every built page of every example (and the index of the output folder) on a phone and a tablet, in the system
Chromium: nothing scrolls sideways at 320, 390 or 768 px, and axe-core finds no accessibility violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from seloste.batch import BatchOptions, run_batch
from seloste.index import write_index
from tests.browser import WIDTHS, axe, chromium, overflow

from .util import EXAMPLES


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("phone")
    result = run_batch([EXAMPLES], out, BatchOptions(fmt="html", jobs=1))
    assert not result.failed, [f.format() for o in result.failed for f in o.findings]
    write_index(out, None)
    built = sorted(p for p in out.glob("*/*.html") if not p.name.endswith(".fragment.html"))
    assert len(built) == 30  # 5 examples × notice and record × fi, sv, en
    return [*built, out / "index.html"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def test_no_page_scrolls_sideways(pages: list[Path], browser: Browser) -> None:
    wide = []
    page = browser.new_page()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in pages:
            page.goto(path.as_uri())
            measured = overflow(page)
            if measured["scroll"] > measured["inner"]:
                wide.append(f"{path.parent.name}/{path.name} at {width} px: {measured['scroll']} px wide, "
                            f"{measured['wide']}")
    page.close()
    assert not wide, "\n".join(wide)


def test_axe_finds_nothing(pages: list[Path], browser: Browser) -> None:
    found = {}
    page = browser.new_page(viewport={"width": 390, "height": 800})
    for path in pages:
        page.goto(path.as_uri())
        violations = axe(page)
        if violations:
            found[f"{path.parent.name}/{path.name}"] = violations
    page.close()
    assert not found, found
