"""`OUT/index.html`, the consultant's dashboard, and the machine-readable summary of a batch.

Both are made from the manifests in the output folder, so the index of a sharded batch is made by collecting the
shards' output folders into one and running `seloste index OUT`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from . import __version__, manifest
from .manifest import Entry

_DOCUMENT = re.compile(r"^(?P<kind>notice|record)\.(?P<lang>[a-z]{2})(?P<fragment>\.fragment)?\.(?P<fmt>html|pdf)$")


def _links(entry: Entry) -> list[dict[str, Any]]:
    """The documents grouped: [{kind, languages: [{lang, html, pdf}]}], notice first, languages fi, sv, en."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for name in entry.documents:
        match = _DOCUMENT.match(name)
        if match and not match["fragment"] and entry.slug:
            found.setdefault(match["kind"], {}).setdefault(match["lang"], {})[match["fmt"]] = f"{entry.slug}/{name}"
    order = {"fi": 0, "sv": 1, "en": 2}
    return [{"kind": kind, "languages": [{"lang": lang, **found[kind][lang]}
                                         for lang in sorted(found[kind], key=lambda code: order.get(code, 9))]}
            for kind in ("notice", "record") if kind in found]


def rows(out_dir: Path) -> list[dict[str, Any]]:
    """One row per controller known to the manifests in `out_dir`, sorted by name."""
    entries = manifest.read_all(out_dir)
    found = [{"file": e.file, "name": e.name or Path(e.file).stem, "slug": e.slug, "status": e.status,
              "errors": e.errors, "warnings": e.warnings, "updated": e.updated, "links": _links(e),
              "findings": e.findings}
             for e in entries.values()]
    return sorted(found, key=lambda r: (str(r["name"]).lower(), r["file"]))


#: How many findings a row of the index shows; the full list is in the controller's report further down.
FIRST_FINDINGS = 3


def write_index(out_dir: Path, templates: Path | None = None, lang: str = "fi") -> Path:
    """Write `out_dir/index.html` from the manifests, in `lang` (fi, sv or en), and return its path.

    Controllers that failed come first, then those with errors, then the rest, each group by name; each shows
    its first findings and links to its full report, at the end of the page."""
    from .build import write_if_changed
    from .render.environment import environment_for

    data = sorted(rows(out_dir), key=lambda r: (r["status"] != "failed", not r["errors"]))
    for number, row in enumerate(data, start=1):
        row["report"] = f"report-{number}" if len(row["findings"]) > FIRST_FINDINGS else ""
    totals = {"controllers": len(data), "failed": sum(1 for r in data if r["status"] == "failed"),
              "errors": sum(r["errors"] for r in data), "warnings": sum(r["warnings"] for r in data)}
    html = environment_for(templates).get_template("index.html.j2").render(rows=data, totals=totals,
                                                                          version=__version__, lang=lang,
                                                                          first=FIRST_FINDINGS)
    path = out_dir / "index.html"
    write_if_changed(path, html.encode("utf-8"))  # a build that changed nothing writes nothing
    return path


def summary(out_dir: Path, run: dict[str, Any] | None = None) -> dict[str, Any]:
    """The versioned summary: every controller's status from the manifests, and this run's counts if given."""
    data = rows(out_dir)
    for row in data:
        for key in ("links", "findings"):
            row.pop(key)
    result: dict[str, Any] = {"version": 1, "seloste": __version__, "controllers": data}
    if run is not None:
        result["run"] = run
    return result


def write_summary(path: Path, data: dict[str, Any]) -> None:
    from .safeio import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
