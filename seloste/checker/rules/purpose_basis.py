"""Every activity states its purposes, and every purpose its legal basis.

The notice must give the purposes of the processing and the legal basis of each (GDPR 13(1)(c)); the record must
give the purposes (30(1)(b)); every processing needs a basis from Art 6(1). An activity without 'purposes:', or a
purpose without 'basis:', is an error. A basis described only in the controller's own words ('basis_note:') does not
say which of the six it is (a warning). A legal obligation should name the law it comes from (Art 6(3)): without
'law:' that is an info finding. A notice that gives its bases once for the whole register ('bases:' on the activity)
does not tell which basis serves which purpose: that is reported once for the register (a warning), not once per
purpose, and so are several purposes of one register without a basis (an error).

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Ajanvaraus ja asiakassuhteen hoitaminen
            basis: contract

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Ajanvaraus ja asiakassuhteen hoitaminen
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, as_list, entries, has_text, label
from ..rule import Options, Reporter, enums

ID = "purpose-basis"
ARTICLE = "GDPR 6(1), 13(1)(c), 30(1)(b)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(1)(c) requires the purposes and the legal basis of each: missing is an error. A basis "
    "described only in words, or given once for the whole register, may be right and needs a person's "
    "look (warning). Naming the law behind a legal obligation is good practice (info)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-purposes": ("the activity '{name}' states no purposes", "Add 'purposes:' with each purpose and its 'basis:'."),
    "no-basis": ("the purpose '{purpose}' has no legal basis",
                 "Add 'basis:' to the purpose, saying on which of the six GDPR 6(1) grounds the data are processed: "
                 "consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests."),
    "many-without-basis": ("{count} purposes of '{name}' have no legal basis",
                       "Add 'basis:' to each purpose under 'purposes:', saying on which of the six GDPR 6(1) "
                       "grounds the data are processed: consent, contract, legal_obligation, vital_interests, "
                       "public_task or legitimate_interests."),
    "register-level": ("the legal bases of '{name}' are given for the register as a whole ({bases}), not for "
                       "each purpose",
                       "Move each basis to the purpose it serves: add 'basis:' to every purpose under 'purposes:' "
                       "and remove 'bases:' from the activity."),
    "note-only": ("the purpose '{purpose}' describes its basis only in words ('basis_note')",
                  "Also add 'basis:' naming which of the six GDPR 6(1) grounds it is: consent, contract, "
                  "legal_obligation, vital_interests, public_task or legitimate_interests."),
    "no-law": ("the purpose '{purpose}' relies on a legal obligation but does not name the law",
               "Add 'law:' to the purpose, naming the act that obliges you, e.g. 'Kirjanpitolaki 1336/1997'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        name = activity_name(activity)
        register_bases = [b for b in as_list(activity.get("bases")) if isinstance(b, str)]
        if "purposes" not in activity:
            yield report(doc, path, "no-purposes", name=name)
            continue
        purposes = list(entries(activity, "purposes", path))
        unbased = [(p_path, p) for p_path, p in purposes if p.get("basis") is None]
        if register_bases and unbased:
            yield report(doc, (*path, "bases"), "register-level", minor=True, name=name,
                         bases=enums(register_bases))
        else:
            bare = [(p_path, p) for p_path, p in unbased if not has_text(p.get("basis_note"))]
            if len(bare) > 1:
                yield report(doc, (*path, "purposes"), "many-without-basis", count=len(bare), name=name)
            for p_path, purpose in unbased:
                noted = has_text(purpose.get("basis_note"))
                if noted or len(bare) == 1:
                    yield report(doc, p_path, "note-only" if noted else "no-basis", minor=noted,
                                 purpose=label(purpose.get("purpose"), "?"))
        for p_path, purpose in purposes:
            if purpose.get("basis") == "legal_obligation" and not has_text(purpose.get("law")):
                yield report(doc, p_path, "no-law", minor=2, purpose=label(purpose.get("purpose"), "?"),
                             article="GDPR 6(1)(c), 6(3)")
