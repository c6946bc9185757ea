"""PDF/UA-1 in fact: what WeasyPrint's tagged PDF lacks, added after it with pikepdf.

WeasyPrint (70) tags the page's HTML structure, but (its issues #1836, #2508 and the comment in
`weasyprint/pdf/tags.py`):
- the running header and footer (the page's margin boxes) are marked content outside the structure tree,
  where PDF/UA wants them marked as pagination artifacts;
- it builds the structure page by page, so a section, a list or a table that crosses a page becomes two
  elements, and a table's header repeated on the next page is tagged as content a second time;
- table header cells carry no /Scope;
- a link's /Contents is its raw target (`s-oikeudet`, `mailto:…`), not words a reader understands.

`tagging()` wraps WeasyPrint's structure builder while a PDF is written, only to note on every structure
element which HTML element it came from (a private key, removed again). `finish()` then, with pikepdf:
1. merges the neighbouring elements that come from the same HTML element (the page-by-page fragments) back into
   one, and drops a table's repeated header rows from the tree;
2. marks every piece of content the tree no longer reaches (the margin boxes, the repeated header rows) as a
   /Pagination artifact (/Header or /Footer by its place on the page), and rebuilds the /ParentTree;
3. gives each TH its /Scope (/Column in a THead, /Row elsewhere);
4. gives each link annotation its text from the HTML as /Contents.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

KEY = "/SelosteE"  # the HTML element a structure element came from (removed before the PDF is written out)


@contextmanager
def tagging() -> Iterator[None]:
    """While active, WeasyPrint's structure elements remember their HTML element (see the module's text)."""
    from weasyprint.pdf import tags

    original: Callable[..., Iterator[Any]] = tags._build_box_tree
    numbers: dict[int, int] = {}
    keep: list[Any] = []  # the elements stay alive, so that their id() is not reused while numbering

    def build(box: Any, *args: Any) -> Iterator[Any]:
        inner = getattr(box, "_box", box)
        for element in original(box, *args):
            if "SelosteE" not in element and getattr(inner, "element", None) is not None:
                keep.append(inner.element)
                element["SelosteE"] = numbers.setdefault(id(inner.element), len(numbers) + 1)
            yield element

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original


class _Links(HTMLParser):
    """The text of each link of a page, by its target (`#s-oikeudet`, `mailto:…`, `https://…`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            text = " ".join("".join(self._text).split())
            if text:
                self.texts.setdefault(self._href, text)
            self._href = None


def link_texts(html: str) -> dict[str, str]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.texts


def _is_elem(obj: Any) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


def _kids(elem: Dictionary) -> list[Any]:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


def _ident(obj: Any) -> int | None:
    return int(obj[KEY]) if _is_elem(obj) and KEY in obj else None


class _Tree:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}

    def page(self, elem: Dictionary) -> int | None:
        pg = elem.get("/Pg")
        return self.page_of.get(pg.objgen) if pg is not None else None

    def absorb(self, a: Dictionary, b: Dictionary) -> None:
        """Move b's content into a (b is the continuation of a on a later page or column)."""
        kids = _kids(b)
        if str(a.S) == "/Table":
            heads = {_ident(k) for k in _kids(a) if _is_elem(k) and str(k.S) == "/THead"}
            kids = [k for k in kids if not (_is_elem(k) and str(k.S) == "/THead" and _ident(k) in heads)]
        mine = {_ident(k): k for k in _kids(a) if _ident(k) is not None}
        moved = []
        for kid in kids:
            if isinstance(kid, int):
                moved.append(Dictionary(Type=Name.MCR, Pg=b.Pg, MCID=int(kid)))
            elif _ident(kid) is not None and _ident(kid) in mine and str(mine[_ident(kid)].S) == str(kid.S):
                self.absorb(mine[_ident(kid)], kid)  # a row's cell split across the pages, for example
            else:
                if _is_elem(kid):
                    kid.P = a
                moved.append(kid)
        a.K = Array([*_kids(a), *moved])

    def merge(self, elem: Dictionary) -> None:
        kids = _kids(elem)
        merged: list[Any] = []
        for kid in kids:
            previous = merged[-1] if merged else None
            if (previous is not None and _ident(kid) is not None and _ident(kid) == _ident(previous)
                    and str(kid.S) == str(previous.S)):
                self.absorb(previous, kid)
                continue
            merged.append(kid)
        if len(merged) != len(kids):
            elem.K = Array(merged)
        for kid in merged:
            if _is_elem(kid):
                self.merge(kid)



def _elements(root: Dictionary) -> list[tuple[Dictionary, list[Any]]]:
    """Every structure element from `root` down, in document order, each with its kids (read once: reading a
    PDF object through pikepdf is what costs here)."""
    found: list[tuple[Dictionary, list[Any]]] = []
    stack = [root]
    while stack:
        elem = stack.pop()
        kids = _kids(elem)
        found.append((elem, kids))
        stack.extend(reversed([kid for kid in kids if _is_elem(kid)]))
    return found


