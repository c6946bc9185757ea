"""A data protection officer or an EU representative, when there is one, with contact details.

Only when a DPO is designated must the notice give the DPO's contact details (GDPR 13(1)(b)); only when the
controller is established outside the EU/EEA does it need a representative in the Union (GDPR 27, 13(1)(a)). Neither
is required of an ordinary Finnish clinic, so a missing 'dpo:' is not reported, nor a missing 'representative:' of a
controller in the EU/EEA. A DPO or representative written down without any contact details ('email:', 'phone:' or
'address:') is an error. A controller whose address ('controller: address: country:') is outside the EU/EEA and who
names no 'representative:' gets a warning: an Art 27(2) exception may apply.

Passing example::

    dpo:
      name: Tietosuojapalvelu Esimerkki Oy
      email: dpo@example.fi

Failing example::

    dpo:
      name: Tietosuojapalvelu Esimerkki Oy
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import in_eea
from ..model import as_dict, label
from ..rule import Options, Reporter
from .controller_identity import has_contact

ID = "dpo-representative"
ARTICLE = "GDPR 13(1)(a)–(b), 27"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "When a DPO or a representative exists, GDPR 13(1)(a)–(b) requires their contact details (error). A "
    "controller outside the EU/EEA without a representative may fall under an Art 27(2) exception, so "
    "that is a warning."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "dpo-unreachable": ("the data protection officer '{name}' has no e-mail, phone or address",
                        "Add 'email:' or 'phone:' under 'dpo:'; the notice must give the DPO's contact details."),
    "rep-unreachable": ("the representative '{name}' has no e-mail, phone or address",
                        "Add 'email:', 'phone:' or 'address:' under 'representative:'."),
    "rep-missing": ("the controller is established outside the EU/EEA ({country}) but names no representative "
                    "in the Union", "Add 'representative:' (GDPR 27) unless an Art 27(2) exception applies."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for field, key, article in (("dpo", "dpo-unreachable", "GDPR 13(1)(b), 37(7)"),
                                ("representative", "rep-unreachable", "GDPR 13(1)(a), 27")):
        party = doc.data.get(field)
        if isinstance(party, dict) and not has_contact(party):
            yield report(doc, (field,), key, name=label(party.get("name"), "?"), article=article)
    country = as_dict(as_dict(doc.data.get("controller")).get("address")).get("country")
    if isinstance(country, str) and len(country) == 2 and not in_eea(country) and "representative" not in doc.data:
        yield report(doc, ("controller", "address", "country"), "rep-missing", minor=True, country=country,
                     article="GDPR 27, 13(1)(a)")
