"""The HTML pages: valid HTML5 structure, language, one h1, heading order, landmarks; the scoped fragment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seloste.build import BuildResult

from .util import example_files, outline


@pytest.fixture(scope="module")
def folders(built: tuple[Path, BuildResult]) -> list[Path]:
    out, result = built
    assert result.ok, [f.format() for f in result.findings]
    return [out / c.slug for c in result.controllers if c.slug]


def test_every_example_is_built(folders: list[Path]) -> None:
    assert len(folders) == len(example_files())
    for folder in folders:
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["notice.fi.fragment.css", "notice.fi.fragment.html", "notice.fi.html", "notice.fi.pdf",
                         "record.fi.html", "record.fi.pdf"]


@pytest.mark.parametrize("name", ["notice.fi.html", "record.fi.html"])
def test_page_structure(folders: list[Path], name: str) -> None:
    for folder in folders:
        html = (folder / name).read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>")
        page = outline(html)
        assert page.doctype is not None and page.doctype.lower() == "doctype html"
        assert page.attrs["html"] == [{"lang": "fi"}]
        assert any(m.get("name") == "viewport" for m in page.attrs["meta"])
        assert any(m.get("charset") == "utf-8" for m in page.attrs["meta"])
        assert page.tags.count("title") == 1
        for landmark in ("header", "main", "footer"):
            assert page.tags.count(landmark) == 1, landmark
        assert page.headings.count(1) == 1
        assert page.headings[0] == 1
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"heading level jumps from h{before} to h{after} in {folder.name}/{name}"
        assert len(page.ids) == len(set(page.ids)), "duplicate id"
        skip = page.attrs["a"][0]
        assert skip.get("href") == "#sisalto" and "sisalto" in page.ids
        for image in page.attrs.get("img", []):
            assert image.get("alt") is not None


def test_fragment_has_no_page_and_scoped_styles(folders: list[Path]) -> None:
    for folder in folders:
        html = (folder / "notice.fi.fragment.html").read_text(encoding="utf-8")
        page = outline(html)
        for tag in ("html", "head", "body", "title", "meta", "main", "header", "footer"):
            assert tag not in page.tags, tag
        assert page.attrs["div"][0]["class"] == "seloste seloste-notice seloste-fragment"
        assert page.attrs["div"][0]["lang"] == "fi"
        css = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
        assert css is not None
        for selector in style_selectors(css.group(1)):
            assert selector.startswith(".seloste"), f"unscoped selector {selector!r}"


def style_selectors(css: str) -> list[str]:
    """Every selector of a stylesheet, at-rule preludes left out."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    selectors = []
    for prelude in re.findall(r"([^{};]+)\{", css):
        prelude = prelude.strip()
        if prelude.startswith("@"):
            continue
        selectors += [s.strip() for s in prelude.split(",")]
    return selectors


def test_notice_text(folders: list[Path]) -> None:
    html = (next(f for f in folders if f.name == "ihoklinikka-aurora") / "notice.fi.html").read_text("utf-8")
    html = html.replace("\xa0", " ")  # the no-break spaces of "6 art. 1 kohta b" (render/typography.py)
    assert "Sopimuksen täytäntöönpano (EU:n tietosuoja-asetus 6 art. 1 kohta b)" in html
    assert "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle." in html
    assert "Tietoja ei luovuteta ulkopuolisille." in html
    assert "Tietojasi ei käytetä automaattiseen päätöksentekoon eikä profilointiin." in html
    assert "Oikeus peruuttaa suostumus" in html
    assert "Oikeus vastustaa käsittelyä" in html
    assert "Vastaamme pyyntöösi viimeistään kuukauden kuluessa pyynnöstä." in html
    assert "6 vuotta sen vuoden lopusta, jona tilikausi päättyi" in html
    assert "15.9.2025" in html and "1.2.2024" in html


def test_record_shows_internal_activities(folders: list[Path]) -> None:
    from seloste.loader import load
    from seloste.text import localize

    for example in example_files():
        doc = load(example).data
        hidden = [a for a in doc["activities"] if a.get("public") is False]
        folder = next(f for f in folders if f.name == doc.get("id", example.stem))
        notice = (folder / "notice.fi.html").read_text("utf-8")
        record = (folder / "record.fi.html").read_text("utf-8")
        for activity in hidden:
            name = localize(activity["name"], fallback=True)
            assert f'id="kasittely-{activity["id"]}"' in record, name
            assert f'id="kasittely-{activity["id"]}"' not in notice, name


def test_pages_carry_only_css_that_browsers_and_validators_know(folders: list[Path]) -> None:
    from seloste.render import pdf_stylesheet

    for folder in folders:
        for name in ("notice.fi.html", "notice.fi.fragment.html", "record.fi.html"):
            html = (folder / name).read_text("utf-8")
            assert "string-set" not in html and "hyphenate-limit-chars" not in html, name
    assert "string-set: controller content()" in pdf_stylesheet()
