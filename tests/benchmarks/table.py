"""The README's table from the JSON files of several runs, one column per board size.

    python tests/benchmarks/table.py 1000=1k.json 10000=10k.json ...

Each cell is ``value (bare baseline, ×ratio)``; "—" where a figure was not taken (see the run's output).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def cell(figure: dict[str, float | str] | None) -> str:
    if figure is None:
        return "—"
    value, baseline, ratio = float(figure["value"]), float(figure["baseline"]), float(figure["ratio"])
    return f"{value:.3g} ({baseline:.3g}, ×{ratio:.2g})"


def table(columns: list[tuple[str, dict[str, dict[str, float | str]]]]) -> str:
    names: list[str] = []
    for _label, figures in columns:
        names += [name for name in figures if name not in names]
    lines = [
        "| figure | unit | " + " | ".join(label for label, _ in columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for name in names:
        unit = next(str(figures[name]["unit"]) for _label, figures in columns if name in figures)
        lines.append(f"| `{name}` | {unit} | " + " | ".join(cell(figures.get(name)) for _l, figures in columns) + " |")
    return "\n".join(lines)


def main(arguments: list[str]) -> int:
    columns = []
    for argument in arguments:
        label, _, path = argument.partition("=")
        columns.append((f"{int(label):,} notes", json.loads(Path(path).read_text(encoding="utf-8"))))
    print(table(columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
