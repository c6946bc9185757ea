"""Checks the schema cannot express: Y-tunnus checksums, e-mail and phone forms, postal codes, dates, and
references between parts of the file (a retention entry naming a data category that does not exist)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from .findings import Finding
from .loader import Document, JsonPath, walk

_POSTAL_CODE_LENGTH = 5


def _check_business_id(value: str) -> str | None:
    try:
        ytunnus.validate(value)
    except StdnumError:
        digits = value.replace("-", "")
        if len(digits) == 8 and digits.isdigit():
            return f"the Y-tunnus {value} has a wrong check digit (the last number)"
        return f"'{value}' is not a valid Y-tunnus"
    return None


def _check_email(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return f"'{value}' is not a valid e-mail address: {exc}"
    return None


def _check_phone(value: str) -> str | None:
    try:
        number = phonenumbers.parse(value, "FI")
    except phonenumbers.NumberParseException:
        return f"'{value}' is not a phone number"
    if not phonenumbers.is_valid_number(number):
        return f"'{value}' is not a valid phone number"
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
                hint = "Check the number in the trade register (ytj.fi)." if rule == "business-id" else ""
                yield doc.finding(path, rule, problem, article=article, hint=hint)
        elif name == "postal_code":
            country = _parent(doc.data, path[:-1]).get("country", "FI")
            if country == "FI" and not (value.isdigit() and len(value) == _POSTAL_CODE_LENGTH):
                yield doc.finding(path, "postal-code", f"'{value}' is not a Finnish postal code (five digits)")


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
                          f"'updated' ({updated.isoformat()}) is earlier than 'drafted' ({drafted.isoformat()})")


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
            yield doc.finding((*path, i, "id"), "duplicate-id", f"the {what} id '{ident}' is used twice")
        seen.add(ident)


def _refs(doc: Document, path: JsonPath, refs: Any, known: set[str], what: str, where: str) -> Iterator[Finding]:
    if not isinstance(refs, list):
        return
    for i, ref in enumerate(refs):
        if isinstance(ref, str) and ref not in known:
            hint = f"Known {what}s: {', '.join(sorted(known))}." if known else f"Define the {what} first."
            yield doc.finding((*path, i), "unknown-reference",
                              f"'{ref}' is not a {what} defined in {where}", hint=hint)


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
        yield from _refs(doc, (*base, "processors"), activity.get("processors"), known_processors,
                         "processor", "the top-level 'processors' list")
        for field in ("retention", "sources", "recipients"):
            entries = activity.get(field)
            if not isinstance(entries, list):
                continue
            for e, entry in enumerate(entries):
                if isinstance(entry, dict):
                    yield from _refs(doc, (*base, field, e, "categories"), entry.get("categories"), known,
                                     "data category", "this activity's 'data_categories'")


def semantic_checks(doc: Document) -> list[Finding]:
    """All non-schema validation findings for a document whose shape already passed the schema."""
    return sorted([*field_checks(doc), *date_checks(doc), *reference_checks(doc)])
