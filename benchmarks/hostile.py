"""Time the hostile inputs of issue 17 (each was minutes, or unbounded, before): `python -m benchmarks.hostile`.

Each case runs the real command (`validate`, `check` or `build`) in a subprocess, as a user would, and prints
its wall-clock time and peak memory (the largest process of the run).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.test_validate import MINIMAL

ROOT = Path(__file__).resolve().parent.parent


def _controller_line(line: str) -> str:
    return MINIMAL.replace("  email: info@example.fi\n", f"  email: info@example.fi\n{line}\n")


def _svg(levels: int = 20) -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
             'height="10"><defs><rect id="a0" width="1" height="1"/>']
    parts += [f'<g id="a{i}">' + f'<use xlink:href="#a{i - 1}"/>' * 10 + "</g>" for i in range(1, levels)]
    return "".join(parts) + f'</defs><use xlink:href="#a{levels - 1}"/></svg>'


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    def write(name: str, text: str) -> str:
        (folder / name).write_text(text, encoding="utf-8")
        return str(folder / name)

    names = [f"s{i}.yaml" for i in range(11)]
    for i, name in enumerate(names):
        write(name, (f"extends: [{', '.join(names[:i])}]\n" if i else "") + f"extra_sections: [{{title: T{i}, "
              f"body: {'x' * 400}}}]\n")
    write("logo.svg", _svg())
    url = "https://example.fi/" + "a" * 294
    out = str(folder / "out")
    return [
        ("accept comment with 100 KB of spaces: check",
         ["check", write("accept.yaml", MINIMAL + "# seloste: accept" + " " * 100_000 + "x\n")]),
        ("retention criterion of 100 KB of digits: check", ["check", write("digits.yaml", MINIMAL.replace(
            "period: {years: 2}, trigger: viimeisestä käynnistä", 'criterion: "' + "1" * 100_000 + '"'))]),
        ("extends: fan-out of eleven 500-byte files: validate",
         ["validate", write("fan.yaml", f"extends: [{', '.join(names)}]\n" + MINIMAL)]),
        ("20,000 '[' in a Markdown field: check",
         ["check", write("brackets.yaml", _controller_line(f"  notes: {json.dumps('[' * 20_000)}"))]),
        ("SVG logo with nested <use> (1.7 KB): build, notice PDF",
         ["build", write("svg.yaml", "branding: {logo: logo.svg}\n" + MINIMAL), "-o", out, "--only", "notice",
          "--format", "pdf", "--lang", "fi", "-j", "1"]),
        ("9.5 KB word without spaces: build, notice PDF",
         ["build", write("word.yaml", _controller_line(f"  notes: {'x' * 9500}")), "-o", out, "--only", "notice",
          "--format", "pdf", "-j", "1"]),
        ("313-character URL in a table: build, notice PDF",
         ["build", write("url.yaml", MINIMAL.replace("service: ajanvaraus}", f"service: ajanvaraus, "
                                                     f"privacy_policy: '{url}'}}")),
          "-o", out, "--only", "notice", "--format", "pdf", "-j", "1"]),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':<58} {'exit':>4} {'seconds':>8} {'peak MiB':>9}")
        for name, args in cases(folder):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "seloste", *args], cwd=ROOT, capture_output=True,
                                  check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
            seconds = time.monotonic() - started
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            print(f"{name:<58} {done.returncode:>4} {seconds:>8.2f} {peak:>9.0f}")


if __name__ == "__main__":
    main()
