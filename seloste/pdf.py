"""HTML → PDF with WeasyPrint: tagged PDF/UA-1, `/Lang` from the page, fonts embedded and subset.

WeasyPrint is imported inside the functions only: it loads native libraries at import (about half a second),
and commands that make no PDF should not pay for it.

Safety: the engine reads only through `SafeFetcher`, which allows `data:` URLs and files inside the folders it
is given (the YAML file's folder and seloste's templates). Everything else — the network, `file:///etc/passwd`,
a symlink out of an allowed folder — is refused and reported as a warning finding. WeasyPrint's own warnings
(unsupported CSS, unreadable images, fonts) become findings too.

Output is deterministic: WeasyPrint writes no /ID and no dates unless the page carries them, and seloste's pages
carry only the dates written in the YAML.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .findings import Finding, Severity

PDF_VARIANT = "pdf/ua-1"
LOGGER_NAME = "weasyprint"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_logs() -> Iterator[list[str]]:
    """WeasyPrint's warnings and errors while rendering, as messages."""
    logger = logging.getLogger(LOGGER_NAME)
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def is_allowed(url: str, allowed_dirs: Sequence[Path]) -> Path | None:
    """The local file a `file:` URL names, when it lies inside one of `allowed_dirs`; else None."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path)).resolve()
    if not path.is_file():
        return None
    if any(path.is_relative_to(folder.resolve()) for folder in allowed_dirs):
        return path
    return None


@cache
def _fetcher_class() -> type[Any]:
    from weasyprint import URLFetcher

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        """Reads `data:` URLs and files in the allowed folders; refuses everything else."""

        def __init__(self, allowed_dirs: Sequence[Path], refused: list[str]) -> None:
            super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
            self.allowed_dirs = list(allowed_dirs)
            self.refused = refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = is_allowed(url, self.allowed_dirs)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"seloste does not let the PDF engine read {url}")
            return super().fetch(path.as_uri(), headers)

    return SafeFetcher


@cache
def register_hyphenation() -> None:
    """Give WeasyPrint's hyphenator (pyphen) seloste's Finnish patterns, unless it already has Finnish ones."""
    import pyphen  # type: ignore[import-untyped]

    if pyphen.language_fallback("fi") is not None:
        return
    path = Path(str(files("seloste") / "data" / "hyph_fi_FI.dic"))
    for name in ("fi_FI", "fi"):
        pyphen.LANGUAGES[name] = path
        pyphen.LANGUAGES_LOWERCASE[name.lower()] = name


def write_pdf(
    html: str,
    base_dir: Path,
    allowed_dirs: Sequence[Path],
    *,
    findings: list[Finding] | None = None,
    source: str = "",
    stylesheets: Sequence[str] = (),
    seconds: float | None = None,
    spent: list[float] | None = None,
) -> bytes:
    """The PDF of a seloste HTML page, with `stylesheets` (CSS text) added after the page's own. Relative URLs
    resolve against `base_dir`; only files inside `allowed_dirs` may be read. Refused resources and engine
    warnings are appended to `findings` as warnings, attributed to the file `source`.

    The engine runs in a child process within a budget of CPU time (`seconds`, by default
    `budget.PDF_SECONDS`) and of memory (`budget.PDF_MEMORY_MB`); past either,
    `seloste.budget.BudgetExceeded` is raised. The CPU seconds used are appended to `spent` when given."""
    from .budget import PDF_SECONDS, run_limited

    _prepare()
    (pdf, found), cpu = run_limited(_render, break_long_runs(html), base_dir, list(allowed_dirs), source,
                                    list(stylesheets), seconds=PDF_SECONDS if seconds is None else seconds)
    if spent is not None:
        spent.append(cpu)
    if findings is not None:
        findings.extend(found)
    return pdf


#: Tags and the elements whose text is not shown as text (left untouched by `break_long_runs`).
_MARKUP = re.compile(r"(<(?:style|script|title)\b.*?</(?:style|script|title)\s*>|<[^>]*>)",
                     re.DOTALL | re.IGNORECASE)
_LONG_RUN = re.compile(r"[^\s<>&\u200b]{60,}")
BREAK_EVERY = 30


def break_long_runs(html: str) -> str:
    """The page with a zero-width space every `BREAK_EVERY` characters of each run of 60 or more characters
    without a space in its text (never in a tag, an attribute, a stylesheet or the title). The PDF engine's line
    breaking takes time in the square of an unbreakable run (a 9.5 KB word took a minute); with a break
    opportunity every 30 characters it is linear, and the page looks the same: such a run is broken across
    lines anyway (`overflow-wrap: anywhere`)."""
    parts = _MARKUP.split(html)
    for i in range(0, len(parts), 2):
        if len(parts[i]) >= 60:
            parts[i] = _LONG_RUN.sub(_split_run, parts[i])
    return "".join(parts)


def _split_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return "\u200b".join(run[i:i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY))


@cache
def _prepare() -> None:
    """What every render needs, done once in this process so that every render child inherits it warm."""
    import weasyprint  # noqa: F401

    register_hyphenation()


def _render(html: str, base_dir: Path, allowed_dirs: list[Path], source: str,
            stylesheets: list[str]) -> tuple[bytes, list[Finding]]:
    from weasyprint import CSS, HTML

    register_hyphenation()
    findings: list[Finding] = []
    refused: list[str] = []
    fetcher = _fetcher_class()(allowed_dirs, refused)
    base_url = base_dir.resolve().as_uri() + "/"
    with _captured_logs() as messages:
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        extra = [CSS(string=css, base_url=base_url, url_fetcher=fetcher) for css in stylesheets]
        pdf: bytes = document.write_pdf(stylesheets=extra, pdf_variant=PDF_VARIANT)
    for url in dict.fromkeys(refused):
        shown = url if len(url) <= 120 else url[:117] + "..."
        findings.append(Finding(
            source, 0, 0, "pdf-resource", Severity.WARNING,
            f"the PDF engine was refused '{shown}': seloste reads only files in the YAML file's folder "
            "and its templates, and nothing from the network",
            hint="Put images next to the YAML file and refer to them by a relative name."))
    for message in dict.fromkeys(messages):
        if not any(url in message for url in refused):
            findings.append(Finding(source, 0, 0, "pdf-engine", Severity.WARNING, f"PDF engine: {message}"))
    return pdf, findings
