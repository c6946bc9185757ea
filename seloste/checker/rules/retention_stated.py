"""Every data category has a retention period or criterion.

The notice must give the storage period, or the criteria that set it (GDPR 13(2)(a)); the record gives the time
limits for erasure of each category "where possible" (30(1)(f)). A retention entry without 'categories:' covers
every category of its activity. Missing retention in a public activity is an error; in an internal one
(public: false) a warning.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: perustiedot
            name: Perus- ja yhteystiedot
        retention:
          - categories: [perustiedot]
            period: {years: 3}
            trigger: viimeisestä käynnistä

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: perustiedot
            name: Perus- ja yhteystiedot
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, covers, entries, is_public, label
from ..rule import Options, Reporter

ID = "retention-stated"
ARTICLE = "GDPR 13(2)(a), 30(1)(f)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(2)(a) requires the storage period or its criteria for the data: missing is an error (for an "
    "internal, record-only activity, where 30(1)(f) says 'where possible', a warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the activity '{name}' says nothing about how long data are kept",
                "Add 'retention:' with a 'period:' and its 'trigger:' (e.g. 3 years from the last visit) or a "
                "'criterion:' for each data category."),
    "uncovered": ("no retention is given for the data category '{category}'",
                  "Add a 'retention:' entry whose 'categories:' include '{ident}', or one without 'categories:' "
                  "that covers them all."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        minor = not is_public(activity)
        article = ARTICLE if is_public(activity) else "GDPR 30(1)(f)"
        retention = [entry for _, entry in entries(activity, "retention", path)]
        if not retention:
            if "retention" not in activity or activity.get("retention") == []:
                yield report(doc, path, "missing", minor=minor, article=article, name=activity_name(activity))
            continue
        for c_path, category in entries(activity, "data_categories", path):
            ident = category.get("id")
            if isinstance(ident, str) and not any(covers(entry, ident) for entry in retention):
                yield report(doc, c_path, "uncovered", minor=minor, article=article, ident=ident,
                             category=label(category.get("name"), ident))
