"""Every preset, filled with sample answers, validates and checks with no errors."""

from __future__ import annotations

import itertools

import pytest

from seloste.findings import Severity
from seloste.loader import loads
from seloste.presets import PresetError, preset, presets, read
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


def test_the_issues_business_types_have_presets() -> None:
    assert set(PRESETS) >= REQUIRED


@pytest.mark.parametrize(("key", "variant"), list(itertools.product(PRESETS, range(len(VARIANTS)))))
def test_filled_preset_validates_and_checks_clean(key: str, variant: int) -> None:
    text = rendered(key, **VARIANTS[variant])
    assert errors(findings_for(text)) == []


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
