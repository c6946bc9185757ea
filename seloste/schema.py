"""Schema validation: every jsonschema error becomes a positioned finding in plain language.

The messages are English gettext ids (`tr`, `N_`), shown in the interface language (seloste.i18n).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from . import resources
from .cache import verified_once
from .findings import Finding, Severity
from .i18n import N_, tr, ui_text
from .loader import Document, JsonPath, json_path
from .vocabulary import period_hint, suggest, unit

# The article that a missing or wrong field serves, so the schema's findings cite the law like the rules do.
ARTICLES: dict[str, str] = {
    "controller": "GDPR 13(1)(a), 30(1)(a)",
    "privacy_contact": "GDPR 13(1)(a)",
    "dpo": "GDPR 13(1)(b)",
    "representative": "GDPR 13(1)(a), 27",
    "purposes": "GDPR 13(1)(c), 30(1)(b)",
    "purpose": "GDPR 13(1)(c)",
    "basis": "GDPR 6(1), 13(1)(c)",
    "legitimate_interest": "GDPR 13(1)(d)",
    "data_subjects": "GDPR 30(1)(c)",
    "data_categories": "GDPR 14(1)(d), 30(1)(c)",
    "condition": "GDPR 9(2)",
    "sources": "GDPR 14(2)(f)",
    "recipients": "GDPR 13(1)(e), 30(1)(d)",
    "transfers": "GDPR 13(1)(f), 30(1)(e)",
    "safeguard": "GDPR 13(1)(f), 46",
    "retention": "GDPR 13(2)(a), 30(1)(f)",
    "period": "GDPR 13(2)(a)",
    "trigger": "GDPR 13(2)(a)",
    "criterion": "GDPR 13(2)(a)",
    "rights": "GDPR 13(2)(b)",
    "how_to_request": "GDPR 12(2), 13(2)(b)",
    "provision": "GDPR 13(2)(e)",
    "consequences": "GDPR 13(2)(e)",
    "automated_decisions": "GDPR 13(2)(f)",
    "logic": "GDPR 13(2)(f)",
    "security": "GDPR 30(1)(g), 32",
    "business_id": "Yritys- ja yhteisötietolaki 244/2001",
    "arrangement": "GDPR 26(2)",
    "summary": "GDPR 26(2)",
    "opt_out": "GDPR 21(2)–(3); 917/2014 200 §",
    "channels": "917/2014 200 §",
}

_TYPE_NAMES = {
    "string": N_("text"), "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false"),
    "object": N_("a mapping of 'key: value' lines"), "array": N_("a list"), "null": N_("nothing"),
}

_PATTERN_HELP = {
    "^[0-9]{7}-[0-9]$": N_("a Y-tunnus written as seven digits, a hyphen and a check digit, e.g. 2077474-0"),
    "^[A-Z]{2}$": N_("a two-letter country code in capitals, e.g. FI, SE, US"),
    "^https?://": N_("a web address starting with https:// or http://"),
    "^#[0-9a-fA-F]{6}$": N_("a colour written as # and six hex digits, e.g. #2f6f5e"),
}

_FORMATS = {"date": N_("a date written as YYYY-MM-DD, e.g. 2025-03-01"), "email": N_("an e-mail address"),
            "uri": N_("a web address")}


@cache
def validator() -> Draft202012Validator:
    """One validator per process: building it costs more than validating. The schema is checked against its
    metaschema once per content (the check's success is remembered in the cache folder), not on every start."""
    schema = resources.schema()
    verified_once("schema", resources.schema_text(), lambda: Draft202012Validator.check_schema(schema))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _type_of(value: Any, written: str | None = None) -> str:
    """How a value reads in a message: a number as it was written (00100, not 100)."""
    if isinstance(value, bool):
        return tr("true/false")
    if value is None:
        return tr("nothing (an empty value)")
    if isinstance(value, int | float):
        return tr("the number {value}", value=written or value)
    if isinstance(value, str):
        return tr("the text '{text}'", text=_short(value))
    return tr("a list") if isinstance(value, list) else tr("a mapping")


def _short(value: Any, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field(path: JsonPath) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "document"


def _article(path: JsonPath, extra: str | None = None) -> str:
    for part in ([extra] if extra else []) + [p for p in reversed(path) if isinstance(p, str)]:
        if part in ARTICLES:
            return ARTICLES[part]
    return ""


def _expected_types(schema: dict[str, Any]) -> str:
    types = schema.get("type")
    if isinstance(types, list):
        return tr(" or ").join(ui_text(_TYPE_NAMES.get(str(t), str(t))) for t in types)
    return ui_text(_TYPE_NAMES.get(str(types), str(types)))


def _describe(error: ValidationError, doc: Document) -> Finding:
    """Turn one (leaf) jsonschema error into a plain-language finding."""
    path: JsonPath = tuple(error.absolute_path)
    name = _field(path)
    kind = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = ""
    key_pos = False
    article = _article(path)

    if kind == "required":
        absent = [name for name in error.validator_value if name not in (value or {})]  # in the schema's order
        # jsonschema reports each missing field as an error of its own, named in its message
        missing = next((name for name in absent if error.message == f"{name!r} is a required property"),
                       absent[0] if absent else str(error.validator_value[0]))
        if path:
            message = tr("'{name}' is missing the required field '{missing}'", name=name, missing=missing)
        else:
            message = tr("the file is missing the required field '{missing}'", missing=missing)
        article = _article(path, missing)
        hint = _field_help(error, missing)
    elif kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(value) - set(allowed))
        unknown = extras[0] if extras else "?"
        path = (*path, unknown)
        key_pos = True
        message = tr("unknown field '{name}'", name=unknown)
        close = [u for u in [unit(unknown)] if u in allowed] or difflib.get_close_matches(unknown, allowed, n=1)
        hint = tr("Did you mean '{close}'?", close=close[0]) if close else \
            tr("Allowed here: {allowed}.", allowed=", ".join(allowed))
    elif kind == "type":
        written = doc.written.get(path)
        message = tr("'{name}' should be {expected}, not {actual}", name=name, expected=_expected_types(schema),
                     actual=_type_of(value, written))
        if schema.get("type") == "string" and not isinstance(value, dict | list):
            # quoted exactly as written: 00100 stays 00100, 0401234567 keeps its 0
            quoted = json.dumps(written if written is not None else str(value), ensure_ascii=False)[1:-1]
            hint = tr('Put the value in quotes: {name}: "{value}"', name=name, value=quoted)
        elif schema.get("type") == "object" and (period := period_hint(value)):
            hint = tr("Write the period as its unit and number: {name}: {period}", name=name, period=period)
        elif schema.get("type") == "integer" and (period := period_hint(value)):
            hint = tr("Write the number only: {name}: {number}", name=name, number=period.split(": ")[1][:-1])

    elif kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        message = tr("'{name}' cannot be {actual}; choose one of: {options}", name=name, actual=_type_of(value),
                     options=", ".join(map(str, options)))
        meant = suggest(value, [str(o) for o in options])
        close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1)
        if meant:
            hint = tr("'{word}' is written '{value}' in the file: {name}: {value}", word=_short(value), value=meant,
                      name=name)
        else:
            hint = tr("Did you mean '{close}'?", close=close[0]) if close else ""
    elif kind == "pattern":
        want = ui_text(_PATTERN_HELP.get(str(error.validator_value), N_("the expected form")))
        if str(error.validator_value).startswith("^[a-z0-9]"):
            want = tr("a short identifier of lowercase letters a–z, digits, '-' and '_'")
        message = tr("'{name}' should be {expected}, not {actual}", name=name, expected=want, actual=_type_of(value))
    elif kind == "format":
        form = _FORMATS.get(str(error.validator_value))
        message = tr("'{name}' should be {expected}, not {actual}", name=name,
                     expected=ui_text(form) if form else error.validator_value, actual=_type_of(value))
    elif kind == "minItems":
        message = tr("'{name}' must list at least {count} item(s)", name=name, count=error.validator_value)
    elif kind in ("minLength", "minProperties"):
        message = tr("'{name}' must not be empty", name=name)
    elif kind == "uniqueItems":
        message = tr("'{name}' lists the same item twice", name=name)
    elif kind in ("minimum", "maximum"):
        message = tr("'{name}' is out of range: {value} (allowed {minimum}–{maximum})", name=name, value=value,
                     minimum=schema.get("minimum", ""), maximum=schema.get("maximum", ""))
    else:
        message = tr("'{name}': {error}", name=name, error=error.message)
    file, line, column = doc.location(path, key=key_pos)
    return Finding(file, line, column, "schema", Severity.ERROR, message,
                   path=json_path(path), article=article, hint=hint)


