"""No repealed law, obsolete name or old address in the text.

Henkilötietolaki 523/1999 was repealed on 1.1.2019 (Tietosuojalaki 1050/2018, with the GDPR since 25.5.2018). A
notice that cites it, calls itself a "rekisteriseloste", refers to the Data Protection Directive 95/46/EC or
gives the Data Protection Ombudsman's old address is out of date — and usually so is the rest of it. The terms and
their explanations are in the facts file. The change history ('document: changes:'), 'branding:' and web addresses
('website:', 'privacy_policy:', 'url:') are not read. Each cause is reported once, where it is first found, with the
number of places it appears.

Passing example::

    rights:
      notes: Sinulla on EU:n yleisen tietosuoja-asetuksen mukaiset oikeudet.

Failing example::

    rights:
      notes: Sinulla on henkilötietolain 26 §:n mukainen tarkastusoikeus.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ...findings import Finding, Severity
from ...i18n import ui_language
from ...loader import Document, JsonPath
from ..facts import alternatives, fact, which
from ..model import locate, strings
from ..rule import Options, Reporter

ID = "obsolete-terms"
ARTICLE = "GDPR 94; Tietosuojalaki 1050/2018"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "Citing repealed law or an abolished authority tells the reader wrong things about their rights: the "
    "information GDPR 12(1) and 13 require is wrong (error)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "obsolete": ("'{found}' is out of date: {why}",
                 "Rewrite the sentence for the GDPR and Tietosuojalaki 1050/2018; seloste's templates already "
                 "cite the right law."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

SKIP: frozenset[JsonPath] = frozenset({("document", "changes"), ("$schema",), ("branding",)})


URL_FIELDS = frozenset({"website", "privacy_policy", "url"})


def _why(why: Any) -> str:
    """The reason in the interface language (facts.yaml gives it in en, fi and sv)."""
    if isinstance(why, dict):
        return str(why.get(ui_language()) or why.get("en") or next(iter(why.values()), ""))
    return str(why)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    terms = fact("obsolete")
    regex = alternatives(tuple(term["pattern"] for term in terms))
    first: dict[str, tuple[JsonPath, str]] = {}
    places: dict[str, int] = {}
    for path, text in strings(doc.data, skip=SKIP):
        if path and path[-1] in URL_FIELDS:
            continue  # a web address is not the notice's wording (an old page name is no claim about the law)
        seen: set[str] = set()  # one place per cause in a text ("Henkilötietolain (523/1999)" is one)
        for match in regex.finditer(text):
            why = _why(terms[which(match)]["why"])
            if why in seen:
                continue
            seen.add(why)
            first.setdefault(why, (path, match.group(0)))
            places[why] = places.get(why, 0) + 1
    for why, (path, found) in first.items():  # one finding per cause, with the number of places it was found
        finding = report(doc, path, "obsolete", position=locate(doc, path, found), found=found, why=why)
        yield replace(finding, count=places[why])
