"""`seloste build` and `seloste index`: build controllers' documents, one or hundreds, and the dashboard."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from .console import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, echo_findings
from .i18n import tr
from .outdir import OutputError, OutputLock, describe, prepare
from .printable import printable
from .text import LANGUAGES
from .validate import PathError

if TYPE_CHECKING:
    from .batch import BatchResult, Outcome


BUILD_HELP = """\b
Exit codes:
  0    every controller was built (or was unchanged and skipped)
  1    at least one controller failed: invalid input or a rendering error (nothing was written for it,
       and its documents from an earlier build were left untouched)
  1    also: the output could not be written (a full disk): the message says what to do
  2    could not run: bad usage, a path that does not exist or cannot be read, an output folder that
       cannot be written (read-only, permission denied)
  3    internal error in seloste (please report it)
  130  interrupted (SIGINT or SIGTERM): finished documents stay, no file is half-written
"""


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, total = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter("write it as K/N, e.g. 2/4", param_hint="--shard") from None
    if not 1 <= index <= total:
        raise click.BadParameter(f"K must be between 1 and N, got {value}", param_hint="--shard")
    return index, total


def _languages(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    langs = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown or not langs:
        raise click.BadParameter(f"choose from {', '.join(LANGUAGES)}", param_hint="--lang")
    return langs


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    from .batch import STOP  # loaded by the build command before the handler is installed

    STOP.set()  # kept even when the exception below is swallowed by a finalizer
    raise KeyboardInterrupt


def _unraisable(unraisable: Any) -> None:
    """An interrupt that arrived inside a finalizer is not lost (STOP is set) and is no error: print nothing."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def _run_summary(result: BatchResult) -> dict[str, Any]:
    return {"built": result.count("built"), "skipped": result.count("skipped"), "failed": result.count("failed"),
            "removed": [e.file for e in result.removed], "interrupted": result.interrupted,
            "seconds": round(result.seconds, 3),
            "failures": [{"file": o.file, "findings": [f.format() for f in o.findings]} for o in result.failed]}


