"""Renderings of a notice's lines as the files we are given. PDFs of the two-column form (the old Art 30
"rekisteriseloste": a heading in the left cell, its text in the right one) are made with WeasyPrint the way
such notices reach us: a Word table exported to PDF with its cell borders, or a table without rules; on A4, or
on A5 with a running header and page numbers so that the table runs over page breaks. Word files are made with
python-docx. Used by the importer's tests and by `python -m benchmarks.importer`."""

from __future__ import annotations

import html
import re
from pathlib import Path

NUMBERED = re.compile(r"^\d{1,2}\.\s+\S")

#: name → (what it imitates, CSS). "Word" closes a row that a page break cuts with a border on both pages,
#: as Word does; the "open" rendering leaves it open (WeasyPrint's default for collapsed borders).
STYLES: dict[str, tuple[str, str]] = {
    "ruled": ("a Word table with cell borders exported to PDF",
              "table { border-collapse: separate; border-spacing: 0 }"
              " td { border: 0.5pt solid black; box-decoration-break: clone }"),
    "unruled": ("a two-column table without rules", ""),
    "ruled-pages": ("the Word export on A5: the table runs over three pages, rows cut by the page breaks",
                    "@page { size: A5 } table { border-collapse: separate; border-spacing: 0 }"
                    " td { border: 0.5pt solid black; box-decoration-break: clone }"),
    "open-pages": ("cell borders not drawn where a page break cuts a row",
                   "@page { size: A5 } table { border-collapse: collapse } td { border: 0.5pt solid black }"),
    "unruled-pages": ("the table without rules on A5, over three pages", "@page { size: A5 }"),
}
PAGES = ('@page { @top-left { content: "Tietosuojaseloste" }'
         ' @bottom-right { content: "Sivu " counter(page) " / " counter(pages) } }')


def two_column_pdf(lines: list[str], path: Path, style: str) -> Path:
    """`lines` as a PDF: a line "heading<TAB>text" is a table row (an empty heading continues the row above
    it, as in the notice), any other line a paragraph."""
    body: list[str] = []
    rows: list[str] = []
    for line in [*lines, ""]:
        if "\t" in line:
            first, _, rest = line.partition("\t")
            rows.append(f"<tr><td>{html.escape(first.strip())}</td><td>{html.escape(rest.strip())}</td></tr>")
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            body.append(f"<p>{html.escape(line.strip())}</p>")
    css = ("body { font-family: sans-serif; font-size: 11pt }"
           " table { width: 100% } td { vertical-align: top; padding: 2pt 4pt } td:first-child { width: 35% }"
           + STYLES[style][1] + (PAGES if style.endswith("-pages") else ""))
    from weasyprint import HTML

    HTML(string=f"<html><head><style>{css}</style></head><body>{''.join(body)}</body></html>").write_pdf(str(path))
    return path


def word_file(lines: list[str], path: Path, *, table: bool = False) -> Path:
    """`lines` as a Word file: a numbered line is a heading, a dash a list item; with `table`, a line
    "heading<TAB>text" is a row of a two-column table (the notice's own tab-separated form)."""
    import docx

    document = docx.Document()
    grid = None
    for line in lines:
        if not line.strip():
            continue
        if table and "\t" in line:
            first, _, rest = line.partition("\t")
            if grid is None:
                grid = document.add_table(rows=0, cols=2)
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = first.strip(), rest.strip()
        elif NUMBERED.match(line) and len(line) < 90:
            document.add_heading(line.strip(), level=2)
        elif line.lstrip().startswith(("–", "-", "•")):
            document.add_paragraph(line.strip().lstrip("–-• "), style="List Bullet")
        else:
            document.add_paragraph(line.strip())
    document.save(str(path))
    return path
