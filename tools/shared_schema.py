"""Write schemas/shared.schema.json, the schema of shared files, from schemas/controller.schema.json.

Run after changing the controller schema (`python tools/shared_schema.py`); `--check` changes nothing and fails
when the committed file is stale (the tests check it too).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seloste.shared import SCHEMA_NAME, schema_text

TARGET = Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_NAME


def main() -> int:
    text = schema_text()
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{TARGET} is not up to date: run python tools/shared_schema.py\n")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
