"""Most of the PDF's tables have fixed column widths (templates/pdf.css, for speed): every example's notice and
record, in Finnish, Swedish and English, laid out exactly as its PDF is, must keep each word inside its table
cell — a heading or a date that does not fit would otherwise run into the next column — and no column heading
is hyphenated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seloste.loader import load
from seloste.pdf import layout
from seloste.render import pdf_stylesheet, render_html
from seloste.resources import templates_dir

from .util import example_files

#: The tables laid out with fixed widths in the PDF.
FIXED = {"seloste-purposes", "seloste-retention", "seloste-form", "seloste-changes"}
#: Half a CSS pixel: WeasyPrint's widths are floats.
SLACK = 0.5


def boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or []:
        yield from boxes(child)


def overflows(document: Any) -> list[str]:
    """Words that run out of their table cell, and tables wider than the box they are in."""
    from weasyprint.formatting_structure import boxes as kinds

    found = []
    for number, page in enumerate(document.pages, 1):
        for box in boxes(page._page_box):
            if isinstance(box, kinds.TableBox) and box.element.get("class", "").split()[-1] in FIXED:
                assert box.style["table_layout"] == "fixed", "the PDF stylesheet gives this table fixed widths"
            if isinstance(box, kinds.TableCellBox):
                right = box.content_box_x() + box.width
                if box.element.tag == "th":
                    found += [f"page {number}: heading {text.text!r} is hyphenated" for text in boxes(box)
                              if isinstance(text, kinds.TextBox) and text.text.endswith(("-", "\u2010"))
                              and text.text not in "".join(box.element.itertext())]
                found += [f"page {number}: {text.text!r} runs {text.position_x + text.width - right:.1f}px out "
                          f"of its cell" for text in boxes(box) if isinstance(text, kinds.TextBox)
                          and text.position_x + text.width > right + SLACK]
    return found


def documents() -> list[tuple[Path, str, str]]:
    return [(file, kind, lang) for file in example_files() for kind in ("notice", "record")
            for lang in ("fi", "sv", "en")]


@pytest.mark.parametrize(("file", "kind", "lang"), documents(),
                         ids=[f"{f.stem}-{k}-{lang}" for f, k, lang in documents()])
def test_table_text_stays_in_its_cell(file: Path, kind: str, lang: str) -> None:
    html = render_html(load(file), kind, lang)  # type: ignore[arg-type]
    laid_out = layout(html, file.parent, [file.parent, templates_dir()], [pdf_stylesheet(lang=lang)])
    assert overflows(laid_out) == []


def test_a_heading_too_long_for_its_column_breaks_rather_than_runs_over() -> None:
    """A made-up heading word wider than its whole column, in a table of fixed widths: broken, not run over."""
    file = example_files()[0]
    html = render_html(load(file), "notice", "fi")
    assert ">Käyttötarkoitus<" in html
    html = html.replace(">Käyttötarkoitus<", ">Henkilötietojenkäsittelyntarkoitusjaoikeusperustejärjestelmä<")
    laid_out = layout(html, file.parent, [file.parent, templates_dir()], [pdf_stylesheet(lang="fi")])
    assert overflows(laid_out) == []
