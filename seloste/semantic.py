"""Checks the schema cannot express: Y-tunnus checksums, e-mail and phone forms, postal codes, dates, and
references between parts of the file (a retention entry naming a data category that does not exist).

The messages are English gettext ids (`tr`), shown in the interface language (seloste.i18n)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from .findings import Finding
from .i18n import tr
from .loader import Document, JsonPath, walk

_POSTAL_CODE_LENGTH = 5


def _check_business_id(value: str) -> str | None:
    try:
        ytunnus.validate(value)
    except StdnumError:
        digits = value.replace("-", "")
        if len(digits) == 8 and digits.isdigit():
            return tr("the Y-tunnus {value} has a wrong check digit (the last number)", value=value)
        return tr("'{value}' is not a valid Y-tunnus", value=value)
    return None


def _check_email(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return tr("'{value}' is not a valid e-mail address: {error}", value=value, error=exc)
    return None


def _check_phone(value: str) -> str | None:
    try:
        number = phonenumbers.parse(value, "FI")
    except phonenumbers.NumberParseException:
        return tr("'{value}' is not a phone number", value=value)
    if not phonenumbers.is_valid_number(number):
        return tr("'{value}' is not a valid phone number", value=value)
    return None


def field_checks(doc: Document) -> Iterator[Finding]:
    """Form checks on every field by its name, wherever it stands in the file."""
    checks = {"business_id": (_check_business_id, "business-id", "Yritys- ja yhteisötietolaki 244/2001"),
              "email": (_check_email, "email", ""),
              "phone": (_check_phone, "phone", "")}
    for path, value in walk(doc.data):
        if not path or not isinstance(value, str):
            continue
        name = path[-1]
        if name in checks:
            check, rule, article = checks[name]
            problem = check(value)
            if problem:
                hint = tr("Check the number in the trade register (ytj.fi).") if rule == "business-id" else ""
                yield doc.finding(path, rule, problem, article=article, hint=hint)
        elif name == "postal_code":
            country = _parent(doc.data, path[:-1]).get("country", "FI")
            if country == "FI" and not (value.isdigit() and len(value) == _POSTAL_CODE_LENGTH):
                yield doc.finding(path, "postal-code",
                                  tr("'{value}' is not a Finnish postal code (five digits)", value=value))


def _parent(data: Any, path: JsonPath) -> dict[str, Any]:
    for part in path:
        data = data[part]
    return data if isinstance(data, dict) else {}


def date_checks(doc: Document) -> Iterator[Finding]:
    meta = doc.data.get("document")
    if not isinstance(meta, dict):
        return
    try:
        drafted = dt.date.fromisoformat(str(meta.get("drafted")))
        updated = dt.date.fromisoformat(str(meta.get("updated", meta.get("drafted"))))
    except ValueError:
        return  # the schema reports malformed dates
    if updated < drafted:
        yield doc.finding(("document", "updated"), "dates",
                          tr("'updated' ({updated}) is earlier than 'drafted' ({drafted})",
                             updated=updated.isoformat(), drafted=drafted.isoformat()))


def _ids(items: Any) -> list[tuple[int, str]]:
    if not isinstance(items, list):
        return []
    return [
        (i, item["id"]) for i, item in enumerate(items) if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _duplicates(doc: Document, path: JsonPath, items: Any, what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, ident in _ids(items):
        if ident in seen:
            message = {
                "processor": tr("the processor id '{ident}' is used twice", ident=ident),
                "activity": tr("the activity id '{ident}' is used twice", ident=ident),
            }.get(what) or tr("the data category id '{ident}' is used twice", ident=ident)
            yield doc.finding((*path, i, "id"), "duplicate-id", message)
        seen.add(ident)


def _refs(doc: Document, path: JsonPath, refs: Any, known: set[str], what: str) -> Iterator[Finding]:
    if not isinstance(refs, list):
        return
    for i, ref in enumerate(refs):
        if not isinstance(ref, str) or ref in known:
            continue
        names = ", ".join(sorted(known))
        if what == "processor":
            message = tr("'{ref}' is not a processor defined in the top-level 'processors' list", ref=ref)
            hint = tr("Known processors: {names}.", names=names) if known else tr("Define the processor first.")
        else:
            message = tr("'{ref}' is not a data category defined in this activity's 'data_categories'", ref=ref)
            hint = tr("Known data categories: {names}.", names=names) if known else \
                tr("Define the data category first.")
        yield doc.finding((*path, i), "unknown-reference", message, hint=hint)


def reference_checks(doc: Document) -> Iterator[Finding]:
    data = doc.data
    processors = data.get("processors")
    yield from _duplicates(doc, ("processors",), processors, "processor")
    known_processors = {ident for _, ident in _ids(processors)}
    activities = data.get("activities")
    yield from _duplicates(doc, ("activities",), activities, "activity")
    if not isinstance(activities, list):
        return
    for a, activity in enumerate(activities):
        if not isinstance(activity, dict):
            continue
        base: JsonPath = ("activities", a)
        categories = activity.get("data_categories")
        yield from _duplicates(doc, (*base, "data_categories"), categories, "data category")
        known = {ident for _, ident in _ids(categories)}
        yield from _refs(doc, (*base, "processors"), activity.get("processors"), known_processors, "processor")
        for field in ("retention", "sources", "recipients"):
            entries = activity.get(field)
            if not isinstance(entries, list):
                continue
            for e, entry in enumerate(entries):
                if isinstance(entry, dict):
                    yield from _refs(doc, (*base, field, e, "categories"), entry.get("categories"), known,
                                     "data category")


def semantic_checks(doc: Document) -> list[Finding]:
    """All non-schema validation findings for a document whose shape already passed the schema."""
    return sorted([*field_checks(doc), *date_checks(doc), *reference_checks(doc)])
