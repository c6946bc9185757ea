"""The notice shows when it was last updated, and that was not too long ago.

A notice must be kept up to date (GDPR 5(1)(d), 12(1)); a date lets the reader see which version applies and
lets the controller notice when a review is due. 'document:' without 'updated:' or 'drafted:' is a warning, and
so is a last update older than `max_age_months` (default 24) before the reference date (`--today`, the
configuration's `today:`, or the current date).

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
    "A notice not reviewed in two years is very likely out of date (warning). A date on the notice is not "
    "required by law, only good practice (info)."
)
OPTIONS: dict[str, Any] = {"max_age_months": 24}
MESSAGES = {
    "undated": ("the notice does not say when it was drafted or last updated",
                "Add 'document:' with 'drafted:' and 'updated:' dates (YYYY-MM-DD)."),
    "old": ("the notice was last updated on {date}, {months} months ago (more than {limit})",
            "Review the notice: check processors, retention and contacts, then set 'updated:' to today's date."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


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
    if months > options["max_age_months"]:
        yield report(doc, ("document", field), "old", date=date.isoformat(), months=months,
                     limit=options["max_age_months"])
