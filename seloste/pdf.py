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
) -> bytes:
    """The PDF of a seloste HTML page, with `stylesheets` (CSS text) added after the page's own. Relative URLs
    resolve against `base_dir`; only files inside `allowed_dirs` may be read. Refused resources and engine
    warnings are appended to `findings` as warnings, attributed to the file `source`."""
    from weasyprint import CSS, HTML

    from .pdfua import finish, tagging

    register_hyphenation()
    refused: list[str] = []
    fetcher = _fetcher_class()(allowed_dirs, refused)
    base_url = base_dir.resolve().as_uri() + "/"
    with _captured_logs() as messages, tagging():
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        extra = [CSS(string=css, base_url=base_url, url_fetcher=fetcher) for css in stylesheets]
        pdf: bytes = finish(document.write_pdf(stylesheets=extra, pdf_variant=PDF_VARIANT), html)
    if findings is not None:
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
    return pdf
