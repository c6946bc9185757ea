"""The notice shows when it was last updated, and that was not too long ago.

A notice must be kept up to date (GDPR 5(1)(d), 12(1)); a date lets the reader see which version applies and lets
the controller notice when a review is due. The date read is 'document: updated:', or 'drafted:' when there is no
'updated:'. A notice last updated before the GDPR applied (25.5.2018) is very likely out of date (a warning). A
date, and a review within `max_age_months` (default 24) of the reference date (`--today`, the configuration's
`today:`, or the current date), are good practice (info): an older notice may still be right.

Passing example::

    document:
      drafted: 2024-02-01
      updated: 2025-09-15

Failing example::

    document:
      drafted: 2018-05-14
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import as_dict
from ..rule import Options, Reporter

ID = "document-age"
ARTICLE = "GDPR 5(1)(d), 12(1)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "A notice last updated before the GDPR applied is very likely out of date (warning). A date on the notice, "
    "and a review every two years, are good practice, not requirements of the law (info)."
)
OPTIONS: dict[str, Any] = {"max_age_months": 24}
MESSAGES = {
    "undated": ("the notice does not say when it was drafted or last updated",
                "Add 'document:' with 'drafted:' and 'updated:' dates (YYYY-MM-DD)."),
    "pre-gdpr": ("the notice was last updated on {date}, before the GDPR applied (25 May 2018)",
                 "Rewrite the notice for the GDPR: check the legal bases, rights, retention and processors, then set "
                 "'updated:' under 'document:' to today's date."),
    "old": ("the notice was last updated on {date}, {months} months ago (more than {limit})",
            "Review the notice: check processors, retention and contacts, then set 'updated:' to today's date."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


#: The day the GDPR began to apply (Art 99(2)).
GDPR_APPLIES = dt.date(2018, 5, 25)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from `earlier` to `later`."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def check(doc: Document, options: Options) -> Iterator[Finding]:
    meta = as_dict(doc.data.get("document"))
    field = "updated" if "updated" in meta else "drafted" if "drafted" in meta else None
    if field is None:
        yield report(doc, ("document",) if "document" in doc.data else (), "undated", minor=True)
        return
    try:
        date = dt.date.fromisoformat(str(meta[field]))
    except ValueError:
        return  # the schema reports a malformed date
    months = months_between(date, options.today)
    if date < GDPR_APPLIES:
        yield report(doc, ("document", field), "pre-gdpr", date=date.isoformat())
    elif months > options["max_age_months"]:
        yield report(doc, ("document", field), "old", minor=True, date=date.isoformat(), months=months,
                     limit=options["max_age_months"])
