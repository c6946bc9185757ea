"""Whether data must be given is said once, without contradiction, and for the right party.

GDPR 13(2)(e) asks whether providing the data is a statutory or contractual requirement, whether the person is
obliged to provide them, and what follows if they do not. Three ways of getting it wrong, all seen in real notices:
an activity that says the data are mandatory while it collects health data on consent (consent cannot be a
condition: mark that category `optional: true`); a requirement of `voluntary` with `obligatory: true`; and a
patient register whose requirement is `statutory`, which tells the patient that the law obliges *them* to answer,
when the duty (785/1992) is the professional's to record (`requirement: professional_duty`). The first two are
errors (the notice contradicts itself), the third a warning (a wording a person should fix).

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - {id: perus, name: Perustiedot}
          - {id: terveys, name: Terveystiedot, special: health, condition: explicit_consent, optional: true}
        provision: {requirement: contract_precondition, obligatory: true}

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - {id: perus, name: Perustiedot}
          - {id: terveys, name: Terveystiedot, special: health, condition: explicit_consent}
        provision: {requirement: contract_precondition, obligatory: true}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...healthcare import is_patient_register
from ...loader import Document
from ..model import activities, as_dict, entries, label
from ..rule import Options, Reporter

ID = "provision-consistency"
ARTICLE = "GDPR 13(2)(e), 7(4); Act 785/1992"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "An error when the notice contradicts itself (mandatory consent, voluntary yet obligatory): GDPR "
    "13(2)(e) and 7(4). A warning when a patient register calls the data statutory for the patient: a "
    "wording a person should fix."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "consent-mandatory": ("'{category}' rests on consent, yet the activity says the data are mandatory",
                          "Mark the category 'optional: true': consent cannot be a condition of the service."),
    "voluntary-obligatory": ("the requirement is 'voluntary' but 'obligatory: true' says the data must be given",
                             "Set 'obligatory: false', or choose the requirement that applies."),
    "patient-statutory": ("the patient register says providing the data is statutory, which tells patients the law "
                          "obliges them to answer; the duty to record is the professional's",
                          "Write 'requirement: professional_duty': the professional must record, the patient "
                          "decides what to tell."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        provision = as_dict(activity.get("provision"))
        if not provision:
            continue
        p_path = (*path, "provision")
        categories = list(entries(activity, "data_categories", path))
        if provision.get("requirement") == "voluntary" and provision.get("obligatory") is True:
            yield report(doc, (*p_path, "obligatory"), "voluntary-obligatory")
        if provision.get("obligatory") is True:
            for c_path, category in categories:
                if category.get("condition") == "explicit_consent" and category.get("optional") is not True:
                    yield report(doc, c_path, "consent-mandatory",
                                 category=label(category.get("name"), str(category.get("id", "?"))))
        if is_patient_register(doc.data, activity) and provision.get("requirement") == "statutory":
            yield report(doc, (*p_path, "requirement"), "patient-statutory", minor=True)
