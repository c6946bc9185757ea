"""seloste's benchmarks: `python -m benchmarks.run` (or `make bench`); `--only SECTION …` runs some of them.

What a user waits for is a whole process, so most figures here are whole commands, started as a user starts
them, and every comparison is made of interleaved repeated pairs (A B, B A, A B …) in one run on one machine,
reported as min / median / max: machines here are noisy, and only side-by-side figures mean anything.
Wall time is the elapsed time; CPU is user + system time of the command and every process it started.

Sections:
- `process`: a one-notice build (`seloste build one.yaml --only notice --lang fi --format pdf`), with a cold and
  with a warm cache (seloste.cache), against a bare WeasyPrint script making a PDF/UA from the same HTML in its
  own process (without seloste's Finnish hyphenation), and against the same script with seloste's options
  (its print stylesheet and Finnish hyphenation), so both comparisons are honest.
- `inprocess`: seloste per PDF against bare WeasyPrint on the same HTML inside one warm process (CPU time).
- `jobs`: the same PDF batch at `-j 1` and `-j 2`: wall time and CPU.
- `batch`: a `-j 2` PDF batch against bare WeasyPrint rendering the same HTML files in two processes.
- `rebuild`: a no-change rebuild of many controllers (HTML), a rebuild after touching one of them (HTML), and a
  PDF rebuild after touching one controller of a PDF batch.
- `check`: `seloste check` of one file against check-jsonschema validating the same file against the same
  schema (cold and warm cache), and `seloste check` throughput on many files.
- `memory`: peak memory of the largest process of a `-j 2` build of few and of many controllers (flat in N?).

Targets (2 cores): one-notice build ≤ 1.20× bare WeasyPrint; `check` ≤ check-jsonschema; `-j 2` CPU ≤ 1.03×
`-j 1`; no-change rebuild of 500 < 2 s; worker memory flat in N.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def script(name: str, module: str) -> list[str]:
    """A console script as a user runs it (next to this Python), else its module."""
    path = BIN / name
    return [str(path)] if path.is_file() else [sys.executable, "-m", module]


SELOSTE = script("seloste", "seloste")
CHECK_JSONSCHEMA = script("check-jsonschema", "check_jsonschema")
SCHEMA = ROOT / "schemas" / "controller.schema.json"
ONE_NOTICE = ["--only", "notice", "--lang", "fi", "--format", "pdf"]

#: A bare WeasyPrint script: PDF/UA from HTML files, nothing of seloste. With "--same-options": seloste's print
#: stylesheet and Finnish hyphenation too, so it does exactly the work seloste asks of WeasyPrint.
BARE = """
import sys
from weasyprint import CSS, HTML
same = sys.argv[1] == "--same-options"
files = sys.argv[2:] if same or sys.argv[1] == "--" else sys.argv[1:]
stylesheets = []
if same:
    from seloste.pdf import register_hyphenation
    register_hyphenation()
    stylesheets = [CSS(filename="templates/pdf.css")]  # the packaged print stylesheet seloste adds
for name in files:
    HTML(filename=name).write_pdf(name[:-5] + ".pdf", pdf_variant="pdf/ua-1", stylesheets=stylesheets)
"""

OVERHEAD = """
import gc, resource, sys, pathlib


def clock():  # CPU time of this process and of the children it has waited for (seloste renders each PDF in a
    # forked, budgeted child): steady on a shared machine
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
    t = clock(); assert build_one(str(f), options).status == "built"; seloste += clock() - t
    for page in group:
        t = clock(); HTML(string=page, base_url=str(f.parent)).write_pdf(); bare += clock() - t
        t = clock()
        HTML(string=page, base_url=str(f.parent)).write_pdf(pdf_variant="pdf/ua-1", stylesheets=css)
        same += clock() - t
documents = sum(len(group) for group in pages)
print(seloste / documents, bare / documents, same / documents)
"""

WORKER_MEMORY = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "seloste", "build", sys.argv[1], "-o", sys.argv[2], "--quiet", "-j", "2",
                "--only", "notice", "--format", "pdf", "--lang", "fi"], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)  # the largest process: parent or worker
"""

