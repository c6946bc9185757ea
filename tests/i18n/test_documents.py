"""Every example in Finnish, Swedish and English: the right language throughout, the authority in that language,
no Finnish standard text in a Swedish or English document, dates, periods and titles per language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from seloste.loader import load
from seloste.text import text_fields

from .util import AUTHORITY, KINDS, LANGS, catalogue, example_files, rendered, strings_of, visible_text

TITLES = {
    "notice": {"fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning", "en": "Privacy notice"},
    "record": {"fi": "Seloste käsittelytoimista", "sv": "Register över behandling",
               "en": "Record of processing activities"},
}
#: Finnish words of the standard texts that must not appear in a Swedish or English document.
FINNISH_WORDS = ("tietosuoja", "rekisterinpitäjä", "säilytetään", "käsittelijä", "henkilötie", "suostumu",
                 "yhteystiedot", "oikeutesi", "vuotta", "kuukautta", "päivitetty", "laadittu", "valvontaviranomai",
                 "tietojen", "artiklan", "säilytysaika", "vastaanottaja")
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def proper_names(path: Path) -> list[str]:
    """Every plain string of the YAML that is not human-language text: names, addresses, e-mail addresses,
    URLs, cookie names… These stay as they are in every language."""
    data = load(path).data
    texts = {p for p, _ in text_fields(data)}
    found: list[str] = []

    def walk(value: Any, at: tuple[Any, ...]) -> None:
        if at in texts:
            return
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*at, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*at, i))

    walk(data, ())
    return sorted(found, key=len, reverse=True)


def without_names(text: str, path: Path) -> str:
    """The visible text with the YAML's proper names, e-mail addresses and web addresses removed, and the
    supervisory authority's Finnish street name (its English address is Finnish)."""
    text = re.sub(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:fi|com|se|eu)(?:/\S*)?", " ", text)
    for name in proper_names(path):
        if len(name) > 3:
            text = text.replace(name, " ")
    return text.replace("Lintulahdenkuja", " ")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_example_renders_in_every_language(path: Path, lang: str, kind: str) -> None:
    page = rendered(path, kind, lang)
    assert page.startswith("<!doctype html>\n<html lang=\"" + lang + "\">")
    title = TITLES[kind][lang]
    assert re.search(rf"<title>{re.escape(title)} – ", page)
    assert f'<h1 class="seloste-title">{title}</h1>' in page or kind == "notice"


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_names_the_authority_in_its_language(path: Path, lang: str) -> None:
    text = visible_text(rendered(path, "notice", lang))
    for fact in AUTHORITY[lang]:
        assert fact in text, fact
    for other in LANGS:
        if AUTHORITY[other][0] != AUTHORITY[lang][0]:
            assert AUTHORITY[other][0] not in text


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_finnish_standard_text_leaks(path: Path, lang: str, kind: str) -> None:
    text = visible_text(rendered(path, kind, lang))
    own = {s for m in catalogue(lang) for s in strings_of(m)}
    leaked = []
    for message in catalogue("fi"):
        for finnish in strings_of(message):
            for piece in PLACEHOLDER.split(finnish):
                piece = piece.strip(" .,:;()")
                if len(piece) > 12 and piece not in own and piece in text:
                    leaked.append(piece)
    assert leaked == []


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_finnish_words_outside_proper_names(path: Path, lang: str, kind: str) -> None:
    text = without_names(visible_text(rendered(path, kind, lang)), path).lower()
    found = [word for word in FINNISH_WORDS if word in text]
    assert found == [], [text[max(0, text.find(w) - 60):text.find(w) + 60] for w in found]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", KINDS)
def test_the_finnish_document_has_no_swedish_or_english_standard_text(path: Path, kind: str) -> None:
    text = visible_text(rendered(path, kind, "fi"))
    for lang in ("sv", "en"):
        for words in (AUTHORITY[lang][0], TITLES["notice"][lang], TITLES["record"][lang], "GDPR)"):
            assert words not in text


def test_dates_periods_and_lists_follow_the_language() -> None:
    aurora = next(p for p in example_files() if p.stem == "ihoklinikka-aurora")
    text = {lang: visible_text(rendered(aurora, "notice", lang)) for lang in LANGS}
    assert "Päivitetty 15.9.2025" in text["fi"] and "15.9.2025" in text["sv"]
    assert "Uppdaterad 15.9.2025" in text["sv"]
    assert "Updated 15 September 2025" in text["en"] and "1 February 2024" in text["en"]
    assert "6 vuotta sen vuoden lopusta" in text["fi"]
    assert "6 år från utgången av det år" in text["sv"]
    assert "6 years from the end of the year" in text["en"]
    assert "3 år från det senaste besöket" in text["sv"] and "3 years from the last visit" in text["en"]
    assert "E-post och textmeddelande" in text["sv"] and "E-mail and text message" in text["en"]
    assert "Sähköposti ja tekstiviesti" in text["fi"]
    assert "Yhdysvallat" not in text["en"]


def test_legal_terms_follow_the_official_versions_of_the_gdpr() -> None:
    aurora = next(p for p in example_files() if p.stem == "ihoklinikka-aurora")
    sv = visible_text(rendered(aurora, "notice", "sv")) + visible_text(rendered(aurora, "record", "sv"))
    en = visible_text(rendered(aurora, "notice", "en")) + visible_text(rendered(aurora, "record", "en"))
    for term in ("Personuppgiftsansvarig", "Personuppgiftsbiträden", "Dataskyddsombud", "Rättslig grund",
                 "berättigade intresse", "den registrerade", "Rätt till radering", "Rätt att göra invändningar",
                 "artikel 6.1 b i EU:s dataskyddsförordning"):
        assert term in sv, term
    for term in ("Controller", "Processors", "Data protection officer", "Legal basis", "Legitimate interest",
                 "data subject", "Right to erasure", "Right to object", "Article 6(1)(b) GDPR"):
        assert term in en, term


@pytest.mark.parametrize("lang", LANGS)
def test_the_fragment_carries_its_language(lang: str) -> None:
    from seloste.render import render_html

    from .util import document

    aurora = next(p for p in example_files() if p.stem == "ihoklinikka-aurora")
    fragment = render_html(document(aurora), "notice", lang, fragment=True)
    assert fragment.startswith(f'<div class="seloste seloste-notice seloste-fragment" lang="{lang}">')
