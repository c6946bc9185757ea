"""The batch-build benchmark: `python -m benchmarks.run` (or `make bench`).

Generates synthetic controllers (the examples with new names) in a temporary folder and reports, side by side in
one run on this machine:
- HTML and PDF documents per second at -j 1 and -j 2;
- seloste's time per PDF against bare WeasyPrint rendering the same HTML in the same run (the overhead ratio);
- a no-change rebuild of N controllers, and a rebuild after touching one (whole command, process start included);
- `seloste check` throughput;
- peak memory of one worker after building few and many controllers (whether it grows with N).
Targets (2 cores): overhead ≤ 1.10×, -j 2 ≥ 1.8× -j 1, no-change rebuild of 500 < 2 s, memory flat in N.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
SELOSTE = [sys.executable, "-m", "seloste"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def build(clients: Path, out: Path, *extra: str) -> float:
    return timed([*SELOSTE, "build", str(clients), "-o", str(out), "--quiet", "--force", *extra])


def count(out: Path, suffix: str) -> int:
    return sum(1 for p in out.rglob(f"*{suffix}") if not p.name.endswith(".fragment.html"))


BARE = """
import sys, time, pathlib, gc
from weasyprint import HTML
from seloste.render import pdf_stylesheet
from weasyprint import CSS
files = sorted(pathlib.Path(sys.argv[1]).rglob("notice.fi.html"))
css = [CSS(string=pdf_stylesheet())]
for f in files[:2]:
    HTML(string=f.read_text(), base_url=str(f.parent)).write_pdf()
gc.collect()
t = time.perf_counter()
for f in files:
    HTML(string=f.read_text(), base_url=str(f.parent)).write_pdf()
bare = (time.perf_counter() - t) / len(files)
t = time.perf_counter()
for f in files:
    HTML(string=f.read_text(), base_url=str(f.parent)).write_pdf(pdf_variant="pdf/ua-1", stylesheets=css)
same = (time.perf_counter() - t) / len(files)
print(bare, same)
"""

WORKER_MEMORY = """
import sys, resource, pathlib
from seloste.batch import BatchOptions, build_one
options = BatchOptions(only="notice", fmt="pdf")
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml"))[: int(sys.argv[2])]:
    assert build_one(str(f), options).status == "built"
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", type=int, default=20, help="controllers for the PDF runs (default 20)")
    parser.add_argument("--html", type=int, default=100, help="controllers for the HTML runs (default 100)")
    parser.add_argument("--rebuild", type=int, default=500, help="controllers for the rebuild runs (default 500)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf_clients, many = work / "pdf", work / "many"
        generate(args.pdf, pdf_clients)
        generate(max(args.html, args.rebuild), many)
        html_clients = work / "html"
        html_clients.mkdir()
        for path in sorted(many.glob("*.yaml"))[: args.html]:
            (html_clients / path.name).write_bytes(path.read_bytes())

        for jobs in (1, 2):
            out = work / f"html-j{jobs}"
            seconds = build(html_clients, out, "--format", "html", "-j", str(jobs))
            figures[f"html_docs_per_s_j{jobs}"] = count(out, ".html") / seconds
            out = work / f"pdf-j{jobs}"
            seconds = build(pdf_clients, out, "--format", "pdf", "-j", str(jobs))
            figures[f"pdf_docs_per_s_j{jobs}"] = count(out, ".pdf") / seconds
        figures["pdf_speedup_j2"] = figures["pdf_docs_per_s_j2"] / figures["pdf_docs_per_s_j1"]
        figures["html_speedup_j2"] = figures["html_docs_per_s_j2"] / figures["html_docs_per_s_j1"]

        # seloste per notice PDF (in-process, warm) against bare WeasyPrint on the same HTML, same run
        out = work / "notices"
        build(pdf_clients, out, "--only", "notice", "-j", "1")
        seloste_per_pdf = build(pdf_clients, work / "notices2", "--only", "notice", "--format", "pdf", "-j", "1")
        seloste_per_pdf /= args.pdf
        bare, same = map(float, subprocess.run([sys.executable, "-c", BARE, str(out)], cwd=ROOT, check=True,
                                               capture_output=True, text=True).stdout.split())
        figures["seloste_s_per_notice_pdf"] = seloste_per_pdf
        figures["bare_weasyprint_s_per_pdf"] = bare
        figures["bare_weasyprint_same_options_s_per_pdf"] = same
        figures["overhead_vs_bare"] = seloste_per_pdf / bare
        figures["overhead_vs_bare_same_options"] = seloste_per_pdf / same

        out = work / "rebuild"
        timed([*SELOSTE, "build", str(many), "-o", str(out), "--quiet", "--format", "html"])
        figures[f"no_change_rebuild_{args.rebuild}_s"] = timed(
            [*SELOSTE, "build", str(many), "-o", str(out), "--quiet", "--format", "html"])
        touched = sorted(many.glob("*.yaml"))[7]
        touched.write_text(touched.read_text(encoding="utf-8").replace("Oy", "Oy ", 1), encoding="utf-8")
        figures[f"rebuild_after_touching_one_of_{args.rebuild}_s"] = timed(
            [*SELOSTE, "build", str(many), "-o", str(out), "--quiet", "--format", "html"])

        started = time.perf_counter()
        subprocess.run([*SELOSTE, "check", str(many)], cwd=ROOT, capture_output=True, check=False)
        figures["check_files_per_s"] = args.rebuild / (time.perf_counter() - started)

        for n in (5, args.pdf):
            rss = subprocess.run([sys.executable, "-c", WORKER_MEMORY, str(pdf_clients), str(n)], cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout.strip()
            figures[f"worker_peak_mib_after_{n}"] = float(rss)
    figures["benchmark_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:8.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