Command = list[str] | Callable[[], tuple[float, float]]


def measured(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and everything it started) of one run; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(args), cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def concurrently(commands: list[list[str]]) -> tuple[float, float]:
    """(wall, CPU) of several commands started together, until the last one ends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    errors = [p.communicate()[1] for p in procs]
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if any(p.returncode for p in procs):
        raise SystemExit(f"bare WeasyPrint failed: {errors}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Runs = list[tuple[float, float]]


def interleaved(variants: dict[str, Callable[[], tuple[float, float]]], repeats: int) -> dict[str, Runs]:
    """Each variant `repeats` times, in an order rotated every round, so drift hits every variant alike."""
    names = list(variants)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for round_ in range(repeats):
        shift = round_ % len(names)
        order = names[shift:] + names[:shift]
        if round_ % 2:
            order.reverse()
        for name in order:
            runs[name].append(variants[name]())
    return runs


def spread(values: Sequence[float], digits: int = 3) -> str:
    return (f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f} / {max(values):.{digits}f}")


class Report:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []
        self.figures: dict[str, Any] = {}

    def add(self, name: str, text: str, value: Any) -> None:
        self.lines.append((name, text))
        self.figures[name] = value
        print(f"{name:<58} {text}", flush=True)

    def runs(self, label: str, runs: list[tuple[float, float]]) -> None:
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        self.add(f"{label}: wall s (min / median / max)", spread(walls), walls)
        self.add(f"{label}: CPU s (min / median / max)", spread(cpus), cpus)

    def ratio(self, label: str, top: list[tuple[float, float]], bottom: list[tuple[float, float]],
              which: int = 0) -> None:
        ratios = [t[which] / b[which] for t, b in zip(top, bottom, strict=True)]
        kind = "wall" if which == 0 else "CPU"
        self.add(f"{label} ({kind}, per pair)", spread(ratios, 2) + "×", ratios)


def html_of(controllers: list[Path], folder: Path) -> list[Path]:
    """The Finnish notice HTML of each controller, as seloste builds it, for the bare WeasyPrint runs."""
    measured([*SELOSTE, "build", *map(str, controllers), "-o", str(folder), "--only", "notice", "--lang", "fi",
              "--format", "html", "-q", "-j", "2"])
    return [folder / c.stem / "notice.fi.html" for c in controllers]


def section_process(work: Path, report: Report, repeats: int) -> None:
    controller = generate(3, work / "one")[2]
    html = html_of([controller], work / "one-html")[0]
    warm_cache = work / "cache-warm"
    env_warm = {**os.environ, "XDG_CACHE_HOME": str(warm_cache)}
    build = [*SELOSTE, "build", str(controller), "-o", str(work / "one-out"), *ONE_NOTICE, "-j", "1", "-q", "--force"]
    measured(build, env_warm)  # fills the warm cache
    cold_count = iter(range(10**6))

    def cold() -> tuple[float, float]:
        return measured(build, {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-cold-{next(cold_count)}")})

    runs = interleaved({
        "warm": lambda: measured(build, env_warm),
        "cold": cold,
        "bare": lambda: measured([sys.executable, "-c", BARE, "--", str(html)]),
        "same": lambda: measured([sys.executable, "-c", BARE, "--same-options", str(html)]),
    }, repeats)
    report.runs("one-notice build, warm cache", runs["warm"])
    report.runs("one-notice build, cold cache", runs["cold"])
    report.runs("bare WeasyPrint PDF/UA, same HTML", runs["bare"])
    report.runs("bare WeasyPrint, seloste's options", runs["same"])
    for which in (0, 1):
        report.ratio("warm build / bare WeasyPrint", runs["warm"], runs["bare"], which)
        report.ratio("cold build / bare WeasyPrint", runs["cold"], runs["bare"], which)
        report.ratio("warm build / WeasyPrint with seloste's options", runs["warm"], runs["same"], which)


def section_inprocess(work: Path, report: Report, controllers: int) -> None:
    clients = work / "inprocess"
    generate(controllers, clients)
    for mode, count in (("notice", controllers), ("all", max(2, controllers // 3))):
        seloste_per_pdf, bare, same = map(float, subprocess.run(
            [sys.executable, "-c", OVERHEAD, str(clients), str(count), mode], cwd=ROOT, check=True,
            capture_output=True, text=True).stdout.split())
        label = "one Finnish notice per controller" if mode == "notice" else "every document (6 per controller)"
        report.add(f"in-process, {label}: seloste / bare s per PDF", f"{seloste_per_pdf:.3f} / {bare:.3f}: "
                   f"{seloste_per_pdf / bare:.2f}× ({seloste_per_pdf / same:.2f}× with the same options)",
                   {"seloste": seloste_per_pdf, "bare": bare, "same_options": same})


def section_jobs(work: Path, report: Report, controllers: int, repeats: int) -> None:
    clients = work / "jobs"
    generate(controllers, clients)

    def build(jobs: int) -> Callable[[], tuple[float, float]]:
        return lambda: measured([*SELOSTE, "build", str(clients), "-o", str(work / f"jobs-out-{jobs}"), *ONE_NOTICE,
                                 "-j", str(jobs), "-q", "--force"])

    runs = interleaved({"j1": build(1), "j2": build(2)}, repeats)
    report.runs(f"{controllers} notices -j 1", runs["j1"])
    report.runs(f"{controllers} notices -j 2", runs["j2"])
    report.ratio("-j 2 / -j 1", runs["j2"], runs["j1"], 1)
    report.ratio("-j 2 / -j 1", runs["j2"], runs["j1"], 0)


def section_batch(work: Path, report: Report, controllers: int, repeats: int) -> None:
    clients = generate(controllers, work / "batch")
    pages = [str(p) for p in html_of(clients, work / "batch-html")]
    halves = [pages[0::2], pages[1::2]]
    runs = interleaved({
        "seloste": lambda: measured([*SELOSTE, "build", str(work / "batch"), "-o", str(work / "batch-out"),
                                     *ONE_NOTICE, "-j", "2", "-q", "--force"]),
        "bare": lambda: concurrently([[sys.executable, "-c", BARE, "--", *half] for half in halves]),
    }, repeats)
    report.runs(f"{controllers} notices, seloste -j 2", runs["seloste"])
    report.runs(f"{controllers} notices, bare WeasyPrint in 2 processes", runs["bare"])
    report.ratio("seloste -j 2 / bare WeasyPrint ×2", runs["seloste"], runs["bare"], 0)
    report.ratio("seloste -j 2 / bare WeasyPrint ×2", runs["seloste"], runs["bare"], 1)


def section_rebuild(work: Path, report: Report, many: int, pdf_controllers: int) -> None:
    clients = work / "rebuild"
    generate(many, clients)
    out = work / "rebuild-out"
    html = [*SELOSTE, "build", str(clients), "-o", str(out), "--quiet", "--format", "html"]
    measured(html)
    wall, cpu = measured(html)
    report.add(f"no-change rebuild of {many} (HTML), s", f"{wall:.2f} wall, {cpu:.2f} CPU", [wall, cpu])
    touched = sorted(clients.glob("*.yaml"))[7]
    touched.write_text(touched.read_text(encoding="utf-8").replace("Oy", "Oy ", 1), encoding="utf-8")
    wall, cpu = measured(html)
    report.add(f"rebuild of {many} after touching one (HTML), s", f"{wall:.2f} wall, {cpu:.2f} CPU", [wall, cpu])
    pdf_clients = work / "rebuild-pdf"
    generate(pdf_controllers, pdf_clients)
    pdf = [*SELOSTE, "build", str(pdf_clients), "-o", str(work / "rebuild-pdf-out"), "--quiet"]
    measured(pdf)  # every document: notice and record, HTML and PDF
    touched = sorted(pdf_clients.glob("*.yaml"))[3]
    touched.write_text(touched.read_text(encoding="utf-8").replace("Oy", "Oy ", 1), encoding="utf-8")
    wall, cpu = measured(pdf)
    report.add(f"rebuild of {pdf_controllers} after touching one (HTML + PDF), s", f"{wall:.2f} wall, {cpu:.2f} CPU",
               [wall, cpu])


def section_check(work: Path, report: Report, repeats: int, many: int) -> None:
    controller = generate(3, work / "check-one")[2]
    warm_cache = {**os.environ, "XDG_CACHE_HOME": str(work / "check-cache")}
    check = [*SELOSTE, "check", str(controller)]
    measured(check, warm_cache)
    cold_count = iter(range(10**6))
    runs = interleaved({
        "warm": lambda: measured(check, warm_cache),
        "cold": lambda: measured(check, {**os.environ, "XDG_CACHE_HOME": str(work / f"cc-{next(cold_count)}")}),
        "cjs": lambda: measured([*CHECK_JSONSCHEMA, "--schemafile", str(SCHEMA), str(controller)]),
    }, repeats)
    report.runs("seloste check, one file, warm cache", runs["warm"])
    report.runs("seloste check, one file, cold cache", runs["cold"])
    report.runs("check-jsonschema, same file and schema", runs["cjs"])
    for which in (0, 1):
        report.ratio("seloste check (warm) / check-jsonschema", runs["warm"], runs["cjs"], which)
        report.ratio("seloste check (cold) / check-jsonschema", runs["cold"], runs["cjs"], which)
    clients = work / "check-many"
    generate(many, clients)
    subprocess.run([*SELOSTE, "check", str(clients)], cwd=ROOT, capture_output=True, check=False)
    started = time.perf_counter()
    subprocess.run([*SELOSTE, "check", str(clients)], cwd=ROOT, capture_output=True, check=False)
    report.add(f"seloste check of {many} files: files per second", f"{many / (time.perf_counter() - started):.0f}",
               None)


def section_memory(work: Path, report: Report, controllers: int) -> None:
    for n in (max(2, controllers // 6), controllers):
        clients = work / f"memory-{n}"
        generate(n, clients)
        rss = subprocess.run([sys.executable, "-c", WORKER_MEMORY, str(clients), str(work / f"memory-out-{n}")],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
        report.add(f"peak memory of the largest process, -j 2 build of {n}, MiB", f"{float(rss):.0f}", float(rss))


SECTIONS = ("process", "check", "jobs", "batch", "inprocess", "rebuild", "memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="sections to run")
    parser.add_argument("--repeats", type=int, default=6, help="pairs for one-process comparisons (default 6)")
    parser.add_argument("--batch-repeats", type=int, default=3, help="pairs for batch comparisons (default 3)")
    parser.add_argument("--jobs", type=int, default=40, help="controllers for the -j runs (default 40)")
    parser.add_argument("--batch", type=int, default=200, help="controllers for seloste vs bare (default 200)")
    parser.add_argument("--pdf", type=int, default=12, help="controllers for in-process and PDF rebuild (12)")
    parser.add_argument("--rebuild", type=int, default=500, help="controllers for the rebuild runs (default 500)")
    parser.add_argument("--memory", type=int, default=120, help="controllers for the memory runs (default 120)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    # seloste's modules compiled, as `make` and a wheel install leave them (see the Makefile's `bytecode`).
    compileall.compile_dir(str(ROOT / "seloste"), quiet=1)
    report = Report()
    print(f"python -m benchmarks.run {' '.join(sys.argv[1:])}  ({os.cpu_count()} cores)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for section in args.only:
            folder = work / section
            folder.mkdir()
            if section == "process":
                section_process(folder, report, args.repeats)
            elif section == "check":
                section_check(folder, report, args.repeats, args.rebuild)
            elif section == "jobs":
                section_jobs(folder, report, args.jobs, args.batch_repeats)
            elif section == "batch":
                section_batch(folder, report, args.batch, args.batch_repeats)
            elif section == "inprocess":
                section_inprocess(folder, report, args.pdf)
            elif section == "rebuild":
                section_rebuild(folder, report, args.rebuild, args.pdf)
            elif section == "memory":
                section_memory(folder, report, args.memory)
    if args.json:
        args.json.write_text(json.dumps(report.figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
