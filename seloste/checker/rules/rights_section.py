"""The notice tells how to exercise the data subject's rights, without barriers.

The notice must inform of the rights of access, rectification, erasure, restriction, objection and portability
(GDPR 13(2)(b)); seloste's templates write the list of rights and the right to complain to the Data Protection
Ombudsman, but only the controller can say how to make a request: 'rights:' with 'how_to_request:' or 'channels:'. A
file without 'rights:' is an error; a rights section with neither 'how_to_request:' nor 'channels:' is a warning.
Requests must be easy to make (12(2)) and free of charge (12(5)): requests accepted only in person ('channels:
[in_person]') are a warning, unless the option `allow_in_person_only: true` allows them; a limit or a charge in the
rights section ("korkeintaan kaksi kertaa vuodessa", "once a year", "maksullinen") is an error.

Passing example::

    rights:
      how_to_request: Lähetä pyyntö sähköpostilla osoitteeseen tietosuoja@example.fi.
      channels: [email, in_person]

Failing example::

    rights:
      notes: Asiakkaalla on oikeus tarkastaa tietonsa.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..facts import any_of
from ..model import as_list, locate, strings
from ..rule import Options, Reporter

ID = "rights-section"
ARTICLE = "GDPR 12(2), 13(2)(b)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 13(2)(b) requires telling the data subject's rights: no rights section is an error, and so is a "
    "restriction contrary to 12(5). How to make a request, or accepting requests only in person (12(2)), "
    "are likely gaps a person should look at (warning)."
)
OPTIONS: dict[str, Any] = {"allow_in_person_only": False}
MESSAGES = {
    "missing": ("the notice does not tell how to exercise the data subject's rights",
                "Add 'rights:' with 'how_to_request:' (e.g. by e-mail to the privacy contact) and 'channels:'."),
    "no-how": ("the rights section does not say how to make a request",
               "Add 'how_to_request:' or 'channels:' under 'rights:'."),
    "in-person": ("requests can only be made in person",
                  "Accept requests also by e-mail or letter; the controller must facilitate the exercise of "
                  "rights (GDPR 12(2))."),
    "restricted": ("'{phrase}' restricts the rights",
                   "Requests are free of charge; only manifestly unfounded or excessive requests may be refused "
                   "or charged for (GDPR 12(5))."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    rights = doc.data.get("rights")
    if rights is None:
        yield report(doc, (), "missing")
        return
    if not isinstance(rights, dict):
        return
    channels = as_list(rights.get("channels"))
    if not rights.get("how_to_request") and not channels:
        yield report(doc, ("rights",), "no-how", minor=True)
    elif channels == ["in_person"] and not options["allow_in_person_only"]:
        yield report(doc, ("rights", "channels"), "in-person", minor=True, article="GDPR 12(2)")
    restriction = any_of("rights_restrictions")
    for path, text in strings(rights, ("rights",)):
        match = restriction.search(text)
        if match:
            yield report(doc, path, "restricted", article="GDPR 12(5)", phrase=match.group(0),
                         position=locate(doc, path, match.group(0)))
