"""Special categories of data (health and others) have an Art 9(2) condition, and health data are marked.

Processing health, genetic, biometric and other special-category data is forbidden unless a condition of GDPR 9(2)
applies, as well as a basis from 6(1). A data category with 'special:' needs 'condition:' (an error). Allergies,
medication, skin diseases, pregnancy and contraindications are health data: a category whose id, name or items speak
of them without 'special:' is reported too (a warning). The health-care condition (9(2)(h)) is only open to
health-care professionals bound by secrecy (9(3)); for beauty services it is usually explicit consent (9(2)(a)):
'condition: health_care' in a file whose 'health_care:' does not say the controller is a health-care professional or
provider is a warning.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: terveys
            name: Hoidon kannalta tarpeelliset terveystiedot
            items: [allergiat, lääkitys]
            special: health
            condition: explicit_consent

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: terveys
            name: Hoidon kannalta tarpeelliset terveystiedot
            items: [allergiat, lääkitys]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import provides_health_care
from ...loader import Document
from ..facts import stems
from ..model import activities, category_words, entries, label
from ..rule import Options, Reporter, enum

ID = "special-category"
ARTICLE = "GDPR 9(1)–(2)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 9(2) requires a condition for special-category data: missing is an error. A category that only "
    "looks like health data by its words, or the health-care condition used by someone not marked as a "
    "professional, needs a person's look (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-condition": ("the data category '{category}' holds {special} data but names no GDPR 9(2) condition",
                     "Add 'condition:', e.g. 'explicit_consent' (9(2)(a)) for beauty services, or 'health_care' "
                     "(9(2)(h)) for health-care professionals."),
    "unmarked": ("the data category '{category}' looks like health data ('{word}') but is not marked as a "
                 "special category",
                 "Add 'special: health' and its 'condition:' (e.g. 'explicit_consent')."),
    "not-professional": ("the data category '{category}' relies on the health-care condition (9(2)(h)), but the "
                         "controller is not marked as a health-care professional",
                         "Use 'condition: explicit_consent', or set 'health_care: {{professional: true}}' if the "
                         "services are health care given under professional secrecy (GDPR 9(3))."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    health = stems("health_stems")
    professional = provides_health_care(doc.data)
    for path, activity in activities(doc):
        for c_path, category in entries(activity, "data_categories", path):
            name = label(category.get("name"), str(category.get("id", "?")))
            special = category.get("special")
            condition = category.get("condition")
            if special is not None and condition is None:
                yield report(doc, c_path, "no-condition", category=name, special=enum(special))
            elif special is None:
                match = next((m for w in category_words(category) if (m := health.search(w))), None)
                if match:
                    yield report(doc, c_path, "unmarked", minor=True, category=name, word=match.group(0),
                                 article="GDPR 9(1)")
            if condition == "health_care" and not professional:
                yield report(doc, (*c_path, "condition"), "not-professional", minor=True, category=name,
                             article="GDPR 9(2)(h), 9(3)")
