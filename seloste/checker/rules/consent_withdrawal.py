"""Where consent is a basis, the data subject has a way to withdraw it.

When processing rests on consent (GDPR 6(1)(a) or explicit consent 9(2)(a)), the notice must tell that consent
can be withdrawn at any time (13(2)(c)), and withdrawing must be as easy as giving consent (7(3)). seloste's
templates write the sentence about the right to withdraw; what the YAML must supply is a way to do it: the rights
section's 'how_to_request:' or 'channels:', or for marketing consent (a purpose or activity whose words speak of
marketing) the opt-out under 'direct_marketing:'. A purpose with 'basis: consent', or a data category with
'condition: explicit_consent', and no such way is an error. (Requests accepted only in person are reported by
rights-section. When 'rights: stated:' leaves out withdraw_consent, the notice does not tell of the right at all:
rights-stated reports that, and this rule does not.)

Passing example::

    activities:
      - id: terveys
        name: Esitiedot
        purposes:
          - purpose: Terveystietojen kirjaaminen ennen hoitoa
            basis: consent
    rights:
      how_to_request: Lähetä pyyntö sähköpostilla osoitteeseen tietosuoja@example.fi.
      channels: [email]

Failing example::

    activities:
      - id: terveys
        name: Esitiedot
        purposes:
          - purpose: Terveystietojen kirjaaminen ennen hoitoa
            basis: consent
    rights:
      notes: Asiakkaalla on oikeus tarkastaa tietonsa.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document, JsonPath
from ..facts import stems
from ..model import activities, as_dict, as_list, entries, has_text, label, mentions
from ..rule import Options, Reporter

ID = "consent-withdrawal"
ARTICLE = "GDPR 7(3), 13(2)(c)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "Withdrawing consent must be as easy as giving it (GDPR 7(3)), and the notice must tell how "
    "(13(2)(c)): with no way named, the law's requirement is missing (error)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-way": ("'{what}' rests on consent, but the notice names no way to withdraw it",
               "Add 'rights:' with 'how_to_request:' or 'channels:' (e.g. e-mail), or for marketing an "
               "'opt_out:' under 'direct_marketing:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def _consents(doc: Document) -> Iterator[tuple[JsonPath, str, bool]]:
    """(path, label, is_marketing) of every purpose or data category that rests on consent."""
    marketing = stems("marketing_stems")
    for path, activity in activities(doc):
        about_marketing = mentions(activity.get("name"), marketing) or mentions(activity.get("id"), marketing)
        for p_path, purpose in entries(activity, "purposes", path):
            if purpose.get("basis") == "consent":
                yield (p_path, label(purpose.get("purpose"), "?"),
                       about_marketing or mentions(purpose.get("purpose"), marketing))
        for c_path, category in entries(activity, "data_categories", path):
            if category.get("condition") == "explicit_consent":
                yield c_path, label(category.get("name"), "?"), False


def check(doc: Document, options: Options) -> Iterator[Finding]:
    rights = as_dict(doc.data.get("rights"))
    stated = rights.get("stated")
    if isinstance(stated, list) and "withdraw_consent" not in stated:
        return  # the notice does not tell of the right at all: that is rights-stated's finding (GDPR 13(2)(c))
    has_route = has_text(rights.get("how_to_request")) or bool(as_list(rights.get("channels")))
    opt_out = has_text(as_dict(doc.data.get("direct_marketing")).get("opt_out"))
    for path, what, is_marketing in _consents(doc):
        if not has_route and not (is_marketing and opt_out):
            yield report(doc, path, "no-way", what=what)
