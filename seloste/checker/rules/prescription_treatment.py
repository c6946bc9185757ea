"""Treatments with prescription medicines, such as botulinum toxin, are health care.

Botulinum toxin (Botox and similar) is a prescription medicine: injecting it, also for purely aesthetic reasons,
is health care, given by a physician or by a nurse under a physician's direction in a health-care unit, with
patient records (785/1992), GDPR 9(2)(h) and 9(3), retention under Act 703/2023 and Kanta when records are
electronic. A beauty salon relying on consent cannot give it. This rule warns when `services:` lists
`botulinum_toxin` or `prescription_medicines`, or a purpose, data category, activity or description speaks of
botulinum toxin, Botox or prescription medicines, while `health_care:` does not say the controller is a
health-care professional or provider. Fillers (hyaluronic acid) alone are not health care: list them as
`dermal_fillers`. A warning, not an error: the words may also appear in a sentence saying the service is not
given; a person should look.

Passing example::

    services: [skin_care, dermal_fillers]

Failing example::

    services: [skin_care, botulinum_toxin]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import provides_health_care
from ...loader import Document
from ..facts import stems
from ..model import activities, as_list, entries, label, mentions
from ..rule import Options, Reporter

ID = "prescription-treatment"
ARTICLE = "GDPR 9(2)(h), 9(3); Act 785/1992; Act 703/2023 (health care)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "A warning: the words may appear in a sentence saying the service is not given, or the controller may "
    "be health care without saying so; a person should look. The law (785/1992, 9(2)(h)) is broken only "
    "when a non-health-care business really gives the treatment."
)
OPTIONS: dict[str, Any] = {}
PRESCRIPTION_SERVICES = ("botulinum_toxin", "prescription_medicines")
MESSAGES = {
    "service": ("'{service}' is a treatment with a prescription medicine, which is health care, but the file does "
                "not say the controller is a health-care professional or provider",
                "If a physician (or a nurse under a physician's direction) gives it, add 'health_care: "
                "{{professional: true, provider: true}}' with patient records; if the clinic gives only fillers, "
                "write 'dermal_fillers' instead."),
    "text": ("'{what}' speaks of a prescription medicine (botulinum toxin, Botox), which is health care, but the "
             "file does not say the controller is a health-care professional or provider",
             "Either describe the clinic as health care ('health_care:' with patient records, 9(2)(h)), or say "
             "plainly that only fillers are given and list 'services: [dermal_fillers]'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if provides_health_care(doc.data):
        return
    for i, service in enumerate(as_list(doc.data.get("services"))):
        if service in PRESCRIPTION_SERVICES:
            yield report(doc, ("services", i), "service", service=service)
            return
    words = stems("prescription_stems")
    for path, activity in activities(doc):
        places: list[tuple[Any, Any]] = [((*path, "name"), activity.get("name")),
                                         ((*path, "description"), activity.get("description"))]
        places += [((*p, "purpose"), purpose.get("purpose")) for p, purpose in entries(activity, "purposes", path)]
        for c_path, category in entries(activity, "data_categories", path):
            places += [((*c_path, "name"), category.get("name"))]
            places += [((*c_path, "items", i), item) for i, item in enumerate(as_list(category.get("items")))]
        for where, value in places:
            if mentions(value, words):
                yield report(doc, where, "text", what=label(value, "?"))
                return
