"""Data obtained from someone else: the source is named.

When personal data come from a third party (a referral, a gift-card buyer, a booking platform) or a public source,
the notice must name the source and whether it is publicly accessible (GDPR 14(2)(f)). A source of type third_party
or public with neither 'name:' nor 'description:' is an error. Which categories of data the source gives (14(1)(d))
is a separate duty, checked by `source-categories`.

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
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, entries, has_text
from ..rule import Options, Reporter

ID = "third-party-source"
ARTICLE = "GDPR 14(2)(f)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 14(2)(f) requires the source of data obtained from others: a source that is not named is an "
    "error."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "unnamed": ("a source of data in '{name}' is not named",
                "Add 'name:' to the source: who gives the data (e.g. 'lähettävä lääkäri', 'lahjakortin ostaja')."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

OTHERS = ("third_party", "public")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for s_path, source in entries(activity, "sources", path):
            if source.get("type") not in OTHERS:
                continue
            if not has_text(source.get("name")) and not has_text(source.get("description")):
                yield report(doc, s_path, "unnamed", name=activity_name(activity))
