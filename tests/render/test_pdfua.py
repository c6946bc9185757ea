"""PDF/UA-1 in fact, read back from every example's PDFs with pikepdf: the running header and footer are
pagination artifacts, every table header cell has its /Scope, a table that crosses a page is one table whose
repeated header is an artifact, every link has words for its /Contents, and the /ParentTree points every piece of
tagged content at the element that holds it.

What was checked by hand (no PDF/UA validator is packaged for this system: veraPDF is not in Debian or PyPI):
the tree's reading order against the page, the header cells' scopes in the record's form tables, the artifacts'
/Header and /Footer subtypes against where they stand on the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from seloste.build import BuildResult
from seloste.pdfua import KEY, link_texts

from .util import example_files


def walk(elem: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    yield elem
    kids = elem.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from walk(kid)


def mcids(pdf: pikepdf.Pdf, elem: pikepdf.Dictionary, deep: bool = True) -> set[tuple[int, int]]:
    """(page, MCID) of the content `elem` holds itself (or through its descendants too, `deep`)."""
    page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    found = set()
    for e in walk(elem) if deep else [elem]:
        kids = e.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if kids is not None else []:
            if isinstance(kid, int):
                found.add((page_of[e.Pg.objgen], kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                found.add((page_of[kid.Pg.objgen], int(kid.MCID)))
    return found


@pytest.fixture(scope="module")
def pdfs(built: tuple[Path, BuildResult]) -> list[Path]:
    out, result = built
    assert result.ok, [f.format() for f in result.findings]
    files = sorted(out.glob("*/*.fi.pdf"))
    assert len(files) == 2 * len(example_files())
    return files


def test_content_is_tagged_or_a_pagination_artifact(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            document = pdf.Root.StructTreeRoot.K[0]
            tagged = mcids(pdf, document)
            pagination = {"/Header": 0, "/Footer": 0}
            for index, page in enumerate(pdf.pages):
                depth = 0
                for operands, operator in pikepdf.parse_content_stream(page):
                    name = str(operator)
                    if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                        assert depth == 0, f"{path}: tagged content inside an artifact"
                        assert (index, int(operands[1].MCID)) in tagged, f"{path}: page {index + 1} has " \
                            f"content (MCID {operands[1].MCID}) that is neither tagged nor an artifact"
                    elif name == "BDC" and operands[0] == "/Artifact":
                        assert operands[1].Type == "/Pagination"
                        pagination[str(operands[1].Subtype)] += 1
                        depth += 1
                    elif name == "EMC" and depth:
                        depth -= 1
            pages = len(pdf.pages)
            # every page has its footer (the date and the page number), every page but the first its header
            assert pagination["/Footer"] >= pages and pagination["/Header"] >= pages - 1, (path, pagination)
            assert not any(KEY in e for e in walk(document))


def test_parent_tree_points_at_the_holder(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            document = pdf.Root.StructTreeRoot.K[0]
            nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
            table = dict(zip(nums[::2], nums[1::2], strict=True))
            for index, page in enumerate(pdf.pages):
                entries = table[int(page.obj.StructParents)]
                for elem in walk(document):
                    for page_index, mcid in mcids(pdf, elem, deep=False):
                        if page_index == index:
                            assert entries[mcid].objgen == elem.objgen


def test_header_cells_have_their_scope(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            cells = [e for e in walk(pdf.Root.StructTreeRoot.K[0]) if e.S == "/TH"]
            assert cells
            for cell in cells:
                assert cell.A.O == "/Table" and cell.A.Scope in ("/Column", "/Row"), path
                row = cell.P
                assert cell.A.Scope == ("/Column" if row.P.S == "/THead" else "/Row")


def test_a_table_across_pages_stays_one_table(pdfs: list[Path]) -> None:
    crossing = 0
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            page_of = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
            for table in (e for e in walk(pdf.Root.StructTreeRoot.K[0]) if e.S == "/Table"):
                kinds = [str(k.S) for k in table.K if isinstance(k, pikepdf.Dictionary) and "/S" in k]
                assert kinds.count("/THead") <= 1 and kinds.count("/TBody") == 1, (path, kinds)
                assert all(str(k.S) == "/Table" for k in walk(table) if str(k.S) == "/Table")
                pages = {page_of[e.Pg.objgen] for e in walk(table) if "/Pg" in e}
                crossing += len(pages) > 1
                # a row split across pages is still one row with one cell per column (no colspans here)
                widths = {sum(1 for c in row.K if isinstance(c, pikepdf.Dictionary) and str(c.get("/S")) in
                              ("/TH", "/TD")) for row in walk(table) if row.S == "/TR"}
                assert len(widths) == 1, (path, widths)
            tables = [e for e in walk(pdf.Root.StructTreeRoot.K[0]) if e.S == "/Table"]
            assert not any(t.objgen != u.objgen and any(x.objgen == t.objgen for x in walk(u))
                           for t in tables for u in tables)
    assert crossing, "no example has a table that crosses a page: the test proves nothing"


def test_links_have_their_words(pdfs: list[Path]) -> None:
    for path in pdfs:
        texts = set(link_texts(path.with_suffix(".html").read_text(encoding="utf-8")).values())
        with pikepdf.open(path) as pdf:
            links = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == "/Link"]
            assert links
            for link in links:
                assert str(link.get("/Contents", "")) in texts, (path, link.get("/Contents"))


def test_qpdf_finds_no_structural_problem(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert pdf.check_pdf_syntax() == [], path
            metadata = pdf.open_metadata()
            assert metadata.get("pdfuaid:part") == "1", path  # WeasyPrint's PDF/UA-1 identification is kept
