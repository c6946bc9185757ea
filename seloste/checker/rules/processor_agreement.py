"""Every processor works under a processing agreement, and every listed processor is used.

Processing by a processor must be governed by a contract or other legal act with the content of GDPR 28(3). A
processor written down with 'dpa: false' is an error; one that does not say ('dpa:' missing) an info finding. A
processor that no activity refers to (in the activity's
'processors:') is an info finding: it is not shown as a recipient of any activity. An entry with 'role:
independent_controller' is not a processor and is not checked.

Passing example::

    processors:
      - id: timma
        name: Timma Oy
        dpa: true
    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        processors: [timma]

Failing example::

    processors:
      - id: timma
        name: Timma Oy
        dpa: false
    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        processors: [timma]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, as_list, label, processors
from ..rule import Options, Reporter

ID = "processor-agreement"
ARTICLE = "GDPR 28(3)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 28(3) requires a contract with every processor: a processor without one is an error. The "
    "documents need not say whether the contract exists, and an unused processor entry is only untidy "
    "(info)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-dpa": ("there is no processing agreement with the processor '{name}'",
               "Make a data processing agreement (GDPR 28(3)); most system vendors publish one in their terms."),
    "dpa-unknown": ("the file does not say whether there is a processing agreement with '{name}'",
                    "Add 'dpa: true' once the agreement is in place (GDPR 28(3))."),
    "unused": ("the processor '{name}' is not used by any activity",
               "Add '{ident}' to the 'processors:' of the activities it serves, or remove it."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    used = {ref for _, activity in activities(doc) for ref in as_list(activity.get("processors"))
            if isinstance(ref, str)}
    for path, processor in processors(doc):
        name = label(processor.get("name"), "?")
        if processor.get("role") == "independent_controller":
            continue
        if processor.get("dpa") is False:
            yield report(doc, (*path, "dpa"), "no-dpa", name=name)
        elif "dpa" not in processor:
            yield report(doc, path, "dpa-unknown", minor=2, name=name)
        ident = processor.get("id")
        if isinstance(ident, str) and ident not in used:
            yield report(doc, path, "unused", minor=2, name=name, ident=ident, article="GDPR 13(1)(e)")
