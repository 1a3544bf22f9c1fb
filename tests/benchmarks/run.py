"""The benchmark of the quality bars: every figure beside a bare baseline doing the same work.

    python tests/benchmarks/run.py [--notes N] [--json FILE] [--only NAME ...] [--quick]

Each figure is the median of several runs, measured next to its bare baseline in the same run
(these machines are noisy), and printed as ``name  value unit  (baseline b, ratio r, target t)``.
Whole-process figures start a fresh process per run; the others share one open window. Figures
come from the ``bench_*.py`` modules beside this file: each has ``FIGURES``, a list of
``Figure``. ``--quick`` takes the fewest samples (the test suite's smoke run; its figures mean
nothing). This is not a test.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from common import Figure, Measurement, NotTaken, Settings  # noqa: E402

#: Fresh processes first, while nothing else holds memory; the shared window last.
MODULES = sorted((path.stem for path in HERE.glob("bench_*.py")), key=lambda name: (name == "bench_canvas", name))


def collect() -> list[Figure]:
    figures: list[Figure] = []
    for name in MODULES:
        figures.extend(importlib.import_module(name).FIGURES)
    return figures


def compile_bytecode() -> None:
    """Compile the app's modules (and this folder's) once, as installing the app does: a
    checkout run with ``PYTHONDONTWRITEBYTECODE`` set, as on these machines, would otherwise
    compile some 200 modules from source in every fresh process and count it in every
    whole-process figure. Stale or missing files only are compiled."""
    compileall.compile_dir(HERE.parent.parent / "canvasapp", quiet=1)
    compileall.compile_dir(HERE, quiet=1, maxlevels=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--notes", type=int, default=10_000, help="board size (default 10,000)")
    parser.add_argument("--only", nargs="*", default=None, help="run only these figures")
    parser.add_argument("--quick", action="store_true", help="fewest samples (for the smoke test)")
    args = parser.parse_args(argv)
    Settings.quick = args.quick

    compile_bytecode()
    figures = collect()
    results: dict[str, tuple[Figure, Measurement]] = {}
    failed: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="canvasapp-bench-") as folder:
        for figure in figures:
            if args.only and figure.name not in args.only:
                continue
            # Progress on stderr (the figures go to stdout): a long run shows where it is.
            print(f"[{time.perf_counter() - started:7.1f} s] {figure.name} ...", file=sys.stderr, flush=True)
            figure_started = time.perf_counter()
            try:
                measurement = figure.measure(Path(folder), args.notes)
            except NotTaken as why:
                print(f"{figure.name:<22} not taken: {why}", flush=True)
                continue
            except (AssertionError, RuntimeError) as error:
                # One figure that cannot be taken (a gesture that did not land) is reported and
                # left out of the JSON; the others are still measured.
                failed.append(figure.name)
                print(f"{figure.name:<22} FAILED: {error}", flush=True)
                continue
            results[figure.name] = (figure, measurement)
            print(f"[{time.perf_counter() - started:7.1f} s] {figure.name} took {time.perf_counter() - figure_started:.1f} s",
                  file=sys.stderr, flush=True)
            verdict = "ok" if measurement.value <= figure.target else "OVER TARGET"
            print(
                f"{figure.name:<22} {measurement.value:10.3f} {figure.unit:<2}  "
                f"(baseline {measurement.baseline:.3f}, ratio {measurement.ratio:.2f}, "
                f"target {figure.target:g} {figure.unit}) {verdict}",
                flush=True,
            )
            if args.json:  # written as it goes, so a long run that fails keeps what it measured
                write_json(Path(args.json), results)
    print(f"{args.notes} notes, {len(results)} figures in {time.perf_counter() - started:.0f} s"
          + (f"; failed: {', '.join(failed)}" if failed else ""), flush=True)
    # The shared window is not torn down: at 100,000 notes that alone takes longer than a figure.
    sys.stdout.flush()
    os._exit(1 if failed else 0)


def write_json(path: Path, results: dict[str, tuple[Figure, Measurement]]) -> None:
    payload = {
        name: {"value": m.value, "unit": figure.unit, "baseline": m.baseline, "ratio": m.ratio}
        for name, (figure, m) in results.items()
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
