"""Whether giving the data is required, and what follows from not giving it.

When data are collected from the data subject, the notice must say whether providing them is a statutory or
contractual requirement or a requirement for entering into a contract, whether the person is obliged to provide
them, and the possible consequences of not providing them (GDPR 13(2)(e)). Not required when all data of an activity
come from others (Art 14 has no such item), nor for internal activities (public: false); a source of type
data_subject or staff, or one with no type, counts as collection from the data subject. An activity without
'provision:' is an error; one whose data are required (neither 'requirement: voluntary' nor 'obligatory: false') but
that gives no 'consequences:' is a warning.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        provision:
          requirement: contract_precondition
          obligatory: true
          consequences: Ilman yhteystietoja emme voi varata aikaa.

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
from ..model import activities, activity_name, entries, has_text, is_public
from ..rule import Options, Reporter

ID = "provision-requirement"
ARTICLE = "GDPR 13(2)(e)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(2)(e) requires saying whether giving the data is required and what follows from not giving "
    "them: missing is an error; a requirement without its consequences is a likely gap (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the activity '{name}' does not say whether giving the data is required and what follows from "
                "not giving them",
                "Add 'provision:' with 'requirement:' (statutory, contractual, contract_precondition or "
                "voluntary), 'obligatory:' and 'consequences:'."),
    "no-consequences": ("the activity '{name}' requires data but does not say what follows from not giving them",
                        "Add 'consequences:' under 'provision:', e.g. 'Ilman yhteystietoja emme voi varata aikaa.'"),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def collected_from_subject(activity: dict[str, Any]) -> bool:
    """True unless every listed source is someone other than the data subject or the staff serving them."""
    kinds = [source.get("type") for _, source in entries(activity, "sources", ())]
    return not kinds or any(kind in ("data_subject", "staff", None) for kind in kinds)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        if not is_public(activity) or not collected_from_subject(activity):
            continue
        provision = activity.get("provision")
        if provision is None:
            yield report(doc, path, "missing", name=activity_name(activity))
        elif isinstance(provision, dict) and provision.get("requirement") != "voluntary" \
                and provision.get("obligatory") is not False and not has_text(provision.get("consequences")):
            yield report(doc, (*path, "provision"), "no-consequences", minor=True, name=activity_name(activity))
