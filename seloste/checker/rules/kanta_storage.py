"""Kanta is storage, not a disclosure.

A health-care provider that stores patient records in the Patient Data Repository of the Kanta Services does so
because the law requires it (Act 703/2023), and it remains the controller of its records: storing them in Kanta
is not a disclosure to Kela or to anyone else. A notice that lists Kanta (or OmaKanta, or the Patient Data
Repository) under recipients tells the patient something false. With `health_care: {kanta: true}` seloste's
notice explains Kanta in a section of its own (what is stored, the disclosure permit and bans, the log data), so
the recipient entry should simply be removed. An error: the notice states a disclosure that does not happen.

Passing example::

    health_care: {professional: true, profession: koulutettu hieroja, patient_records: electronic, kanta: true}

Failing example::

    activities:
      - id: potilaat
        name: Potilasrekisteri
        recipients:
          - name: Kanta-palvelujen potilastiedon arkisto
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import names_kanta
from ...loader import Document
from ..model import activities, entries, label
from ..rule import Options, Reporter

ID = "kanta-storage"
ARTICLE = "Act 703/2023; GDPR 4(9), 13(1)(e) (Kanta is storage, not a recipient)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "An error: listing Kanta as a recipient tells patients of a disclosure that does not happen (GDPR "
    "13(1)(e)); the notice states something false."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "recipient": ("'{name}' is listed as a recipient, but storing patient records in Kanta is not a disclosure: "
                  "the provider remains their controller",
                  "Remove this entry from 'recipients:' and set 'health_care: {{kanta: true}}'; the notice then "
                  "explains Kanta in its own section."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for r_path, recipient in entries(activity, "recipients", path):
            if names_kanta(recipient.get("name")):
                yield report(doc, r_path, "recipient", name=label(recipient.get("name"), "Kanta"))