def _mcids(tree: _Tree, elements: list[tuple[Dictionary, list[Any]]]) -> dict[tuple[int, int], Dictionary]:
    """(page, MCID) → the structure element that holds it."""
    found: dict[tuple[int, int], Dictionary] = {}
    for elem, kids in elements:
        page = tree.page(elem)
        for kid in kids:
            if isinstance(kid, int):
                if page is not None:
                    found[(page, int(kid))] = elem
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                mcr_page = tree.page_of.get(kid.Pg.objgen) if "/Pg" in kid else page
                if mcr_page is not None:
                    found[(mcr_page, int(kid.MCID))] = elem
    return found


def _artifact_pages(pdf: pikepdf.Pdf, reached: set[tuple[int, int]]) -> None:
    """Every marked content no structure element reaches becomes a pagination artifact."""
    for index, page in enumerate(pdf.pages):
        ops = pikepdf.parse_content_stream(page)
        height = float(page.MediaBox[3]) / 0.75  # WeasyPrint draws in CSS px from the top of the page
        changed = False
        out: list[Any] = []
        for i, instruction in enumerate(ops):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                out.append(instruction)
                continue
            operands: Any = instruction.operands
            operator = instruction.operator
            if str(operator) == "BDC" and len(operands) == 2 and isinstance(operands[1], Dictionary) \
                    and "/MCID" in operands[1] and (index, int(operands[1].MCID)) not in reached:
                where = Name.Footer if _next_y(ops, i) > height / 2 else Name.Header
                operands = [Name.Artifact, Dictionary(Type=Name.Pagination, Subtype=where)]
                changed = True
            out.append(pikepdf.ContentStreamInstruction(operands, operator) if changed else instruction)
        if changed:
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _next_y(ops: Any, start: int) -> float:
    """Where the next text is set (its text matrix's y), to tell a running header from a footer."""
    for instruction in itertools.islice(ops, start, start + 40):
        operands = getattr(instruction, "operands", [])
        if str(getattr(instruction, "operator", "")) == "Tm" and len(operands) == 6:
            return float(operands[5])
    return 0.0


def _rebuild_parent_tree(pdf: pikepdf.Pdf, found: dict[tuple[int, int], Dictionary],
                         elements: list[tuple[Dictionary, list[Any]]]) -> None:
    nums: list[Any] = []
    for index, page in enumerate(pdf.pages):
        key = int(page.obj.get("/StructParents", index))
        mine = sorted(((mcid, elem) for (p, mcid), elem in found.items() if p == index), key=lambda pair: pair[0])
        array: list[Any] = [None] * (mine[-1][0] + 1 if mine else 0)
        for mcid, elem in mine:
            array[mcid] = elem
        nums.append((key, Array(array)))
    for elem, kids in elements:
        for kid in kids:
            if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR and "/StructParent" in kid.Obj:
                nums.append((int(kid.Obj.StructParent), elem))
    flat: list[Any] = []
    for key, value in sorted(nums, key=lambda pair: pair[0]):
        flat += [key, value]
    pdf.Root.StructTreeRoot.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(flat)))


def _scopes(elements: list[tuple[Dictionary, list[Any]]]) -> None:
    for elem, kids in elements:
        if str(elem.S) != "/TR":
            continue
        section = elem.get("/P")
        in_head = section is not None and _is_elem(section) and str(section.S) == "/THead"
        for cell in kids:
            if _is_elem(cell) and str(cell.S) == "/TH":
                attributes = cell.get("/A")
                if not isinstance(attributes, Dictionary):
                    attributes = Dictionary(O=Name.Table)
                attributes.Scope = Name.Column if in_head else Name.Row
                cell.A = attributes


def _links(pdf: pikepdf.Pdf, texts: dict[str, str]) -> None:
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != Name.Link:
                continue
            action = annot.get("/A")
            target = str(action.URI) if action is not None and "/URI" in action else None
            if target is None and "/Dest" in annot:
                target = "#" + str(annot.Dest)
            text = texts.get(target or "") or (target or "").removeprefix("mailto:").removeprefix("tel:").lstrip("#")
            if text:
                annot.Contents = pikepdf.String(text)


def _strip(elements: list[tuple[Dictionary, list[Any]]]) -> None:
    for elem, _ in elements:
        if KEY in elem:
            del elem[KEY]


def finish(data: bytes, html: str) -> bytes:
    """The PDF `data` that WeasyPrint wrote from `html` (under `tagging()`), made PDF/UA-1 in fact."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if not isinstance(root, Dictionary):
            return data
        tree = _Tree(pdf)
        document: Dictionary = _kids(root)[0]  # WeasyPrint's one /Document element
        tree.merge(document)
        elements = _elements(document)
        found = _mcids(tree, elements)
        _artifact_pages(pdf, set(found))
        _rebuild_parent_tree(pdf, found, elements)
        _scopes(elements)
        _links(pdf, link_texts(html))
        _strip(elements)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
