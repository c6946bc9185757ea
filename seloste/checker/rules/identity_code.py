"""The personal identity code (henkilötunnus) is collected only where the law allows it.

The Finnish personal identity code may be processed with the person's consent or where the law provides for it,
and otherwise only when identifying the person unambiguously is necessary for a task set by law, for the rights
and obligations of the person or the controller, or for historical, scientific or statistical research
(Tietosuojalaki 1050/2018, 29 §). Health-care providers keep it in patient records under the law; a beauty salon
or other business that records it in its customer register usually has no such need: use the date of birth. Outside
health care ('health_care:' with 'professional: true' or 'provider: true'), in an activity with no legal obligation
among its purposes (payroll needs the code by law), a data category with the identity code is a warning; accept it
with a reason where the need is real.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: perustiedot
            name: Perustiedot
            items: [nimi, syntymäaika]

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: perustiedot
            name: Perustiedot
            items: [nimi, henkilötunnus]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import provides_health_care
from ...loader import Document
from ..facts import stems
from ..model import activities, category_words, entries, label
from ..rule import Options, Reporter

ID = "identity-code"
ARTICLE = "Tietosuojalaki 1050/2018, 29 §"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "Tietosuojalaki 29 § allows the identity code when unambiguous identification is necessary; whether "
    "it is, only a person can judge (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "collected": ("the data category '{category}' includes the personal identity code ('{word}'), which a "
                  "business outside health care may process only when unambiguous identification is necessary",
                  "Use the date of birth instead, or state in the activity's 'notes:' why the identity code is "
                  "needed and accept the finding with a reason."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if provides_health_care(doc.data):
        return
    code = stems("identity_code_stems")
    for path, activity in activities(doc):
        if any(p.get("basis") == "legal_obligation" for _, p in entries(activity, "purposes", path)):
            continue
        for c_path, category in entries(activity, "data_categories", path):
            match = next((m for word in category_words(category) if (m := code.search(word))), None)
            if match:
                yield report(doc, c_path, "collected", category=label(category.get("name"), "?"),
                             word=match.group(0))
