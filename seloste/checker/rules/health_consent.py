"""Health data given with consent say what happens when the consent is withdrawn.

A beauty clinic that is not health care records allergies, medication or contraindications on the customer's
explicit consent (GDPR 9(2)(a)). The customer may withdraw it at any time (7(3)), and the notice should say what
then happens to the data: are they erased, or is something kept, on which basis (for example 9(2)(f), to defend
legal claims over a treatment) and for how long. Write it in the category's `withdrawal:`. A warning: the right
to withdraw itself is the `consent-withdrawal` rule's; this is what a person needs to know to use it.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: terveys
            name: Terveystiedot
            special: health
            condition: explicit_consent
            withdrawal: Tiedot poistetaan, kun perut suostumuksen.

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: terveys
            name: Terveystiedot
            special: health
            condition: explicit_consent
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, entries, has_text, label
from ..rule import Options, Reporter

ID = "health-consent"
ARTICLE = "GDPR 7(3), 9(2)(a), 13(2)(c)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "A warning: the right to withdraw is the consent-withdrawal rule's error; saying what happens to the "
    "data on withdrawal is what a person needs to use that right, and its absence is very likely a gap."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "withdrawal": ("'{category}' rests on explicit consent, but the file does not say what happens to the data "
                   "when the consent is withdrawn",
                   "Add 'withdrawal:' to the category: whether the data are erased, or what is kept, on which basis "
                   "and for how long."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for c_path, category in entries(activity, "data_categories", path):
            if category.get("condition") == "explicit_consent" and not has_text(category.get("withdrawal")):
                yield report(doc, c_path, "withdrawal", at_key=False,
                             category=label(category.get("name"), str(category.get("id", "?"))))
