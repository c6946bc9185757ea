"""E-mail and SMS marketing has prior consent or the customer exception, and every message a free opt-out.

Electronic direct marketing to people needs their prior consent, except to existing customers for the firm's
own similar products when they were told at the sale and can opt out free of charge in every message (Laki
sähköisen viestinnän palveluista 917/2014, 200 §). The right to object to direct marketing is absolute and must be
brought to the person's attention (GDPR 21(2)–(4)). E-mail, SMS or push marketing with no 'basis:', or with 'basis:
legitimate_interests', is an error, and so is marketing with no 'opt_out:'. Marketing mentioned in the activities
(an activity's name or a purpose) without a 'direct_marketing:' section, or with 'used: false', is a warning, as are
marketing without its channels, e-mail or SMS marketing whose opt-out does not say it is in every message (a link, a
reply), and marketing with no marketing purpose among the activities (13(1)(c)).

Passing example::

    direct_marketing:
      used: true
      channels: [email, sms]
      basis: consent
      opt_out: Voit perua luvan viestin lopussa olevasta linkistä.

Failing example::

    direct_marketing:
      used: true
      channels: [email, sms]
      basis: legitimate_interests
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document, JsonPath
from ..facts import any_of, stems
from ..model import activities, as_list, entries, has_text, label, mentions
from ..rule import Options, Reporter

ID = "direct-marketing"
ARTICLE = "917/2014 200 §; GDPR 21(2)–(4)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "E-mail and SMS marketing without a basis, on the wrong basis or with no way to opt out breaks "
    "917/2014 200 § and GDPR 21 (error). Missing channels, an opt-out not offered in each message, or "
    "marketing not listed among the purposes are likely gaps (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "undescribed": ("'{what}' is about marketing, but the file has no 'direct_marketing:' section saying how "
                    "(channels, basis, opt-out)",
                    "Add 'direct_marketing:' with 'used: true', 'channels:', 'basis:' and 'opt_out:'."),
    "no-basis": ("e-mail or SMS marketing has no basis: it needs prior consent or the customer exception",
                 "Add 'basis: consent' (or 'customer_exception' for existing customers and own similar products)."),
    "wrong-basis": ("e-mail or SMS marketing cannot rest on legitimate interests; it needs prior consent or the "
                    "customer exception",
                    "Use 'basis: consent', or 'customer_exception' for existing customers and own similar products."),
    "no-opt-out": ("the direct marketing does not say how to opt out",
                   "Add 'opt_out:', e.g. 'Voit kieltää markkinoinnin viestin lopussa olevasta linkistä tai "
                   "ilmoittamalla meille.'"),
    "no-channels": ("the direct marketing does not say through which channels it is sent",
                    "Add 'channels:', e.g. [email, sms, post]."),
    "not-in-message": ("the opt-out does not say that every e-mail or SMS offers a free way to opt out",
                       "Say how each message lets the person opt out, e.g. 'viestin lopussa olevasta linkistä tai "
                       "vastaamalla tekstiviestiin LOPETA'."),
    "no-purpose": ("direct marketing is used, but no activity lists marketing among its purposes",
                   "Add a purpose such as 'Uutiskirjeet ja tarjoukset' with its 'basis:' to the activity whose data "
                   "are used for marketing."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

ELECTRONIC = {"email", "sms", "push"}


def _marketing_mentions(doc: Document) -> Iterator[tuple[JsonPath, str]]:
    words = stems("marketing_stems")
    for path, activity in activities(doc):
        if mentions(activity.get("name"), words) or mentions(activity.get("id"), words):
            yield path, label(activity.get("name"), "?")
            continue
        for p_path, purpose in entries(activity, "purposes", path):
            if mentions(purpose.get("purpose"), words):
                yield p_path, label(purpose.get("purpose"), "?")
                break


def check(doc: Document, options: Options) -> Iterator[Finding]:
    marketing = doc.data.get("direct_marketing")
    if marketing is None or (isinstance(marketing, dict) and marketing.get("used") is False):
        for path, what in _marketing_mentions(doc):
            yield report(doc, path, "undescribed", minor=True, what=what)
        return
    if not isinstance(marketing, dict) or marketing.get("used") is not True:
        return
    channels = set(ch for ch in as_list(marketing.get("channels")) if isinstance(ch, str))
    basis = marketing.get("basis")
    where = ("direct_marketing",)
    if not channels:
        yield report(doc, where, "no-channels", minor=True)
    if channels & ELECTRONIC and basis is None:
        yield report(doc, where, "no-basis")
    elif channels & ELECTRONIC and basis == "legitimate_interests":
        yield report(doc, (*where, "basis"), "wrong-basis")
    opt_out = marketing.get("opt_out")
    if not has_text(opt_out):
        yield report(doc, where, "no-opt-out", article="GDPR 21(2)–(4); 917/2014 200 §")
    elif channels & ELECTRONIC and not mentions(opt_out, any_of("opt_out_in_message")):
        yield report(doc, (*where, "opt_out"), "not-in-message", minor=True)
    if not any(True for _ in _marketing_mentions(doc)):
        yield report(doc, where, "no-purpose", minor=True, article="GDPR 13(1)(c)")
