"""Accounting data are kept at least as long as the Accounting Act requires.

Receipts, invoices and other vouchers must be kept at least 6 years from the end of the year in which the
financial year ended, and financial statements and ledgers at least 10 years from the end of the financial year
(Kirjanpitolaki 1336/1997, 2 luku 10 §). Accounting data are recognised by their category (laskutus,
kirjanpito, kuitit, invoices…) or, in an activity whose purposes or recipients speak of billing or accounting,
by the retention entries of that activity. A shorter period is an error, and so is accounting data kept only
under a criterion that does not name the Accounting Act (e.g. "as long as the customer relationship lasts").

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: laskutus
            name: Osto- ja laskutustiedot
            items: [ostetut palvelut, hinnat, kuitit]
        retention:
          - categories: [laskutus]
            period: {years: 6}
            trigger: sen vuoden lopusta, jona tilikausi päättyi

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        data_categories:
          - id: laskutus
            name: Osto- ja laskutustiedot
            items: [ostetut palvelut, hinnat, kuitit]
        retention:
          - categories: [laskutus]
            period: {years: 1}
            trigger: ostopäivästä
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...i18n import N_, ui_text
from ...loader import Document, JsonPath
from ..facts import fact, stems
from ..model import activities, category_words, covers, entries, label, mentions, period_years
from ..rule import Options, Reporter, period_words

ID = "accounting-retention"
ARTICLE = "Kirjanpitolaki 1336/1997, 2:10"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "The Accounting Act sets a minimum: accounting data kept for a shorter time, or with no period, "
    "breaks the law (error)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "too-short": ("the accounting data in '{category}' are kept {years}; the Accounting Act requires at "
                  "least {minimum} years ({what})",
                  "Set 'period: {{years: {minimum}}}' with 'trigger: {trigger}' and 'law: {law}'."),
    "no-period": ("the accounting data in '{category}' have no retention period; the Accounting Act requires at "
                  "least {minimum} years ({what})",
                  "Add a retention entry for them with 'period: {{years: {minimum}}}', 'trigger: {trigger}' and "
                  "'law: {law}'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

_VOUCHERS = (N_("vouchers such as receipts and invoices"), "sen vuoden lopusta, jona tilikausi päättyi")
_LEDGERS = (N_("financial statements and ledgers"), "tilikauden päättymisestä")


def years_text(years: float) -> str:
    return period_words({"years": years})


def _accounting_purpose(activity: dict[str, Any]) -> bool:
    """Whether a purpose cites the Accounting Act, or a purpose or recipient speaks of billing or accounting."""
    law, words = stems("retention", "accounting", "law_stems"), stems("retention", "accounting", "stems")
    purposes = [purpose for _, purpose in entries(activity, "purposes", ())]
    recipients = [recipient for _, recipient in entries(activity, "recipients", ())]
    return any(mentions(p.get("law"), law) or mentions(p.get("purpose"), words) for p in purposes) or \
        any(mentions(r.get("name"), words) or mentions(r.get("description"), words) for r in recipients)


def _targets(activity: dict[str, Any], path: JsonPath) -> Iterator[tuple[str | None, str, bool]]:
    """(category id or None for the whole activity, label, is a ledger) of the accounting data in an activity."""
    words, ledgers = stems("retention", "accounting", "stems"), stems("retention", "accounting", "ledger_stems")
    found = False
    for _, category in entries(activity, "data_categories", path):
        ident = category.get("id")
        texts = category_words(category)
        if isinstance(ident, str) and any(words.search(t) or ledgers.search(t) for t in texts):
            found = True
            yield ident, label(category.get("name"), ident), any(ledgers.search(t) for t in texts)
    if not found and _accounting_purpose(activity):
        yield None, label(activity.get("name"), "?"), False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    minimum = {False: fact("retention", "accounting", "vouchers_years"),
               True: fact("retention", "accounting", "ledgers_years")}
    law = stems("retention", "accounting", "law_stems")
    for path, activity in activities(doc):
        retention = list(entries(activity, "retention", path))
        for ident, name, ledger in _targets(activity, path):
            covering = [(p, e) for p, e in retention if ident is None or covers(e, ident)]
            periods = [(p, years) for p, e in covering if (years := period_years(e.get("period"))) is not None]
            what, trigger = _LEDGERS if ledger else _VOUCHERS
            values = {"category": name, "minimum": minimum[ledger], "what": ui_text(what), "trigger": trigger,
                      "law": fact("retention", "accounting", "law")}
            cites_law = any(mentions(e.get(k), law) for _, e in covering for k in ("law", "criterion", "trigger"))
            if cites_law and (not periods or max(y for _, y in periods) + 1e-9 >= minimum[ledger]):
                continue  # kept as the Accounting Act requires, by its own words
            if not periods:
                if covering:
                    yield report(doc, covering[0][0], "no-period", **values)
                continue
            longest_path, longest = max(periods, key=lambda item: item[1])
            if longest + 1e-9 < minimum[ledger]:
                yield report(doc, (*longest_path, "period"), "too-short", years=years_text(longest), **values)
