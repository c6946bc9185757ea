"""A health-care professional keeps patient records as long as the law requires.

Patient records of health-care professionals (physiotherapists, trained masseurs registered by Valvira…) must be
kept 12 years after the patient's death, or 120 years from birth if the date of death is not known (Act 703/2023 and
its annex, in force since 1.1.2024). When 'health_care:' says the controller is a health-care professional or
provider ('professional: true' or 'provider: true'), every data category marked 'special: health' must have a
retention that meets this: a period of at least 12 years with a 'trigger:' counted from death, of at least 120 years
counted from birth, or a 'law:', 'criterion:' or 'trigger:' citing 703/2023 (or 94/2022); a shorter retention is an
error. A professional whose file has no 'special: health' category at all is a warning, unless 'health_care:' says
'patient_records: none'.

Passing example::

    health_care:
      professional: true
      profession: koulutettu hieroja
    activities:
      - id: potilaat
        name: Potilasrekisteri
        data_categories:
          - id: potilas
            name: Potilasasiakirjat
            special: health
            condition: health_care
        retention:
          - categories: [potilas]
            period: {years: 12}
            trigger: potilaan kuolemasta (tai 120 vuotta syntymästä)
            law: Laki 703/2023

Failing example::

    health_care:
      professional: true
      profession: koulutettu hieroja
    activities:
      - id: potilaat
        name: Potilasrekisteri
        data_categories:
          - id: potilas
            name: Potilasasiakirjat
            special: health
            condition: health_care
        retention:
          - categories: [potilas]
            period: {years: 5}
            trigger: viimeisestä käynnistä
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import provides_health_care
from ...loader import Document
from ..facts import fact, stems
from ..model import activities, as_dict, covers, entries, label, mentions, period_years
from ..rule import Options, Reporter

ID = "patient-records"
ARTICLE = "Laki 703/2023 (liite); GDPR 13(2)(a)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "Act 703/2023 sets how long patient records are kept: a shorter time breaks the law (error). A "
    "health-care professional with no patient data in the file is very likely a gap in the file "
    "(warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "too-short": ("the patient records in '{category}' are not kept as long as Act 703/2023 requires "
                  "({death} years after death, or {birth} years from birth)",
                  "Set 'period: {{years: {death}}}' with 'trigger: potilaan kuolemasta (tai {birth} vuotta "
                  "syntymästä)' and 'law: {law}'."),
    "no-records": ("the controller is a health-care professional, but no data category holds patient (health) data",
                   "Add the patient records as a data category with 'special: health' and its retention."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def meets_minimum(entry: dict[str, Any]) -> bool:
    """Whether a retention entry keeps data as long as patient records must be kept."""
    law = stems("retention", "patient_records", "law_stems")
    if any(mentions(entry.get(k), law) for k in ("law", "criterion", "trigger")):
        return True
    years = period_years(entry.get("period")) or 0.0
    trigger = entry.get("trigger")
    death_ok = years >= fact("retention", "patient_records", "after_death_years") and \
        mentions(trigger, stems("retention", "patient_records", "death_stems"))
    birth_ok = years >= fact("retention", "patient_records", "from_birth_years") and \
        mentions(trigger, stems("retention", "patient_records", "birth_stems"))
    return death_ok or birth_ok


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if not provides_health_care(doc.data):
        return
    health_care = as_dict(doc.data.get("health_care"))
    limits = {"death": fact("retention", "patient_records", "after_death_years"),
              "birth": fact("retention", "patient_records", "from_birth_years"),
              "law": fact("retention", "patient_records", "law")}
    found = False
    for path, activity in activities(doc):
        retention = list(entries(activity, "retention", path))
        for _, category in entries(activity, "data_categories", path):
            ident = category.get("id")
            if category.get("special") != "health" or not isinstance(ident, str):
                continue
            found = True
            covering = [(r_path, entry) for r_path, entry in retention if covers(entry, ident)]
            if covering and not any(meets_minimum(entry) for _, entry in covering):
                yield report(doc, covering[0][0], "too-short", category=label(category.get("name"), ident),
                             **limits)
    if not found and health_care.get("patient_records") != "none":
        yield report(doc, ("health_care",), "no-records", minor=True, **limits)
