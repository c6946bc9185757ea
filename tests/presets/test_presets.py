"""Every preset, filled with sample answers, validates and checks with no errors."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest

from seloste.findings import Severity
from seloste.legalform import form_of_name
from seloste.loader import loads
from seloste.presets import COMMON, PresetError, preset, presets, read
from seloste.presets.answers import Answers
from seloste.validate import validate_document

from .util import errors, findings_for, rendered

PRESETS = sorted(presets())
REQUIRED = {"kauneushoitola", "ihoklinikka", "hieroja", "fysioterapeutti", "kampaamo", "kynsistudio",
            "jalkahoitola", "tatuointistudio"}

#: Answer combinations that switch every conditional part of the presets on and off.
VARIANTS = [
    {"booking": "timma", "marketing": ("sms",), "health_info": True, "records": "electronic", "kanta": True},
    {"booking": "none", "marketing": (), "health_info": False, "records": "paper", "kanta": False,
     "phone": None, "website": None},
    {"booking": "other", "booking_name": "Nepton", "marketing": ("email", "sms"), "health_info": True,
     "records": "both", "kanta": False},
    {"booking": "booksalon", "marketing": ("email",), "health_info": False, "records": "electronic",
     "kanta": False},
]
#: Each variant for a company (the presets' "we" texts) and for a sole trader (their "I" texts).
SOLE_TRADER = (False, True)
CASES = list(itertools.product(PRESETS, range(len(VARIANTS)), SOLE_TRADER))
CASE_IDS = [f"{key}-{variant}-{'sole_trader' if sole else 'company'}" for key, variant, sole in CASES]
#: Finnish first-person plural words: the pronoun's forms, and verbs (and possessives) ending in -mme.
FI_WE = re.compile(r"\b(?:[Mm]e|[Mm]eidän|[Mm]eille|[Mm]eitä|[Mm]eillä|[Mm]eiltä|[Mm]eihin|[Mm]eistä"
                   r"|\w+mme(?:kä|kin)?)\b")


def generated(key: str, variant: int, sole_trader: bool) -> str:
    """Preset `key` filled with answer combination `variant`, for a company or for a sole trader."""
    return rendered(key, sole_trader=sole_trader, **VARIANTS[variant])


def conditions_of(alternative: Any) -> frozenset[str]:
    """The names an alternative's `when:` tests."""
    when = alternative.get("when") if isinstance(alternative, dict) else None
    return frozenset(map(str, when if isinstance(when, list) else [] if when is None else [when]))


def preset_texts(node: Any, plural: bool = False) -> Iterator[tuple[str, bool]]:
    """Every text of a preset file with whether it may speak as "we": only an alternative of a `choose` whose
    twin for a sole trader (the same conditions and `sole_trader`) comes before it."""
    if isinstance(node, dict):
        if set(node) == {"choose"}:
            alternatives = list(node["choose"])
            for index, alternative in enumerate(alternatives):
                wanted = conditions_of(alternative) | {"sole_trader"}
                twin = any(conditions_of(a) == wanted for a in alternatives[:index])
                yield from preset_texts(alternative["text"], twin)
            return
        for key, value in node.items():
            if key != "when":
                yield from preset_texts(value, plural)
    elif isinstance(node, list):
        for item in node:
            yield from preset_texts(item, plural)
    elif isinstance(node, str):
        yield node, plural


def test_the_issues_business_types_have_presets() -> None:
    assert set(PRESETS) >= REQUIRED


@pytest.mark.parametrize(("key", "variant", "sole_trader"), CASES, ids=CASE_IDS)
def test_filled_preset_validates_and_checks_clean(key: str, variant: int, sole_trader: bool) -> None:
    text = generated(key, variant, sole_trader)
    assert errors(findings_for(text)) == []
    controller = loads(text, "x.yaml").data["controller"]
    assert controller.get("form") == ("sole_trader" if sole_trader else None)


@pytest.mark.parametrize("key", [*PRESETS, COMMON])
def test_every_we_text_has_a_singular_twin_for_a_sole_trader(key: str) -> None:
    """A text that speaks as "we" is an alternative of a `choose` that first offers the same text as "I" for a sole
    trader (`when: sole_trader`); every other text, the singular ones included, is free of "we"."""
    data = read(key)
    data.pop("preset", None)  # the header: the questionnaire's own questions, not the notice's text
    texts = list(preset_texts(data))
    assert texts
    unpaired = [(text, found) for text, plural in texts if not plural and (found := FI_WE.findall(text))]
    assert unpaired == []
    assert any(plural for _, plural in texts)


@pytest.mark.parametrize(("name", "form"), [
    ("Tmi Maija Mäki", "sole_trader"), ("T:mi Maija Mäki", "sole_trader"), ("Hieronta Mäki Tmi", "sole_trader"),
    ("Pieni Toiminimi", None), ("Kauneus Mäki Oy", "company"), ("Oy Kauneus Ab", "company"),
    ("Saksenkärki Ky", "partnership"), ("Kauneus Avoin yhtiö", "partnership"), ("Hierojat ry", "association"),
    ("Hyvinvointiosuuskunta Utu osk", "other"),
    ("Kauneushoitola Esimerkki", None), ("Parturi Tmi Mäki", None), ("Tmi Mäki Oy", None), ("Tmiki Kauneus", None),
])
def test_the_legal_form_comes_from_the_name_only_when_it_says(name: str, form: str | None) -> None:
    assert form_of_name(name) == form
    base = Answers(preset="hieroja", name=name, business_id="2077474-0", street="Tie 1", postal_code="00100",
                   city="Helsinki", email="x@example.fi")
    assert base.form == form
    assert dataclasses.replace(base, sole_trader=True).form == "sole_trader"
    assert dataclasses.replace(base, sole_trader=False).form == (None if form == "sole_trader" else form)
    text = rendered("hieroja", name=name)  # the generated file states the form, with a comment saying what it is
    written = loads(text, "seloste.yaml").data["controller"].get("form")
    assert written == form and (form is None or f"form: {form}  # " in text)
    assert not errors(findings_for(text))


