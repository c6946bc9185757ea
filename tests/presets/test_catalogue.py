"""The processor catalogue: every entry matches the schema's processor definition and can be named by key."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from seloste.catalogue import catalogue
from seloste.cli import cli
from seloste.loader import loads
from seloste.resources import schema
from seloste.validate import validate_document

from .util import errors

REQUIRED = {"timma", "ajas", "slotti", "vello", "booksalon", "avoinna24", "phorest", "nettiaika", "brevo",
            "mailchimp", "paytrail", "stripe", "sumup", "google_workspace", "microsoft365"}


def processor_validator() -> Draft202012Validator:
    full = schema()
    registry = Registry().with_resource(full["$id"], Resource.from_contents(full))
    return Draft202012Validator({"$ref": f"{full['$id']}#/$defs/processor"}, registry=registry)


def test_catalogue_has_the_systems_clinics_use() -> None:
    assert set(catalogue()) >= REQUIRED


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_entry_matches_the_processor_schema(key: str) -> None:
    entry = {"id": key, **catalogue()[key]}
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in processor_validator().iter_errors(entry)]
    assert problems == []
    assert entry.get("name") and entry.get("service") and entry.get("kind")
    assert set(entry["service"]) == {"fi", "sv", "en"}
    assert "business_id" in entry or "country" in entry or key == "stripe"


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_entry_named_by_key_validates(key: str) -> None:
    text = f"""\
schema_version: 1
controller: {{name: Esimerkki Oy, business_id: 2077474-0, email: info@example.fi}}
processors: [{key}]
activities:
  - id: asiakkaat
    name: Asiakasrekisteri
    processors: [{key}]
"""
    doc = loads(text, "x.yaml")
    assert errors(validate_document(doc)) == []
    assert doc.data["processors"][0]["name"] == catalogue()[key]["name"]


def test_processors_command_lists_one_line_per_entry() -> None:
    result = CliRunner().invoke(cli, ["processors"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(catalogue())
    timma = next(line for line in lines if line.startswith("timma "))
    assert "Timma Oy" in timma and " FI " in timma and "ajanvarausjärjestelmä" in timma


def test_processors_command_json_has_every_field() -> None:
    result = CliRunner().invoke(cli, ["processors", "--format", "json"])
    assert result.exit_code == 0
    entries = {item["key"]: item for item in json.loads(result.output)}
    assert set(entries) == set(catalogue())
    assert entries["timma"]["business_id"] == "2412479-6"
    assert entries["vello"]["privacy_policy"].startswith("https://")


def test_every_entry_renders_in_the_notice() -> None:
    from seloste.render import render_html

    keys = sorted(catalogue())
    refs = ", ".join(keys)
    text = f"""\
schema_version: 1
controller: {{name: Esimerkki Oy, business_id: 2077474-0, email: info@example.fi}}
processors: [{refs}]
activities:
  - id: asiakkaat
    name: Asiakasrekisteri
    processors: [{refs}]
"""
    doc = loads(text, "x.yaml")
    assert errors(validate_document(doc)) == []
    page = render_html(doc, "notice")
    for key in keys:
        assert str(catalogue()[key]["name"]).split(" (")[0] in page, key
