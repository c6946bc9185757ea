"""The facts file: every pattern compiles, system names find themselves, the authority is there in three languages."""

from __future__ import annotations

import re

from seloste.checker.facts import fact, facts, pattern, supervisory_authority


def test_every_pattern_compiles() -> None:
    for system in fact("systems"):
        pattern(system["pattern"])
    for term in fact("obsolete"):
        pattern(term["pattern"])
    for key in ("opt_out_in_message", "browser_refusal", "rights_restrictions"):
        for regex in fact(key):
            re.compile(regex)


def test_systems_find_their_own_names_and_inflections() -> None:
    for system in fact("systems"):
        assert pattern(system["pattern"]).search(system["name"]), system["name"]
    for text, name in (("Timmaan", "Timma"), ("Slotin", "Slotti"), ("Ajaksen", "Ajas")):
        system = next(s for s in fact("systems") if s["name"] == name)
        assert pattern(system["pattern"]).search(text)
    ajas = next(s for s in fact("systems") if s["name"] == "Ajas")
    assert not pattern(ajas["pattern"]).search("ajastettu viesti")


def test_supervisory_authority_in_three_languages() -> None:
    for lang in ("fi", "sv", "en"):
        details = supervisory_authority(lang)
        assert set(details) >= {"name", "street", "post", "phone", "email", "web"}
    assert supervisory_authority("fi")["street"].startswith("Lintulahdenkuja 4")
    assert "FI" in facts()["eea_countries"] and "US" not in facts()["eea_countries"]


def test_retention_minimums() -> None:
    assert fact("retention", "accounting", "vouchers_years") == 6
    assert fact("retention", "accounting", "ledgers_years") == 10
    assert fact("retention", "patient_records", "after_death_years") == 12
    assert fact("retention", "patient_records", "from_birth_years") == 120
