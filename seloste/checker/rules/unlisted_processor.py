"""A booking, customer or payment system mentioned in the text is listed as a processor.

A system that holds the data for the controller (Timma, Ajas, Slotti, Vello, an e-kassa…) is a processor: a
recipient the notice must name (GDPR 13(1)(e)) and a party bound by a processing agreement (28(3)). The rule
reads every text in the file except the processors' own entries and the change history; a known system named in
it but missing from 'processors:' is an error. A generic mention ("ajanvarausjärjestelmä", "kassajärjestelmä")
with no processor of that kind is a warning. Further system names can be added with the option
`extra_systems: [Name, …]`.

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
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document, JsonPath
from ..facts import alternatives, fact, pattern, which
from ..model import locate, processors, strings, texts
from ..rule import Options, Reporter

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
              "stored, and refer to it from the activity's 'processors:'."),
    "generic": ("{term} is mentioned ('{found}') but no processor of that kind is listed",
                "Name the system under 'processors:' (e.g. Timma, Ajas, Slotti) with 'kind:' {kinds}."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

SKIP: frozenset[JsonPath] = frozenset({("processors",), ("document", "changes"), ("$schema",), ("branding",)})


def _systems(options: Options) -> list[dict[str, Any]]:
    extra = [{"name": name, "pattern": r"\b" + re.escape(name) + r"\w*", "kind": "other"}
             for name in options["extra_systems"] if isinstance(name, str) and name]
    return [*fact("systems"), *extra]


def check(doc: Document, options: Options) -> Iterator[Finding]:
    listed = [" ".join([*texts(p.get("name")), *texts(p.get("service")), *texts(p.get("id"))])
              for _, p in processors(doc)]
    kinds = {p["kind"] for _, p in processors(doc) if isinstance(p.get("kind"), str)}
    systems = [s for s in _systems(options) if not any(pattern(s["pattern"]).search(n) for n in listed)]
    generics = [g for g in fact("generic_systems") if not kinds & set(g["kinds"])]
    named = alternatives(tuple(s["pattern"] for s in systems)) if systems else None
    generic = alternatives(tuple(g["pattern"] for g in generics)) if generics else None
    reported: set[tuple[str, int]] = set()
    for path, text in strings(doc.data, skip=SKIP):
        for match in named.finditer(text) if named else ():
            system, found = systems[which(match)], match.group(0)
            position = locate(doc, path, found)
            if (system["name"], position[0]) not in reported:
                reported.add((system["name"], position[0]))
                shown = f"'{found}'" if found.lower() == system["name"].lower() else f"'{found}' ({system['name']})"
                yield report(doc, path, "named", position=position, found=shown, kind=system["kind"])
        for match in generic.finditer(text) if generic else ():
            term = generics[which(match)]
            if (term["term"], 0) not in reported:
                reported.add((term["term"], 0))
                yield report(doc, path, "generic", minor=True, position=locate(doc, path, match.group(0)),
                             term=term["term"], found=match.group(0), kinds=" or ".join(term["kinds"]))
