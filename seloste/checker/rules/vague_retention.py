"""Retention is a period with its starting point, or a concrete criterion — not "as long as necessary".

GDPR 13(2)(a) asks for the storage period or the criteria used to determine it, and 5(1)(e) for keeping data no
longer than necessary. "Tarvittavan ajan", "niin kauan kuin on tarpeen" or "niin pitkään kuin laki edellyttää"
tell the reader nothing, and neither does "tarvittavan ajan asiakassuhteesta riippuen". A criterion is read
clause by clause (split at "tai", "or", commas): each clause with a vague phrase must also be anchored to a
concrete event (withdrawal of consent, the last visit, death), a number of years or months, or a law that sets the
period (Kirjanpitolaki, 703/2023). "Kunnes asiakassuhde päättyy" is vague unless the text says when the customer
relationship ends ("asiakassuhde katsotaan päättyneeksi, kun viimeisestä käynnistä on kulunut kaksi vuotta"). When
data are kept until ("kunnes") the first of several events and one of them is concrete, the end of the customer
relationship among them is not vague ("kunnes suostumus peruutetaan tai asiakassuhde päättyy"). A vague criterion is
an error (the criterion of an entry with a 'period:' is not checked). A period with neither 'trigger:' nor
'criterion:' (from when?) is a warning; turn that off with the option `require_trigger: false`.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        retention:
          - criterion: kunnes suostumus peruutetaan tai asiakassuhde päättyy

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        retention:
          - criterion: asiakassuhteen ajan tai niin pitkään kuin laki sitä edellyttää
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import any_of
from ..model import activities, entries, has_text, texts
from ..rule import Options, Reporter, period_words

ID = "vague-retention"
ARTICLE = "GDPR 5(1)(e), 13(2)(a)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(2)(a) requires a period or a criterion the reader can apply: 'as long as necessary' is "
    "neither (error). A period that does not say from when it is counted is a likely gap (warning)."
)
OPTIONS: dict[str, Any] = {"require_trigger": True}
MESSAGES = {
    "vague": ("the retention '{phrase}' is neither a period nor a concrete criterion",
              "Under 'retention:', give a period and the day it is counted from (e.g. 'period: {{years: 3}}' and "
              "'trigger: viimeisestä käynnistä'), or an event that ends the retention (e.g. 'criterion: kunnes "
              "suostumus peruutetaan'). The end of the customer relationship counts only when you say when it "
              "ends."),
    "no-trigger": ("the retention period {period} does not say from when it is counted",
                   "Add 'trigger:', e.g. 'asiakassuhteen päättymisestä' or 'sen vuoden lopusta, jona tilikausi "
                   "päättyi'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

# A match starts only where a run of spaces starts (the look-behind): linear, however long the run.
_CLAUSES = re.compile(r"(?<!\s)\s+(?:tai|taikka|or|eller)\s+|[,;]|(?<!\s)\s+–\s+", re.IGNORECASE)


def vague_clause(text: str) -> str | None:
    """The first clause of a criterion that is vague and not anchored to anything concrete, or None."""
    vague, anchors = any_of("retention_vagueness", "vague"), any_of("retention_vagueness", "anchors")
    relationship = any_of("retention_vagueness", "relationship")
    defined = bool(any_of("retention_vagueness", "relationship_defined").search(text))
    clauses = _CLAUSES.split(text)
    # "kunnes suostumus peruutetaan tai asiakassuhde päättyy": until the first of the events, one of them concrete
    if _UNTIL.search(text) and any(anchors.search(c + " ") for c in clauses):
        defined = True
    for clause in clauses:
        if anchors.search(clause + " "):
            continue
        if vague.search(clause) or (relationship.search(clause) and not defined and _ends_at(clause)):
            return " ".join(clause.split())
    return None


_END = re.compile(r"päätty|loppu|kunnes|asti|saakka|ajan\b|until|end|duration|upphör|tills|under|varar|pågår",
                  re.IGNORECASE)


_UNTIL = re.compile(r"\b(kunnes|until|tills)\b", re.IGNORECASE)


def _ends_at(clause: str) -> bool:
    """Whether a clause that speaks of the customer relationship keeps data for its duration or until its end."""
    return bool(_END.search(clause))


def _period_text(period: Any) -> str:
    return period_words(period) if isinstance(period, dict) else ""


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for r_path, entry in entries(activity, "retention", path):
            period = entry.get("period")
            if period is None:
                for text in texts(entry.get("criterion")):
                    phrase = vague_clause(text)
                    if phrase:
                        yield report(doc, (*r_path, "criterion"), "vague", phrase=phrase)
                        break
            elif options["require_trigger"] and not has_text(entry.get("trigger")) \
                    and not has_text(entry.get("criterion")):
                yield report(doc, (*r_path, "period"), "no-trigger", minor=True, period=_period_text(period))
