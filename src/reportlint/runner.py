"""Running many files: serially, or in ``-j N`` worker processes with the same output.

Workers are started with the recipe of the run's linter (policy, rule options, local
plugins) and build their own; results come back in input order, so a parallel run
prints exactly what a serial one prints.

A worker that dies (killed by the system, or by a plugin that ends its own process)
breaks Python's pool for every file in it. So the files not yet done are checked
again, one worker at a time: the file a worker dies on is identified and gets an
error naming it, and every other file is still checked. SIGTERM to the main process
ends the workers too before the main process ends by that signal.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from reportlint import collector
from reportlint.engine import FileResult, Linter
from reportlint.escaping import printable
from reportlint.plugins import Registry
from reportlint.policy import Policy
from reportlint.records import record

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from reportlint.model import Report

T = TypeVar("T")

AUTO_THRESHOLD = 8
"""``-j auto`` runs in parallel only above this many files: below, start-up costs more."""


@record(frozen=True)
class LinterRecipe:
    """What a worker needs to build the same linter as the parent (picklable)."""

    policy: Policy = field(default_factory=Policy)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Rule code → its options table as configured (validated when the linter is built)."""
    local_plugins: tuple[str, ...] = ()
    folder: str = "."
    config_path: str | None = None
    """The configuration file the options came from, named in option errors."""
    keep_lines: bool = False
    keep_reports: bool = False
    rule_timeout: float | None = None
    """Seconds each rule may take per report (``rule-timeout``); ``None``: the default."""


WORKER_DIED = "检查此文件时工作进程意外终止（可能被系统或插件结束），此文件未检查"

_WORKER_LINTER: Linter | None = None


def build_linter(
    recipe: LinterRecipe, manager: pluggy.PluginManager | None = None, registry: Registry | None = None
) -> Linter:
    """Build the linter described by *recipe*, loading plugins unless they are given.

    The main process passes the plugins it already loaded; a worker started afresh
    loads its own. Either way the same recipe gives the same linter.
    """
    from pathlib import Path

    from reportlint.config import rule_options
    from reportlint.local_plugins import load_local_plugins
    from reportlint.plugins import collect_rules, create_manager

    if manager is None or registry is None:
        manager = create_manager(load_local_plugins(recipe.local_plugins, Path(recipe.folder)))
        registry = collect_rules(manager)
    config_path = Path(recipe.config_path) if recipe.config_path else None
    options = rule_options(recipe.options, registry.rules, config_path)
    return Linter(
        manager,
        registry,
        recipe.policy,
        options,
        keep_lines=recipe.keep_lines,
        keep_reports=recipe.keep_reports,
        rule_timeout=recipe.rule_timeout,
    )


def _init_worker(recipe: LinterRecipe) -> None:
    global _WORKER_LINTER
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not run the parent's handler
    if _WORKER_LINTER is None:  # started afresh (spawn): its start-up is its own; a forked one has its parent's
        collector.pause()
        _WORKER_LINTER = build_linter(recipe)


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER_LINTER is not None
    return _WORKER_LINTER.lint_file(path)


