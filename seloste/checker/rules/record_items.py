"""The record of processing activities has every Art 30(1) item, internal activities included.

For every activity the record must give the categories of data subjects and of personal data (GDPR 30(1)(c)),
and for the whole record a general description of the technical and organisational security measures (30(1)(g),
32(1)). This applies to activities left out of the public notice ('public: false') too. An activity without
'data_subjects:' or 'data_categories:', and a file without 'security:' (or with nothing in it), are errors. Security
with no 'technical:' measures (for example only paper records and organisational measures) is a warning. Purposes,
recipients, transfers and erasure periods are checked by their own rules for every activity.

Passing example::

    activities:
      - id: tyontekijat
        name: Henkilöstö
        public: false
        data_subjects: [työntekijät]
        data_categories:
          - id: perustiedot
            name: Perus- ja yhteystiedot
    security:
      technical: [Järjestelmiin kirjaudutaan henkilökohtaisilla tunnuksilla.]

Failing example::

    activities:
      - id: tyontekijat
        name: Henkilöstö
        public: false
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, as_dict, has_text, texts
from ..rule import Options, Reporter

ID = "record-items"
ARTICLE = "GDPR 30(1)(c), 30(1)(g)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "GDPR 30(1)(c) and (g) require the categories of data subjects and of data and a description of the "
    "security measures in the record: missing is an error; security without technical measures is a "
    "likely gap (warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-subjects": ("the activity '{name}' does not name the categories of data subjects",
                    "Add 'data_subjects:', e.g. [asiakkaat, ajanvaraajat]."),
    "no-categories": ("the activity '{name}' does not list the categories of personal data",
                      "Add 'data_categories:' with an id, a name and the items of each category."),
    "no-security": ("the security measures are not described",
                    "Add 'security:' with 'technical:', 'organisational:' and, for paper records, "
                    "'paper_records:' measures."),
    "no-technical": ("the security measures describe no technical measures",
                     "Add 'technical:' under 'security:', e.g. personal user accounts, two-factor login, encrypted "
                     "connections, backups."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def _listed(value: Any) -> bool:
    return isinstance(value, list) and any(texts(item) or isinstance(item, dict) for item in value)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        name = activity_name(activity)
        if "data_subjects" not in activity:
            yield report(doc, path, "no-subjects", name=name, article="GDPR 30(1)(c)")
        if "data_categories" not in activity:
            yield report(doc, path, "no-categories", name=name, article="GDPR 14(1)(d), 30(1)(c)")
    security = doc.data.get("security")
    if security is None:
        yield report(doc, (), "no-security", article="GDPR 30(1)(g), 32(1)")
    elif isinstance(security, dict) and not any(_listed(v) or has_text(v) for v in as_dict(security).values()):
        yield report(doc, ("security",), "no-security", article="GDPR 30(1)(g), 32(1)")
    elif isinstance(security, dict) and not _listed(security.get("technical")):
        yield report(doc, ("security",), "no-technical", minor=True, article="GDPR 30(1)(g), 32(1)")
