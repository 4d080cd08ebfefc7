"""Running many files: serially, or in ``-j N`` worker processes with the same output.

Workers are started with the recipe of the run's linter (policy, rule options, local
plugins) and build their own; results come back in input order, so a parallel run
prints exactly what a serial one prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pluggy

from reportlint.engine import FileResult, Linter
from reportlint.plugins import Registry
from reportlint.policy import Policy

AUTO_THRESHOLD = 8
"""``-j auto`` runs in parallel only above this many files: below, start-up costs more."""


@dataclass(frozen=True)
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
        manager, registry, recipe.policy, options, keep_lines=recipe.keep_lines, keep_reports=recipe.keep_reports
    )


def _init_worker(recipe: LinterRecipe) -> None:
    global _WORKER_LINTER
    if _WORKER_LINTER is None:
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
"""Called with (files done, files in all) after each file, for a progress display."""


def lint_files(
    linter: Linter, recipe: LinterRecipe, paths: Sequence[str], jobs: int, progress: Progress | None = None
) -> list[FileResult]:
    """Check *paths* with *jobs* processes; results in input order, *progress* told after each."""
    global _WORKER_LINTER
    if jobs <= 1 or len(paths) <= 1:
        return _collect((linter.lint_file(path) for path in paths), len(paths), progress)
    from concurrent.futures import ProcessPoolExecutor

    _WORKER_LINTER = linter  # inherited by forked workers; others build their own
    try:
        chunk = max(1, len(paths) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(recipe,)) as pool:
            return _collect(pool.map(_lint_in_worker, paths, chunksize=chunk), len(paths), progress)
    finally:
        _WORKER_LINTER = None


def _collect(results: Iterator[FileResult], total: int, progress: Progress | None) -> list[FileResult]:
    """The results as a list, telling *progress* as each arrives."""
    if progress is None:
        return list(results)
    collected = []
    for result in results:
        collected.append(result)
        progress(len(collected), total)
    return collected
