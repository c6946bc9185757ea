"""Analytics and marketing tags are processing, with their provider and, from a third country, a transfer.

A cookie or tag whose provider is a third party (Google Analytics, Meta Pixel, a booking widget) is processing
with its own purpose and basis (consent, Act 917/2014 205 §), and its provider's role must be stated: name it by
its processor id (`cookies: {items: [{processor: google_analytics}]}`, the catalogue has the common tags) and list
that processor under the activity that covers the website. When the provider is in a third country or owned from
one (Google Analytics data reach Google LLC in the US), the file must declare the transfer and its safeguard (for
certified US recipients the EU–US Data Privacy Framework adequacy decision of 10 July 2023); a file that says
"no transfers outside the EU/EEA" next to such a provider is wrong. Errors: a missing or contradicted transfer is
a false or missing Art 13(1)(f) statement. A warning: a third-party cookie whose processing no activity
describes. Strictly necessary cookies, and cookies whose provider is the controller itself, are not checked.

Passing example::

    cookies:
      used: true
      consent: true
      items:
        - {name: session, category: necessary, purpose: istunnon ylläpito}

Failing example::

    cookies:
      used: true
      consent: true
      items:
        - {name: _ga, provider: Google Ireland Ltd, category: statistics, purpose: kävijätilastot}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import fact, pattern
from ..model import activities, as_dict, as_list, entries, processors, texts
from ..rule import Options, Reporter

ID = "cookie-transfer"
ARTICLE = "GDPR 13(1)(e)–(f), 44–46; Act 917/2014, 205 §"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "An error when a third-country provider's transfer is missing or denied: GDPR 13(1)(f) requires it to "
    "be stated. A warning when a third-party cookie's processing is not described as an activity: likely "
    "a gap, a person should look."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-transfer": ("the cookie '{cookie}' sends data to {recipient} in {country}, but no transfer outside the "
                    "EU/EEA is declared for it",
                    "Add under the website's activity 'transfers: [{{country: {country}, recipient: {processor}, "
                    "safeguard: adequacy_decision, safeguard_note: EU–US Data Privacy Framework}}]' (or the "
                    "safeguard that applies)."),
    "denied": ("the cookie '{cookie}' sends data to {recipient} in {country}, yet the file says data are not "
               "transferred outside the EU/EEA",
               "Replace 'transfers: []' with the transfer to {country} and its safeguard."),
    "undescribed": ("the cookie '{cookie}' is set by a third party ({provider}), but no activity describes that "
                    "processing with its purpose, basis and the provider's role",
                    "Name the provider by its processor id ('processor: google_analytics') and list it under an "
                    "activity for the website ('kind: website', basis: consent)."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def third_country(provider: str) -> dict[str, str] | None:
    """The known third-country owner of a cookie provider named in free text, or None."""
    for entry in fact("third_country_cookie_providers"):
        regex = pattern(r"\b(?:" + "|".join(re.escape(str(stem)) for stem in entry["stems"]) + r")\w*")
        if regex.search(provider):
            return {"country": str(entry["country"]), "recipient": str(entry["recipient"])}
    return None


def _transfers(doc: Document) -> tuple[list[dict[str, Any]], bool]:
    """Every declared transfer, and whether some activity says there are none."""
    found: list[dict[str, Any]] = []
    denied = False
    for path, activity in activities(doc):
        if isinstance(activity.get("transfers"), list) and not activity["transfers"]:
            denied = True
        found += [t for _, t in entries(activity, "transfers", path)]
    return found, denied


def check(doc: Document, options: Options) -> Iterator[Finding]:
    cookies = as_dict(doc.data.get("cookies"))
    if cookies.get("used") is False:
        return
    known = {str(p.get("id")): p for _, p in processors(doc)}
    used = {ref for _, a in activities(doc) for ref in as_list(a.get("processors")) if isinstance(ref, str)}
    transfers, denied = _transfers(doc)
    eea = set(fact("eea_countries"))
    controller = as_dict(doc.data.get("controller"))
    own = {str(n).lower() for n in [controller.get("name"), *as_list(controller.get("trade_names"))] if n}
    for path, item in entries(cookies, "items", ("cookies",)):
        if item.get("category") == "necessary":
            continue
        ref = item.get("processor")
        processor = known.get(ref) if isinstance(ref, str) else None
        provider = str(processor.get("name", ref)) if processor else str(item.get("provider") or "")
        if not provider or provider.lower() in own:
            continue
        cookie = str(item.get("name") or provider)
        if processor is None or ref not in used:
            yield report(doc, path, "undescribed", minor=True, cookie=cookie, provider=provider)
        declared = as_dict(processor.get("transfer")) if processor else {}
        owner = ({"country": str(declared.get("country", "")), "recipient": str(declared.get("recipient") or provider)}
                 if declared else third_country(provider))
        if processor and not declared and str(processor.get("country", "")).upper() not in eea | {""}:
            owner = {"country": str(processor["country"]), "recipient": provider}
        if owner is None:
            continue
        names = {str(ref), provider.lower(), owner["recipient"].lower()}
        covered = any(str(t.get("recipient", "")).lower() in names or
                      any(name in " ".join(texts(t.get("safeguard_note"))).lower() for name in names if name)
                      for t in transfers)
        if not covered:
            key = "denied" if denied else "no-transfer"
            yield report(doc, path, key, cookie=cookie, recipient=owner["recipient"],
                         country=owner["country"] or "?", processor=ref if processor else "...")
