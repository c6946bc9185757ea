"""Each of the data subject's rights is told, and each missing one is reported with its article.

The rights are access, rectification, erasure, restriction, objection, portability, withdrawal of consent and
complaint to the authority.

GDPR 13(2)(b) asks the notice to tell of the rights of access (15), rectification (16), erasure (17), restriction
(18), objection (21) and portability (20); 13(2)(c) of the right to withdraw consent when a basis is consent;
13(2)(d) of the right to lodge a complaint with the supervisory authority (77). A notice seloste writes states
them all. When an existing notice is written down as it is, 'rights: stated:' lists the rights it actually
mentions, and each missing one is an error. Objection is required when a purpose rests on legitimate interests
or a public task, or data are used for direct marketing; portability when a purpose rests on consent or a
contract; withdrawal when anything rests on consent. When the file gives no basis at all, objection and
portability are required too (it cannot be shown that they do not apply).

Passing example::

    rights:
      how_to_request: Lähetä pyyntö sähköpostitse osoitteeseen tietosuoja@ihoklinikka-aurora.fi.
      stated: [access, rectification, erasure, restriction, objection, portability, withdraw_consent, complaint]

Failing example::

    rights:
      how_to_request: Lähetä pyyntö sähköpostitse osoitteeseen tietosuoja@ihoklinikka-aurora.fi.
      stated: [access, rectification]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, as_dict, as_list, entries
from ..rule import Options, Reporter

ID = "rights-stated"
ARTICLE = "GDPR 13(2)(b)–(d)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(2)(b)–(d) require each right to be told: a right the notice leaves out is missing information the "
    "law requires (error)."
)
OPTIONS: dict[str, Any] = {}
_HINT = ("Tell the person of this right in the notice. If seloste writes the notice, remove 'stated:' under "
         "'rights:' and every right is stated; if you keep your own notice, add '{right}' to 'stated:' once it "
         "tells of the right.")
MESSAGES = {
    "access": ("the notice does not tell of the right of access (to see one's own data)", _HINT),
    "rectification": ("the notice does not tell of the right to rectification (to have wrong data corrected)",
                      _HINT),
    "erasure": ("the notice does not tell of the right to erasure (to have data deleted)", _HINT),
    "restriction": ("the notice does not tell of the right to restriction of processing", _HINT),
    "objection": ("the notice does not tell of the right to object to processing", _HINT),
    "portability": ("the notice does not tell of the right to data portability (to get one's data to take "
                    "elsewhere)", _HINT),
    "withdraw_consent": ("something rests on consent, but the notice does not tell of the right to withdraw "
                         "consent at any time", _HINT),
    "complaint": ("the notice does not tell of the right to lodge a complaint with the Data Protection "
                  "Ombudsman", _HINT),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

ARTICLES = {
    "access": "GDPR 13(2)(b), 15", "rectification": "GDPR 13(2)(b), 16", "erasure": "GDPR 13(2)(b), 17",
    "restriction": "GDPR 13(2)(b), 18", "objection": "GDPR 13(2)(b), 21", "portability": "GDPR 13(2)(b), 20",
    "withdraw_consent": "GDPR 13(2)(c), 7(3)", "complaint": "GDPR 13(2)(d), 77",
}


def bases(doc: Document) -> set[str]:
    """Every Art 6(1) basis the file gives: per purpose, per register, per source; 'consent' also for explicit
    consent to special-category data and for consent-based marketing."""
    found: set[str] = set()
    for path, activity in activities(doc):
        found.update(b for b in as_list(activity.get("bases")) if isinstance(b, str))
        for _, purpose in entries(activity, "purposes", path):
            if isinstance(purpose.get("basis"), str):
                found.add(purpose["basis"])
        for _, source in entries(activity, "sources", path):
            if isinstance(source.get("basis"), str):
                found.add(source["basis"])
        if any(c.get("condition") == "explicit_consent" for _, c in entries(activity, "data_categories", path)):
            found.add("consent")
    marketing = as_dict(doc.data.get("direct_marketing"))
    if marketing.get("used") is True:
        found.add("direct_marketing")
        if marketing.get("basis") == "consent":
            found.add("consent")
    return found


def required(found: set[str]) -> list[str]:
    """The rights the notice must tell of, given the bases it uses."""
    unknown = not (found - {"direct_marketing"})
    rights = ["access", "rectification", "erasure", "restriction"]
    if unknown or found & {"legitimate_interests", "public_task", "direct_marketing"}:
        rights.append("objection")
    if unknown or found & {"consent", "contract"}:
        rights.append("portability")
    if "consent" in found:
        rights.append("withdraw_consent")
    rights.append("complaint")
    return rights


def check(doc: Document, options: Options) -> Iterator[Finding]:
    rights = as_dict(doc.data.get("rights"))
    if not isinstance(rights.get("stated"), list):
        return  # seloste writes every right itself
    stated = {r for r in rights["stated"] if isinstance(r, str)}
    for right in required(bases(doc)):
        if right not in stated:
            yield report(doc, ("rights", "stated"), right, article=ARTICLES[right], right=right)
