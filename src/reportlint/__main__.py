"""Allow ``python -m reportlint``."""

from __future__ import annotations

from reportlint.cli import main

raise SystemExit(main())
