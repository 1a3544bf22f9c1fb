"""File > Session Details…: date, place, facilitator, participants and purpose, kept with the
session and shown in the PDF's title block."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvasapp.model import SessionDetails
from canvasapp.model.details import MAX_DETAIL_TEXT, MAX_PARTICIPANTS


class SessionDetailsDialog(QDialog):
    """The session's details as a form; :meth:`details` reads it back."""

    def __init__(self, details: SessionDetails, default_date: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_details_dialog")
        self.setWindowTitle("Session Details")
        self.has_date = QCheckBox("Held on")
        self.has_date.setObjectName("details_has_date")
        self.has_date.setChecked(details.date is not None)
        self.date = QDateEdit(_qdate(details.date or default_date))
        self.date.setObjectName("details_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setEnabled(details.date is not None)
        self.has_date.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_date)
        row.addWidget(self.date, 1)
        self.place = QLineEdit(details.place)
        self.place.setObjectName("details_place")
        self.facilitator = QLineEdit(details.facilitator)
        self.facilitator.setObjectName("details_facilitator")
        for field in (self.place, self.facilitator):
            field.setMaxLength(MAX_DETAIL_TEXT)
        self.participants = QSpinBox()
        self.participants.setObjectName("details_participants")
        self.participants.setRange(0, MAX_PARTICIPANTS)
        self.participants.setSpecialValueText("not given")
        self.participants.setValue(details.participants or 0)
        self.purpose = QPlainTextEdit(details.purpose)
        self.purpose.setObjectName("details_purpose")
        self.purpose.setPlaceholderText("Why the group met, in a sentence or two")
        self.purpose.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow("Date:", row)
        form.addRow("Place:", self.place)
        form.addRow("Facilitator:", self.facilitator)
        form.addRow("Participants:", self.participants)
        form.addRow("Purpose:", self.purpose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def details(self) -> SessionDetails:
        picked = self.date.date()
        return SessionDetails(
            date=date(picked.year(), picked.month(), picked.day()) if self.has_date.isChecked() else None,
            place=self.place.text().strip(),
            facilitator=self.facilitator.text().strip(),
            participants=self.participants.value() or None,
            purpose=self.purpose.toPlainText().strip()[:MAX_DETAIL_TEXT],
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
