"""The embeddable fragment in a real website: the Finnish and the Swedish fragment of one notice, built with
`--heading-base 2`, pasted side by side into a narrow column of a page whose own CSS is hostile (uppercase and
spaced-out headings, list markers drawn with ::before, borders on every cell, no wrapping), in Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe, chromium, overflow

from .util import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "hieroja-koskenranta.yaml"

HOST = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A website</title>
<style>
body { margin: 0; font-family: Georgia, serif; font-size: 18px; }
h1, h2, h3, h4, h5, h6 { text-transform: uppercase; letter-spacing: 0.3em; border-bottom: 4px double #c00; }
h2::before { content: "§ "; }
ul li { list-style: square; padding-left: 2em; }
li::before { content: "» "; }
table, th, td { border: 3px solid #c00; }
td, th, li, p { white-space: nowrap; }
* { box-sizing: content-box; }
.column { width: 300px; margin: 0 auto; }
</style>
</head>
<body>
<main>
<h1>Our salon</h1>
<div class="column">
FRAGMENTS
</div>
</main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fragment")
    done = subprocess.run([sys.executable, "-m", "seloste", "build", str(EXAMPLE), "-o", str(out), "--only",
                           "notice", "--format", "html", "--lang", "fi,sv", "--heading-base", "2"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    folder = out / "hieroja-koskenranta"
    fragments = "\n".join((folder / f"notice.{lang}.fragment.html").read_text("utf-8") for lang in ("fi", "sv"))
    page = out / "host.html"
    page.write_text(HOST.replace("FRAGMENTS", fragments), encoding="utf-8")
    return page


def test_css_also_as_a_file(built: Path) -> None:
    folder = built.parent / "hieroja-koskenranta"
    for lang in ("fi", "sv"):
        css = (folder / f"notice.{lang}.fragment.css").read_text("utf-8")
        html = (folder / f"notice.{lang}.fragment.html").read_text("utf-8")
        assert ".seloste-fragment h1" in css and "container: seloste" in css
        assert css.strip() in html


def test_two_fragments_in_a_hostile_narrow_column(built: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(built.as_uri())
        facts: dict[str, Any] = page.evaluate("""() => {
            const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
            const fragments = [...document.querySelectorAll('.seloste-fragment')];
            const links = [...document.querySelectorAll('.seloste-fragment a[href^="#"]')].map(a => {
                const target = document.getElementById(a.getAttribute('href').slice(1));
                return {href: a.getAttribute('href'), found: !!target,
                        same: !!target && target.closest('.seloste-fragment') === a.closest('.seloste-fragment')};
            });
            const headings = fragments.map(f => [...f.querySelectorAll('h1, h2, h3, h4, h5, h6')]
                .map(h => h.tagName.toLowerCase()));
            const styles = fragments.flatMap(f => [...f.querySelectorAll('h2, h3, h4')].map(h => {
                const s = getComputedStyle(h), before = getComputedStyle(h, '::before');
                return [s.textTransform, s.letterSpacing, before.content];
            }));
            const markers = fragments.flatMap(f => [...f.querySelectorAll('li')].map(li =>
                getComputedStyle(li, '::before').content));
            const cells = fragments.flatMap(f => [...f.querySelectorAll('td')].map(td =>
                getComputedStyle(td).borderLeftWidth));
            const column = document.querySelector('.column');
            return {ids, links, headings, styles, markers, cells, langs: fragments.map(f => f.lang),
                    column: [column.scrollWidth, column.clientWidth]};
        }""")
        wide = overflow(page)
        violations = axe(page)
        page.close()
    assert facts["langs"] == ["fi", "sv"]
    assert len(facts["ids"]) == len(set(facts["ids"])), "two elements share an id"
    assert facts["links"] and all(link["found"] and link["same"] for link in facts["links"]), facts["links"]
    for levels in facts["headings"]:
        assert levels[0] == "h2" and "h1" not in levels
    assert {tuple(s) for s in facts["styles"]} == {("none", "normal", "none")}
    assert set(facts["markers"]) == {"none"}
    assert set(facts["cells"]) == {"0px"}
    assert facts["column"][0] <= facts["column"][1], facts["column"]
    assert wide["scroll"] <= wide["inner"], wide
    assert not violations, violations
