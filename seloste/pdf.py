"""HTML → PDF with WeasyPrint: tagged PDF/UA-1, `/Lang` from the page, fonts embedded and subset.

WeasyPrint is imported inside the functions only: it loads native libraries at import (about half a second),
and commands that make no PDF should not pay for it.

Safety: the engine reads only through `SafeFetcher`, which allows `data:` URLs and files inside the folders it
is given (the YAML file's folder and seloste's templates). Everything else — the network, `file:///etc/passwd`,
a symlink out of an allowed folder — is refused and reported as a warning finding. WeasyPrint's own warnings
(unsupported CSS, unreadable images, fonts) become findings too.

Output is deterministic: WeasyPrint writes no /ID and no dates unless the page carries them, and seloste's pages
carry only the dates written in the YAML.

Font subsetting: WeasyPrint subsets fonts with HarfBuzz-Subset (a few milliseconds per PDF); without that library
it falls back to fontTools (about 0.3 s more per PDF) and warns on import and for every font of every PDF. seloste
says it once instead, at the start of a PDF build (`subsetting_notice`), and drops those repeated warnings.
"""

from __future__ import annotations

import ctypes
import logging
import re
import sys
import warnings
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
#: Loggers whose messages during a render are dropped: fontTools' subsetting chatter (on the slow path only).
QUIET_LOGGERS = ("fontTools",)
#: WeasyPrint's per-font warning when it subsets with fontTools; `subsetting_notice` says it once per build.
SLOW_SUBSET_WARNING = "instead of HarfBuzz-Subset"
#: The shared libraries WeasyPrint opens for subsetting, by the names its loader tries on ELF systems.
HARFBUZZ_SUBSET_SONAME, HARFBUZZ_SONAME = "libharfbuzz-subset.so.0", "libharfbuzz.so.0"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_logs() -> Iterator[list[str]]:
    """WeasyPrint's warnings and errors while rendering, as messages; fontTools' are dropped."""
    logger = logging.getLogger(LOGGER_NAME)
    handler = _Collect()
    logger.addHandler(handler)
    quiet = [logging.getLogger(name) for name in QUIET_LOGGERS]
    saved = [(q.propagate, q.handlers[:]) for q in quiet]
    for q in quiet:
        q.propagate, q.handlers = False, [logging.NullHandler()]
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        for q, (propagate, handlers) in zip(quiet, saved, strict=True):
            q.propagate, q.handlers = propagate, handlers


def import_engine() -> None:
    """Import WeasyPrint, without its import-time warning about HarfBuzz-Subset (`subsetting_notice` says it).

    On Linux without its library search, too: for each native library WeasyPrint tries several names, and every
    name that is not a file name makes cffi ask `ctypes.util.find_library`, which runs `ldconfig` and a C
    compiler — about twenty programs, 0.2–0.3 s of a PDF build. Each list ends with the library's soname,
    which the dynamic loader finds by itself (ld.so.cache, LD_LIBRARY_PATH), so the search is skipped while
    WeasyPrint loads; should that ever fail, the import is repeated with the search."""
    if "weasyprint" in sys.modules:
        return
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning)
        if sys.platform.startswith("linux"):
            import ctypes.util

            search = ctypes.util.find_library
            ctypes.util.find_library = lambda name: None
            try:
                import weasyprint
                return
            except OSError:
                pass
            finally:
                ctypes.util.find_library = search
        import weasyprint  # noqa: F401


def _soname_available(name: str) -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def fast_subsetting() -> bool:
    """Whether WeasyPrint will subset fonts with HarfBuzz-Subset ≥ 4.1 (its own test), rather than fontTools.

    Once WeasyPrint is imported its answer is used; before, on ELF systems, the libraries are opened by the
    names its loader ends with (a millisecond, where importing WeasyPrint to ask would take half a second)."""
    ffi = sys.modules.get("weasyprint.text.ffi")
    if ffi is None and not sys.platform.startswith("linux"):
        import_engine()
        ffi = sys.modules.get("weasyprint.text.ffi")
    if ffi is not None:
        return ffi.harfbuzz_subset is not None and bool(ffi.harfbuzz.hb_version_atleast(4, 1, 0))
    harfbuzz = _soname_available(HARFBUZZ_SONAME)
    if harfbuzz is None or _soname_available(HARFBUZZ_SUBSET_SONAME) is None:
        return False
    harfbuzz.hb_version_atleast.argtypes = [ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]
    harfbuzz.hb_version_atleast.restype = ctypes.c_int
    return bool(harfbuzz.hb_version_atleast(4, 1, 0))


