"""Personal data breaches are notified in time and documented.

A breach must be notified to the Data Protection Ombudsman without undue delay and where feasible within 72
hours (GDPR 33(1)), the people affected told when the risk to them is high (34(1)), and every breach documented
(33(5)). seloste's record describes the procedure from 'breach_procedure:'. Neither Art 13 nor Art 30 asks the
documents to describe it, so a file without it gets an info finding; a procedure that does not document breaches
('documented:' not true) gets a warning.

Passing example::

    breach_procedure:
      authority_within_hours: 72
      notify_subjects: Ilmoitamme asianomaisille viipymättä, jos loukkauksesta aiheutuu heille korkea riski.
      documented: true

Failing example::

    breach_procedure:
      notify_subjects: Ilmoitamme asiakkaille mahdollisimman nopeasti.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..rule import Options, Reporter

ID = "breach-procedure"
ARTICLE = "GDPR 33–34"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "Neither Art 13 nor Art 30 asks the documents to describe how breaches are handled, so a missing "
    "procedure is good practice only (info). A procedure that is described but does not document every "
    "breach shows a likely gap in practice, GDPR 33(5) (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the file does not describe how personal data breaches are handled",
                "Add 'breach_procedure:' with 'authority_within_hours: 72', 'notify_subjects:' and "
                "'documented: true'."),
    "undocumented": ("the breach procedure does not say that every breach is documented",
                     "Add 'documented: true' and keep a log of breaches, their effects and the remedial action "
                     "(GDPR 33(5))."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    procedure = doc.data.get("breach_procedure")
    if procedure is None:
        yield report(doc, (), "missing", minor=True)
    elif isinstance(procedure, dict) and procedure.get("documented") is not True:
        yield report(doc, ("breach_procedure",), "undocumented", article="GDPR 33(5)")
