"""Every Y-tunnus (Finnish business ID) is written in its form and has a valid check digit.

A Y-tunnus is seven digits, a hyphen and a check digit (Yritys- ja yhteisötietolaki 244/2001). Six or eight
digits, a missing hyphen, a label inside the value ("Y-tunnus: 11896295") or a wrong check digit (usually a typing
error) mean the notice points to no business or to another one. Such a value is an audit finding of this rule,
not a reason to stop: the file is still checked by every other rule (the schema's own form error for the field
is left to this rule). The check digit is verified with python-stdnum.

Passing example::

    controller:
      name: Esimerkki Oy
      business_id: 2077474-0
      email: info@example.fi

Failing example::

    controller:
      name: Esimerkki Oy
      business_id: 2077474-1
      email: info@example.fi
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from stdnum.fi import ytunnus

from ...findings import Finding, Severity
from ...loader import Document, json_path, walk
from ..rule import Options, Reporter

ID = "business-id"
ARTICLE = "Yritys- ja yhteisötietolaki 244/2001"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "A malformed Y-tunnus, or one with a wrong check digit, names no business or another one: the "
    "controller's identity (GDPR 13(1)(a)) is then wrong (error)."
)
OPTIONS: dict[str, Any] = {}
_HINT = ("Check the number in the trade register (ytj.fi) and write it under '{field}:' as seven digits, a hyphen "
         "and the check digit, e.g. 2077474-0.")
MESSAGES = {
    "check-digit": ("the Y-tunnus {value} has a wrong check digit (the last number)", _HINT),
    "length": ("'{value}' is not a Y-tunnus: it has {digits} digits, a Y-tunnus has eight (seven, a hyphen and a "
               "check digit)", _HINT),
    "form": ("'{value}' is not written as a Y-tunnus (seven digits, a hyphen and a check digit)",
             "Write it under '{field}:' as {suggestion}, without other words."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

_FORM = re.compile(r"^[0-9]{7}-[0-9]$")


def problem(value: str) -> tuple[str, dict[str, Any]] | None:
    """The message key and values for a business id that is not a valid Y-tunnus, or None."""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 8:
        return "length", {"digits": len(digits)}
    if not ytunnus.is_valid(digits):
        return "check-digit", {}
    if not _FORM.match(value):
        return "form", {"suggestion": ytunnus.format(digits)}
    return None


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, value in walk(doc.data):
        if path and path[-1] == "business_id" and isinstance(value, str):
            found = problem(value.strip())
            if found:
                key, values = found
                yield report(doc, path, key, value=value, field=json_path(path).removeprefix("$."), **values)
