"""Transfers outside the EU/EEA are stated, including those through a processor or recipient abroad.

The notice must say whether data go to a third country (GDPR 13(1)(f)) and the record which country (30(1)(e)).
Write 'transfers: []' when nothing leaves the EU/EEA; an activity that says nothing about transfers is an info
finding. A processor or recipient whose country is outside the EU/EEA, with no transfer to that country in the
activity, is an error, and so is a service outside the EU/EEA that seloste knows by name (Mailchimp, Google
Analytics, Wix…) mentioned in the activity's texts but not listed under 'processors:', with no transfer to its
country. A sentence about transfers "outside the EU" ("EU:n ulkopuolelle") that does not mention the EEA is an info
finding.

Passing example::

    processors:
      - id: mailer
        name: Mailer Inc.
        country: US
    activities:
      - id: uutiskirje
        name: Uutiskirje
        processors: [mailer]
        transfers:
          - country: US
            recipient: mailer
            safeguard: adequacy_decision

Failing example::

    processors:
      - id: mailer
        name: Mailer Inc.
        country: US
    activities:
      - id: uutiskirje
        name: Uutiskirje
        processors: [mailer]
        transfers: []
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document, JsonPath
from ..facts import fact, in_eea, pattern
from ..model import activities, activity_name, as_list, entries, label, locate, processors, strings
from ..rule import Options, Reporter

ID = "transfers-stated"
ARTICLE = "GDPR 13(1)(f), 30(1)(e)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "A processor or recipient outside the EU/EEA with no transfer stated is a transfer the notice hides "
    "(error). Saying aloud that nothing leaves the EU/EEA is good practice only (info)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the activity '{name}' does not say whether data are transferred outside the EU/EEA",
                "Add 'transfers: []' when nothing leaves the EU/EEA, or list each transfer with its country "
                "and safeguard."),
    "processor-abroad": ("the processor '{who}' is in {country}, outside the EU/EEA, but the activity '{name}' "
                         "states no transfer to {country}",
                         "Add a transfer with 'country: {country}', 'recipient: {ident}' and its 'safeguard:'."),
    "named-abroad": ("{who} is mentioned in '{name}', and its service is in {country}, outside the EU/EEA, but the "
                     "activity states no transfer to {country}",
                     "Add a transfer with 'country: {country}' and its 'safeguard:' under the activity's "
                     "'transfers:', and list {who} under 'processors:' with its country."),
    "eu-only": ("the activity '{name}' speaks of transfers outside the EU ('{found}') but not of the EEA",
                "Say 'EU:n ja ETA:n ulkopuolelle': Norway, Iceland and Liechtenstein are inside the area where data "
                "may move freely."),
    "recipient-abroad": ("the recipient '{who}' is in {country}, outside the EU/EEA, but the activity '{name}' "
                         "states no transfer to {country}",
                         "Add a transfer with 'country: {country}' and its 'safeguard:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


_EU_ONLY = re.compile(r"\bEU:n\s+ulkopuol\w*|\boutside\s+(of\s+)?the\s+EU\b|\butanför\s+EU\b", re.IGNORECASE)
_EEA = re.compile(r"\b(ETA|EEA|EES|Euroopan\s+talousalue\w*)", re.IGNORECASE)


def _abroad(country: Any) -> bool:
    return isinstance(country, str) and len(country) == 2 and not in_eea(country)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    known = {p["id"]: (path, p) for path, p in processors(doc) if isinstance(p.get("id"), str)}
    for path, activity in activities(doc):
        name = activity_name(activity)
        if "transfers" not in activity:
            yield report(doc, path, "missing", name=name, minor=2)
        countries = {t.get("country") for _, t in entries(activity, "transfers", path)}
        for i, ref in enumerate(as_list(activity.get("processors"))):
            if not isinstance(ref, str) or ref not in known:
                continue
            processor = known[ref][1]
            country = processor.get("country")
            if _abroad(country) and country not in countries:
                ref_path: JsonPath = (*path, "processors", i)
                yield report(doc, ref_path, "processor-abroad", who=label(processor.get("name"), ref),
                             country=country, name=name, ident=ref)
        listed = [label(p.get("name"), "") + " " + str(p.get("id", "")) for _, p in known.values()]
        texts = list(strings(activity, path))
        for system in fact("systems"):
            country = system.get("country")
            regex = pattern(system["pattern"])
            if not country or country in countries or any(regex.search(n) for n in listed):
                continue  # a listed processor is checked by its own country above
            hit = next(((t_path, m) for t_path, text in texts if (m := regex.search(text))), None)
            if hit:
                yield report(doc, hit[0], "named-abroad", position=locate(doc, hit[0], hit[1].group(0)),
                             who=system["name"], country=country, name=name)
        for t_path, text in texts:
            for sentence in re.findall(r"[^.!?]+", text):
                match = _EU_ONLY.search(sentence)
                if match and not _EEA.search(sentence):
                    yield report(doc, t_path, "eu-only", minor=2, name=name, found=match.group(0),
                                 position=locate(doc, t_path, match.group(0)))
                    break
        for r_path, recipient in entries(activity, "recipients", path):
            country = recipient.get("country")
            if _abroad(country) and country not in countries:
                yield report(doc, r_path, "recipient-abroad", who=label(recipient.get("name"), "?"),
                             country=country, name=name)
