"""The README's pictures of a notice, regenerated from the showcase example: `make screenshots`.

- docs/notice-phone.png: the top of the Finnish notice's HTML page on a phone (390 × 844 CSS px, the system
  Chromium through Playwright);
- docs/notice-1.png and docs/notice-2.png: the first two pages of its PDF (pdftoppm, from poppler-utils).

Nothing here is random: the same checkout gives the same pictures (the fonts of the machine aside).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seloste.build import build_paths  # noqa: E402
from tests.browser import chromium  # noqa: E402

EXAMPLE = ROOT / "examples" / "ihoklinikka-aurora.yaml"
DOCS = ROOT / "docs"
PHONE = {"width": 390, "height": 844}
PAPER_DPI = 60


def main() -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: install poppler-utils (`make system-deps` does it as root)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        result = build_paths([EXAMPLE], out, only="notice", languages=["fi"])
        if not result.ok:
            raise SystemExit("\n".join(f.format() for f in result.findings))
        folder = out / "ihoklinikka-aurora"
        with chromium() as browser:
            page = browser.new_page(viewport=PHONE, device_scale_factor=1)
            page.goto((folder / "notice.fi.html").as_uri())
            page.screenshot(path=str(DOCS / "notice-phone.png"))
            page.close()
        subprocess.run(["pdftoppm", "-png", "-r", str(PAPER_DPI), "-f", "1", "-l", "2",
                        str(folder / "notice.fi.pdf"), str(out / "page")], check=True)
        for number in (1, 2):
            shutil.copyfile(out / f"page-{number}.png", DOCS / f"notice-{number}.png")
    sys.stdout.write(f"wrote {DOCS}/notice-phone.png, notice-1.png and notice-2.png\n")


if __name__ == "__main__":
    main()