@click.command(epilog=BUILD_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into; each controller gets OUTPUT/<id>/, and OUTPUT/index.html lists them.")
@click.option("--only", type=click.Choice(["notice", "record"]), help="Build only the notice or only the record.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), help="Write only HTML or only PDF.")
@click.option("--lang", "lang", metavar="LANGS", help="Languages to build, e.g. fi,sv,en (default: the file's "
              "'languages:', else fi).")
@click.option("--allow-fallback", is_flag=True, help="Print first-language free text where a translation is "
              "missing, instead of refusing to build that language.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of templates that replace seloste's own (see templates/ in seloste).")
@click.option("--heading-base", type=click.IntRange(min=1, max=6), default=1, show_default=True,
              help="Heading level of the fragment's title on your site (2: the title is an h2, its sections h3).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Rebuild every controller, changed or not.")
@click.option("--shard", metavar="K/N", help="Build only the K-th of N stable shares of the controllers.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no per-controller lines; findings and the "
              "summary line still appear.")
@click.option("--summary-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a machine-readable summary of the run to this file.")
@click.option("--index-lang", type=click.Choice(LANGUAGES), default="fi", show_default=True,
              help="Language of OUTPUT/index.html.")
def build(paths: tuple[Path, ...], output: Path, only: str | None, fmt: str | None, lang: str | None,
          allow_fallback: bool, templates: Path | None, heading_base: int, jobs: int | None, force: bool,
          shard: str | None, quiet: bool, summary_json: Path | None, index_lang: str) -> None:
    """Build the privacy notice and the record of processing activities of each controller file.

    PATHS are files or folders; folders are searched recursively for *.yaml and *.yml (names starting with
    '_' or '.' are skipped: keep shared files for 'extends:' in _shared/). For each valid controller
    OUTPUT/<id>/ receives notice.<lang>.html, notice.<lang>.fragment.html (its CSS also as
    notice.<lang>.fragment.css), notice.<lang>.pdf,
    record.<lang>.html and record.<lang>.pdf. Unchanged controllers are skipped (see OUTPUT/.seloste-manifest.json).
    """
    from .batch import STOP, BatchOptions, run_batch  # the renderer loads only for this command
    from .checker.config import ConfigError
    from .checker.config import resolve as resolve_config
    from .index import summary, write_index, write_summary
    from .progress import Progress

    try:
        config = resolve_config(None, paths)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    options = BatchOptions(only=only, fmt=fmt, templates=templates, languages=_languages(lang),  # type: ignore[arg-type]
                           fallback=allow_fallback, jobs=jobs or os.cpu_count() or 1, force=force,
                           shard=_shard(shard), config=config, heading_base=heading_base)
    if fmt != "html":
        from .pdf import subsetting_notice

        notice = subsetting_notice()  # once per build, never per PDF
        if notice:
            click.echo(notice, err=True)
    meter = Progress(quiet=quiet)
    counts = {"built": 0, "skipped": 0, "failed": 0}

    def report(outcome: Outcome, done: int, total: int) -> None:
        counts[outcome.status] += 1
        if outcome.findings:
            meter.close()
            echo_findings(outcome.findings)
        meter.update(done, total, counts["built"], counts["skipped"], counts["failed"])

    def waiting(lock: Path) -> None:
        click.echo(tr("another seloste build is writing into {folder}; waiting for it to finish (lock: {lock})",
                      folder=output, lock=lock), err=True)

    STOP.clear()
    previous_hook, sys.unraisablehook = sys.unraisablehook, _unraisable
    previous = signal.signal(signal.SIGTERM, _terminate)
    previous_int = signal.getsignal(signal.SIGINT)
    if previous_int is signal.default_int_handler:
        signal.signal(signal.SIGINT, _terminate)
    try:
        prepare(output)
        with OutputLock(output, waiting=waiting):
            result = run_batch(paths, output, options, report)
            meter.close()
            if not result.outcomes and not result.interrupted and result.error is None:
                raise click.UsageError(tr("no *.yaml or *.yml files found in the given paths (or in this shard)"))
            _report(result, output, quiet)
            run = _run_summary(result)
            if result.error is None:
                try:
                    write_index(output, templates, index_lang)
                    if summary_json is not None:
                        write_summary(summary_json, summary(output, run))
                except OSError as exc:
                    result.error = describe(exc, output)
    except PathError as exc:
        raise click.UsageError(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(tr("interrupted: finished documents were kept; no file is half-written"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OutputError as exc:
        click.echo(f"seloste: {printable(str(exc))}", err=True)
        sys.exit(EXIT_INVALID if exc.usable else EXIT_USAGE)
    finally:
        sys.unraisablehook = previous_hook
        signal.signal(signal.SIGTERM, previous)
        if previous_int is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous_int)
        meter.close()
    click.echo(tr("{count} controller(s): {built} built, {skipped} skipped, {failed} failed, {removed} removed "
                  "({seconds} s); index: {index}", count=len(result.outcomes), built=run["built"],
                  skipped=run["skipped"], failed=run["failed"], removed=len(result.removed),
                  seconds=f"{result.seconds:.1f}", index=printable(str(output / "index.html"))), err=True)
    if result.error is not None:
        click.echo(f"seloste: {printable(str(result.error))}", err=True)
        sys.exit(EXIT_INVALID if result.error.usable else EXIT_USAGE)
    if result.interrupted:
        click.echo(tr("interrupted: finished documents were kept; no file is half-written"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_INVALID if result.failed else EXIT_OK)


def _report(result: BatchResult, output: Path, quiet: bool) -> None:
    if quiet:
        return
    for outcome in result.outcomes:
        file, where = printable(outcome.file), printable(str(output / (outcome.slug or "")))
        line = {"built": tr("{file}: built into {folder}", file=file, folder=where),
                "skipped": tr("{file}: unchanged, skipped", file=file),
                "failed": tr("{file}: not built", file=file)}
        click.echo(line[outcome.status], err=True)
    for entry in result.removed:
        click.echo(tr("{file}: removed from the input; its documents in {folder} were left in place",
                      file=printable(entry.file), folder=printable(str(output / (entry.slug or "")))), err=True)
    if result.cleaned:
        click.echo(tr("removed {count} temporary file(s) left by an earlier build that was stopped",
                      count=len(result.cleaned)), err=True)


@click.command()
@click.argument("output", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--summary-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the merged summary of every controller to this file.")
@click.option("--index-lang", type=click.Choice(LANGUAGES), default="fi", show_default=True,
              help="Language of OUTPUT/index.html.")
def index(output: Path, templates: Path | None, summary_json: Path | None, index_lang: str) -> None:
    """Rewrite OUTPUT/index.html from every build manifest in OUTPUT — after collecting the output folders of a
    sharded build into one, this gives the index of the whole batch."""
    from .index import summary, write_index, write_summary

    try:
        with OutputLock(output):
            path = write_index(output, templates, index_lang)
            if summary_json is not None:
                write_summary(summary_json, summary(output))
    except OSError as exc:
        error = describe(exc, output)
        click.echo(f"seloste: {printable(str(error))}", err=True)
        sys.exit(EXIT_INVALID if error.usable else EXIT_USAGE)
    except OutputError as exc:
        click.echo(f"seloste: {printable(str(exc))}", err=True)
        sys.exit(EXIT_INVALID if exc.usable else EXIT_USAGE)
    click.echo(tr("wrote {path}", path=printable(str(path))), err=True)


COMMANDS = [build, index]
