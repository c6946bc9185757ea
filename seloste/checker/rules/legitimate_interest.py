"""A purpose resting on legitimate interests must say what the interest is.

When the basis is legitimate interests (GDPR 6(1)(f)), the notice must state the interests pursued by the
controller or a third party (13(1)(d)). "Oikeutettu etu" on its own is not an interest. A purpose with 'basis:
legitimate_interests' and no 'legitimate_interest:', or with one that only names the basis, is an error (a
warning in an internal activity, 'public: false').

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Asiakaspalautteen käsittely
            basis: legitimate_interests
            legitimate_interest: Palvelun laadun parantaminen asiakkaiden palautteen perusteella.

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        purposes:
          - purpose: Asiakaspalautteen käsittely
            basis: legitimate_interests
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, entries, is_public, label, texts
from ..rule import Options, Reporter

ID = "legitimate-interest"
ARTICLE = "GDPR 13(1)(d)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(1)(d) requires the legitimate interest itself to be stated when it is the basis: missing or "
    "only named is an error (for an internal, record-only activity a warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the purpose '{purpose}' relies on legitimate interests but does not say what the interest is",
                "Add 'legitimate_interest:' describing the interest, e.g. 'keeping the service safe for customers'."),
    "empty": ("the legitimate interest of '{purpose}' only names the basis, not the interest",
              "Describe the interest itself: what the controller gains and why the processing is needed for it."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

# A "description" that only repeats the name of the basis.
_BARE = re.compile(r"^\s*(rekisterinpitäjän\s+)?(oikeutettu\s+etu|legitimate\s+interests?|berättigat\s+intresse)"
                   r"\s*[.!]?\s*$", re.IGNORECASE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        for p_path, purpose in entries(activity, "purposes", path):
            if purpose.get("basis") != "legitimate_interests":
                continue
            name = label(purpose.get("purpose"), "?")
            interest = texts(purpose.get("legitimate_interest"))
            if not interest:
                yield report(doc, p_path, "missing", purpose=name, minor=not is_public(activity))
            elif all(_BARE.match(text) for text in interest):
                yield report(doc, (*p_path, "legitimate_interest"), "empty", purpose=name,
                             minor=not is_public(activity))
