"""Every Y-tunnus (Finnish business ID) has a valid check digit.

A Y-tunnus is seven digits, a hyphen and a check digit (Yritys- ja yhteisötietolaki 244/2001). A wrong check
digit usually means a typing error, and the notice would point to another business. The form NNNNNNN-C is
checked by the schema; this rule reuses the validator's checksum test (python-stdnum) so that it also runs on
files with other schema errors and can be configured like every rule.

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
from dataclasses import replace
from typing import Any

from ... import resources
from ...findings import Finding, Severity
from ...loader import Document, json_path, walk
from ...semantic import field_checks
from ..rule import Options

ID = "business-id"
ARTICLE = "Yritys- ja yhteisötietolaki 244/2001"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
MESSAGES: dict[str, tuple[str, str]] = {}  # the validator's messages (seloste/semantic.py) are used as they are

#: The validator's rule id this rule takes over: the checker drops the validator's own findings of this id.
VALIDATOR_RULE = "business-id"


def _well_formed(doc: Document) -> set[str]:
    """The paths of business ids in the Y-tunnus form (a malformed one is the schema's finding, not this rule's)."""
    form = re.compile(resources.schema()["$defs"]["business_id"]["pattern"])
    return {json_path(path) for path, value in walk(doc.data)
            if path and path[-1] == "business_id" and isinstance(value, str) and form.match(value)}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    well_formed = _well_formed(doc)
    for finding in field_checks(doc):
        if finding.rule == VALIDATOR_RULE and finding.path in well_formed:
            yield replace(finding, rule=ID, severity=SEVERITY, article=finding.article or ARTICLE)
