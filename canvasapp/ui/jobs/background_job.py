"""Long work (exports, imports, suggestions) off the window's thread, with progress and Cancel.

The window stays live while a job runs: the board scrolls, notes can be edited. A job is a
function of a :class:`~canvasapp.ops.progress.Progress` that runs on a worker thread and works
on what it was given (a snapshot of the session, bytes, a path), never on the window's live
objects; what it returns is handed to ``done`` on the window's thread, where it may change the
session (as one undoable edit). Cancel sets the progress's flag: the work stops at its next
report and ``done`` is never called. One job at a time per window, shown on the status line
(:class:`~canvasapp.ui.jobs.job_bar.JobBar`).

A plain Python thread, watched by a timer on the window's thread: no signal crosses threads,
and the worker may paint a ``QImage`` (allowed off the GUI thread; widgets and scene items are not).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from canvasapp.ops.collections_paused import built_board_left_out
from canvasapp.ops.progress import Cancelled, Progress
from canvasapp.ui.jobs.job_bar import JobBar

T = TypeVar("T")

#: How often the window looks at a running job (ms): smooth enough for a bar, cheap to do.
POLL_MS = 40
#: While a job runs, the oldest generation is collected only after this many younger
#: collections (Python's default is 10): see :func:`_quiet_collector`.
JOB_OLDEST_THRESHOLD = 1_000_000
#: How long a closing window waits for its cancelled job to stop before it goes anyway (s).
CLOSE_WAIT_S = 3.0


class _Job(Generic[T]):
    def __init__(
        self, title: str, work: Callable[[Progress], T], done: Callable[[T], None],
        failed: Callable[[BaseException], None], cancelled: Callable[[], None],
    ) -> None:
        self.title = title
        self.progress = Progress()
        self._work, self.done, self.failed, self.cancelled = work, done, failed, cancelled
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"canvasapp job: {title}", daemon=True)

    def _run(self) -> None:
        try:
            self.result = self._work(self.progress)
        except BaseException as error:  # handed to the window's thread, which decides
            self.error = error
        finally:
            self.finished.set()


class BackgroundJobs(QObject):
    """The jobs of one main window (see :func:`jobs_of`)."""

    def __init__(self, host: QMainWindow) -> None:
        super().__init__(host)
        self.setObjectName("background_jobs")
        self._host = host
        self._job: _Job[Any] | None = None
        self._collector: Callable[[], None] = _nothing
        self.bar = JobBar(host)
        self._shown_on = self.bar
        self.bar.cancel_requested.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        host.installEventFilter(self)  # a window that closes cancels its job

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def title(self) -> str | None:
        """What runs now ("Exporting the PDF summary"), or None."""
        return self._job.title if self._job else None

    def run(
        self,
        title: str,
        work: Callable[[Progress], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        cancelled: Callable[[], None] | None = None,
        bar: JobBar | None = None,
    ) -> bool:
        """Start ``work`` on a worker thread; False (and a sentence on the status line) while
        another job runs. ``failed`` hears any error but a cancel; ``cancelled`` the cancel.
        ``bar`` shows it instead of the status line's (a dialog's own, where the status line
        cannot be reached)."""
        if self._job is not None:
            self._host.statusBar().showMessage(
                f"{self._job.title} is still running: wait for it, or press Cancel beside its progress bar.", 8000)
            return False
        job = _Job(title, work, done, failed, cancelled or (lambda: None))
        self._job = job
        if self._shown_on is not self.bar:
            self._shown_on.cancel_requested.disconnect(self.cancel)
        self._shown_on = bar or self.bar
        if self._shown_on is not self.bar:
            self._shown_on.cancel_requested.connect(self.cancel)
        if self._shown_on is self.bar:  # on the status line only while a job runs
            self._host.statusBar().addPermanentWidget(self.bar)
        self._shown_on.start(title)
        self._collector()  # a job started by the last one's result: that one's collector back first
        self._collector = _quiet_collector()
        job.thread.start()
        self._timer.start()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.progress.cancel()
            self._shown_on.cancelling()

    def wait(self, seconds: float) -> bool:
        """Block until the job's thread ends (tests, closing); True if nothing is running now.
        Its ``done`` runs at the next poll of the event loop."""
        job = self._job
        return job is None or job.finished.wait(seconds)

    def _poll(self) -> None:
        job = self._job
        if job is None:
            self._timer.stop()
            return
        if not job.progress.cancelled:
            self._shown_on.show_progress(job.progress.fraction, job.progress.stage)
        if not job.finished.is_set():
            return
        self._timer.stop()
        self._job = None
        self._shown_on.finish()
        if self._shown_on is self.bar:
            self._host.statusBar().removeWidget(self.bar)
        restore = self._collector
        try:
            if isinstance(job.error, Cancelled) or (job.error is None and job.progress.cancelled):
                job.cancelled()
                self._host.statusBar().showMessage(f"Cancelled: {job.title[:1].lower()}{job.title[1:]}.", 8000)
            elif job.error is not None:
                job.failed(job.error)
            else:
                job.done(job.result)
        finally:
            # After the result is applied: the full collection the job held back then comes
            # in a turn of its own, not on top of applying thousands of new notes.
            if self._collector is restore:
                restore()
                self._collector = _nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Close and self._job is not None:
            self._job.progress.cancel()
            self._job.finished.wait(CLOSE_WAIT_S)
        return False


def _nothing() -> None:
    pass


def _quiet_collector() -> Callable[[], None]:
    """Keep Python's cycle collector from stopping the window while a job runs; returns the
    function that puts it back.

    A collection of the oldest generation walks every object of the process (a 10,000-note
    board and its scene are millions) while holding the interpreter lock, whichever thread
    triggered it: measured, a PDF export of 5,000 notes stalled the window for 1.3 s that way.
    So the objects that exist when the job starts are frozen (no collection looks at them) and
    the oldest generation waits until the job has ended; the young generations, where the
    job's short-lived objects die, are collected as usual."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(thresholds[0], thresholds[1], JOB_OLDEST_THRESHOLD)

    def restore() -> None:
        gc.set_threshold(*thresholds)
        if not built_board_left_out():  # a built board stays left out (collections_paused.py)
            gc.unfreeze()

    return restore


def jobs_of(host: QMainWindow) -> BackgroundJobs:
    """The window's jobs, made the first time they are asked for (every controller of the
    window shares them: one job at a time, one bar)."""
    found = host.findChild(BackgroundJobs, "background_jobs")
    return found if isinstance(found, BackgroundJobs) else BackgroundJobs(host)
