"""Warm processes for batch builds: start-up work done once, in the parent, and inherited by every worker.

A batch build's fixed cost is importing the PDF engine (about half a second), compiling the templates, building
the schema validator, loading the catalogues, and the engine's first-document set-up (fonts, hyphenation). The
parent does it once (`prepare`), then starts its workers by `fork` where that is safe (Linux), so each worker
begins where the parent left off instead of paying it again. Elsewhere a forkserver (POSIX) or fresh interpreters
(Windows) are used and each worker prepares itself once.

Workers are replaced only when their memory has grown by `MEMORY_BUDGET_MIB` (WeasyPrint keeps about 0.2 MiB per
document), not after a fixed count: with warm starts a new worker costs milliseconds, and no worker's memory
grows without bound however large the batch.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import resource
import signal
import sys
from multiprocessing.context import BaseContext
from pathlib import Path

#: A worker that has grown by this much since it started finishes its current work and is replaced.
MEMORY_BUDGET_MIB = 256


def prepare(templates: Path | None, pdf: bool, first_document: bool = True) -> None:
    """Import and build, in this process, everything rendering a controller needs; with `first_document`, also
    the engine's first-document set-up (needless when this process has just built a PDF). Never raises: what
    fails here fails later, per controller, with a finding."""
    from . import i18n
    from .checker import registry  # noqa: F401  (the rules)
    from .render import pdf_stylesheet
    from .render.environment import environment_for
    from .schema import validator

    validator()
    for lang in i18n.CATALOGUE_LANGUAGES:
        i18n.translations(lang)
    i18n.ui_translations(i18n.ui_language())
    with contextlib.suppress(Exception):  # a broken --templates override is reported per controller
        env = environment_for(templates)
        for name in env.list_templates(filter_func=lambda n: n.endswith(".j2") and not n.startswith("seloste/")):
            with contextlib.suppress(Exception):
                env.get_template(name)
        pdf_stylesheet(templates)
    if pdf:
        with contextlib.suppress(Exception):  # without the engine, PDF output fails per controller
            from .pdf import import_engine, register_hyphenation, warm_up

            import_engine()
            register_hyphenation()
            if first_document:
                warm_up()


def context() -> BaseContext:
    """How workers start: `fork` on Linux (they inherit the prepared parent), else a forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["seloste.batch", "seloste.render", "seloste.checker"])
        return ctx
    return multiprocessing.get_context("spawn")


def inherits(ctx: BaseContext) -> bool:
    return ctx.get_start_method() == "fork"


_baseline_mib = 0.0


def resident_mib() -> float:
    """This process's resident memory now (Linux), else its peak so far."""
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def start_worker(templates: Path | None, pdf: bool, inherited: bool) -> None:
    """A worker's start: interrupts are the parent's business (it stops handing out work and lets running
    renders finish); prepare unless the prepared parent was inherited; note the memory to measure growth from."""
    global _baseline_mib
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not inherited:
        prepare(templates, pdf)
        gc.collect()
        gc.freeze()  # long-lived from here on: keep it out of the collector's way
    _baseline_mib = resident_mib()


def outgrown() -> bool:
    """Whether this worker has used up its memory budget and should be replaced."""
    return resident_mib() - _baseline_mib > MEMORY_BUDGET_MIB
