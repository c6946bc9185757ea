"""Translations of seloste's own texts: the documents' standard sentences and labels, and the command line's
messages.

Two gettext domains. `seloste`: the documents' texts, catalogues `seloste/locale/<lang>/LC_MESSAGES/seloste.po`
in fi, sv and en. `seloste_cli`: the messages and findings the command line prints (validation, the checker's
rules, the build's translation errors), in English with Finnish and Swedish catalogues
(`fi/LC_MESSAGES/seloste_cli.po`, `sv/LC_MESSAGES/seloste_cli.po`);
the language is the one `--ui-lang` or the locale chose (`ui_language()`), English by default. The message ids
of both are English.
They are plain `.po` files in the repository and in the wheel: on first use each is read with Babel's `read_po`,
compiled in memory with `write_mo` and cached (in the process, and in the user's cache folder, seloste.cache), so no
compiled `.mo` file is ever committed or installed.
Fuzzy entries are left out, as `msgfmt` would; an entry a catalogue lacks shows its English id.

Mark a string for extraction where it is defined with `N_` (`NC_` with a context, `NP_` with a plural form) and
translate it where it is shown with `gettext`, `pgettext` or `ngettext`. Never call those three with a literal
in Python: extraction looks only for the markers there (and for `_`, `gettext`, `ngettext`, `pgettext` in the
templates). `make messages` extracts every marked string
from the templates and the Python sources and updates the catalogues (see tools/messages.py).
"""

from __future__ import annotations

import ast
import contextlib
import gettext as _gettext
import hashlib
import io
import os
import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import cache
from typing import IO, Any

from .cache import subfolder
from .resources import data_dir

DOMAIN = "seloste"
UI_DOMAIN = "seloste_cli"
#: Set by the command line for the run (`--ui-lang`); read by worker processes from the environment.
UI_ENV = "SELOSTE_UI_LANG"
#: The languages seloste has catalogues for: the documents' languages.
CATALOGUE_LANGUAGES = ("fi", "sv", "en")
#: The languages of the command line's messages and findings.
UI_LANGUAGES = ("fi", "sv", "en")
#: The locale Babel formats dates, numbers, lists and country names in, per document language. Finland-Swedish
#: and British English: the forms used in Finland and in the EU's English texts.
BABEL_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


@dataclass(frozen=True)
class Message:
    """A message id with its context (msgctxt), as `NC_` marks it."""

    context: str
    id: str


def N_(message: str) -> str:
    """Marks `message` for extraction; translated later, where it is shown."""
    return message


def NC_(context: str, message: str) -> Message:
    """Marks `message` with its context for extraction; translate it with `pgettext(lang, context, message)`."""
    return Message(context, message)


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for extraction; translate it with `ngettext(lang, singular, plural, n)`."""
    return singular, plural


def po_path(lang: str) -> str:
    return f"{lang}/LC_MESSAGES/{DOMAIN}.po"


def catalogue_text(lang: str, domain: str = DOMAIN) -> bytes:
    """The bytes of the `.po` file of `lang` in `domain`."""
    return (data_dir("locale") / lang / "LC_MESSAGES" / f"{domain}.po").read_bytes()


def _compile(lang: str, domain: str) -> _gettext.GNUTranslations:
    """The catalogue compiled with Babel, or as compiled before from the same `.po` bytes (seloste.cache)."""
    source = catalogue_text(lang, domain)
    folder = subfolder("catalogues")
    cached = folder / f"{domain}-{lang}-{hashlib.sha256(source).hexdigest()[:32]}.mo" if folder else None
    if cached is not None and cached.is_file():
        with contextlib.suppress(Exception):  # unreadable or damaged: compile it again
            return _gettext.GNUTranslations(io.BytesIO(cached.read_bytes()))
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    if cached is not None:
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(compiled.getvalue())
            os.replace(tmp, cached)
        except OSError:
            tmp.unlink(missing_ok=True)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled documents' catalogue of `lang`; for a language without one, the English ids themselves."""
    if lang not in CATALOGUE_LANGUAGES:
        return _gettext.NullTranslations()
    return _compile(lang, DOMAIN)


@cache
def ui_translations(lang: str) -> _gettext.NullTranslations:
    """The compiled command-line catalogue of `lang`; English (the ids) for any other language."""
    if lang == "en" or lang not in UI_LANGUAGES:
        return _gettext.NullTranslations()
    return _compile(lang, UI_DOMAIN)


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)


def pgettext(lang: str, context: str, message: str) -> str:
    return translations(lang).pgettext(context, message)


def translate(lang: str, message: str | Message) -> str:
    """A marked message (`N_` or `NC_`) in `lang`."""
    if isinstance(message, Message):
        return pgettext(lang, message.context, message.id)
    return gettext(lang, message)


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, lang)


_ui_language: ContextVar[str | None] = ContextVar("seloste_ui_language", default=None)


