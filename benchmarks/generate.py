"""Generate N synthetic controllers for benchmarks and batch-build tests.

Each controller is one of the examples with its own id, name and a checksum-valid fictional Y-tunnus, so the
batch covers every shape the examples have. Usage: python -m benchmarks.generate N OUTDIR
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id(n: int) -> str:
    """The n-th checksum-valid Y-tunnus starting from 2000000 (those with remainder 1 have none and are skipped)."""
    base = 2_000_000 + n * 7
    while True:
        digits = f"{base:07d}"
        remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
        if remainder != 1:
            return f"{digits}-{0 if remainder == 0 else 11 - remainder}"
        base += 1


def _templates() -> list[dict[str, Any]]:
    yaml = YAML(typ="safe")
    return [yaml.load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "examples").glob("*.yaml"))]


def generate(count: int, out: Path) -> list[Path]:
    """Write `count` controller files into `out` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    yaml = YAML(typ="safe")
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    templates = _templates()
    paths = []
    for i in range(count):
        data = templates[i % len(templates)]
        data = {**data, "id": f"asiakas-{i:05d}"}
        data["controller"] = {**data["controller"], "name": f"Asiakasyritys {i} Oy", "business_id": business_id(i)}
        data.pop("branding", None)  # logos are resolved next to the original example, not here
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        path = out / f"asiakas-{i:05d}.yaml"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
