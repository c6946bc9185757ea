"""Shared answers and helpers for the preset, init and preview tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from seloste.checker import check_document
from seloste.findings import Finding, Severity
from seloste.loader import loads
from seloste.presets import render
from seloste.presets.answers import Answers
from seloste.validate import validate_document

TODAY = dt.date(2025, 3, 1)

#: The issue's reference case: a beauty salon booking through Timma, SMS marketing, allergy notes.
BEAUTY_SALON = Answers(
    preset="kauneushoitola", name="Kauneushoitola Esimerkki", business_id="2077474-0", street="Kuja 1",
    postal_code="00100", city="Helsinki", email="info@example.fi", phone="040 123 4567",
    website="https://kauneushoitola.example.fi", contact="Maija Esimerkki", booking="timma", marketing=("sms",),
    health_info=True, records="electronic", kanta=False,
)

ANSWERS_YAML = """\
preset: kauneushoitola
name: Kauneushoitola Esimerkki
business_id: 2077474-0
address: {street: Kuja 1, postal_code: "00100", city: Helsinki}
phone: 040 123 4567
email: info@example.fi
booking: timma
marketing: [sms]
health_info: true
records: electronic
"""

#: Keystrokes for the same beauty salon through the interactive questionnaire (the wrong Y-tunnus is asked again;
#: "e": not a sole trader, which the name does not tell).
BEAUTY_SALON_INPUT = "\n".join([
    "kauneushoitola", "Kauneushoitola Esimerkki", "e", "2077474-1", "2077474-0", "Kuja 1", "00100", "Helsinki",
    "040 123 4567", "info@example.fi", "", "", "timma", "tekstiviesti", "k", "sähköinen",
]) + "\n"


def answers(**changes: Any) -> Answers:
    return dataclasses.replace(BEAUTY_SALON, **changes)


def findings_for(text: str) -> list[Finding]:
    """Validation findings, then (on a valid file) every checker finding."""
    doc = loads(text, "generated.yaml")
    found = validate_document(doc)
    if any(f.severity is Severity.ERROR for f in found):
        return found
    return [*found, *check_document(doc)]


def errors(findings: list[Finding]) -> list[str]:
    return [f.format() for f in findings if f.severity is Severity.ERROR]


def rendered(preset: str, **changes: Any) -> str:
    return render(preset, answers(preset=preset, **changes), TODAY)
