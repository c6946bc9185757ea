"""seloste: privacy notices and records of processing activities from one YAML description of a controller.

The version is written here and nowhere else (pyproject.toml reads it at build time), so the command line need
not ask `importlib.metadata` for it. The library's names below load on first use: `seloste --version` or
`seloste init` should not pay for the schema validator.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from .findings import Finding, Severity
    from .loader import Document, LoadError, load, loads
    from .validate import Validated, find_files, validate_document, validate_file

_LAZY = {
    "Finding": "findings", "Severity": "findings",
    "Document": "loader", "LoadError": "loader", "load": "loader", "loads": "loader",
    "Validated": "validate", "find_files": "validate", "validate_document": "validate", "validate_file": "validate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'seloste' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
