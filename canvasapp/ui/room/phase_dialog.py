"""The dialog that adds or edits a phase: title, minutes, kind, instructions, lanes in focus."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvasapp.editing.room import PhaseValues
from canvasapp.model import Lane, Phase
from canvasapp.model.agenda import MAX_PHASE_MINUTES, MAX_PHASE_TITLE, PHASE_KINDS


class PhaseDialog(QDialog):
    """Fields of one phase; :meth:`values` gives what the facilitator typed."""

    def __init__(self, phase: Phase | None, lanes: list[Lane], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_dialog")
        self.setWindowTitle("Edit Phase" if phase else "Add Phase")
        self.title = QLineEdit(phase.title if phase else "")
        self.title.setObjectName("phase_title")
        self.title.setMaxLength(MAX_PHASE_TITLE)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("phase_minutes")
        self.minutes.setRange(1, MAX_PHASE_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(phase.minutes if phase else 10)
        self.kind = QComboBox()
        self.kind.setObjectName("phase_kind")
        self.kind.addItems(list(PHASE_KINDS))
        self.kind.setCurrentText(phase.kind if phase else "discuss")
        self.instructions = QPlainTextEdit(phase.instructions if phase else "")
        self.instructions.setObjectName("phase_instructions")
        self.instructions.setMinimumHeight(90)
        in_focus = set(phase.lane_ids) if phase else set()
        self.lanes: list[tuple[str, QCheckBox]] = []
        lane_box = QWidget()
        lane_layout = QVBoxLayout(lane_box)
        lane_layout.setContentsMargins(0, 0, 0, 0)
        for lane in lanes:
            check = QCheckBox(lane.title)
            check.setChecked(lane.id in in_focus)
            lane_layout.addWidget(check)
            self.lanes.append((lane.id, check))
        form = QFormLayout()
        form.addRow("Title:", self.title)
        form.addRow("Length:", self.minutes)
        form.addRow("Kind:", self.kind)
        form.addRow("Instructions:", self.instructions)
        form.addRow("Lanes in focus\n(none: whole board):", lane_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.title.text().strip():
            self.accept()
        else:
            self.title.setFocus()
            self.title.setPlaceholderText("A phase needs a title")

    def values(self) -> PhaseValues:
        return PhaseValues(
            title=self.title.text().strip(),
            minutes=self.minutes.value(),
            kind=self.kind.currentText(),
            instructions=self.instructions.toPlainText().strip(),
            lane_ids=tuple(lane_id for lane_id, check in self.lanes if check.isChecked()),
        )
