"""The controller must be identified with contact details.

The notice and the record must give the controller's name and how to reach it: a postal address, an e-mail
address or a phone number (GDPR 13(1)(a), 30(1)(a)). A name and a Y-tunnus alone do not let anyone send a
request. (A missing 'controller:' or name is reported by the schema.)

Passing example::

    controller:
      name: Ihoklinikka Aurora Oy
      business_id: 1618033-3
      email: asiakaspalvelu@example.fi

Failing example::

    controller:
      name: Ihoklinikka Aurora Oy
      business_id: 1618033-3
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import as_dict, label
from ..rule import Options, Reporter

ID = "controller-identity"
ARTICLE = "GDPR 13(1)(a), 30(1)(a)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(1)(a) requires the controller's contact details: without any, the notice lacks what the law "
    "requires (error)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-contact": ("the controller '{name}' has no contact details (address, e-mail or phone)",
                   "Add 'address:', 'email:' or 'phone:' under 'controller:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

CONTACT_FIELDS = ("address", "email", "phone")


def has_contact(party: dict[str, Any]) -> bool:
    """Whether a party (controller, contact person, DPO…) can be reached by post, e-mail or phone."""
    return any(party.get(field) for field in CONTACT_FIELDS)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    controller = doc.data.get("controller")
    if isinstance(controller, dict) and not has_contact(controller):
        yield report(doc, ("controller",), "no-contact", name=label(as_dict(controller).get("name"), "?"))
