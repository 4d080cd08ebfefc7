"""reportlint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

Plugins import :data:`hookimpl` from here: ``from reportlint import hookimpl``.
The package keeps its top level light, because editors start it on every save.
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

PROJECT_NAME = "reportlint"
"""One name everywhere: the entry-point group, the pluggy marker and the plugin manager."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
hookspec = pluggy.HookspecMarker(PROJECT_NAME)

__all__ = ["PROJECT_NAME", "__version__", "hookimpl", "hookspec"]