def locale_ui_language(environ: Mapping[str, str] | None = None) -> str:
    """The command line's language from the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set decides;
    Finnish when it starts with "fi", Swedish when it starts with "sv", else English."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            lowered = value.lower()
            return "fi" if lowered.startswith("fi") else "sv" if lowered.startswith("sv") else "en"
    return "en"


def ui_language() -> str:
    """The language of messages and findings now: as set for this run, else SELOSTE_UI_LANG, else English.
    (The library does not read the locale; the command line does, and sets the language for its run.)"""
    lang = _ui_language.get() or os.environ.get(UI_ENV)
    return lang if lang in UI_LANGUAGES else "en"


def set_ui_language(lang: str) -> Token[str | None]:
    """Messages and findings in `lang` from now on (in this context); `reset_ui_language(token)` undoes it."""
    if lang not in UI_LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; expected one of {', '.join(UI_LANGUAGES)}")
    return _ui_language.set(lang)


def reset_ui_language(token: Token[str | None]) -> None:
    _ui_language.reset(token)


def tr(message: str, /, **values: Any) -> str:
    """A command-line message in the interface language, its `{placeholders}` filled in. The message is the
    English id (extracted from calls of `tr`); literal braces are written doubled."""
    return ui_translations(ui_language()).gettext(message).format(**values)


def ui_text(message: str) -> str:
    """A marked message (an entry of a rule's MESSAGES table) in the interface language, not yet formatted."""
    return ui_translations(ui_language()).gettext(message) if message else message


#: The message context of the paragraphs of a rule's documentation after its summary (`seloste explain`).
RULE_DOC = "rule-doc"
#: Where a rule's documentation stops being prose: its examples, shown as they are written.
RULE_DOC_EXAMPLES = "Passing example::"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def rule_doc_parts(doc: str) -> tuple[list[str], str]:
    """A rule's (cleaned) docstring cut into its prose paragraphs, as written, and the rest from "Passing
    example::" on. The first paragraph is the summary line; each later one is an entry of the `seloste_cli`
    catalogue in the context `RULE_DOC`, its id given by `paragraph_id`."""
    prose, heading, examples = doc.partition(RULE_DOC_EXAMPLES)
    return [p for p in _BLANK_LINE.split(prose.strip()) if p.strip()], heading + examples


def paragraph_id(paragraph: str) -> str:
    """The message id of a paragraph of a rule's documentation: its words on one line, so that re-wrapping the
    docstring changes no id."""
    return " ".join(paragraph.split())


def ui_paragraph(paragraph: str) -> str | None:
    """A paragraph of a rule's documentation (as `rule_doc_parts` cuts it) in the interface language, on one
    line; None when the catalogue has no translation (English, or an entry not yet translated)."""
    key = paragraph_id(paragraph)
    text = ui_translations(ui_language()).pgettext(RULE_DOC, key)
    return None if text == key else text


def extract_messages_tables(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                            options: Mapping[str, Any]) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    """Babel extraction method for the checker's rule modules: the first line of the module's docstring (the
    rule's summary), the docstring's later prose paragraphs (before "Passing example::", each on one line, in the
    context `RULE_DOC`), every string in a module-level `MESSAGES` table (`{key: (message, hint)}`), the module's
    `SEVERITY_REASON`, the hints several messages share (`_HINT…`), and every `N_("…")`. Named in babel-cli.cfg;
    not used at run time."""
    tree = ast.parse(fileobj.read().decode(str(options.get("encoding", "utf-8"))))
    doc = ast.get_docstring(tree)
    rule_id = next((node.value.value for node in tree.body if isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "ID" for t in node.targets)
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)), None)
    if doc and rule_id is not None:  # the rule's summary line, shown by `seloste rules` and `seloste explain`
        yield 1, "", doc.split("\n", 1)[0], []
        paragraphs, _ = rule_doc_parts(doc)
        start = 0
        for paragraph in paragraphs[1:]:  # the rest of what `seloste explain` shows, up to the examples
            start = doc.index(paragraph, start)
            yield 1 + doc.count("\n", 0, start), "NC_", (RULE_DOC, paragraph_id(paragraph)), \
                [f"seloste explain {rule_id}"]
    for call in ast.walk(tree):  # N_("…") anywhere in the module
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "N_" and call.args \
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
            yield call.lineno, "", call.args[0].value, []
    for node in tree.body:
        if not (isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict | ast.Constant)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str) and node.value.value \
                and any(isinstance(t, ast.Name) and (t.id == "SEVERITY_REASON" or t.id.startswith("_HINT"))
                        for t in targets):
            yield node.lineno, "", node.value.value, []
            continue
        if not isinstance(node.value, ast.Dict) or not any(isinstance(t, ast.Name) and t.id == "MESSAGES"
                                                           for t in targets):
            continue
        for value in node.value.values:
            for item in value.elts if isinstance(value, ast.Tuple) else [value]:
                if isinstance(item, ast.Constant) and isinstance(item.value, str) and item.value:
                    yield item.lineno, "", item.value, []
