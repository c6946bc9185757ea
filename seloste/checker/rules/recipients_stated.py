"""Every activity says to whom data are disclosed, even if to no one.

The notice must give the recipients or categories of recipients (GDPR 13(1)(e)) and the record the categories
of recipients (30(1)(d)). Write 'recipients: []' when data are not disclosed; the processors listed under
'processors:' are shown as recipients too. A recipient outside the EU/EEA also needs a transfer (see
transfers-stated).

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        recipients:
          - name: Tilitoimisto
            description: kirjanpitoa varten laskutustiedot

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name
from ..rule import Options, Reporter

ID = "recipients-stated"
ARTICLE = "GDPR 13(1)(e), 30(1)(d)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "GDPR 13(1)(e) asks for the recipients 'if any': silence may mean there are none, but nearly every "
    "business discloses to someone (an accounting firm, a system vendor), so a person should look "
    "(warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the activity '{name}' does not say whether data are disclosed to anyone",
                "Add 'recipients:' listing who receives the data (authorities, accounting firm…), or "
                "'recipients: []' when data are not disclosed."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        if "recipients" not in activity:
            yield report(doc, path, "missing", name=activity_name(activity))
