"""Almost every field is optional: what is absent is left unsaid, never filled with something false."""

from __future__ import annotations

from seloste.loader import loads
from seloste.render import render_html
from seloste.validate import validate_document

MINIMAL = """
schema_version: 1
controller:
  name: Pieni Toiminimi
activities:
  - id: asiakkaat
    name: Asiakasrekisteri
"""


def render(text: str, kind: str = "notice") -> str:
    doc = loads(text, "minimal.yaml")
    assert not [f for f in validate_document(doc) if f.severity.value == "error"]
    return render_html(doc, kind).replace("\xa0", " ")  # type: ignore[arg-type]  # no-break spaces: typography.py


def test_minimal_document_renders_and_says_nothing_false() -> None:
    html = render(MINIMAL)
    for sentence in ("Tietoja ei luovuteta", "Tietoja ei siirretä", "automaattiseen päätöksentekoon",
                     "Laadittu", "Päivitetty", "Muutoshistoria", "Evästeet", "Suoramarkkinointi",
                     "Henkilötietojen käsittelijät", "Kuinka kauan"):
        assert sentence not in html, sentence
    assert "Oikeus tehdä valitus valvontaviranomaiselle" in html
    assert "Vastaamme pyyntöösi kuukauden kuluessa." in html
    record = render(MINIMAL, "record")
    assert "Asiakasrekisteri" in record and "Ei nimetty" in record


def test_empty_lists_are_statements() -> None:
    html = render(MINIMAL + "    recipients: []\n    transfers: []\n    automated_decisions: {used: false}\n")
    assert "Tietoja ei luovuteta ulkopuolisille." in html
    assert "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle." in html
    assert "Tietojasi ei käytetä automaattiseen päätöksentekoon eikä profilointiin." in html


def test_non_public_activity_only_in_the_record() -> None:
    text = MINIMAL + "  - id: henkilosto\n    name: Henkilöstörekisteri\n    public: false\n"
    assert "Henkilöstörekisteri" not in render(text)
    assert "Henkilöstörekisteri" in render(text, "record")


def test_art14_items_when_data_come_from_others() -> None:
    text = MINIMAL + """    data_categories:
      - {id: lahete, name: Lähetetiedot}
    sources:
      - {type: third_party, name: Lähettävä lääkäri, categories: [lahete]}
"""
    html = render(text)
    assert "13 ja 14 artiklan" in html
    assert "Lähde ei ole julkinen." in html
    assert "(tiedot: Lähetetiedot)" in html
