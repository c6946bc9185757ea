"""The PDFs of one example in Swedish and English: /Lang, title metadata and the text in that language."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from seloste.build import ControllerBuild, build_file

from .util import AUTHORITY, EXAMPLES

AURORA = EXAMPLES / "ihoklinikka-aurora.yaml"
TITLES = {"fi": ("Tietosuojaseloste", "Seloste käsittelytoimista"),
          "sv": ("Dataskyddsbeskrivning", "Register över behandling"),
          "en": ("Privacy notice", "Record of processing activities")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ControllerBuild]:
    out = tmp_path_factory.mktemp("pdf")
    result = build_file(AURORA, out, fmt="pdf", languages=["sv", "en"])
    assert result.ok, [f.format() for f in result.findings]
    return out / "ihoklinikka-aurora", result


def test_only_the_requested_languages_are_built(built: tuple[Path, ControllerBuild]) -> None:
    folder, result = built
    assert sorted(p.name for p in folder.iterdir()) == ["notice.en.pdf", "notice.sv.pdf", "record.en.pdf",
                                                         "record.sv.pdf"]
    assert len(result.written) == 4


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", ["notice", "record"])
def test_pdf_language_and_title(built: tuple[Path, ControllerBuild], lang: str, kind: str) -> None:
    reader = PdfReader(built[0] / f"{kind}.{lang}.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root
    title = TITLES[lang][0 if kind == "notice" else 1]
    assert reader.metadata is not None and reader.metadata.title == f"{title} – Ihoklinikka Aurora Oy"
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    flat = " ".join(text.split())
    if kind == "notice":
        assert AUTHORITY[lang][0] in flat
        assert AUTHORITY["fi"][0] not in flat
    assert {"sv": "1 (", "en": "Page 1 of"}[lang] in flat
    assert "\ufffd" not in text
