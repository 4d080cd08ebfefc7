"""Allow ``python -m reportlint``."""

from __future__ import annotations

from reportlint.cli import entry

raise SystemExit(entry())
