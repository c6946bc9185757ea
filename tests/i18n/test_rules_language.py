"""`seloste rules` and `seloste explain` speak the user's language: every rule's summary is in the Finnish
catalogue, and explain's headings follow."""

from __future__ import annotations

from click.testing import CliRunner

from seloste.checker.registry import infos
from seloste.cli import cli


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
