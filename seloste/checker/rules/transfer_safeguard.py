"""Every transfer outside the EU/EEA names its safeguard.

A transfer to a third country needs an adequacy decision (GDPR 45), appropriate safeguards such as standard
contractual clauses (46) or a derogation (49), and the notice must name it and say how to obtain a copy of the
safeguards (13(1)(f)). A transfer without 'safeguard:', or with an adequacy decision claimed for a country that has
none, is an error. A transfer without 'country:', or one relying on standard contractual clauses, binding corporate
rules, a code of conduct or a certification without saying how to get a copy ('copy_available:'), is a warning; a
transfer "to" an EU/EEA country is not a transfer (info).

Passing example::

    activities:
      - id: uutiskirje
        name: Uutiskirje
        transfers:
          - country: US
            recipient: Mailer Inc.
            safeguard: standard_contractual_clauses
            copy_available: Jäljennöksen saa pyytämällä tietosuoja@example.fi.

Failing example::

    activities:
      - id: uutiskirje
        name: Uutiskirje
        transfers:
          - country: US
            recipient: Mailer Inc.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import has_adequacy, in_eea
from ..model import activities, entries, has_text
from ..rule import Options, Reporter, enum

ID = "transfer-safeguard"
ARTICLE = "GDPR 13(1)(f), 44–49"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(1)(f) and 44–49 require a safeguard for every transfer: missing or wrong is an error. A "
    "transfer with no country, or with no way to get a copy of the safeguard, is a likely gap (warning); "
    "a 'transfer' inside the EU/EEA is only untidy (info)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the transfer to {country} names no safeguard",
                "Add 'safeguard:' — adequacy_decision, standard_contractual_clauses, binding_corporate_rules, "
                "code_of_conduct, certification, derogation_consent or derogation_contract."),
    "missing-anywhere": ("a transfer outside the EU/EEA names no safeguard",
                         "Add 'safeguard:' to the transfer — adequacy_decision (adequacy decision), "
                         "standard_contractual_clauses (standard contractual clauses) or another GDPR 46 safeguard; "
                         "if nothing leaves the EU/EEA, remove the transfer."),
    "no-adequacy": ("the transfer to {country} claims an adequacy decision, but {country} has none",
                    "Use standard contractual clauses or another GDPR 46 safeguard, or check the country code."),
    "no-copy": ("the transfer to {country} relies on {safeguard} but does not say how to obtain a copy",
                "Add 'copy_available:', e.g. 'Jäljennöksen saa pyytämällä tietosuoja@…'."),
    "no-country": ("a transfer outside the EU/EEA names no country",
                   "Add 'country:' to the transfer (a two-letter code such as US); the record must name the third "
                   "country (GDPR 30(1)(e)) and the reader needs it to judge the safeguard."),
    "inside-eea": ("{country} is in the EU/EEA: this is not a transfer to a third country",
                   "Remove the transfer; data may move freely within the EU/EEA."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

# GDPR 46 safeguards, of which the data subject may obtain a copy.
COPYABLE = {"standard_contractual_clauses", "binding_corporate_rules", "code_of_conduct", "certification"}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for t_path, transfer in entries(activity, "transfers", path):
            country = transfer.get("country")
            safeguard = transfer.get("safeguard")
            if not isinstance(country, str):
                yield report(doc, t_path, "no-country", minor=True, article="GDPR 13(1)(f), 30(1)(e)")
                if safeguard is None:
                    yield report(doc, t_path, "missing-anywhere")
                continue
            if len(country) == 2 and in_eea(country):
                yield report(doc, (*t_path, "country"), "inside-eea", minor=2, country=country)
            elif safeguard is None:
                yield report(doc, t_path, "missing", country=country)
            elif safeguard == "adequacy_decision" and len(country) == 2 and not has_adequacy(country):
                yield report(doc, (*t_path, "safeguard"), "no-adequacy", country=country, article="GDPR 45")
            elif safeguard in COPYABLE and not has_text(transfer.get("copy_available")):
                yield report(doc, t_path, "no-copy", minor=True, country=country,
                             safeguard=enum(safeguard))
