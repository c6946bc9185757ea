"""Joint controllers set out their arrangement, and a shared register is not left unexplained.

Controllers that decide together on the processing — e.g. chair-renting entrepreneurs who share one customer
register — must determine their responsibilities in an arrangement, in particular who gives the information and
who answers requests, and make its essence available to the data subjects (GDPR 26(1)–(2)). 'joint_controllers:'
without 'arrangement:' is an error; an arrangement that does not say who answers requests or gives the
information, and a party with no contact details (the data subject may turn to each of them, 26(3)), are warnings.
Parties under 'co_registrants:', named beside the controller without saying whether they are joint controllers or
processors, are a warning, and so is a text that speaks of chair renters or partner entrepreneurs when the file has
neither 'joint_controllers:' nor 'co_registrants:'.

Passing example::

    joint_controllers:
      parties:
        - name: Parturi Esimerkki Tmi
          email: parturi@example.fi
      arrangement:
        summary: Kumpikin vastaa omien asiakkaidensa tiedoista.
        information_by: Kauneuskeskus Esimerkki Oy
        requests_by: kumpi tahansa osapuoli

Failing example::

    joint_controllers:
      parties:
        - name: Parturi Esimerkki Tmi
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document, JsonPath
from ..facts import stems
from ..model import entries, has_text, label, locate, strings
from ..rule import Options, Reporter
from .controller_identity import has_contact

ID = "joint-controllers"
ARTICLE = "GDPR 26(1)–(2)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 26(2) requires the essence of the arrangement to be made available: missing is an error. An "
    "incomplete arrangement, a party without contact details, or words that suggest others share the "
    "register are likely gaps (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-arrangement": ("joint controllers are named but their arrangement is not described",
                       "Add 'arrangement:' with 'summary:', 'information_by:' and 'requests_by:'."),
    "incomplete": ("the joint controllers' arrangement does not say who answers requests or who gives the "
                   "information", "Add 'requests_by:' and 'information_by:' under 'arrangement:'."),
    "incomplete-requests_by": ("the joint controllers' arrangement does not say who answers requests",
                               "Add 'requests_by:' under 'arrangement:', naming the party people send their "
                               "requests to."),
    "incomplete-information_by": ("the joint controllers' arrangement does not say who gives the information",
                                  "Add 'information_by:' under 'arrangement:', naming the party that gives this "
                                  "notice to the customers."),
    "unreachable": ("the joint controller '{name}' has no contact details",
                    "Add 'email:', 'phone:' or 'address:' for the party: data subjects may exercise their rights "
                    "against each joint controller (GDPR 26(3))."),
    "unclear": ("the notice names {names} beside the controller without saying whether they are joint controllers "
                "or processors",
                "Find out their role: if they decide on the data together with you, describe them under "
                "'joint_controllers:' with the arrangement (GDPR 26); if they only process data for you, list them "
                "under 'processors:'."),
    "undeclared": ("the text mentions '{found}', but no joint controllers are described",
                   "If others share the customer register, add 'joint_controllers:' with the parties and their "
                   "arrangement (GDPR 26); if they only use it on your behalf, list them as processors."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

SKIP: frozenset[JsonPath] = frozenset({("document", "changes"), ("processors",)})


def check(doc: Document, options: Options) -> Iterator[Finding]:
    others = list(entries(doc.data, "co_registrants", ()))
    if others:
        names = ", ".join(f"'{label(p.get('name'), '?')}'" for _, p in others)
        yield report(doc, others[0][0], "unclear", minor=True, names=names, article="GDPR 26, 28")
    joint = doc.data.get("joint_controllers")
    if isinstance(joint, dict):
        for p_path, party in entries(joint, "parties", ("joint_controllers",)):
            if not has_contact(party):
                yield report(doc, p_path, "unreachable", minor=True, name=label(party.get("name"), "?"),
                             article="GDPR 26(3)")
        arrangement = joint.get("arrangement")
        if arrangement is None:
            yield report(doc, ("joint_controllers",), "no-arrangement")
        elif isinstance(arrangement, dict):
            missing = [field for field in ("requests_by", "information_by") if not has_text(arrangement.get(field))]
            if missing:
                key = "incomplete" if len(missing) == 2 else f"incomplete-{missing[0]}"
                yield report(doc, ("joint_controllers", "arrangement"), key, minor=True)
        return
    if others:
        return  # the parties are written down; their unclear role is the finding
    words = stems("joint_control_stems")
    for path, text in strings(doc.data, skip=SKIP):
        match = words.search(text)
        if match:
            yield report(doc, path, "undeclared", minor=True, position=locate(doc, path, match.group(0)),
                         found=match.group(0))
            return
