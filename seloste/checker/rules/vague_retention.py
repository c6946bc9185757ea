"""Retention is a period with its starting point, or a concrete criterion — not "as long as necessary".

GDPR 13(2)(a) asks for the storage period or the criteria used to determine it, and 5(1)(e) for keeping data no
longer than necessary. "Tarvittavan ajan", "niin kauan kuin on tarpeen" or "niin pitkään kuin laki edellyttää"
tell the reader nothing. A criterion is read clause by clause (split at "tai", "or", commas): each clause with a
vague phrase must also be anchored to a concrete event (the end of the customer relationship, withdrawal of
consent, the last visit), a number of years or months, or a named law. A period without a 'trigger:' (from
when?) is a warning; turn that off with the option `require_trigger: false`.

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
from ..rule import Options, Reporter

ID = "vague-retention"
ARTICLE = "GDPR 5(1)(e), 13(2)(a)"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {"require_trigger": True}
MESSAGES = {
    "vague": ("the retention '{phrase}' is neither a period nor a concrete criterion",
              "Give a period and its starting point (e.g. 'period: {{years: 3}}' and 'trigger: viimeisestä "
              "käynnistä') or an event that ends the retention (e.g. 'kunnes asiakassuhde päättyy')."),
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
    for clause in _CLAUSES.split(text):
        if vague.search(clause) and not anchors.search(clause + " "):
            return " ".join(clause.split())
    return None


def _period_text(period: Any) -> str:
    if not isinstance(period, dict):
        return ""
    parts = [f"{v} {unit if v != 1 else unit[:-1]}" for unit, v in period.items() if isinstance(v, int)]
    return ", ".join(parts)


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
