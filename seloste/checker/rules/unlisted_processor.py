"""A system or service that holds the data is listed as a processor.

Booking, patient-record and customer systems, tills and payment terminals, web shops, e-mail and office suites,
accounting firms and web hosts all count. A system that holds the data for the controller (Timma, Ajas, Slotti,
Paytrail, Google Workspace…) is a processor: a recipient the notice must name (GDPR 13(1)(e)) and a party bound by a
processing agreement (28(3)). The rule reads every text in the file except the processors' own entries, 'branding:'
and the change history. A system of seloste's list (the processor catalogue and other systems seen in Finnish
notices), named anywhere but missing from 'processors:', is an error. A kind of service named in general words
("ajanvarausjärjestelmään", "tilitoimistolle", "kumppaneiden palvelimilla", "i bokningssystemet") is a warning when
no processor of that kind is declared and, in Finnish, when it holds data — named as a storage place ('storage:') or
a source, or in a sentence that puts data into, keeps them in or takes them from it (libvoikko tells the case); a
Swedish or English term counts wherever it is written. Finnish words are read by their base form (libvoikko),
Swedish by their Snowball stem. A recipient described by its kind ("Tilitoimisto") is a disclosure the notice tells
and is not reported; a named system among the recipients is. A vendor written down as a storage place, source or
recipient with the business id of a catalogue system counts as that system. Further system names can be added with
the option `extra_systems: [Name, …]`.

Passing example::

    processors:
      - id: timma
        name: Timma Oy
        kind: booking
    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        description: Asiakas varaa ajan Timma-ajanvarauksessa.

Failing example::

    processors: []
    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        description: Asiakas varaa ajan Timma-ajanvarauksessa.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from ...catalogue import catalogue
from ...findings import Finding, Severity
from ...i18n import N_, ui_text
from ...loader import Document, JsonPath
from ..facts import alternatives, fact, pattern, which
from ..model import activities, entries, label, locate, processors, strings, texts
from ..morphology import LOCATIVE_CASES, finnish, swedish, words
from ..rule import Options, Reporter, enum, enums

ID = "unlisted-processor"
ARTICLE = "GDPR 13(1)(e), 28(3)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "A named system that holds the data is a recipient the notice must name and a processor that needs a "
    "contract (GDPR 13(1)(e), 28(3)): not listing it is an error. A generic mention (a booking system, an "
    "external server) is very likely a processor but may not be one (warning)."
)
OPTIONS: dict[str, Any] = {"extra_systems": []}
MESSAGES = {
    "named": ("{found} is mentioned but not listed as a processor",
              "Add it under 'processors:' with its legal name, service, kind ({kind}) and where the data are "
              "stored, and refer to it from the activity's 'processors:'; if it decides on the data itself, say "
              "so with 'role: independent_controller'."),
    "generic": ("{term} holds data ('{found}') but no processor of that kind is listed",
                "Name the company under 'processors:' with its service and 'kind:' ({kinds}), e.g. the booking "
                "system's or the accounting firm's legal name, and refer to it from the activity's 'processors:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

#: The kinds of service in facts.yaml ('service_kinds: term:'), marked for the interface's catalogue.
TERMS = (N_("a booking system"), N_("a customer or patient record system"), N_("a till or payment terminal"),
         N_("an accounting firm"), N_("a web host or server provider"), N_("a web shop"),
         N_("an e-mail or office service"))

SKIP: frozenset[JsonPath] = frozenset({("processors",), ("document", "changes"), ("$schema",), ("branding",)})
#: Parts of an activity that name who holds, gives or receives the data.
HOLDERS = frozenset({"storage", "sources", "recipients"})


def _systems(options: Options) -> list[dict[str, Any]]:
    extra = [{"name": name, "pattern": r"\b" + re.escape(name) + r"\w*", "kind": "other"}
             for name in options["extra_systems"] if isinstance(name, str) and name]
    return [*fact("systems"), *extra]


def _kinds(processor: dict[str, Any], options: Options) -> set[str]:
    """The kinds a declared processor answers: its 'kind:', else the kind of the known system it names."""
    if isinstance(processor.get("kind"), str):
        return {processor["kind"]}
    words = " ".join([*texts(processor.get("name")), *texts(processor.get("service")), *texts(processor.get("id"))])
    return {s["kind"] for s in _systems(options) if pattern(s["pattern"]).search(words)} or {"other"}


def _recipient(path: JsonPath) -> bool:
    """Inside a recipient entry: a recipient described by its kind ("Tilitoimisto: laskutustiedot kirjanpitoa
    varten") is a disclosure the notice tells; whether that party is in truth a processor is left to a person."""
    return len(path) > 2 and path[0] == "activities" and path[2] == "recipients"


def _holder(path: JsonPath) -> bool:
    return len(path) > 2 and path[0] == "activities" and path[2] in HOLDERS


class _Text:
    """One text of the document with its words split once, for every kind of service to look at."""

    def __init__(self, path: JsonPath, text: str) -> None:
        self.path, self.text = path, text
        self.words = [word for _, word in words(text)]
        self.lowered = [word.lower() for word in self.words]
        self.low = text.lower()


@cache
def _finnish_keys(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """What every inflected form of a word whose base form ends in one of `terms` contains: the term without
    its last three letters (Finnish inflection and consonant gradation change only a term's last syllable:
    "kirjanpito" → "kirjanpidon", "tietokanta" → "tietokannassa", "palvelin" → "palvelimiin"), as one pattern.
    Words without any of them are not looked up in libvoikko."""
    keys = sorted({term[:max(2, len(term) - 3)] for term in terms})
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def _finnish_hits(text: _Text, kind: dict[str, Any], anywhere: bool) -> Iterator[str]:
    """The words of a text that name the kind of service in Finnish and, unless `anywhere`, hold data."""
    terms: list[str] = kind.get("fi", [])
    keys = _finnish_keys(tuple(terms))
    if keys is None or not keys.search(text.low):
        return
    needs, needless = set(kind.get("needs", [])), set(kind.get("needless", []))
    for index, word in enumerate(text.words):
        if not keys.search(text.lowered[index]):
            continue
        for reading in finnish(word):
            term = next((t for t in terms if reading.base.endswith(t)), None)
            if term is None:
                continue
            if needs and not anywhere and term not in needless and not any(
                    any(r.base.endswith(n) for n in needs for r in finnish(text.words[j]))
                    for j in range(max(0, index - 2), index)):
                continue
            if anywhere or not reading.case or reading.case in LOCATIVE_CASES:
                yield word
                break


@cache
def _english(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a kind's English terms (a plural s allowed)."""
    return pattern(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")s?\b") if terms else None


def _other_hits(text: _Text, kind: dict[str, Any]) -> Iterator[str]:
    """The words or phrases of a text that name the kind of service in Swedish or English."""
    for term in kind.get("sv", []):
        if " " in term:
            if term in text.low:
                yield term
            continue
        stem = swedish(term)  # a beginning of the term: the Snowball stemmer only takes endings off
        if stem not in text.low:
            continue
        for word, low in zip(text.words, text.lowered, strict=True):
            if stem not in low:  # then neither the word nor its stem can start or end with the term's stem
                continue
            if low.startswith(term) or swedish(low) == stem or (len(stem) > 7 and swedish(low).endswith(stem)):
                yield word
    english = _english(tuple(kind.get("en", [])))
    match = english.search(text.text) if english else None
    if match:
        yield match.group(0)


def _vendor_ids(doc: Document) -> Iterator[tuple[JsonPath, str]]:
    """(path, business id) of every storage place, source and recipient that gives one."""
    for path, activity in activities(doc):
        for key in HOLDERS:
            for e_path, entry in entries(activity, key, path):
                if isinstance(entry.get("business_id"), str):
                    yield e_path, entry["business_id"]


def check(doc: Document, options: Options) -> Iterator[Finding]:
    listed = [" ".join([*texts(p.get("name")), *texts(p.get("service")), *texts(p.get("id"))])
              for _, p in processors(doc)]
    listed_ids = {p.get("business_id") for _, p in processors(doc)}
    declared = {kind for _, p in processors(doc) if p.get("role") != "independent_controller"
                for kind in _kinds(p, options)}
    systems = [s for s in _systems(options) if not any(pattern(s["pattern"]).search(n) for n in listed)]
    named = alternatives(tuple(s["pattern"] for s in systems)) if systems else None
    places: dict[str, list[tuple[JsonPath, tuple[int, int], str]]] = {}
    texts_ = [_Text(path, text) for path, text in strings(doc.data, skip=SKIP)]
    for text_ in texts_:
        path, text = text_.path, text_.text
        for match in named.finditer(text) if named else ():
            system, found = systems[which(match)], match.group(0)
            places.setdefault(system["name"], []).append((path, locate(doc, path, found), found))
    by_id = {entry.get("business_id"): entry for entry in catalogue().values()}
    for path, ident in _vendor_ids(doc):
        entry = by_id.get(ident)
        if entry and ident not in listed_ids:
            name = label(entry.get("name"), ident)
            places.setdefault(name, []).append((path, doc.position(path), name))
    kinds_found: set[str] = set()
    for name, found_at in places.items():
        system = next((s for s in systems if s["name"] == name), {"kind": "other"})
        kinds_found.add(system["kind"])
        path, position, found = found_at[0]
        shown = f"'{found}'" if found.lower() == name.lower() else f"'{found}' ({name})"
        finding = report(doc, path, "named", position=position, found=shown, kind=enum(system["kind"]))
        yield replace(finding, count=len({p for p, _, _ in found_at}))
    for kind in fact("service_kinds"):
        if set(kind["kinds"]) & (declared | kinds_found):
            continue  # answered by a declared processor, or the same unknown vendor already reported
        hits = [(text.path, word) for text in texts_ if not _recipient(text.path)
                for word in [*_finnish_hits(text, kind, _holder(text.path)), *_other_hits(text, kind)]]
        if hits:
            path, word = hits[0]
            finding = report(doc, path, "generic", minor=True, position=locate(doc, path, word),
                             term=ui_text(kind["term"]), found=word, kinds=enums(kind["kinds"][:3], " / "))
            yield replace(finding, count=len({p for p, _ in hits}))
            kinds_found.update(kind["kinds"])
