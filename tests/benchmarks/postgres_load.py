"""Load on a team library: N processes editing N different sessions of one library at once.

    python tests/benchmarks/postgres_load.py [--seconds 60] [--processes 10] [--url URL] [--json FILE]

Each process opens the library as the app does, takes its session's lock, and edits as fast as
it can for the given time through the real store (add a note, change a note's text, move a
note, in turn), timing each edit from the call to its commit. Afterwards every acknowledged edit
is looked for in the library (each added note there, each note with its last acknowledged text
and place). The same load runs on an SQLite file, then on PostgreSQL: a server started here in a
temporary folder with durable settings (``fsync`` on, as in production), or the empty database
given by ``--url``. Prints the median and 95th percentile save time of each, side by side.
This is not a test (the suite runs it for a few seconds, for correctness only).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))

#: Notes each session starts with (a real board, not an empty one).
START_NOTES = 200


def worker(location: str, session_id: str, seconds: float, out: Path) -> None:
    from canvasapp.commands import AddNotes, EditNoteText, MoveNotes
    from canvasapp.model import Note, NotePlacement, new_id
    from canvasapp.storage import SessionRepository, SessionStore, open_library, session_lock

    library = open_library(location)
    session = SessionRepository(library).load(session_id)
    lock = session_lock(library, session_id)
    if not lock.acquire():
        raise SystemExit(f"session {session_id} is held elsewhere")
    store = SessionStore(library, session)
    print("ready", flush=True)
    sys.stdin.readline()  # everyone starts together
    timings: list[float] = []
    added: list[str] = []
    texts: dict[str, str] = {}
    places: dict[str, list[float]] = {}
    failures = 0
    ends = time.monotonic() + seconds
    number = 0
    while time.monotonic() < ends:
        number += 1
        notes = session.notes
        target = notes[number % len(notes)]
        kind = number % 3
        if kind == 0:
            note = Note(id=new_id(), lane_id=session.lanes[0].id, text=f"added {number}", x=number % 900, y=300)
            command: object = AddNotes([note])
        elif kind == 1:
            command = EditNoteText(target.id, target.text, f"text {number}")
        else:
            command = MoveNotes.to(session, {target.id: NotePlacement(float(number % 800), float(number % 600), target.lane_id)})
        started = time.perf_counter()
        command.apply(session)  # type: ignore[attr-defined]
        elapsed = time.perf_counter() - started
        if store.failing:
            failures += 1
            continue
        # Acknowledged: committed before apply returned.
        timings.append(elapsed)
        if kind == 0:
            added.append(note.id)
            texts[note.id] = note.text
        elif kind == 1:
            texts[target.id] = f"text {number}"
        else:
            places[target.id] = [float(number % 800), float(number % 600)]
    store.close()
    lock.release()
    library.close()
    out.write_text(json.dumps({"timings": timings, "added": added, "texts": texts, "places": places, "failures": failures}))


def _build(location: str, sessions: int) -> list[str]:
    from canvasapp.formats.template_io import session_from_template
    from canvasapp.formats.template_library import find_template
    from canvasapp.model import Note, new_id
    from canvasapp.storage import SessionRepository, open_library

    library = open_library(location)
    ids: list[str] = []
    try:
        for number in range(sessions):
            session = session_from_template(find_template(None), f"Load {number}")
            lanes = [lane.id for lane in session.lanes]
            session.add_notes(
                Note(id=new_id(), lane_id=lanes[i % len(lanes)], text=f"note {i}", x=30.0 + 240 * (i % 6), y=200.0 + 170 * (i // 6))
                for i in range(START_NOTES)
            )
            SessionRepository(library).add(session)
            ids.append(session.id)
    finally:
        library.close()
    return ids


def _lost(location: str, session_id: str, report: dict[str, object]) -> int:
    """Acknowledged edits not found in the library."""
    from canvasapp.storage import SessionRepository, open_library

    library = open_library(location)
    try:
        session = SessionRepository(library).load(session_id)
    finally:
        library.close()
    notes = {note.id: note for note in session.notes}
    lost = sum(1 for note_id in report["added"] if note_id not in notes)  # type: ignore[attr-defined]
    lost += sum(1 for note_id, text in report["texts"].items() if note_id not in notes or notes[note_id].text != text)  # type: ignore[attr-defined]
    lost += sum(
        1 for note_id, (x, y) in report["places"].items()  # type: ignore[attr-defined]
        if note_id not in notes or (notes[note_id].x, notes[note_id].y) != (x, y)
    )  # fmt: skip
    return lost


def load(location: str, processes: int, seconds: float, folder: Path) -> dict[str, float]:
    ids = _build(location, processes)
    outs = [folder / f"worker-{index}.json" for index in range(processes)]
    children = [
        subprocess.Popen(
            [sys.executable, str(HERE), "--worker", location, session_id, str(seconds), str(out)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        for session_id, out in zip(ids, outs, strict=True)
    ]
    for child in children:
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise SystemExit("a worker did not start")
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        if child.wait(timeout=seconds + 300) != 0:
            raise SystemExit("a worker failed")
    timings: list[float] = []
    lost = failures = 0
    for session_id, out in zip(ids, outs, strict=True):
        report = json.loads(out.read_text())
        timings.extend(report["timings"])
        failures += report["failures"]
        lost += _lost(location, session_id, report)
    timings.sort()
    return {
        "edits": len(timings),
        "edits_per_s": len(timings) / seconds,
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[int(len(timings) * 0.95)] * 1000,
        "failed_saves": failures,
        "lost": lost,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--url", help="an empty PostgreSQL database to use (default: start a server here)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--worker", nargs=4, metavar=("LOCATION", "SESSION", "SECONDS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        location, session_id, seconds, out = args.worker
        worker(location, session_id, float(seconds), Path(out))
        return 0

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="canvasapp-load-") as folder:
        results["sqlite"] = load(str(Path(folder) / "library.sqlite"), args.processes, args.seconds, Path(folder))
        if args.url:
            results["postgresql"] = load(args.url, args.processes, args.seconds, Path(folder))
        else:
            from tests.postgres_server import running_server

            with running_server(durable=True) as server:
                results["postgresql"] = load(server.new_database("load"), args.processes, args.seconds, Path(folder))
    print(f"{args.processes} processes, {args.processes} sessions, {args.seconds:g} s each back end")
    print(f"{'':12}{'edits':>8}{'edits/s':>9}{'median ms':>11}{'p95 ms':>9}{'lost':>6}")
    for name, figures in results.items():
        print(
            f"{name:12}{figures['edits']:>8.0f}{figures['edits_per_s']:>9.0f}{figures['median_ms']:>11.2f}"
            f"{figures['p95_ms']:>9.2f}{figures['lost']:>6.0f}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 1 if any(figures["lost"] for figures in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
