"""Every activity states its purposes, and every purpose its legal basis.

The notice must give the purposes of the processing and the legal basis of each (GDPR 13(1)(c)); the record
must give the purposes (30(1)(b)); every processing needs a basis from Art 6(1). A basis described only in the
controller's own words ('basis_note:') does not say which of the six it is. A legal obligation should name the
law it comes from (Art 6(3)): without 'law:' that is an info finding.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Ajanvaraus ja asiakassuhteen hoitaminen
            basis: contract

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Ajanvaraus ja asiakassuhteen hoitaminen
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, entries, has_text, label
from ..rule import Options, Reporter

ID = "purpose-basis"
ARTICLE = "GDPR 6(1), 13(1)(c), 30(1)(b)"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-purposes": ("the activity '{name}' states no purposes", "Add 'purposes:' with each purpose and its 'basis:'."),
    "no-basis": ("the purpose '{purpose}' has no legal basis",
                 "Add 'basis:' — one of consent, contract, legal_obligation, vital_interests, public_task, "
                 "legitimate_interests (GDPR 6(1)(a)–(f))."),
    "note-only": ("the purpose '{purpose}' describes its basis only in words ('basis_note')",
                  "Also add 'basis:' naming which of the six GDPR 6(1) bases it is."),
    "no-law": ("the purpose '{purpose}' relies on a legal obligation but does not name the law",
               "Add 'law:', e.g. 'Kirjanpitolaki 1336/1997'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        if "purposes" not in activity:
            yield report(doc, path, "no-purposes", name=activity_name(activity))
            continue
        for p_path, purpose in entries(activity, "purposes", path):
            name = label(purpose.get("purpose"), "?")
            basis = purpose.get("basis")
            if basis is None:
                key = "note-only" if has_text(purpose.get("basis_note")) else "no-basis"
                yield report(doc, p_path, key, purpose=name)
            elif basis == "legal_obligation" and not has_text(purpose.get("law")):
                yield report(doc, p_path, "no-law", minor=2, purpose=name, article="GDPR 6(1)(c), 6(3)")
