"""The longest stall of the window's thread while long work runs, beside the old way in the same run.

    python tests/benchmarks/stalls.py [--notes 5000 10000] [--only pdf_export ...] [--quick] [--json FILE]

A QTimer on the window's thread ticks every 10 ms and scrolls the board a little, as a
facilitator would while waiting; the figure is the longest gap between two ticks while the
work runs (goal: none over 100 ms). "now" starts the work from the menu as a person does (file
dialogs answered at once) and lets the event loop turn until it has ended and its result is
applied; "old" does the same work the way it was done before it moved off the window's thread
(everything on the window's thread, in one go), on the same board in the same run. Each work
runs once per board size ("--quick" on a tiny board is the test suite's smoke run: its figures
mean nothing). This is not a test.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import handles  # noqa: E402
from board import note_texts, working_copy  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

#: The tick of the stall meter (ms): a gap of 10 ms is no stall at all.
TICK_MS = 10
#: The goal: no gap longer than this (ms).
GOAL_MS = 100.0


def longest_gap(start: Callable[[], None], finished: Callable[[], bool], limit_s: float = 900.0) -> float:
    """Start the work from the event loop and turn it until ``finished``; the longest gap (ms)
    between two ticks of a 10 ms timer that scrolls the board each time."""
    ticks: list[float] = []
    loop = QEventLoop()
    started = time.perf_counter()
    direction = [1]

    def tick() -> None:
        ticks.append(time.perf_counter())
        if _window[0] is not None:
            bar = handles.view(_window[0]).verticalScrollBar()  # the view is new when a session opens
            if not bar.minimum() < bar.value() + 8 * direction[0] < bar.maximum():
                direction[0] = -direction[0]
            bar.setValue(bar.value() + 8 * direction[0])
        ended[0] = ended[0] or (begun[0] and finished())
        if (ended[0] and len(ticks) > 3) or time.perf_counter() - started > limit_s:
            loop.quit()

    begun, ended = [False], [False]

    def begin() -> None:
        begun[0] = True
        start()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(3 * TICK_MS, begin)
    loop.exec()
    timer.stop()
    if not ended[0]:
        raise RuntimeError(f"the work did not end within {limit_s:g} s")
    return max(later - earlier for earlier, later in itertools.pairwise(ticks)) * 1000


_window: list[Any] = [None]


class Bench:
    """One window on a copy of the N-note board, and the works measured on it."""

    def __init__(self, folder: Path, notes: int) -> None:
        self.folder, self.notes = folder, notes
        library, self.session_id = working_copy(folder, notes, "stalls")
        self.window = handles.open_window(library, self.session_id, folder / "templates")
        self.window.resize(1600, 1000)
        self.window.show()
        _window[0] = self.window
        handles.answer_dialogs_at_once(self.window)
        self.csv_path = folder / f"stalls-{notes}.csv"
        with self.csv_path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["text", "lane"])
            lanes = [lane.title for lane in handles.session(self.window).lanes]
            for index, text in enumerate(note_texts(notes, seed=9)):
                writer.writerow([text, lanes[index % len(lanes)]])
        self.archive_path = folder / f"stalls-{notes}.workshop.json"
        from canvasapp.formats.archive import dump_archive

        self.archive_path.write_bytes(dump_archive(handles.session(self.window)))

    def target(self, suffix: str) -> Path:
        path = self.folder / f"out-{time.perf_counter_ns()}{suffix}"
        handles.save_to(path)
        return path

    # --- the works, now: from the menu, in the background -------------------------------------

    def now_export(self, action: str, suffix: str) -> float:
        path = self.target(suffix)
        gap = longest_gap(lambda: handles.trigger(self.window, action), lambda: not handles.busy(self.window))
        assert path.is_file() and path.stat().st_size > 0, f"{action} wrote nothing"
        return gap

    def now_csv_import(self) -> float:
        before = len(handles.session(self.window))
        gap = longest_gap(lambda: handles.import_file(self.window, self.csv_path), lambda: not handles.busy(self.window))
        assert len(handles.session(self.window)) == before + self.notes, "the CSV's notes did not arrive"
        handles.undo_stack(self.window).undo()  # the board back to N notes for the next figure
        return gap

    def now_archive_import(self) -> float:
        gap = longest_gap(lambda: handles.import_file(self.window, self.archive_path), lambda: not handles.busy(self.window))
        assert handles.session(self.window).id != self.session_id, "the archive did not open as a new session"
        handles.open_session(self.window, self.session_id)
        return gap

    def now_suggestions(self) -> float:
        return longest_gap(lambda: handles.suggest_whole_board(self.window), lambda: handles.suggestions_shown(self.window))

    # --- the same works, the old way: all on the window's thread ----------------------------------

    def old_pdf(self) -> None:
        from canvasapp.export.pdf import summary_pdf
        from canvasapp.files import write_atomically
        from canvasapp.ops.summary import build_summary

        write_atomically(self.folder / "old.pdf", summary_pdf(build_summary(handles.session(self.window))))

    def old_png(self) -> None:
        from canvasapp.files import write_atomically

        write_atomically(self.folder / "old.png", old_board_png(handles.session(self.window)))

    def old_archive(self) -> None:
        from canvasapp.files import write_atomically
        from canvasapp.formats.archive import dump_archive

        write_atomically(self.folder / "old.workshop.json", dump_archive(handles.session(self.window)))

    def old_csv(self) -> None:
        from canvasapp.export.notes_csv import notes_csv
        from canvasapp.files import write_atomically
        from canvasapp.ops.summary import build_summary

        write_atomically(self.folder / "old.csv", notes_csv(build_summary(handles.session(self.window))))

    def old_csv_import(self) -> None:
        from canvasapp.formats.import_any import import_any

        additions = import_any(self.csv_path).additions(handles.session(self.window))
        handles.document(self.window).editor.add_imports(additions.lanes, additions.notes, additions.clusters)

    def old_archive_import(self) -> None:
        from canvasapp.formats.import_any import import_any

        session = import_any(self.archive_path).new_session()
        self.window.repository.add(session)  # type: ignore[attr-defined]
        handles.open_session(self.window, session.id)

    def old_suggestions(self) -> None:
        handles.propose_whole_board(self.window)

    def idle(self, seconds: float = 3.0) -> float:
        end = time.perf_counter() + seconds
        return longest_gap(lambda: None, lambda: time.perf_counter() > end)

    def old(self, work: Callable[[], None], after: Callable[[], None] | None = None) -> float:
        done = [False]

        def run() -> None:
            work()
            done[0] = True

        gap = longest_gap(run, lambda: done[0])
        if after is not None:
            after()
        return gap


def old_board_png(session: Any) -> bytes:
    """The board picture as it was made before: the canvas's own scene rendered whole, then
    encoded by Qt, all on the window's thread."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from canvasapp.ui.board.scene import BoardScene

    scene = BoardScene(session)
    try:
        source = scene.board_rect().adjusted(-40, -40, 40, 40)
        scale = min(1.0, (120_000_000 / max(1.0, source.width() * source.height())) ** 0.5)
        width, height = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
    finally:
        scene.detach()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def works(bench: Bench) -> dict[str, tuple[Callable[[], float], Callable[[], float]]]:
    """name -> (now, old)."""
    back = lambda: handles.undo_stack(bench.window).undo()  # noqa: E731
    return {
        # The floor: nothing runs but the scrolling (on a shared, busy machine the system alone
        # stops the window this long now and then).
        "idle": (bench.idle, bench.idle),
        "pdf_export": (lambda: bench.now_export("file.export_pdf", ".pdf"), lambda: bench.old(bench.old_pdf)),
        "png_export": (lambda: bench.now_export("file.export_png", ".png"), lambda: bench.old(bench.old_png)),
        "archive_export": (lambda: bench.now_export("file.export_archive", ".workshop.json"),
                           lambda: bench.old(bench.old_archive)),
        "csv_export": (lambda: bench.now_export("file.export_csv", ".csv"), lambda: bench.old(bench.old_csv)),
        "csv_import": (bench.now_csv_import, lambda: bench.old(bench.old_csv_import, back)),
        "archive_import": (bench.now_archive_import, lambda: bench.old(
            bench.old_archive_import, lambda: handles.open_session(bench.window, bench.session_id))),
        "suggestions": (bench.now_suggestions, lambda: bench.old(bench.old_suggestions)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="*", default=[5000, 10_000], help="board sizes (default 5,000 and 10,000)")
    parser.add_argument("--only", nargs="*", default=None, help="run only these works")
    parser.add_argument("--old", action=argparse.BooleanOptionalAction, default=True, help="also measure the old way")
    parser.add_argument("--quick", action="store_true", help="a tiny board (the test suite's smoke run)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = [30] if args.quick else args.notes
    handles.application()
    results: dict[str, dict[str, dict[str, float]]] = {}
    print(f"{'work':<16} {'notes':>6} {'now ms':>8} {'old ms':>8}  goal ≤ {GOAL_MS:g} ms", flush=True)
    with tempfile.TemporaryDirectory(prefix="canvasapp-stalls-") as folder:
        for notes in sizes:
            bench = Bench(Path(folder), notes)
            for name, (now, old) in works(bench).items():
                if args.only and name not in args.only:
                    continue
                figure = {"now_ms": now()}
                if args.old:
                    figure["old_ms"] = old()
                results.setdefault(name, {})[str(notes)] = figure
                verdict = "ok" if figure["now_ms"] <= GOAL_MS else "OVER"
                old_text = f"{figure['old_ms']:8.0f}" if "old_ms" in figure else f"{'—':>8}"
                print(f"{name:<16} {notes:>6} {figure['now_ms']:8.0f} {old_text}  {verdict}", flush=True)
                if args.json:
                    Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            handles.close_window(bench.window)
    print()
    print(table(results, sizes))
    sys.stdout.flush()
    os._exit(0)  # the windows of 10,000 notes are not torn down: that alone takes longer than a figure


def table(results: dict[str, dict[str, dict[str, float]]], sizes: list[int]) -> str:
    """The README's table: the longest stall now (and before) per work and board size."""
    lines = ["| work | " + " | ".join(f"{size:,} notes: now (before)" for size in sizes) + " |",
             "|---|" + "---|" * len(sizes)]
    for name, by_size in results.items():
        cells = []
        for size in sizes:
            figure = by_size.get(str(size))
            if figure is None:
                cells.append("—")
            else:
                before = f" ({figure['old_ms']:,.0f} ms)" if "old_ms" in figure else ""
                cells.append(f"{figure['now_ms']:,.0f} ms{before}")
        lines.append(f"| {name.replace('_', ' ')} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
