"""Cookies that are not strictly necessary are set only with consent.

Storing or reading data on the user's device needs consent, except what is strictly necessary for the service
the user asked for (Laki sähköisen viestinnän palveluista 917/2014, 205 §; supervised by Traficom). "You can
block cookies in your browser settings" is not consent. Non-necessary cookies without 'consent: true' are an
error, and so are unlisted cookies without consent whose only refusal is the browser's settings; cookies in use
without a list of them, and without consent, a warning; consent asked with no word on how to change the choice,
a warning too (withdrawing must be as easy as consenting, GDPR 7(3)).

Passing example::

    cookies:
      used: true
      consent: true
      management: Voit muuttaa evästeasetuksia sivuston alareunan linkistä.
      items:
        - name: _ga
          category: statistics
          purpose: kävijämäärien tilastointi

Failing example::

    cookies:
      used: true
      consent: false
      management: Voit estää evästeet selaimen asetuksista.
      items:
        - name: _ga
          category: statistics
          purpose: kävijämäärien tilastointi
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import any_of
from ..model import entries, has_text, mentions
from ..rule import Options, Reporter, enum

ID = "cookie-consent"
ARTICLE = "917/2014 205 §"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "917/2014 205 § requires consent for cookies that are not strictly necessary: setting them without it "
    "is an error. Cookies that are used but not listed, or a consent with no way to change it, are likely "
    "gaps a person should look at (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-consent": ("the {category} cookie '{name}' is not strictly necessary but is set without consent",
                   "Ask consent before setting it ('consent: true'), with a reject option on the first layer of "
                   "the banner; browser settings are not consent."),
    "browser": ("cookies are refused only through the browser's settings, which is not consent",
                "Ask consent for the cookies that are not strictly necessary ('consent: true') and list them "
                "under 'items:'."),
    "unlisted": ("cookies are used, but neither listed nor set with consent",
                 "List the cookies under 'items:' with their category, or set 'consent: true' if consent is "
                 "asked for the non-necessary ones."),
    "no-management": ("consent is asked for cookies, but the notice does not say how to change the choice",
                      "Add 'management:', e.g. 'Voit muuttaa evästeasetuksia sivuston alareunan linkistä.'"),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    cookies = doc.data.get("cookies")
    if not isinstance(cookies, dict) or cookies.get("used") is not True:
        return
    items = list(entries(cookies, "items", ("cookies",)))
    consent = cookies.get("consent") is True
    if not consent:
        for path, item in items:
            category = item.get("category")
            if isinstance(category, str) and category != "necessary":
                yield report(doc, path, "no-consent", category=enum(category), name=str(item.get("name", "?")))
        if not items and mentions(cookies.get("management"), any_of("browser_refusal")):
            yield report(doc, ("cookies", "management"), "browser")
        elif not items:
            yield report(doc, ("cookies",), "unlisted", minor=True)
    elif not has_text(cookies.get("management")):
        yield report(doc, ("cookies",), "no-management", minor=True, article="GDPR 7(3); 917/2014 205 §")
