"""Print the per-family accuracy table from the hand-judged files in tests/accuracy/.

.venv/bin/python tools/accuracy.py

Each finding of the built-in rules on the seed and the real corpus is judged TP (a
fault worth a clerk's time), noise (true, but not worth the time) or FP (wrong). A fault
is counted once however many findings it produced: findings of one file that share a
``fault`` key are one fault (without the key, each finding is its own). Precision is
over faults, as a user sees them: ``useful`` = TP faults / all faults, ``true`` = (TP +
noise) / all. The ``default`` line counts only the rules that run by default.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ACCURACY = Path(__file__).resolve().parents[1] / "tests" / "accuracy"
VERDICTS = ("TP", "noise", "FP")


def faults(entries: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Each fault (file, key) with its verdict; a finding without a ``fault`` key is its own fault."""
    found: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(entries):
        key = (entry["file"], str(entry.get("fault") or f"#{index}"))
        found[key] = entry["verdict"]
    return found


def row(name: str, entries: list[dict[str, Any]]) -> str:
    """One line of the table."""
    verdicts = Counter(entry["verdict"] for entry in entries)
    by_fault = Counter(faults(entries).values())
    total = sum(by_fault.values())
    useful = by_fault["TP"] / total if total else float("nan")
    true = (by_fault["TP"] + by_fault["noise"]) / total if total else float("nan")
    return (
        f"{name:<8}{len(entries):5d}{verdicts['TP']:5d}{verdicts['noise']:6d}{verdicts['FP']:4d}"
        f"{total:7d}{by_fault['TP']:5d}{by_fault['noise']:6d}{by_fault['FP']:4d}   {useful:6.2f} {true:5.2f}"
    )


def default_off() -> set[str]:
    """The codes of the installed rules that are off by default."""
    try:
        from reportlint.plugins import collect_rules, create_manager
    except ImportError:  # run without the package installed: every rule counts
        return set()
    return {code for code, rule in collect_rules(create_manager()).rules.items() if not rule.default_enabled}


def main() -> None:
    """The table: findings and faults per family, by verdict, with precision over faults."""
    everything: list[dict[str, Any]] = []
    print("family  findings: all  TP noise FP | faults: all  TP noise FP | useful  true")
    for path in sorted(ACCURACY.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        everything.extend(entries)
        print(row(path.stem, entries))
    off = default_off()
    print(row("all", everything))
    print(row("default", [entry for entry in everything if entry["code"] not in off]))
    if off:
        print(f"(off by default: {', '.join(sorted(off))})")


if __name__ == "__main__":
    main()
