"""seloste: privacy notices and records of processing activities from one YAML description of a controller."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .findings import Finding, Severity
from .loader import Document, LoadError, load, loads
from .validate import Validated, find_files, validate_document, validate_file

try:
    __version__ = version("seloste")
except PackageNotFoundError:  # pragma: no cover - running from a checkout without installing
    __version__ = "0+unknown"

__all__ = [
    "Document",
    "Finding",
    "LoadError",
    "Severity",
    "Validated",
    "__version__",
    "find_files",
    "load",
    "loads",
    "validate_document",
    "validate_file",
]
