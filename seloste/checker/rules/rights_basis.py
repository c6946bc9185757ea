"""The rights a notice promises follow the legal basis, and requests are answered within one month.

Erasure does not reach data kept under a legal obligation (GDPR 17(3)(b)), so not patient records; portability
(Art 20) applies only to processing based on consent or a contract, by automated means, so never to patient
records. seloste's own templates choose the rights per activity; this rule checks what a file states itself: a
transcribed notice's `rights.stated` that promises erasure or portability while the file keeps a patient register (a
`kind: patients` activity, or health data under 9(2)(h) of a health-care professional or provider), and a
`rights.response_time` longer than the one month of GDPR 12(3) (the extension by two further months is for complex
cases, told within the first month). Both are errors: the notice states something false.

Passing example::

    rights:
      response_time: viimeistään kuukauden kuluessa pyynnön saamisesta

Failing example::

    rights:
      response_time: kolmen kuukauden kuluessa
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import is_patient_register
from ...loader import Document
from ..facts import any_of
from ..model import activities, as_dict, as_list, label, mentions
from ..rule import Options, Reporter

ID = "rights-basis"
ARTICLE = "GDPR 12(3), 17(3)(b), 20(1)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "An error: promising erasure or portability of patient records, or a response time beyond one month, "
    "tells people something the law contradicts (GDPR 12(3), 17(3)(b), 20)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "erasure": ("the notice promises erasure of data, but '{activity}' holds patient records that the law requires "
                "to be kept (GDPR 17(3)(b))",
                "Remove 'erasure' from 'rights: stated:', or say that patient records are not erased before their "
                "storage period ends."),
    "portability": ("the notice promises data portability, but '{activity}' holds patient records kept under a "
                    "legal obligation, to which Article 20 does not apply",
                    "Remove 'portability' from 'rights: stated:' or limit it to data given under a contract or "
                    "consent."),
    "response": ("the response time '{time}' is longer than the one month GDPR 12(3) allows",
                 "Write 'kuukauden kuluessa' in 'rights: response_time:'; an extension by two further months is "
                 "only for complex requests and must be told within the first month."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def patient_register(doc: Document) -> str | None:
    """The name of an activity holding patient records, or None."""
    for _, activity in activities(doc):
        if is_patient_register(doc.data, activity):
            return label(activity.get("name"), str(activity.get("id", "?")))
    return None


def check(doc: Document, options: Options) -> Iterator[Finding]:
    rights = as_dict(doc.data.get("rights"))
    stated = as_list(rights.get("stated"))
    register = patient_register(doc) if stated else None
    if register is not None:
        for key in ("erasure", "portability"):
            if key in stated:
                yield report(doc, ("rights", "stated", stated.index(key)), key, activity=register)
    time = rights.get("response_time")
    if mentions(time, any_of("response_too_long")):
        yield report(doc, ("rights", "response_time"), "response", time=label(time))
