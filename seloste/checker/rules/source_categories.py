"""Data obtained from someone else: the notice says which categories of data each source gives.

When personal data come from a third party (a referral, a gift-card buyer, a booking platform) or a public
source, the person has not seen what was collected, so the notice must tell the categories of personal data
concerned (GDPR 14(1)(d)). A source of type third_party or public lists the ids of the data categories it gives in
'categories:'; one without them is a warning. Naming the source itself is the separate duty of 14(2)(f), checked by
`third-party-source`: a source with neither 'name:' nor 'description:' is reported only there.

Passing example::

    activities:
      - id: lahetteet
        name: Lähetteet
        data_categories:
          - id: perustiedot
            name: Perustiedot
        sources:
          - type: third_party
            name: Lähettävä lääkäri
            categories: [perustiedot]

Failing example::

    activities:
      - id: lahetteet
        name: Lähetteet
        data_categories:
          - id: perustiedot
            name: Perustiedot
        sources:
          - type: third_party
            name: Lähettävä lääkäri
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, as_list, entries, label
from ..rule import Options, Reporter

ID = "source-categories"
ARTICLE = "GDPR 14(1)(d)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "GDPR 14(1)(d) requires the categories of data obtained from others; the notice lists its data categories "
    "elsewhere, so a source that does not say which of them it gives is a likely gap a person should look at "
    "(warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-categories": ("the source '{source}' does not say which categories of data it gives",
                      "Add 'categories:' under the source, listing the ids of the data categories that come from "
                      "it, e.g. 'categories: [perustiedot]'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

OTHERS = ("third_party", "public")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for s_path, source in entries(activity, "sources", path):
            if source.get("type") not in OTHERS or as_list(source.get("categories")):
                continue
            names = source.get("name") or source.get("description")
            if names:
                yield report(doc, s_path, "no-categories", source=label(names, "?"))
