"""While saving fails (a full disk, a library made read-only): one warning for the whole
episode, a status that stays until everything is written, retries every few seconds, and a
question before the window lets go of edits that are not saved.

The store keeps every change that could not be written and tells of a failure episode once
(``save_failed``) and of its end once (``save_recovered``); this turns that into what the
facilitator sees. A dialog per edit would bury the window under dialogs while the disk is full.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from canvasapp.model import Session
from canvasapp.storage import SessionStore
from canvasapp.storage.locked_store import LockedStore

#: How often pending edits are tried again while saving fails.
RETRY_SECONDS = 3

_LABEL_STYLE = "QLabel { background: #b3261e; color: white; font-weight: bold; padding: 2px 10px; }"


def edits(count: int) -> str:
    return f"{count} edit" if count == 1 else f"{count} edits"


class SaveStatus(QObject):
    """Follows the store of the open session and shows a failure episode in the window."""

    def __init__(self, host: QMainWindow) -> None:
        super().__init__(host)
        self._host = host
        self.label = QLabel()
        self.label.setObjectName("save_status_label")
        self.label.setStyleSheet(_LABEL_STYLE)
        self.label.hide()
        host.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_SECONDS * 1000)
        self.timer.timeout.connect(self.retry)
        self.warning: QMessageBox | None = None
        #: Edits made since saving began to fail (each one is kept in memory until written).
        self.waiting = 0
        self._store: SessionStore | None = None
        self._session: Session | None = None

    def attach(self, store: SessionStore | None, session: Session) -> None:
        self._store, self._session = store, session
        if store is None:
            return
        store.save_failed.connect(self._on_failed)
        store.save_recovered.connect(self._on_recovered)
        # After the store's own observer (it connected first): its write has been tried.
        session.edit_finished.connect(self._on_edit_finished)

    def detach(self) -> None:
        store, session = self._store, self._session
        if store is not None and session is not None:
            store.save_failed.disconnect(self._on_failed)
            store.save_recovered.disconnect(self._on_recovered)
            session.edit_finished.disconnect(self._on_edit_finished)
        self._store = self._session = None
        self._end_episode()

    # --- the episode --------------------------------------------------------------------------

    def _on_failed(self, message: str) -> None:
        self.waiting = 0
        self.timer.start()
        self._show_label()
        # After the edit returns, never from inside the store's write; and not modal, so the
        # facilitator can keep working (every edit is kept) while the retries go on.
        QTimer.singleShot(0, lambda: self._warn(message))

    def _on_edit_finished(self) -> None:
        if self._store is not None and self._store.failing:
            self.waiting += 1
            self._show_label()

    def retry(self) -> None:
        """Try the pending edits again (the timer does, every few seconds)."""
        if self._store is not None and self._store.failing:
            self._store.retry()

    def _on_recovered(self) -> None:
        saved = self.waiting
        self._end_episode()
        self._host.statusBar().showMessage(f"All saved ({edits(saved)} that had waited are in the library now).", 8000)

    def stop_retrying(self) -> None:
        """The session was taken by another window: what waits here can never be saved, so it
        is not tried again (the label stays, saying so, and closing still asks)."""
        self.timer.stop()
        if self.warning is not None:
            self.warning.close()
            self.warning = None
        if self._store is not None and self._store.pending:
            self._show_label()

    def _end_episode(self) -> None:
        self.timer.stop()
        self.waiting = 0
        self.label.hide()
        if self.warning is not None:
            # What it warned of is over: leaving it up would say otherwise.
            self.warning.close()
            self.warning = None

    def _show_label(self) -> None:
        count = max(self.waiting, 1)
        if _lost(self._store):
            self.label.setText(f"Not saved: {edits(count)} kept only in this window")
        else:
            self.label.setText(f"Not saved: {edits(count)} waiting, trying again every {RETRY_SECONDS} s")
        if self._store is not None and self._store.failure:
            self.label.setToolTip(self._store.failure)
        self.label.show()

    def _warn(self, message: str) -> None:
        if self._store is None or not self._store.failing or self.warning is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", message, QMessageBox.StandardButton.Ok, self._host)
        box.setObjectName("save_failed_warning")
        todo = "Free some space on the disk that holds the library. " if "full" in message else ""
        box.setInformativeText(
            f"{todo}Your edits stay in this window and are saved as soon as that works again: Workshop "
            f"Canvas tries every {RETRY_SECONDS} seconds, and the status bar shows how many wait. "
            "Keep the window open until it says “All saved”."
        )
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget_warning(box))
        self.warning = box
        box.show()

    def _forget_warning(self, box: QMessageBox) -> None:
        if self.warning is box:
            self.warning = None

    # --- letting go ---------------------------------------------------------------------------

    def may_let_go(self) -> bool:
        """Whether the window may close the session now: yes when everything is saved (tried once
        more first); otherwise the facilitator chooses to save again, lose the edits or stay."""
        while True:
            store = self._store
            if store is None or not (store.failing or store.pending) or store.retry():
                return True
            answer = self._ask_before_losing(store)
            if answer == "lose":
                return True
            if answer == "stay":
                return False

    def _ask_before_losing(self, store: SessionStore) -> str:
        count = max(self.waiting, 1)
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", f"{edits(count)} {'is' if count == 1 else 'are'} not saved yet.", parent=self._host)
        box.setObjectName("unsaved_edits_question")
        lost = _lost(store)
        box.setInformativeText(
            f"{store.failure} Closing now loses them." if lost else
            f"{store.failure or 'Saving failed.'} Free some space or make the library writable, then save "
            "again; closing now loses them."
        )
        again = box.addButton("Save Again", QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("save_again_button")
        # Another window has the session: saving again cannot work.
        again.setVisible(not lost)
        lose = box.addButton(f"Close and Lose {edits(count)}", QMessageBox.ButtonRole.DestructiveRole)
        lose.setObjectName("lose_edits_button")
        stay = box.addButton(QMessageBox.StandardButton.Cancel)
        stay.setObjectName("stay_button")
        box.setDefaultButton(stay if lost else again)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        role = box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole
        if role == QMessageBox.ButtonRole.DestructiveRole:
            return "lose"
        if role == QMessageBox.ButtonRole.AcceptRole:
            return "again"
        return "stay"


def _lost(store: SessionStore | None) -> bool:
    """Whether the store stopped saving for good (another window took the session)."""
    return isinstance(store, LockedStore) and store.lost
