"""Read an old notice into lines of text, each with the place it came from.

A source is a `.txt`/`.md` file, a saved web page (`.html`), a Word file (`.docx`), a PDF, or an http(s) URL.
Each format is read with a library made for it (python-docx, pdfplumber, selectolax, httpx); this module only
turns their output into `Line`s and refuses inputs that would cost too much (a zip bomb in a `.docx`, a PDF of
thousands of pages, a page that never stops sending).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # the file as read from disk or the network
MAX_TEXT_CHARS = 2 * 1024 * 1024  # the text extracted from it
MAX_DOCX_MEMBER = 50 * 1024 * 1024  # one uncompressed part of a Word file
MAX_DOCX_TOTAL = 100 * 1024 * 1024  # all its parts together
MAX_DOCX_RATIO = 200  # uncompressed / compressed, per part above 1 MB
MAX_PDF_PAGES = 200

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class SourceError(Exception):
    """A source that cannot be read: the message says why, in words for the user."""


@dataclass(frozen=True)
class Line:
    """One line of the notice's text.

    `number` is the position used in findings (the line of a text file, the paragraph of a Word file or web page,
    the line counted through a PDF); `where` says it in words for the YAML comments ("rivi 12", "sivu 2, rivi 5",
    "kappale 7"). `heading` is set when the format itself marks the line as a heading (HTML h1–h6, a Word heading
    style); `cells` holds a table row's cells.
    """

    text: str
    number: int
    where: str
    heading: bool = False
    cells: tuple[str, ...] = ()

    def describe(self) -> str:
        """Where the line is, in the user's language: 'line 12', 'page 2, line 5', 'paragraph 7'."""
        match = re.fullmatch(r"sivu (\d+), rivi (\d+)", self.where)
        if match:
            return tr("page {page}, line {line}", page=match.group(1), line=match.group(2))
        if self.where.startswith("kappale "):
            return tr("paragraph {number}", number=self.where.removeprefix("kappale "))
        return tr("line {number}", number=self.where.removeprefix("rivi "))


@dataclass
class Source:
    name: str
    kind: str  # text, html, docx, pdf
    lines: list[Line]


_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff\ufffe\uffff]")


def _clean(text: str) -> str:
    """The text without control characters (PDFs and Word files carry them) and with plain spaces."""
    text = text.replace("\u00a0", " ").replace("\r", "")
    return _CONTROL.sub("", text).rstrip()


def text_lines(text: str) -> list[Line]:
    """Lines of a plain-text or Markdown notice; stray HTML tags (pasted from a web page) are dropped."""
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _clean(_TAG.sub(" ", raw)) if "<" in raw else _clean(raw)
        heading = False
        if line.lstrip().startswith("#"):
            line, heading = line.lstrip().lstrip("#").strip(), True
        if line.strip():
            out.append(Line(line, number, f"rivi {number}", heading=heading))
    return out


