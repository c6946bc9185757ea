"""The gettext catalogues: complete, not fuzzy, in step with the templates and sources, placeholders intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seloste import i18n

from .util import catalogue, catalogue_files, messages_tool, strings_of

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.mark.parametrize("path", catalogue_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path: Path) -> None:
    lang, domain = path.parent.parent.name, path.stem
    cat = catalogue(lang, domain)
    assert not cat.fuzzy, "the header is marked fuzzy"
    assert len(cat) > 20
    untranslated = [m.id for m in cat if m.id and (m.fuzzy or not strings_of(m)
                                                  or len(strings_of(m)) < (cat.num_plurals if m.pluralizable else 1))]
    assert untranslated == []
    assert not cat.obsolete, "obsolete entries: run `make messages`"


@pytest.mark.parametrize("path", catalogue_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_placeholders_survive_translation(path: Path) -> None:
    cat = catalogue(path.parent.parent.name, path.stem)
    for message in cat:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(" ".join(ids))) | set(re.findall(r"\{(\w+)\}", " ".join(ids)))
        for text in strings_of(message):
            found = set(PLACEHOLDER.findall(text)) | set(re.findall(r"\{(\w+)\}", text))
            assert found == wanted, (message.id, text)


def test_documents_are_in_three_languages_and_the_command_line_in_three() -> None:
    found = {(p.parent.parent.name, p.stem) for p in catalogue_files()}
    assert found == {("fi", "seloste"), ("sv", "seloste"), ("en", "seloste"), ("fi", "seloste_cli"),
                     ("sv", "seloste_cli")}


@pytest.mark.parametrize("domain", ["seloste", "seloste_cli"])
def test_every_extracted_message_is_in_the_catalogues(domain: str) -> None:
    """Babel's extraction over the templates and sources finds nothing the catalogues lack (and vice versa)."""
    tool = messages_tool()
    extracted = {(m.context, m.id) for m in tool.extract(domain) if m.id}
    assert len(extracted) > 20
    for lang in tool.DOMAINS[domain]["languages"]:
        held = {(m.context, m.id) for m in catalogue(lang, domain) if m.id}
        assert sorted(map(str, extracted - held)) == [], f"missing from {lang}: run `make messages` and translate"
        assert sorted(map(str, held - extracted)) == [], f"stale in {lang}: run `make messages`"


def test_template_strings_are_extracted() -> None:
    """A sample of each way a template marks text: `_()`, `pgettext()`, a trimmed `{% trans %}` and a plural."""
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in messages_tool().extract("seloste") if m.id}
    assert "Skip to content" in ids
    assert "Purpose" in ids
    assert ("If necessary, for example when the request is complex or there are many requests, the period may be "
            "extended by at most two further months. If it is, I will tell you so within the first month, with the "
            "reasons.") in ids
    assert any(i.startswith("We notify the Office of the Data Protection Ombudsman") for i in ids)
    assert "%(num)s year" in ids


def test_catalogues_compile_in_memory_with_plurals() -> None:
    assert i18n.gettext("sv", "Skip to content") == "Gå till innehållet"
    assert i18n.gettext("fi", "Skip to content") == "Siirry sisältöön"
    assert i18n.pgettext("sv", "titles", "Privacy notice") == "Dataskyddsbeskrivning"
    assert i18n.pgettext("en", "titles", "Record of processing activities") == "Record of processing activities"
    assert i18n.ngettext("fi", "%(num)s year", "%(num)s years", 1) == "%(num)s vuosi"
    assert i18n.ngettext("fi", "%(num)s year", "%(num)s years", 6) == "%(num)s vuotta"
    assert i18n.ngettext("sv", "%(num)s month", "%(num)s months", 6) == "%(num)s månader"
    assert i18n.ngettext("en", "%(num)s day", "%(num)s days", 1) == "%(num)s day"