def _field_help(error: ValidationError, missing: str) -> str:
    prop = error.schema.get("properties", {}).get(missing, {}) if isinstance(error.schema, dict) else {}
    title = prop.get("title") if isinstance(prop, dict) else None
    if not title and isinstance(prop, dict) and "$ref" in prop:
        target = resources.schema()["$defs"].get(prop["$ref"].rsplit("/", 1)[-1], {})
        title = target.get("title")
    return tr("Add '{missing}:' ({title}).", missing=missing, title=title) if title else \
        tr("Add '{missing}:'.", missing=missing)


_SPECIAL_ONEOF = {
    "text": N_("'{name}' should be text, or a mapping with the languages fi, sv and en"),
    "retention": N_("'{name}' needs a 'period' with its 'trigger' (e.g. 6 years from the end of the customer "
                    "relationship) or a 'criterion' (e.g. until consent is withdrawn)"),
}


def _leaves(error: ValidationError, doc: Document) -> Iterator[Finding]:
    """Descend through oneOf/anyOf to the most useful error, with friendlier messages for known shapes."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        path: JsonPath = tuple(error.absolute_path)
        name = _field(path)
        ref_name = _ref_name(error)
        if ref_name in _SPECIAL_ONEOF and (ref_name != "text" or not isinstance(error.instance, dict)):
            message = ui_text(_SPECIAL_ONEOF[ref_name]).format(name=name)
            file, line, column = doc.location(path)
            yield Finding(file, line, column, "schema", Severity.ERROR, message, path=json_path(path),
                          article=_article(path))
            return
        if error.validator == "anyOf" and all(e.validator == "required" for e in error.context):
            options = [e.validator_value[0] for e in error.context]
            file, line, column = doc.location(path)
            yield Finding(file, line, column, "schema", Severity.ERROR,
                          tr("'{name}' needs at least one of: {options}", name=name, options=", ".join(options)),
                          path=json_path(path),
                          article=_article(path))
            return
        yield from _leaves(best_match(error.context), doc)
        return
    yield _describe(error, doc)


def _ref_name(error: ValidationError) -> str:
    for schema_def_name, definition in resources.schema()["$defs"].items():
        if definition is error.schema or definition == error.schema:
            return str(schema_def_name)
    return ""


@cache
def shared_validator() -> Draft202012Validator:
    """The validator of shared files (schemas/shared.schema.json: a controller with nothing required)."""
    from .shared import schema as shared_schema

    return Draft202012Validator(shared_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_schema(doc: Document, *, shared: bool = False) -> list[Finding]:
    """All schema findings for a loaded document (a shared file's with `shared`), one per problem, in file
    order."""
    findings: set[Finding] = set()
    for error in (shared_validator() if shared else validator()).iter_errors(doc.data):
        findings.update(_leaves(error, doc))
    return sorted(findings)
