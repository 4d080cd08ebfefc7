"""Python's cycle collector, set for a process that lints: idle while it starts, then start-up frozen.

Why: start-up builds the objects a process keeps for its whole life — modules,
classes, the rule packs, the parser's tables — and none of them is garbage, yet the
cycle collector scans them every 700 new objects while they are built, and again at
every full collection afterwards. Collecting nothing until the first report has been
checked, then freezing what exists (``gc.freeze``: kept out of every later
collection), took 7 % off a cold start's instructions (664 M → 616 M).

Python's thresholds are kept: report models hold no cycles, but the PDF and Word
readers' libraries leave many, and scanning young objects 14 times less often doubled
the peak memory of a run over PDFs (106 → 202 MB) for no measurable time.

A process started from the command line (:func:`reportlint.cli.entry`) or as a worker
calls :func:`pause`; the first report it reads (:meth:`reportlint.engine.Linter.read`),
once the parser is built and before the document is read, calls :func:`settle` (so no
garbage of a document's reader is frozen with it). A main process whose ``-j`` workers
read every report settles when they are done. Code that imports
reportlint as a library (tests, an evaluator's script, an editor's process using
:class:`reportlint.app.Session`) never pauses, so :func:`settle` leaves its collector alone.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Collect no cycles until :func:`settle`: what a process builds at start-up lives as long as it does."""
    global _paused
    _paused = True
    gc.disable()


def paused() -> bool:
    """Whether this process is still starting (:func:`pause` called, :func:`settle` not yet)."""
    return _paused


def settle() -> None:
    """After start-up: keep what exists out of later collections, and collect again.

    Does nothing unless this process called :func:`pause` (a process that imported
    reportlint as a library keeps its own collector settings).
    """
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()
