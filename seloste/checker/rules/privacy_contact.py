"""A person or address for privacy matters, reachable.

Data subjects need to know whom to contact about their data (GDPR 13(1)(a); in Finnish notices "yhteyshenkilö
rekisteriä koskevissa asioissa"). The law requires only the controller's contact details (see controller-identity):
without 'privacy_contact:' (or 'privacy_contacts:') the notice falls back on them, which is allowed, so naming a
privacy contact is good practice (info). A privacy contact under 'privacy_contact:' or 'privacy_contacts:' given
without any way to reach it (no 'email:', 'phone:' or 'address:') is very likely a mistake (a warning).

Passing example::

    privacy_contact:
      name: Sanni Esimerkki
      email: tietosuoja@example.fi

Failing example::

    privacy_contact:
      name: Sanni Esimerkki
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import entries, label
from ..rule import Options, Reporter
from .controller_identity import has_contact

ID = "privacy-contact"
ARTICLE = "GDPR 13(1)(a)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "The law requires the controller's contact details (see controller-identity), not a separate privacy "
    "contact: naming one is good practice (info). A privacy contact who is named but cannot be reached is "
    "very likely a mistake (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("no contact for privacy matters is named; only the controller's general contacts will be shown",
                "Add 'privacy_contact:' with a name and an e-mail address or phone number."),
    "unreachable": ("the privacy contact '{name}' has no e-mail, phone or address",
                    "Add 'email:' or 'phone:' under 'privacy_contact:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    contact = doc.data.get("privacy_contact")
    further = list(entries(doc.data, "privacy_contacts", ()))
    for c_path, other in further:
        if not has_contact(other):
            yield report(doc, c_path, "unreachable", name=label(other.get("name"), "?"))
    if contact is None and further:
        return
    if contact is None:
        at = ("controller",) if "controller" in doc.data else ()
        yield report(doc, at, "missing", minor=True, at_key=bool(at))
    elif isinstance(contact, dict) and not has_contact(contact):
        yield report(doc, ("privacy_contact",), "unreachable", name=label(contact.get("name"), "?"))
