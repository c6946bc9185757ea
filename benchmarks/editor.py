"""The editor's latency benchmark: `python -m benchmarks.editor` (also part of `make bench`).

Starts `seloste edit` on the largest example (one warm process, as an owner would have it), drives it in the
system Chromium with Playwright, and measures in the page, for each change typed into a field, the time from the
change to the refreshed findings and HTML preview (the debounce included; no WeasyPrint on this path). The
changes cycle through a plain text field, a wrong and a right Y-tunnus (a finding appears and goes) and a
per-language text inside an activity. Target (2 cores): median under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from seloste.editor.server import EditorServer

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TARGET_MS = 300


def largest_example() -> Path:
    return max((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=40, help="changes measured (default 40)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    example = largest_example()
    with tempfile.TemporaryDirectory() as work:
        target = Path(work) / example.name
        shutil.copyfile(example, target)
        server = EditorServer(target, 0, "fi")
        server.start()
        try:
            figures = measure(server, args.changes)
        finally:
            server.shutdown()
            server.server_close()
    figures["load_average"] = round(os.getloadavg()[0], 1)
    figures["file"] = f"{example.name} ({example.stat().st_size} bytes, {len(example.read_text().splitlines())} lines)"
    median = figures["median_ms"]
    print(f"editor: {figures['file']}")
    print(f"  change → findings + preview: median {median:.0f} ms, p90 {figures['p90_ms']:.0f} ms "
          f"(server {figures['server_median_ms']:.0f} ms, of which its own CPU time "
          f"{figures['server_cpu_median_ms']:.0f} ms) over {figures['changes']} changes; "
          f"target < {TARGET_MS} ms: {'met' if median < TARGET_MS else 'NOT met'}")
    print(f"  page load (form of {figures['fields']} fields): {figures['load_ms']:.0f} ms; "
          f"load average during the run {figures['load_average']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def measure(server: EditorServer, changes: int) -> dict[str, object]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True).new_page()
        page.goto(server.url)
        page.wait_for_function("window.seloste && window.seloste.idle()")
        load = page.evaluate("performance.now()")
        fields = page.locator("[data-field]").count()
        page.locator("details.top[data-top=f-activities] > summary").click()
        page.locator("details[data-item=f-activities-0] > summary").click()
        page.locator("details[data-item=f-activities-0-purposes-0] > summary").click()
        business = page.locator("#f-controller-business_id-input")
        good = business.input_value()
        bad = good[:-1] + str((int(good[-1]) + 1) % 10)
        steps = [
            lambda i: page.locator("#f-controller-name-input").fill(f"Kauneuskeskus Vanamo {i}"),
            lambda i: business.fill(bad),
            lambda i: business.fill(good),
            lambda i: page.locator("#f-activities-0-purposes-0-purpose-fi").fill(f"Ajanvaraus ja asiakassuhde {i}"),
        ]
        warmup = 4
        for i in range(warmup + changes):
            steps[i % len(steps)](i)
            page.wait_for_function(f"window.seloste.latencies.length >= {i + 1} && window.seloste.idle()")
        latencies = page.evaluate("window.seloste.latencies")[warmup:]
        timings = [dict(part.strip().split(";dur=") for part in t[1].split(","))
                   for t in page.evaluate("window.seloste.server")[warmup:] if t[1]]
        server_ms = [float(t["app"]) for t in timings]
        cpu_ms = [float(t["cpu"]) for t in timings]
        browser.close()
    ordered = sorted(latencies)
    return {"changes": len(latencies), "median_ms": statistics.median(latencies),
            "p90_ms": ordered[int(0.9 * (len(ordered) - 1))], "server_median_ms": statistics.median(server_ms),
            "server_cpu_median_ms": statistics.median(cpu_ms),
            "load_ms": load, "fields": fields}


if __name__ == "__main__":
    main()
