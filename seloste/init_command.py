"""`seloste init` (a controller file from a short questionnaire) and `seloste processors` (the catalogue).

The integrator adds them to the command group with `for command in COMMANDS: cli.add_command(command)`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .catalogue import catalogue
from .console import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .findings import Finding, Severity, has_errors
from .loader import LoadError, loads
from .presets import presets, render
from .presets.answers import CHANNELS
from .preview import preview
from .questionnaire import Incomplete, ask, confirm
from .text import localize
from .validate import validate_document

INIT_HELP = """\b
Exit codes:
  0  the file was written
  1  the written file has errors (a bug in a preset: please report it)
  2  could not run: an answer is missing or invalid, or the file exists and --force was not given
"""

#: Flags that answer a question, by answer key.
ANSWER_FLAGS = ("name", "business_id", "street", "postal_code", "city", "phone", "email", "website", "contact",
                "booking", "booking_name", "marketing", "records")


def _list_presets(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for key, item in presets().items():
        click.echo(f"{key}\t{item.title('fi')}")
    ctx.exit(EXIT_OK)


def _read_answers(path: Path) -> dict[str, Any]:
    try:
        data = YAML(typ="base").load(path.read_text(encoding="utf-8"))  # every answer as text: 00100 stays 00100
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise click.UsageError(f"cannot read the answers file {path}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise click.UsageError(f"{path}: the answers file must be a mapping of question: answer")
    address = data.pop("address", None)
    if isinstance(address, dict):
        for key in ("street", "postal_code", "city"):
            data.setdefault(key, address.get(key))
    return {str(k): v for k, v in data.items()}


def _check_written(text: str, file: str) -> list[Finding]:
    """Validation and, when the checker is installed, rule findings for the generated text."""
    try:
        doc = loads(text, file)
    except LoadError as exc:
        return [exc.finding]
    findings = validate_document(doc)
    if has_errors(findings):
        return findings
    try:
        from .checker import check_document
    except ImportError:  # pragma: no cover - the checker ships with seloste
        return findings
    return sorted([*findings, *check_document(doc)])


@click.command(epilog=INIT_HELP)
@click.option("-o", "--output", default="seloste.yaml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--preset", help="Business type (see --list-presets); skips that question.")
@click.option("--list-presets", is_flag=True, expose_value=False, is_eager=True, callback=_list_presets,
              help="List the presets (key and Finnish name) and exit.")
@click.option("--answers", "answers_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file of answers; runs without questions.")
@click.option("--lang", type=click.Choice(["fi", "en"]), default="fi", show_default=True,
              help="Language of the questions (the notice itself is written in Finnish).")
@click.option("--force", is_flag=True, help="Overwrite the output file without asking.")
@click.option("--no-input", is_flag=True, help="Never ask: stop when an answer is missing.")
@click.option("--name", help="Legal name of the business.")
@click.option("--sole-trader/--no-sole-trader", default=None,
              help="Whether the business is a sole trader (toiminimi): its notice and record then speak as \"I\". "
                   "Not asked when the name tells (Tmi, or a company form such as Oy or Ky).")
@click.option("--business-id", help="Y-tunnus, e.g. 1234567-8.")
@click.option("--street", help="Street address.")
@click.option("--postal-code", help="Postal code.")
@click.option("--city", help="City.")
@click.option("--phone", help="Phone number.")
@click.option("--email", help="E-mail address for privacy matters.")
@click.option("--website", help="Website address.")
@click.option("--contact", help="Name of the person who answers privacy questions.")
@click.option("--booking", help="Booking system: a catalogue key (seloste processors), 'other' or 'none'.")
@click.option("--booking-name", help="Name of the booking system when --booking other.")
@click.option("--marketing", help=f"Marketing channels: {', '.join(CHANNELS)}, both as 'email,sms', or 'none'.")
@click.option("--health-info/--no-health-info", default=None, help="Whether health information is recorded.")
@click.option("--records", type=click.Choice(["paper", "electronic", "both"]), help="Paper or electronic records.")
@click.option("--kanta/--no-kanta", default=None, help="Joined Kanta (health-care professionals only).")
def init(output: Path, preset: str | None, answers_file: Path | None, lang: str, force: bool, no_input: bool,
         sole_trader: bool | None, health_info: bool | None, kanta: bool | None, **flags: str | None) -> None:
    """Write a commented controller file from a short questionnaire about your business.

    Asks in Finnish (English with --lang en) only what a business owner knows: name, whether it is a sole trader
    (toiminimi, when the name does not tell), Y-tunnus, address, type of business, booking system, marketing,
    health information, paper or electronic records and Kanta. Answers given as flags are not asked again. With
    --answers FILE or --no-input nothing is asked: a missing optional answer takes its default (a sole trader only
    when the name says Tmi), a missing required one (name, Y-tunnus, address, e-mail, business type) stops the run.
    """
    given: dict[str, Any] = _read_answers(answers_file) if answers_file else {}
    given.update({k: v for k, v in flags.items() if v is not None and k in ANSWER_FLAGS})
    for key, value in (("preset", preset), ("sole_trader", sole_trader), ("health_info", health_info),
                       ("kanta", kanta)):
        if value is not None:
            given[key] = value
    interactive = not (no_input or answers_file)
    if "preset" in given and str(given["preset"]) not in presets():
        raise click.UsageError(f"unknown preset '{given['preset']}'; run 'seloste init --list-presets'")
    if output.exists() and not force:
        question = (f"{output} on jo olemassa. Korvataanko se?" if lang == "fi"
                    else f"{output} already exists. Overwrite it?")
        if not interactive or not confirm(question, lang):
            click.echo(f"seloste: {output} exists; not overwritten (use --force to overwrite)", err=True)
            sys.exit(EXIT_USAGE)
    try:
        answers = ask(given, lang, interactive)
    except Incomplete as exc:
        click.echo(f"seloste: {exc.message}", err=True)
        sys.exit(EXIT_USAGE)
    text = render(answers.preset, answers, dt.date.today(), output.name)
    output.write_text(text, encoding="utf-8")
    findings = _check_written(text, str(output))
    for finding in findings:
        click.echo(finding.format(), err=True)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    click.echo(_next_steps(output, lang), err=True)
    sys.exit(EXIT_INVALID if errors else EXIT_OK)


def _next_steps(output: Path, lang: str) -> str:
    name = output.name
    if lang == "fi":
        return (f"Kirjoitettiin {output}.\nSeuraavaksi:\n  1. Avaa {name} ja käy läpi TARKISTA-kohdat.\n"
                f"  2. seloste validate {name}\n  3. seloste check {name}\n  4. seloste build {name} -o out\n"
                f"  5. seloste preview {name}")
    return (f"Wrote {output}.\nNext:\n  1. Open {name} and go through the TARKISTA (check) comments.\n"
            f"  2. seloste validate {name}\n  3. seloste check {name}\n  4. seloste build {name} -o out\n"
            f"  5. seloste preview {name}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per entry; json: every entry with all its fields.")
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), default="fi", show_default=True,
              help="Language of the service description in text output.")
def processors(fmt: str, lang: str) -> None:
    """List the processor catalogue: key, legal name, country and service.

    A controller file names an entry by key (`processors: [timma]`), or completes one with its own fields
    (`{id: timma, dpa: true}`).
    """
    entries = catalogue()
    if fmt == "json":
        click.echo(json.dumps([{"key": key, **entry} for key, entry in entries.items()], ensure_ascii=False,
                              indent=2))
        return
    width = max(len(key) for key in entries)
    name_width = max(len(str(entry.get("name", ""))) for entry in entries.values())
    for key, entry in entries.items():
        service = localize(entry.get("service"), lang, fallback=True)
        click.echo(f"{key:<{width}}  {entry.get('name', '—')!s:<{name_width}}  {entry.get('country', '—'):<2}  "
                   f"{service}")


COMMANDS = [init, processors, preview]
