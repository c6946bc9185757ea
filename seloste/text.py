"""Human-language text in the YAML: a plain string, or a per-language map {fi: …, sv: …, en: …}.

A plain string counts as written in the document's first language (the YAML's `languages:` list, by default
["fi"]). `text_fields` finds every human-language text of a document by walking the JSON Schema beside the data
(every value the schema types as `text` or `markdown`), and `missing_translations` tells which of them lack a
language: the translation checker and the renderer both use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .i18n import N_, tr, ui_text
from .loader import Document, JsonPath

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
#: The languages' names, for messages (in the interface language).
LANGUAGE_NAMES = {"fi": N_("Finnish"), "sv": N_("Swedish"), "en": N_("English")}
#: The schema definitions of human-language text.
TEXT_REFS = frozenset({"#/$defs/text", "#/$defs/markdown"})


class MissingTranslation(LookupError):
    """A per-language text has no entry for the requested language."""

    def __init__(self, lang: str, available: list[str]) -> None:
        super().__init__(f"no '{lang}' text (available: {', '.join(available) or 'none'})")
        self.lang = lang
        self.available = available


def localize(value: Any, lang: str = DEFAULT_LANGUAGE, *, fallback: bool = False, source: str | None = None) -> str:
    """The text of `value` in `lang`.

    A map returns its `lang` entry. A plain string is written in the document's first language `source`: it is
    returned as is when `lang` is that language, or when `source` is not given (language not known). Otherwise
    MissingTranslation is raised, unless `fallback` allows another language: the first language's text first,
    then the first available entry in the order fi, sv, en.
    """
    if value is None:
        return ""
    if isinstance(value, dict):
        if lang in value:
            return str(value[lang])
        available = [code for code in LANGUAGES if code in value]
        if fallback and available:
            return str(value[source] if source in available else value[available[0]])
        raise MissingTranslation(lang, available)
    if source is not None and lang != source and not fallback:
        raise MissingTranslation(lang, [source])
    return str(value)


def languages_of(value: Any) -> set[str] | None:
    """The languages a text is written in; None for a plain string (language not stated)."""
    if isinstance(value, dict):
        return {code for code in LANGUAGES if code in value}
    return None


def yaml_languages(data: Any) -> list[str]:
    """The YAML's `languages:` list, in order, known codes only; ["fi"] when absent or empty."""
    listed = data.get("languages") if isinstance(data, dict) else None
    codes = [code for code in listed if isinstance(code, str)] if isinstance(listed, list) else []
    found = [code for code in dict.fromkeys(codes) if code in LANGUAGES]
    return found or [DEFAULT_LANGUAGE]


def source_language(data: Any) -> str:
    """The document's first language: the one its plain strings are written in."""
    return yaml_languages(data)[0]


def document_languages(doc: Document | Any, requested: list[str] | None = None) -> list[str]:
    """The languages to build `doc` in: those `requested` (from the command line) when given, else the YAML's
    `languages:`, else ["fi"]. Duplicates are dropped; an unknown code raises ValueError."""
    if requested:
        unknown = [code for code in requested if code not in LANGUAGES]
        if unknown:
            raise ValueError(f"unknown language {', '.join(map(repr, unknown))}; "
                             f"expected one of {', '.join(LANGUAGES)}")
        return list(dict.fromkeys(requested))
    data = doc.data if isinstance(doc, Document) else doc
    return yaml_languages(data)


def _resolve(schema: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in TEXT_REFS:
        ref: str = node["$ref"]
        if not ref.startswith("#/$defs/"):
            return {}
        node = {**schema["$defs"][ref.removeprefix("#/$defs/")],
                **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _walk(schema: dict[str, Any], node: Any, data: Any, path: JsonPath,
          only: str | None = None) -> Iterator[tuple[JsonPath, Any]]:
    node = _resolve(schema, node)
    if not isinstance(node, dict):
        return
    if node.get("$ref") in TEXT_REFS:
        if isinstance(data, str | dict) and (only is None or node["$ref"] == only):
            yield path, data
        return
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []):
            yield from _walk(schema, branch, data, path, only)
    if isinstance(data, dict):
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        for name, value in data.items():
            if name in properties:
                yield from _walk(schema, properties[name], value, (*path, name), only)
            elif isinstance(extra, dict):
                yield from _walk(schema, extra, value, (*path, name), only)
    elif isinstance(data, list) and isinstance(node.get("items"), dict):
        for i, value in enumerate(data):
            yield from _walk(schema, node["items"], value, (*path, i), only)


def text_fields(data: Any) -> list[tuple[JsonPath, Any]]:
    """Every human-language text in a controller document, with its path, in document order."""
    from .resources import schema

    found = dict(_walk(schema(), schema(), data, ()))
    return list(found.items())


def markdown_fields(data: Any) -> list[tuple[JsonPath, Any]]:
    """Every free text of a controller document that is rendered as Markdown, with its path."""
    from .resources import schema

    return list(dict(_walk(schema(), schema(), data, (), "#/$defs/markdown")).items())


def missing_languages(value: Any, wanted: Iterable[str], source: str) -> list[str]:
    """Which of `wanted` a text lacks; a plain string is only in `source`."""
    have = languages_of(value)
    if have is None:
        have = {source}
    return [code for code in wanted if code not in have]


def missing_translations(data: Any, languages: Iterable[str],
                         fields: Iterable[tuple[JsonPath, Any]] | None = None) -> list[tuple[JsonPath, list[str]]]:
    """(path, missing languages) of every text in `data` (or in `fields`) that lacks one of `languages`."""
    wanted = list(languages)
    source = source_language(data)
    result = []
    for path, value in (text_fields(data) if fields is None else fields):
        missing = missing_languages(value, wanted, source)
        if missing:
            result.append((path, missing))
    return result


def language_list(codes: Iterable[str]) -> str:
    """"Swedish (sv) and English (en)", for messages, in the interface language."""
    names = [f"{ui_text(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code} ({code})" for code in codes]
    if len(names) <= 1:
        return "".join(names)
    return tr("{items} and {last}", items=", ".join(names[:-1]), last=names[-1])
