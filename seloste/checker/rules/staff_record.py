"""A controller with employees keeps a record of the processing of their data too.

An employer processes its employees' data — payroll, working time, sick-leave certificates (health data, Act on
the Protection of Privacy in Working Life 759/2004, 5 §) — and Art 30(5) does not exempt it: that processing is
regular and includes special categories. When `controller: {employees: true}`, the record needs an activity
about the staff (`kind: employees`, or one whose name speaks of staff, employees or payroll). It may be left out
of the public notice with `public: false`. An error: Art 30(1) requires every processing activity in the record.

Passing example::

    controller:
      name: Ihoklinikka Aurora Oy
      email: asiakaspalvelu@ihoklinikka-aurora.example.fi
      employees: false

Failing example::

    controller:
      name: Ihoklinikka Aurora Oy
      email: asiakaspalvelu@ihoklinikka-aurora.example.fi
      employees: true
    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import stems
from ..model import activities, as_dict, mentions
from ..rule import Options, Reporter

ID = "staff-record"
ARTICLE = "GDPR 30(1), 30(5), 9(2)(b); Act 759/2004, 5 §"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "An error: Art 30(1) requires every processing activity in the record, and Art 30(5) does not exempt "
    "an employer whose staff data include health data (sick-leave certificates)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the controller has employees, but the record has no activity for their data (payroll, sick-leave "
                "certificates)",
                "Add an activity with 'kind: employees' and 'public: false': payroll and sick-leave certificates "
                "(health data, 9(2)(b)), with their legal bases and retention."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if as_dict(doc.data.get("controller")).get("employees") is not True:
        return
    words = stems("employee_stems")
    for _, activity in activities(doc):
        if activity.get("kind") == "employees" or mentions(activity.get("name"), words):
            return
    yield report(doc, ("controller", "employees"), "missing")