def subsetting_notice() -> str | None:
    """One line for the start of a PDF build when fast font subsetting is unavailable: what to install, per
    platform. None when it is available."""
    if fast_subsetting():
        return None
    from .i18n import tr

    return tr("seloste: fast font subsetting is not available (HarfBuzz-Subset 4.1 or later was not found), so "
              "each PDF takes about 1.5 times as long; install it: Debian/Ubuntu: apt-get install "
              "libharfbuzz-subset0; Fedora: dnf install harfbuzz; Alpine: apk add so:libharfbuzz-subset.so.0; "
              "macOS: brew install harfbuzz; Windows (MSYS2): pacman -S mingw-w64-ucrt-x86_64-harfbuzz")


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
    import_engine()
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
def register_hyphenation() -> str:
    """Give WeasyPrint's hyphenator (pyphen) Finnish: Voikko where it is installed (`seloste.hyphenation`), else
    seloste's Finnish patterns (unless pyphen already has Finnish ones). Returns which: "voikko" or "patterns"."""
    import pyphen  # type: ignore[import-untyped]

    from .hyphenation import use_voikko

    fallback = pyphen.language_fallback("fi")
    if fallback is None:
        path = Path(str(files("seloste") / "data" / "hyph_fi_FI.dic"))
        for name in ("fi_FI", "fi"):
            pyphen.LANGUAGES[name] = path
            pyphen.LANGUAGES_LOWERCASE[name.lower()] = name
        fallback = pyphen.language_fallback("fi")
    return "voikko" if use_voikko(pyphen.LANGUAGES[fallback]) else "patterns"


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
    import_engine()

    register_hyphenation()


def layout(html: str, base_dir: Path, allowed_dirs: Sequence[Path], stylesheets: Sequence[str] = (),
           refused: list[str] | None = None) -> Any:
    """The page laid out as seloste's PDF lays it out (a WeasyPrint `Document`: its pages and boxes), with
    seloste's hyphenation, `stylesheets` and the safe fetcher; refused URLs are appended to `refused`."""
    from weasyprint import CSS, HTML

    register_hyphenation()
    fetcher = _fetcher_class()(allowed_dirs, [] if refused is None else refused)
    base_url = base_dir.resolve().as_uri() + "/"
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    extra = [CSS(string=css, base_url=base_url, url_fetcher=fetcher) for css in stylesheets]
    return document.render(stylesheets=extra, pdf_variant=PDF_VARIANT)


def _render(html: str, base_dir: Path, allowed_dirs: list[Path], source: str,
            stylesheets: list[str]) -> tuple[bytes, list[Finding]]:
    from .pdfua import finish, tagging

    findings: list[Finding] = []
    refused: list[str] = []
    with _captured_logs() as messages, tagging():
        laid_out = layout(html, base_dir, allowed_dirs, stylesheets, refused)
        pdf: bytes = finish(laid_out.write_pdf(pdf_variant=PDF_VARIANT), html)
    for url in dict.fromkeys(refused):
        shown = url if len(url) <= 120 else url[:117] + "..."
        findings.append(Finding(
            source, 0, 0, "pdf-resource", Severity.WARNING,
            f"the PDF engine was refused '{shown}': seloste reads only files in the YAML file's folder "
            "and its templates, and nothing from the network",
            hint="Put images next to the YAML file and refer to them by a relative name."))
    for message in dict.fromkeys(messages):
        if SLOW_SUBSET_WARNING not in message and not any(url in message for url in refused):
            findings.append(Finding(source, 0, 0, "pdf-engine", Severity.WARNING, f"PDF engine: {message}"))
    return pdf, findings


WARM_UP_PAGE = """<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>seloste</title><style>
@page { size: A4; margin: 2cm; @top-center { content: "seloste" } @bottom-right { content: counter(page) } }
body { font-family: "DejaVu Sans", sans-serif; hyphens: auto; } code { font-family: "DejaVu Sans Mono", monospace; }
</style></head><body><h1>Tietosuojaseloste</h1><p>Henkilötietojen käsittelyn tarkoitus ja oikeusperuste.</p>
<p lang="sv">Behandlingen av personuppgifter.</p><p lang="en">Processing of personal data.</p>
<table><tr><th>Käsittely</th><td><code>seloste</code></td></tr></table></body></html>"""


def warm_up() -> None:
    """The engine's one-time costs, paid now: its import, seloste's hyphenation, the safe fetcher, and a first
    small document (font configuration, hyphenation dictionaries), so that batch workers forked afterwards
    start warm."""
    from .resources import templates_dir

    folder = templates_dir()
    _prepare()
    _render(WARM_UP_PAGE, folder, [folder], "", [])  # here, not in a budgeted child: the warmth must stay
