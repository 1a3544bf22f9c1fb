"""How far a long piece of work is, and whether the person wants it stopped.

Exports and imports take a :class:`Progress` and call :meth:`Progress.report` as they go (every
few dozen notes, so that a cancel takes effect within a fraction of a second): it records how
far they are and raises :class:`Cancelled` once :meth:`Progress.cancel` was called, from any
thread. The work then unwinds like after any other error, and whoever writes the file removes
its temporary part. Plain Python: the command line passes nothing and the window reads
:attr:`Progress.fraction` from its own thread.
"""

from __future__ import annotations

import threading
import time


class Cancelled(Exception):
    """The person cancelled the work; nothing it made is kept."""


class Progress:
    """Written by the worker, read by whoever shows it; cancelled by anyone."""

    #: How often (seconds) :meth:`report` lets other threads run: a worker busy in pure
    #: Python would otherwise hold the interpreter while the window waits to repaint.
    yield_every = 0.004

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._turn = threading.Lock()
        self._committed = False
        self.fraction = 0.0
        """From 0 to 1: how much of the work is done."""
        self.stage = ""
        """What is being done now, in a few words ("Laying out pages")."""
        self._yielded = time.perf_counter()

    def cancel(self) -> None:
        """Ask the work to stop; too late (nothing happens) once it has committed its result."""
        with self._turn:
            if not self._committed:
                self._stop.set()

    def commit(self) -> None:
        """The work's point of no return (an export's file about to replace the target): raises
        :class:`Cancelled` if a cancel came first; after it, a cancel changes nothing, so the
        window never says "Cancelled" about a file that was written."""
        with self._turn:
            if self._stop.is_set():
                raise Cancelled
            self._committed = True

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the work should stop; give other threads their turn."""
        now = time.perf_counter()
        if now - self._yielded > self.yield_every:
            self._yielded = now
            time.sleep(0)  # releases the interpreter lock for a waiting thread
        if self._stop.is_set():
            raise Cancelled

    def report(self, done: float, total: float, stage: str | None = None) -> None:
        """``done`` of ``total`` steps finished; then :meth:`check`."""
        self.fraction = min(1.0, max(0.0, done / total)) if total > 0 else 0.0
        if stage is not None:
            self.stage = stage
        self.check()

    def part(self, start: float, end: float, stage: str | None = None) -> Progress:
        """A progress for one part of the work that fills ``start``..``end`` of this one."""
        if stage is not None:
            self.stage = stage
        return _Part(self, start, end)


class _Part(Progress):
    def __init__(self, whole: Progress, start: float, end: float) -> None:
        super().__init__()
        self._whole, self._start, self._end = whole, start, end
        whole.fraction = max(whole.fraction, start)

    def cancel(self) -> None:
        self._whole.cancel()

    def commit(self) -> None:
        self._whole.commit()

    @property
    def cancelled(self) -> bool:
        return self._whole.cancelled

    def check(self) -> None:
        self._whole.check()

    def report(self, done: float, total: float, stage: str | None = None) -> None:
        share = min(1.0, max(0.0, done / total)) if total > 0 else 0.0
        self.fraction = share
        self._whole.report(self._start + (self._end - self._start) * share, 1.0, stage)


def reporter(progress: Progress | None, total: int, every: int = 50) -> _Steps:
    """Counts steps of a loop and reports every ``every`` of them (none when ``progress`` is None)."""
    return _Steps(progress, total, every)


class _Steps:
    def __init__(self, progress: Progress | None, total: int, every: int) -> None:
        self._progress, self._total, self._every, self._done = progress, total, max(1, every), 0

    def step(self) -> None:
        self._done += 1
        if self._progress is not None and self._done % self._every == 0:
            self._progress.report(self._done, self._total)
