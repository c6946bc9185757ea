"""Finnish typography in the built documents: no-break spaces in "200 §" and "6 art. 1 kohta b", typographic
quotes and dashes, page numbers as the language writes them, nothing smaller than 8.5 pt in the PDF, no
hyphenation inside e-mail addresses and links, and Voikko as the Finnish hyphenator."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup
from pypdf import PdfReader

from seloste.build import BuildResult
from seloste.loader import load
from seloste.render.typography import NBSP, Verbatim, tie

from .util import EXAMPLES


@pytest.mark.parametrize(("text", "expected"), [
    ("Laki 917/2014, 200 §", f"Laki 917/2014, 200{NBSP}§"),
    ("(EU:n tietosuoja-asetus 6 art. 1 kohta b)", f"(EU:n tietosuoja-asetus 6{NBSP}art.{NBSP}1{NBSP}kohta{NBSP}b)"),
    ("12 kuukautta käynnistä", f"12{NBSP}kuukautta käynnistä"),
    ("6 år efter", f"6{NBSP}år efter"),
    ("within 30 days", f"within 30{NBSP}days"),
    ("Article 6(1)(b)", f"Article{NBSP}6(1)(b)"),
    ("Ajas Oy - järjestelmä", f"Ajas Oy{NBSP}– järjestelmä"),
    ('"lainaus"', "”lainaus”"),
    ("Y-tunnus 1234567-8, puh. 040 123 4567", "Y-tunnus 1234567-8, puh. 040 123 4567"),
])
def test_tie(text: str, expected: str) -> None:
    assert tie(text) == expected


def test_tie_keeps_markup_and_stylesheets() -> None:
    assert tie(Markup('<a href="x">"6 vuotta"</a>')) == Markup(f'<a href="x">”6{NBSP}vuotta”</a>')
    assert tie(Markup('<a href="x">"q"</a>'), "en") == Markup('<a href="x">“q”</a>')
    css = Verbatim('.a { font-family: "DejaVu Sans"; } /* 6 vuotta */')
    assert tie(css) is css
    assert tie(6) == 6


@pytest.fixture(scope="module")
def folder(built: tuple[Path, BuildResult]) -> Path:
    out, result = built
    assert result.ok
    return out / "hieroja-koskenranta"


def test_no_break_spaces_in_the_documents(folder: Path) -> None:
    html = (folder / "notice.fi.html").read_text("utf-8")
    assert f"6{NBSP}art.{NBSP}1{NBSP}kohta{NBSP}c" in html
    assert "6 art." not in html.replace(f"6{NBSP}art.", "")
    assert re.search(rf"\d+{NBSP}§", html)
    assert not re.search(r"<[^>]*\u00a0[^>]*>", html), "a no-break space inside a tag"


def pdf_sizes(path: Path) -> list[tuple[float, str]]:
    sizes: list[tuple[float, str]] = []
    for page in PdfReader(path).pages:
        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3]) if tm[3] and cm[3] else 1.0
                sizes.append((round(size * scale, 2), text.strip()))
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("kind", ["notice", "record"])
def test_nothing_smaller_than_8_5_pt(folder: Path, kind: str) -> None:
    small = [(size, text) for size, text in pdf_sizes(folder / f"{kind}.fi.pdf") if size < 8.49]
    assert not small, small[:10]


def test_page_numbers_and_addresses_in_the_pdf(folder: Path) -> None:
    reader = PdfReader(folder / "notice.fi.pdf")
    pages = len(reader.pages)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert f"1 ({pages})" in text and f"{pages} ({pages})" in text
    flat = re.sub(r"\s+", "", text)
    doc = load(EXAMPLES / "hieroja-koskenranta.yaml").data
    for address in (doc["controller"]["email"], doc["controller"]["website"].removeprefix("https://")):
        assert address in flat, f"{address} is broken across lines with a hyphen"


def test_voikko_hyphenates_finnish() -> None:
    import pyphen

    from seloste.pdf import register_hyphenation

    assert register_hyphenation() == "voikko", "install libvoikko1 and voikko-fi (make test does, as root)"
    hyphenated = pyphen.Pyphen(lang="fi", left=3, right=3).inserted("ajanvarausjärjestelmä")
    assert hyphenated == "ajan-va-raus-jär-jes-telmä"
