"""``reportlint server``: a language server, so every LSP editor lints reports while typing.

pygls is an optional dependency (``pip install 'reportlint[server]'``), imported only
here, only when the command runs: the linter itself never needs it. Modules:
:mod:`.positions` (code points → UTF-16), :mod:`.convert` (findings → LSP diagnostics),
:mod:`.folders` (a session per workspace folder), :mod:`.actions`, :mod:`.fixes` and
:mod:`.tomledit` (code actions), :mod:`.protocol` and :mod:`.handlers` (the LSP glue).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXTRA = "reportlint[server]"
USAGE = "用法：reportlint server [--stdio]（经标准输入输出提供 LSP 语言服务）"


def run_server(argv: Sequence[str]) -> int:
    """Serve LSP over stdio until the client says ``exit``; 2 when pygls is missing or *argv* is wrong."""
    if any(arg not in ("--stdio",) for arg in argv):
        if "-h" in argv or "--help" in argv:
            print(USAGE)
            return 0
        print(f"reportlint server: 未知的参数 {' '.join(argv)}\n{USAGE}", file=sys.stderr)
        return 2
    try:
        import pygls  # noqa: F401
    except ImportError:
        print(f"reportlint server: 需要安装可选依赖 pygls：pip install '{EXTRA}'", file=sys.stderr)
        return 2
    from reportlint.server.handlers import build_server

    build_server().start_io()
    return 0