def decode_text(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def html_lines(raw: bytes | str) -> list[Line]:
    """The main text of a web page, one line per paragraph, heading, list item or table row."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(raw if isinstance(raw, str) else decode_text(raw, "page"))
    for selector in (
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "form",
        "svg",
        "iframe",
        "button",
    ):
        for node in tree.css(selector):
            node.decompose()
    root = tree.css_first("main") or tree.css_first("article") or tree.body or tree.root
    if root is None:
        return []
    for br in root.css("br"):
        br.replace_with("\n")
    blocks = "h1,h2,h3,h4,h5,h6,p,li,tr,dt,dd,pre,blockquote,caption"
    out: list[Line] = []
    seen: set[int] = set()
    number = 0
    for node in root.css(blocks + ",div,section"):
        if node.tag in ("div", "section") and (
            any(inner.mem_id != node.mem_id for inner in node.css(blocks + ",div,section")) or not node.text().strip()
        ):
            continue  # a container: its blocks are read one by one; only a div holding bare text is a paragraph
        parent, nested = node.parent, False
        while parent is not None:
            if parent.mem_id in seen:
                nested = True
                break
            parent = parent.parent
        seen.add(node.mem_id)
        if nested:
            continue
        if node.tag == "tr":
            cells = tuple(_clean(" ".join(c.text(separator=" ").split())) for c in node.css("td,th"))
            cells = tuple(c for c in cells if c)
            if not cells:
                continue
            number += 1
            out.append(Line("\t".join(cells), number, f"kappale {number}", cells=cells))
            continue
        text = node.text(separator=" ")
        bold = " ".join(" ".join(b.text(separator=" ").split()) for b in node.css("strong,b")).strip()
        for part in text.split("\n"):
            part = _clean(" ".join(part.split()))
            if not part:
                continue
            number += 1
            out.append(
                Line(
                    ("• " if node.tag == "li" else "") + part,
                    number,
                    f"kappale {number}",
                    heading=node.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or (bold == part and len(part) < 90),
                )
            )
    if not out:  # a page without block elements: its text, line by line
        return text_lines(html.unescape(root.text(separator="\n")))
    return out


def _reason(exc: BaseException) -> str:
    return ": ".join((type(exc).__name__, str(exc)[:200]))


def _check_zip(raw: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SourceError(tr("the file is not a Word document (.docx): it is not a valid zip archive")) from None
    total = 0
    with archive:
        for info in archive.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (
                info.file_size > MAX_DOCX_MEMBER
                or total > MAX_DOCX_TOTAL
                or (info.file_size > 1024 * 1024 and ratio > MAX_DOCX_RATIO)
            ):
                raise SourceError(
                    tr(
                        "the Word file unpacks to more than it can honestly hold (part '{part}' is "
                        "{size} bytes): refusing it as a possible zip bomb",
                        part=info.filename,
                        size=info.file_size,
                    )
                )
        if "word/document.xml" not in archive.namelist():
            raise SourceError(tr("the file is not a Word document (.docx): word/document.xml is missing"))


def _cells(texts: Iterable[str]) -> list[str]:
    """A table row's cell texts without the empty ones and without repeats side by side (a merged cell repeats
    its text in each column it spans, in a Word table and in a PDF's)."""
    cells: list[str] = []
    for text in texts:
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return cells


def docx_lines(raw: bytes) -> list[Line]:
    """Paragraphs and table rows of a Word file in document order; Word's heading styles mark headings."""
    _check_zip(raw)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
        out: list[Line] = []
        number = 0
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                style = (block.style.name if block.style is not None else "") or ""
                runs = [r for r in block.runs if r.text.strip()]
                bold = bool(runs) and all(r.bold for r in runs)
                for part in block.text.split("\n"):
                    part = _clean(part)
                    if not part.strip():
                        continue
                    number += 1
                    heading = style.lower().startswith(("heading", "otsikko", "title", "rubrik")) or (
                        bold and len(part) < 90
                    )
                    bullet = "• " if "list" in style.lower() else ""
                    out.append(Line(bullet + part, number, f"kappale {number}", heading=heading))
            elif isinstance(block, Table):
                for row in block.rows:
                    cells = _cells(_clean(cell.text) for cell in row.cells)
                    if not cells:
                        continue
                    number += 1
                    first, *rest = cells
                    out.append(
                        Line(
                            "\t".join([first, *(" ".join(r.split("\n")) for r in rest)]),
                            number,
                            f"kappale {number}",
                            cells=tuple(cells),
                        )
                    )
        return out
    except SourceError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds of errors on a broken file
        raise SourceError(tr("the Word file cannot be read: {reason}", reason=_reason(exc))) from None


def pdf_lines(raw: bytes) -> list[Line]:
    """The text of a PDF, page by page and line by line; a table's rows as rows of cells, as a Word file's (the
    tables are found by `pdfread`)."""
    import logging

    import pdfplumber

    from . import pdfread

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if not raw.startswith(b"%PDF"):
        raise SourceError(tr("the file is not a PDF (it does not start with %PDF)"))
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise SourceError(
                    tr("the PDF has {count} pages; the limit is {limit}", count=len(pdf.pages), limit=MAX_PDF_PAGES)
                )
            out: list[Line] = []
            number = 0
            for item in pdfread.items(pdf.pages):
                where = f"sivu {item.page}, rivi {item.line}"
                if isinstance(item, pdfread.Row):
                    cells = _cells(_clean(cell).strip() for cell in item.cells)
                    if cells:
                        number += 1
                        out.append(Line("\t".join(cells), number, where, cells=tuple(cells)))
                    continue
                part = _clean(item.text)
                if part.strip():
                    number += 1
                    out.append(Line(part, number, where))
            return out
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on a broken file
        raise SourceError(tr("the PDF cannot be read: {reason}", reason=_reason(exc))) from None


def kind_of(name: str, raw: bytes, content_type: str = "") -> str:
    """text, html, docx or pdf: from the content type, the name's suffix, or the first bytes."""
    content_type = content_type.split(";")[0].strip().lower()
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type == "application/pdf":
        return "pdf"
    if content_type.endswith("wordprocessingml.document"):
        return "docx"
    suffix = Path(name.split("?")[0]).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in TEXT_SUFFIXES or content_type.startswith("text/"):
        return "text"
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"PK"):
        return "docx"
    head = raw[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    if suffix == ".doc":
        raise SourceError(tr("old Word files (.doc) cannot be read: save the file as .docx or PDF"))
    return "text"


def parse(name: str, raw: bytes, content_type: str = "") -> Source:
    """The lines of a source given as bytes."""
    kind = kind_of(name, raw, content_type)
    if kind == "pdf":
        lines = pdf_lines(raw)
    elif kind == "docx":
        lines = docx_lines(raw)
    elif kind == "html":
        lines = html_lines(raw)
    else:
        lines = text_lines(decode_text(raw, name))
    if sum(len(line.text) for line in lines) > MAX_TEXT_CHARS:
        raise SourceError(tr("the notice's text is longer than {limit} characters", limit=MAX_TEXT_CHARS))
    if not lines:
        raise SourceError(tr("no text found in the source (a scanned PDF needs OCR first)"))
    return Source(name, kind, lines)


def read_source(source: str, *, allow_loopback: bool = False) -> Source:
    """Read a file path or an http(s) URL into lines. Raises SourceError with a clear message."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        from .fetch import fetch

        raw, content_type, final = fetch(source, allow_loopback=allow_loopback)
        return parse(final, raw, content_type)
    path = Path(source)
    try:
        if not path.is_file():
            raise SourceError(
                tr("{source}: no such file", source=source)
                if not path.exists()
                else tr("{source}: not a file", source=source)
            )
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                tr(
                    "{source}: the file is {size} bytes; the limit is {limit}",
                    source=source,
                    size=size,
                    limit=MAX_SOURCE_BYTES,
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(
            tr("{source}: cannot read the file: {reason}", source=source, reason=str(exc.strerror or exc))
        ) from None
    return parse(source, raw)