def resolve_jobs(value: str | int, file_count: int) -> int:
    """The number of processes: an integer, or ``auto`` (all cores above a handful of files)."""
    if value == "auto":
        return (os.cpu_count() or 1) if file_count > AUTO_THRESHOLD else 1
    jobs = int(value)
    if jobs < 1:
        raise ValueError(value)
    return jobs


Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as files are done, for a progress display."""


def lint_files(
    linter: Linter,
    recipe: LinterRecipe,
    paths: Sequence[str],
    jobs: int,
    progress: Progress | None = None,
    keep: Callable[[Report], None] | None = None,
) -> list[FileResult]:
    """Check *paths* with *jobs* processes; results in input order, *progress* told as they come.

    *keep* is handed each report checked in this process (see :meth:`Linter.lint_source`);
    reports checked in workers stay there.
    """
    global _WORKER_LINTER
    if jobs <= 1 or len(paths) <= 1:
        return _collect((linter.lint_file(path, keep) for path in paths), len(paths), progress)

    _WORKER_LINTER = linter  # inherited by forked workers; others build their own
    try:
        with _ending_workers_on_sigterm() as pools:
            results = _run_pool(recipe, paths, jobs, pools, progress)
            pending = [index for index, result in enumerate(results) if result is None]
            if pending:  # a worker died: find the file it died on, check the others
                redone = _run_one_by_one(recipe, [paths[index] for index in pending], pools)
                for index, result in zip(pending, redone, strict=True):
                    results[index] = result
    finally:
        _WORKER_LINTER = None
        collector.settle()  # the workers read the reports: this process's start-up ends with their work
    return [result for result in results if result is not None]


def _collect(results: Iterator[FileResult], total: int, progress: Progress | None) -> list[FileResult]:
    """The results as a list, telling *progress* as each arrives."""
    if progress is None:
        return list(results)
    collected = []
    for result in results:
        collected.append(result)
        progress(len(collected), total)
    return collected


def _run_pool(
    recipe: LinterRecipe,
    paths: Sequence[str],
    jobs: int,
    pools: list[ProcessPoolExecutor],
    progress: Progress | None = None,
) -> list[FileResult | None]:
    """Each file's result, or ``None`` for the files a dead worker left undone."""
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(paths) // (jobs * 8))
    batches = [paths[start : start + chunk] for start in range(0, len(paths), chunk)]
    results: list[FileResult | None] = []
    with _pool(jobs, recipe, pools) as pool:
        futures = _submit(pool, _lint_batch, batches)
        for batch, future in zip(batches, futures, strict=True):
            try:
                if future is None:
                    raise BrokenProcessPool  # broke before this batch could be sent
                results.extend(future.result())
            except BrokenProcessPool:
                results.extend([None] * len(batch))
            if progress is not None:
                progress(len(results), len(paths))
    return results


def _submit(
    pool: ProcessPoolExecutor, function: Callable[[T], FileResult | list[FileResult]], items: Sequence[T]
) -> list[Future[Any] | None]:
    """Submit *function* for each item; ``None`` for the items a pool broken meanwhile refused."""
    from concurrent.futures.process import BrokenProcessPool

    futures: list[Future[Any] | None] = []
    for item in items:
        try:
            futures.append(pool.submit(function, item))
        except BrokenProcessPool:
            futures.append(None)
    return futures


def _run_one_by_one(recipe: LinterRecipe, paths: Sequence[str], pools: list[ProcessPoolExecutor]) -> list[FileResult]:
    """Check *paths* in one worker, in order; the file a worker dies on gets an error, and a new worker goes on."""
    from concurrent.futures.process import BrokenProcessPool

    results: list[FileResult] = []
    while len(results) < len(paths):
        with _pool(1, recipe, pools) as pool:
            for future in _submit(pool, _lint_in_worker, paths[len(results) :]):
                if future is None:
                    break  # the pool broke although no earlier file failed: go on in a fresh one
                try:
                    results.append(future.result())
                except BrokenProcessPool:  # one worker, files in order: this one killed it
                    path = paths[len(results)]
                    results.append(FileResult(path, error=f"{printable(path)}: {WORKER_DIED}"))
                    break
    return results


def _lint_batch(paths: Sequence[str]) -> list[FileResult]:
    return [_lint_in_worker(path) for path in paths]


@contextmanager
def _pool(jobs: int, recipe: LinterRecipe, pools: list[ProcessPoolExecutor]) -> Iterator[ProcessPoolExecutor]:
    """A process pool the SIGTERM handler can find and end (see :func:`_ending_workers_on_sigterm`)."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(recipe,))
    pools.append(pool)
    try:
        with pool:
            yield pool
    finally:
        pools.remove(pool)


@contextmanager
def _ending_workers_on_sigterm() -> Iterator[list[ProcessPoolExecutor]]:
    """While the body runs, SIGTERM ends the pools' workers, then this process, by that signal.

    Without it the main process dies and its workers, waiting on a queue whose
    other end they hold themselves, live on. Only the main thread can handle signals;
    elsewhere the body simply runs.
    """
    import signal
    import threading

    pools: list[ProcessPoolExecutor] = []
    if threading.current_thread() is not threading.main_thread():
        yield pools
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        for pool in list(pools):
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield pools
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
