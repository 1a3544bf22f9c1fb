"""One fresh process opening a board: the app's window, or the bare baseline's.

    python child.py app LIBRARY SESSION_ID FOLDER
    python child.py bare LIBRARY SESSION_ID

Prints one JSON line: ``open_s`` (from this script's first line, before Qt or the app is
imported, to the window built), ``painted_at`` (``time.monotonic()`` when the first paint of the
board ended, comparable with the parent's clock), ``first_frame_ms`` (that paint) and
``every_item_s`` (from the first line until every note's item is made: the app makes a big
board's items over the turns after its first frame) and ``rss_mb`` (peak resident memory, read
once the index of where the notes are is built too, in the turns after). Then it exits at
once, without tearing the window down.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))


def wait_for_paint(timer: object, deadline_s: float = 120.0) -> None:
    from PySide6.QtWidgets import QApplication

    limit = time.monotonic() + deadline_s
    while not timer.paints_ms and time.monotonic() < limit:  # type: ignore[attr-defined]
        QApplication.processEvents()


def run_app(library: Path, session_id: str, folder: Path) -> dict[str, float]:
    import canvasapp.app  # noqa: F401  # first, as ``python -m canvasapp`` imports it: before Qt

    # isort: split
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    import handles
    from bare import VIEWPORT, PaintTimer

    window = handles.open_window(library, session_id, folder / "templates")
    built = time.monotonic()
    timer = PaintTimer(handles.view(window))
    window.resize(VIEWPORT.width() + 60, VIEWPORT.height() + 200)
    window.show()
    wait_for_paint(timer)
    painted_at = time.monotonic()
    # A big board's note items arrive over the turns after the first frame: memory is read,
    # and ``every_item_s`` taken, once the last is made (the bare board made them all up front).
    from PySide6.QtWidgets import QApplication

    board = handles.scene(window)
    limit = time.monotonic() + 600.0
    while board.making_items and time.monotonic() < limit:  # type: ignore[attr-defined]
        QApplication.processEvents()
    every_item = time.monotonic() - STARTED
    # Then the index of where the notes are, in the next idle turns: memory is read after it.
    while board.building and time.monotonic() < limit:  # type: ignore[attr-defined]
        QApplication.processEvents()
    return {
        "open_s": built - STARTED, "painted_at": painted_at, "first_frame_ms": timer.paints_ms[0],
        "every_item_s": every_item,
    }


def run_bare(library: Path, session_id: str) -> dict[str, float]:
    from bare import BareBoard, PaintTimer
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv[:1])
    board = BareBoard(library, session_id)
    built = time.monotonic()
    timer = PaintTimer(board.view)
    board.show_lanes()
    board.view.show()
    wait_for_paint(timer)
    painted_at = time.monotonic()
    return {
        "open_s": built - STARTED, "painted_at": painted_at, "first_frame_ms": timer.paints_ms[0],
        "every_item_s": painted_at - STARTED,  # every item was made before the window showed
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's ``ru_maxrss`` keeps the peak of the parent
    that forked it (the benchmark, holding a 100,000-note board), so the kernel's own count
    for this program's memory is read where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    mode, library, session_id = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    result = run_app(library, session_id, Path(sys.argv[4])) if mode == "app" else run_bare(library, session_id)
    result["rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
