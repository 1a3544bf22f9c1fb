"""The status line's part for a running job: what it does, how far it is, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

#: Steps of the bar: fine enough that a long export visibly moves.
STEPS = 1000


class JobBar(QWidget):
    """Hidden while nothing runs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("job_bar")
        self._title = ""
        self.label = QLabel()
        self.label.setObjectName("job_label")
        self.progress = QProgressBar()
        self.progress.setObjectName("job_progress")
        self.progress.setRange(0, STEPS)
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        # A tool button: as compact as the status line, still a clear target with its word.
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.setToolTip("Stop this job; nothing it made is kept")
        self.cancel_button.clicked.connect(self.cancel_requested)
        # As tall as a line of the status bar: a job that starts must not push the board up.
        line = self.fontMetrics().height() + 6
        for part in (self.label, self.progress, self.cancel_button):
            part.setMaximumHeight(line)
        self.setFixedHeight(line)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, title: str) -> None:
        self._title = title
        self.label.setText(f"{title}…")
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def show_progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(round(fraction * STEPS))
        self.label.setText(f"{self._title}: {stage}…" if stage else f"{self._title}…")

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(f"{self._title}: stopping…")

    def finish(self) -> None:
        self.hide()
