"""The batch-build benchmark: `python -m benchmarks.run` (or `make bench`).

Generates synthetic controllers (the examples with new names) in a temporary folder and reports, side by side in
one run on this machine:
- HTML and PDF documents per second at -j 1 and -j 2;
- seloste's time per PDF against bare WeasyPrint rendering the same HTML in the same run (the overhead ratio);
- a no-change rebuild of N controllers, and a rebuild after touching one (whole command, process start included);
- `seloste check` throughput;
- peak memory of a worker in a -j 2 build of few and of many controllers (whether it grows with N).
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


OVERHEAD = """
import gc, sys, time, pathlib
from weasyprint import CSS, HTML
from seloste.batch import BatchOptions, build_one
from seloste.render import pdf_stylesheet, render_html
from seloste.validate import validate_file
files = sorted(pathlib.Path(sys.argv[1]).glob("*.yaml"))[: int(sys.argv[2])]
mode = sys.argv[3]  # "notice": one Finnish notice per controller; "all": every document in every language
if mode == "notice":
    options, kinds, langs = BatchOptions(only="notice", fmt="pdf", languages=("fi",)), ["notice"], ["fi"]
else:
    options, kinds, langs = BatchOptions(fmt="pdf"), ["notice", "record"], ["fi", "sv", "en"]
pages = [[render_html(validate_file(f).document, k, lang) for k in kinds for lang in langs] for f in files]
css = [CSS(string=pdf_stylesheet())]
for f, group in zip(files[:1], pages):  # warm both paths
    build_one(str(f), options)
    HTML(string=group[0], base_url=str(f.parent)).write_pdf()
gc.collect()
seloste = bare = same = 0.0
for f, group in zip(files, pages):  # interleaved, so drift in the machine's speed hits all three alike
    t = time.perf_counter(); assert build_one(str(f), options).status == "built"; seloste += time.perf_counter() - t
    for page in group:
        t = time.perf_counter(); HTML(string=page, base_url=str(f.parent)).write_pdf(); bare += time.perf_counter() - t
        t = time.perf_counter()
        HTML(string=page, base_url=str(f.parent)).write_pdf(pdf_variant="pdf/ua-1", stylesheets=css)
        same += time.perf_counter() - t
documents = sum(len(group) for group in pages)
print(seloste / documents, bare / documents, same / documents)
"""

WORKER_MEMORY = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "seloste", "build", sys.argv[1], "-o", sys.argv[2], "--quiet", "-j", "2",
                "--only", "notice", "--format", "pdf", "--lang", "fi"], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)  # the largest process: a worker
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", type=int, default=20, help="controllers for the PDF runs (default 20)")
    parser.add_argument("--html", type=int, default=100, help="controllers for the HTML runs (default 100)")
    parser.add_argument("--rebuild", type=int, default=500, help="controllers for the rebuild runs (default 500)")
    parser.add_argument("--memory", type=int, default=120, help="controllers for the memory runs (default 120)")
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

        # seloste per PDF (validate, check, render, PDF) against bare WeasyPrint on the same HTML, interleaved
        # in one warm process: one Finnish notice per controller (the per-controller work on one PDF), and
        # every document of a controller (notice and record in fi, sv, en: six PDFs share that work)
        for mode, controllers in (("notice", args.pdf), ("all", max(2, args.pdf // 3))):
            seloste_per_pdf, bare, same = map(float, subprocess.run(
                [sys.executable, "-c", OVERHEAD, str(pdf_clients), str(controllers), mode], cwd=ROOT, check=True,
                capture_output=True, text=True).stdout.split())
            figures[f"{mode}: seloste_s_per_pdf"] = seloste_per_pdf
            figures[f"{mode}: bare_weasyprint_s_per_pdf"] = bare
            figures[f"{mode}: bare_weasyprint_same_options_s_per_pdf"] = same
            figures[f"{mode}: overhead_vs_bare"] = seloste_per_pdf / bare
            figures[f"{mode}: overhead_vs_bare_same_options"] = seloste_per_pdf / same

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

        for n in (args.memory // 6, args.memory):
            few = work / f"memory-{n}"
            generate(n, few)
            rss = subprocess.run([sys.executable, "-c", WORKER_MEMORY, str(few), str(work / f"memory-out-{n}")],
                                 cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
            figures[f"worker_peak_mib_{n}_controllers"] = float(rss)
    figures["benchmark_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:8.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
