"""Benchmarks for the quality bars in docs/ARCHITECTURE.md.

    python tests/benchmarks/run.py [--json FILE] [--notes N] [--only NAME ...]

Each figure is measured next to a bare baseline in the same run (these machines are noisy), and
printed as ``name  value unit  (baseline b, ratio r, target t)``. Figures come from the
``bench_*.py`` modules beside this file: each has ``FIGURES``, a list of ``Figure``.
This is not a test: the test suite only smoke-runs it on a small board.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from common import Figure, Measurement  # noqa: E402

MODULES = sorted(path.stem for path in HERE.glob("bench_*.py"))


def collect() -> list[Figure]:
    figures: list[Figure] = []
    for name in MODULES:
        figures.extend(importlib.import_module(name).FIGURES)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--notes", type=int, default=10_000, help="board size (default 10,000)")
    parser.add_argument("--only", nargs="*", default=None, help="run only these figures")
    args = parser.parse_args(argv)

    results: dict[str, Measurement] = {}
    with tempfile.TemporaryDirectory(prefix="canvasapp-bench-") as folder:
        for figure in collect():
            if args.only and figure.name not in args.only:
                continue
            measurement = figure.measure(Path(folder), args.notes)
            results[figure.name] = measurement
            verdict = "ok" if measurement.value <= figure.target else "OVER TARGET"
            print(
                f"{figure.name:<20} {measurement.value:10.3f} {figure.unit:<2}  "
                f"(baseline {measurement.baseline:.3f}, ratio {measurement.ratio:.1f}, "
                f"target {figure.target:g} {figure.unit}) {verdict}",
                flush=True,
            )
    if args.json:
        payload = {
            name: {"value": m.value, "unit": figure_unit(name), "baseline": m.baseline, "ratio": m.ratio}
            for name, m in results.items()
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


def figure_unit(name: str) -> str:
    return next(figure.unit for figure in collect() if figure.name == name)


if __name__ == "__main__":
    raise SystemExit(main())
