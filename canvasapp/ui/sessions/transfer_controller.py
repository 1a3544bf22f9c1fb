"""File menu work with other files: export PDF/CSV/Markdown/archive/PNG, import CSV/archive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from canvasapp.commands.base import plural
from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.pdf import PdfOptions, summary_pdf
from canvasapp.files import write_atomically
from canvasapp.formats.archive import SUFFIX as ARCHIVE_SUFFIX
from canvasapp.formats.archive import ArchiveError, dump_archive, read_archive
from canvasapp.formats.notes_csv import (
    CsvImportError,
    notes_and_clusters_from_csv,
    read_csv_file,
)
from canvasapp.formats.template_library import template_name
from canvasapp.model import Session
from canvasapp.ops.summary import build_summary
from canvasapp.storage import LibraryError
from canvasapp.ui.board.board_image import board_png
from canvasapp.ui.window.services import WindowServices

IMPORT_FILTER = f"Notes or session archives (*.csv *{ARCHIVE_SUFFIX});;CSV of notes (*.csv);;Session archives (*{ARCHIVE_SUFFIX})"


class TransferController:
    """Exports of the open session and imports into the library, for one main window."""

    def __init__(self, window: WindowServices, edit_details: Callable[[], None]) -> None:
        self.window = window
        self._edit_details = edit_details

    @property
    def session(self) -> Session | None:
        return self.window.document.session if self.window.document else None

    # --- exports ------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = ExportPdfDialog(session, self._edit_details, self.window.host)
        if not dialog.exec():
            return
        path = self._ask_target("Export PDF Summary", session, ".pdf", "PDF documents (*.pdf)")
        if path is None:
            return
        options = PdfOptions(page_size=dialog.page_size(), include_board=dialog.include_board())
        # The title block shows the session's own details (File > Session Details…).
        name = template_name(session.template_id, self.window.templates_dir)
        summary = build_summary(session, None, name)
        if self._write(path, "PDF summary", lambda: summary_pdf(summary, options)) and dialog.open_when_done():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def export_csv(self) -> None:
        self._export("Export Notes as CSV", ".csv", "CSV files (*.csv)", "CSV of notes",
                     lambda session: notes_csv(build_summary(session)))

    def export_markdown(self) -> None:
        self._export("Export Notes as Markdown", ".md", "Markdown (*.md)", "Markdown",
                     lambda session: notes_markdown(build_summary(session)).encode("utf-8"))

    def export_archive(self) -> None:
        self._export("Export Session Archive", ARCHIVE_SUFFIX, f"Session archives (*{ARCHIVE_SUFFIX})",
                     "session archive", dump_archive)

    def export_png(self) -> None:
        session = self.session
        if session is None:
            return
        scale = ask_scale(self.window.host)
        if scale is None:
            return
        path = self._ask_target("Export Board Picture", session, ".png", "PNG images (*.png)")
        if path is not None:
            self._write(path, "board picture", lambda: board_png(session, scale))

    def _export(self, title: str, suffix: str, file_filter: str, what: str, render: Callable[[Session], bytes]) -> None:
        session = self.session
        if session is None:
            return
        path = self._ask_target(title, session, suffix, file_filter)
        if path is not None:
            self._write(path, what, lambda: render(session))

    def _ask_target(self, title: str, session: Session, suffix: str, file_filter: str) -> Path | None:
        folder = QSettings().value("export/folder", str(Path.home()))
        suggested = Path(str(folder)) / f"{_file_stem(session.title)}{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self.window.host, title, str(suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if not path.name.endswith(suffix):
            path = path.with_name(path.name + suffix)
        QSettings().setValue("export/folder", str(path.parent))
        return path

    def _write(self, path: Path, what: str, render: Callable[[], bytes]) -> bool:
        try:
            write_atomically(path, render())
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(self.window.host, "Export", f"Could not write the {what} to {path}: {reason}.")
            return False
        self.window.tell(f"Wrote the {what} to {path}.", 10000)
        return True

    # --- imports ------------------------------------------------------------------------------

    def import_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self.window.host, "Import", str(Path.home()), IMPORT_FILTER)
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, path: Path) -> None:
        """A CSV adds its notes to the open session (one undoable step); an archive becomes
        a new session in the library. Either all of the file comes in, or nothing."""
        if path.name.lower().endswith(".csv"):
            self._import_csv(path)
        else:
            self._import_archive(path)

    def _import_csv(self, path: Path) -> None:
        document = self.window.document
        if document is None or document.read_only:
            QMessageBox.warning(self.window.host, "Import", "This session is read-only; open one you can edit first.")
            return
        session = document.session
        try:
            notes, clusters = notes_and_clusters_from_csv(read_csv_file(path), session.lanes, path.name)
        except CsvImportError as error:
            QMessageBox.warning(self.window.host, "Import", str(error))
            return
        if not document.editor.add_imported(notes, clusters):
            return
        themes = f" in {plural(len(clusters), 'cluster')}" if clusters else ""
        self.window.tell(f"Added {len(notes)} notes{themes} from {path.name}.", 10000)

    def _import_archive(self, path: Path) -> None:
        try:
            session = read_archive(path)
            self.window.repository.add(session)
        except (ArchiveError, LibraryError) as error:
            QMessageBox.warning(self.window.host, "Import", str(error))
            return
        self.window.open_document(session.id)
        self.window.tell(f"Imported “{session.title}” from {path.name}.", 10000)


class ExportPdfDialog(QDialog):
    """How the summary is printed; the workshop's details are the session's own, shown here
    with a button to change them."""

    def __init__(self, session: Session, edit_details: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_pdf_dialog")
        self.setWindowTitle("Export PDF Summary")
        settings = QSettings()
        self.paper = QComboBox()
        self.paper.setObjectName("paper_size")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.value("pdf/paper", "a4"))))
        self.board = QCheckBox("Include a picture of the board")
        self.board.setObjectName("include_board")
        self.board.setChecked(True)
        self.open_after = QCheckBox("Open the PDF when it is written")
        self.open_after.setObjectName("open_when_done")
        self.open_after.setChecked(settings.value("pdf/open", "true") == "true")
        self._session = session
        self.details_label = QLabel()
        self.details_label.setObjectName("pdf_details")
        self.details_label.setWordWrap(True)
        self.details_button = QPushButton("Session Details…")
        self.details_button.setObjectName("edit_details_button")
        self.details_button.clicked.connect(lambda: self._edit_then_show(edit_details))
        self._show_details()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("export_button")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title block:", self.details_label)
        form.addRow("", self.details_button)
        form.addRow("Paper:", self.paper)
        form.addRow("", self.board)
        form.addRow("", self.open_after)
        form.addRow(buttons)

    def page_size(self) -> str:
        return str(self.paper.currentData())

    def include_board(self) -> bool:
        return self.board.isChecked()

    def open_when_done(self) -> bool:
        return self.open_after.isChecked()

    def _edit_then_show(self, edit_details: Callable[[], None]) -> None:
        edit_details()
        self._show_details()

    def _show_details(self) -> None:
        details = self._session.details
        day = details.date or self._session.created.astimezone().date()
        lines = [f"{day.day} {day.strftime('%B')} {day.year}"]
        lines += [text for text in (details.place, details.facilitator) if text]
        if details.participants is not None:
            lines.append(f"{details.participants} participants")
        self.details_label.setText(" · ".join(lines))

    def _accept(self) -> None:
        settings = QSettings()
        settings.setValue("pdf/paper", self.page_size())
        settings.setValue("pdf/open", "true" if self.open_when_done() else "false")
        self.accept()


def ask_scale(parent: QWidget) -> float | None:
    """The PNG's size as a share of 100% (one board unit per pixel)."""
    dialog = QDialog(parent)
    dialog.setObjectName("png_scale_dialog")
    dialog.setWindowTitle("Export Board Picture")
    scale = QDoubleSpinBox()
    scale.setObjectName("png_scale")
    scale.setRange(0.1, 4.0)
    scale.setSingleStep(0.25)
    scale.setValue(1.0)
    scale.setSuffix(" ×")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow("Scale (1 × = 100%):", scale)
    form.addRow(buttons)
    return scale.value() if dialog.exec() else None


def _file_stem(title: str) -> str:
    cleaned = "".join(character if character.isalnum() or character in " -_" else " " for character in title)
    return " ".join(cleaned.split()) or "workshop"
