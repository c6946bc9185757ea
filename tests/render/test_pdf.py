"""The PDFs of every example: the text a reader needs, tagging, language, metadata, embedded fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seloste.build import BuildResult
from seloste.loader import load
from seloste.render import data
from seloste.text import localize

from .util import example_files, squash

UNITS = {"years": ("vuosi", "vuotta"), "months": ("kuukausi", "kuukautta"), "days": ("päivä", "päivää")}


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def period_text(period: dict[str, int]) -> list[str]:
    return [f"{n} {UNITS[unit][0] if n == 1 else UNITS[unit][1]}" for unit, n in period.items()]


def expected_texts(doc: dict[str, Any], public_only: bool) -> list[str]:
    bases = data.labels()["legal_basis"]
    texts = []
    for activity in doc["activities"]:
        if public_only and activity.get("public", True) is False:
            continue
        texts.append(localize(activity["name"], fallback=True))
        for purpose in activity.get("purposes", []):
            texts.append(localize(purpose["purpose"], fallback=True))
            if purpose.get("basis"):
                texts.append(bases[purpose["basis"]])
        for entry in activity.get("retention", []):
            if "period" in entry:
                texts += period_text(entry["period"])
            if "criterion" in entry:
                texts.append(localize(entry["criterion"], fallback=True))
    return texts


@pytest.fixture(scope="module")
def outputs(built: tuple[Path, BuildResult]) -> dict[str, Path]:
    out, result = built
    assert result.ok, [f.format() for f in result.findings]
    return {c.file: out / c.slug for c in result.controllers if c.slug}


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", ["notice", "record"])
def test_pdf_text_has_every_required_item(outputs: dict[str, Path], example: Path, kind: str) -> None:
    doc = load(example).data
    text = pdf_text(outputs[str(example)] / f"{kind}.fi.pdf")
    flat = squash(text).casefold()
    assert squash(doc["controller"]["name"]).casefold() in flat
    if "business_id" in doc["controller"]:
        assert doc["controller"]["business_id"] in text
    for expected in expected_texts(doc, public_only=kind == "notice"):
        assert squash(expected).casefold() in flat, f"{expected!r} missing from the {kind} PDF"
    if kind == "notice":
        assert "Tietosuojavaltuutetun toimisto" in text
        assert "Lintulahdenkuja 4" in text
        assert "tietosuoja@om.fi" in text
    else:
        for label in ("Rekisteröityjen ryhmät", "Henkilötietoryhmät", "Vastaanottajat", "Poistamisen määräajat",
                      "Tekniset ja organisatoriset turvatoimet", "Siirrot kolmansiin maihin ja suojatoimet"):
            assert squash(label).casefold() in flat, label


@pytest.mark.parametrize("kind", ["notice", "record"])
def test_pdf_is_tagged_finnish_with_metadata_and_embedded_fonts(outputs: dict[str, Path], kind: str) -> None:
    example = example_files()[0]
    reader = PdfReader(outputs[str(example)] / f"{kind}.fi.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    controller = load(example).data["controller"]["name"]
    assert reader.metadata is not None
    assert reader.metadata.title is not None and controller in reader.metadata.title
    assert ("Tietosuojaseloste" if kind == "notice" else "Seloste käsittelytoimista") in reader.metadata.title
    assert reader.metadata.author == controller
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} is not embedded"
        assert "+" in name, f"{name} is not a subset"


def test_finnish_letters_survive_extraction(outputs: dict[str, Path]) -> None:
    text = pdf_text(outputs[str(example_files()[0])] / "notice.fi.pdf")
    for words in ("Rekisterinpitäjä ja yhteystiedot", "Käyttötarkoitus", "Kuinka kauan säilytän tietoja",
                  "Tietosuojavaltuutetun toimisto", "Päivitetty"):
        assert squash(words) in squash(text)
    assert "\ufffd" not in text


def test_page_footer_and_running_header(outputs: dict[str, Path]) -> None:
    example = example_files()[0]
    reader = PdfReader(outputs[str(example)] / "notice.fi.pdf")
    pages = len(reader.pages)
    assert pages >= 2
    last = reader.pages[-1].extract_text() or ""
    assert f"{pages} ({pages})" in last  # the Finnish page number: "2 (6)"
    second = reader.pages[1].extract_text() or ""
    assert load(example).data["controller"]["name"] in second
