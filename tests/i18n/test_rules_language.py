"""`seloste rules` and `seloste explain` speak the user's language: every rule's summary is in the Finnish
catalogue, and explain prints the whole documentation (headings and prose paragraphs) in Finnish or Swedish, the
YAML examples as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from seloste import i18n
from seloste.checker.command import DOC_WIDTH, explained_doc
from seloste.checker.registry import by_id, info, infos
from seloste.cli import cli
from seloste.i18n import paragraph_id, rule_doc_parts

from .util import ROOT


def test_rules_in_finnish_and_english() -> None:
    finnish = CliRunner().invoke(cli, ["--ui-lang", "fi", "rules"]).output
    english = CliRunner().invoke(cli, ["--ui-lang", "en", "rules"]).output
    for rule in infos():
        assert rule.summary in english
        assert rule.summary not in finnish, rule.id  # translated, not left in English
    assert "Jokainen Y-tunnus on kirjoitettu oikeassa muodossa, ja sen tarkistenumero on oikein." in finnish


def test_explain_in_finnish() -> None:
    out = CliRunner().invoke(cli, ["--ui-lang", "fi", "explain", "unconfirmed"]).output
    assert "Oletusarvot, joita kukaan ei ole vahvistanut" in out
    assert "Hyväksytty esimerkki:" in out and "Hylätty esimerkki:" in out
    assert "# TARKISTA:" in out  # the examples stay as they are written
    options = CliRunner().invoke(cli, ["--ui-lang", "fi", "explain", "document-age"]).output
    assert "Asetukset (oletusarvot): max_age_months: 24" in options


def _explain(lang: str, rule: str) -> str:
    """`python -m seloste --ui-lang LANG explain RULE` in a process of its own, its standard output."""
    env = {**os.environ, "NO_COLOR": "1", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", i18n.UI_ENV: ""}
    result = subprocess.run([sys.executable, "-m", "seloste", "--ui-lang", lang, "explain", rule], cwd=ROOT,
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _examples(doc: str) -> list[str]:
    """The indented YAML blocks of a rule's docstring, each as written."""
    return [block for block in re.split(r"\n\s*\n", rule_doc_parts(doc)[1]) if block.startswith("    ")]


@pytest.mark.parametrize(("lang", "phrases"), [
    ("fi", ["on henkilötietojen käsittelijä: vastaanottaja, joka selosteessa on nimettävä",
            "Muita järjestelmien nimiä voi lisätä asetuksella `extra_systems: [Name, …]`."]),
    ("sv", ["är ett personuppgiftsbiträde: en mottagare som beskrivningen ska nämna",
            "Fler systemnamn kan läggas till med inställningen `extra_systems: [Name, …]`."]),
])
def test_explain_prints_the_whole_documentation_in_the_language(lang: str, phrases: list[str]) -> None:
    out = _explain(lang, "unlisted-processor")
    words = " ".join(out.split())
    for phrase in phrases:
        assert phrase in words
    doc = info(by_id()["unlisted-processor"]).doc
    assert "Booking, patient-record and customer systems" not in words  # the second paragraph's English start
    assert "The rule reads every text in the file" not in words
    blocks = _examples(doc)
    assert len(blocks) == 2
    for block in blocks:  # the YAML examples, line for line as the docstring has them
        assert f"\n\n{block}\n\n" in out
    assert max(len(line) for line in out.splitlines() if not line.startswith(("Miksi", "Varför"))) <= DOC_WIDTH


def test_every_paragraph_of_every_rule_is_translated() -> None:
    """Each prose paragraph of each rule's documentation (the summary line apart, which is an entry of its own) has
    a Finnish and a Swedish translation; the examples are not prose."""
    count = 0
    for rule in infos():
        paragraphs, examples = rule_doc_parts(rule.doc)
        assert paragraphs[0] == rule.summary, f"{rule.id}: the summary is one line, then a blank line"
        assert examples.startswith("Passing example::") and "Failing example::" in examples, rule.id
        for paragraph in paragraphs[1:]:
            key = paragraph_id(paragraph)
            for lang in ("fi", "sv"):
                translated = i18n.ui_translations(lang).pgettext(i18n.RULE_DOC, key)
                assert translated != key, f"{rule.id}: a paragraph has no {lang} translation: {key[:60]}…"
            count += 1
    assert count >= len(infos())


def test_explain_in_english_is_the_docstring_and_a_missing_translation_shows_english() -> None:
    rule = info(by_id()["vague-retention"])
    out = CliRunner().invoke(cli, ["--ui-lang", "en", "explain", rule.id]).output
    assert rule.doc in out
    doc = "A rule.\n\nA paragraph no catalogue has,\nwrapped as written.\n\nPassing example::\n\n    a: 1\n"
    token = i18n.set_ui_language("fi")
    try:
        shown = explained_doc(doc, "A rule.")
    finally:
        i18n.reset_ui_language(token)
    assert shown == doc.replace("Passing example::", "Hyväksytty esimerkki:")