@pytest.mark.parametrize("key", PRESETS)
def test_checks_without_warnings_for_the_reference_answers(key: str) -> None:
    """Clean but for the defaults still to be confirmed: each TARKISTA mark is an `unconfirmed` warning."""
    text = rendered(key)
    found = findings_for(text)
    serious = [f.format() for f in found
               if f.severity in (Severity.ERROR, Severity.WARNING) and f.rule != "unconfirmed"]
    assert serious == []
    marks = [n for n, line in enumerate(text.splitlines(), start=1) if "# TARKISTA" in line]
    unconfirmed = [f for f in found if f.rule == "unconfirmed"]
    assert [f.line for f in unconfirmed] == marks
    assert all(f.severity is Severity.WARNING for f in unconfirmed)
    confirmed = "\n".join(line.split("# TARKISTA")[0].rstrip() for line in text.splitlines()) + "\n"
    assert [f.format() for f in findings_for(confirmed) if f.severity is not Severity.INFO] == []


def test_owner_decisions_are_marked_for_checking() -> None:
    text = rendered("kauneushoitola")
    assert "# TARKISTA:" in text
    assert text.count("TARKISTA") >= 5
    assert "{{" not in text and "when:" not in text and "choose:" not in text


def test_answers_fill_the_controller_and_choices_follow_the_answers() -> None:
    data = loads(rendered("kauneushoitola"), "x.yaml").data
    assert data["controller"]["business_id"] == "2077474-0"
    assert data["processors"][0] == {"id": "timma", "dpa": True}
    assert [p["id"] for p in data["processors"][1:]] == ["tilitoimisto"]  # a processor, not a recipient
    assert data["direct_marketing"]["channels"] == ["sms"]
    categories = [c["id"] for c in data["activities"][0]["data_categories"]]
    assert "terveys" in categories
    without = loads(rendered("kauneushoitola", health_info=False, marketing=()), "x.yaml").data
    assert "terveys" not in [c["id"] for c in without["activities"][0]["data_categories"]]
    assert without["direct_marketing"] == {"used": False}
    assert [a["id"] for a in without["activities"]] == ["asiakasrekisteri"]


def test_health_care_professionals_keep_patient_records_and_kanta() -> None:
    data = loads(rendered("hieroja", records="electronic", kanta=True), "x.yaml").data
    assert data["health_care"] == {"professional": True, "profession": "koulutettu hieroja",
                                   "patient_records": "electronic", "kanta": True}
    retention = data["activities"][0]["retention"][0]
    assert retention["period"] == {"years": 12} and "703/2023" in retention["law"]
    recipients = [r["name"] for r in data["activities"][0]["recipients"]]
    assert not any("Kanta" in name for name in recipients)  # Kanta is storage, not a disclosure
    paper = loads(rendered("hieroja", records="paper"), "x.yaml").data
    assert "kanta" not in paper["health_care"]
    assert any("Kela" in r["name"] for r in paper["activities"][0]["recipients"])


def test_foot_care_keeps_the_two_professions_apart() -> None:
    assert not preset("jalkahoitola").professional
    assert preset("jalkaterapeutti").professional


def test_preset_files_are_plain_data() -> None:
    for key in PRESETS:
        data = read(key)
        assert set(data) <= {"preset", "activities", "security"}, key
        assert data["activities"], key


def test_unknown_preset_suggests_the_closest() -> None:
    with pytest.raises(PresetError, match="kauneushoitola"):
        preset("kauneushoitol")


@pytest.mark.parametrize("key", PRESETS)
def test_filled_preset_renders_notice_and_record(key: str) -> None:
    from seloste.render import render_html

    doc = loads(rendered(key), "generated.yaml")
    assert errors(validate_document(doc)) == []
    for kind in ("notice", "record"):
        page = render_html(doc, kind)
        assert "Kauneushoitola Esimerkki" in page and "2077474-0" in page


@pytest.mark.parametrize(("controller", "words"), [({"name": "Hieronta Mäki", "form": "sole_trader"}, "Kirjaan"),
                                                   ({"name": "Tmi Mäki"}, "Kirjaan"),
                                                   ({"name": "Hieronta Mäki"}, "Kirjaamme")])
def test_an_activity_the_editor_offers_speaks_in_the_files_voice(controller: dict[str, str], words: str) -> None:
    from seloste.editor.presetoffer import activity

    offered = activity({"controller": controller}, "hieroja:potilasrekisteri")
    assert offered is not None and f"{words} jokaisesta käynnistä" in offered["description"]


@pytest.mark.parametrize(("name", "voice"), [
    ("Tmi Maija Mäki", 1), ("Parturi Mäki (Tmi)", 1), ("Pieni Toiminimi", 2), ("Kauneus Oy", 2),
    ("Tmi Kauneus Oy", 2), ("Hyvinvointiosuuskunta Utu osk", 2), ("Maija Mäki", 2),
])
def test_the_documents_voice_reads_the_name_as_init_does(name: str, voice: int) -> None:
    """A file without `controller.form` speaks as "I" exactly when `init` would have written sole_trader."""
    from seloste.render.context import voice as voice_of

    assert voice_of({"controller": {"name": name}}) == voice
    assert (form_of_name(name) == "sole_trader") == (voice == 1)
