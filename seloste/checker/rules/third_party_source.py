"""Data obtained from someone else: the source is named and the categories it gives are listed.

When personal data come from a third party (a referral, a gift-card buyer, a booking platform) or a public
source, the notice must name the source and whether it is publicly accessible (GDPR 14(2)(f)) and the categories
of data concerned (14(1)(d)).

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
from ..model import activities, activity_name, as_list, entries, has_text, label
from ..rule import Options, Reporter

ID = "third-party-source"
ARTICLE = "GDPR 14(1)(d), 14(2)(f)"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "unnamed": ("a source of data in '{name}' is not named",
                "Add 'name:' to the source: who gives the data (e.g. 'lähettävä lääkäri', 'lahjakortin ostaja')."),
    "no-categories": ("the source '{source}' does not say which categories of data it gives",
                      "Add 'categories:' listing the ids of the data categories that come from this source."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

OTHERS = ("third_party", "public")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for s_path, source in entries(activity, "sources", path):
            if source.get("type") not in OTHERS:
                continue
            if not has_text(source.get("name")) and not has_text(source.get("description")):
                yield report(doc, s_path, "unnamed", name=activity_name(activity), article="GDPR 14(2)(f)")
            elif not as_list(source.get("categories")):
                names = source.get("name") or source.get("description")
                yield report(doc, s_path, "no-categories", minor=True, source=label(names, "?"),
                             article="GDPR 14(1)(d)")
