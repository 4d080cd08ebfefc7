"""Print precision per rule family from the hand-judged files in tests/accuracy/.

.venv/bin/python tools/accuracy.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

ACCURACY = Path(__file__).resolve().parents[1] / "tests" / "accuracy"


def main() -> None:
    """One line per family: findings, true and false positives, precision."""
    total_tp = total = 0
    for path in sorted(ACCURACY.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        verdicts = Counter(entry["verdict"] for entry in entries)
        count = verdicts["TP"] + verdicts["FP"]
        precision = verdicts["TP"] / count if count else float("nan")
        total_tp += verdicts["TP"]
        total += count
        tp, fp = verdicts["TP"], verdicts["FP"]
        print(f"{path.stem}  {count:4d} findings  TP {tp:4d}  FP {fp:3d}  precision {precision:.2f}")
    if total:
        print(f"all  {total:4d} findings  TP {total_tp:4d}  FP {total - total_tp:3d}  precision {total_tp / total:.2f}")


if __name__ == "__main__":
    main()
