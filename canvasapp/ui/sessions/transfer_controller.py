"""File menu work with other files: export PDF/CSV/Markdown/archive/PNG, import CSV/archive."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, QSettings, QUrl
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
from canvasapp.export.excalidraw import session_excalidraw
from canvasapp.export.json_canvas import session_json_canvas
from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.send import summary_mail
from canvasapp.files import write_atomically
from canvasapp.formats.import_refused import ImportRefused
from canvasapp.model import Session
from canvasapp.ops.progress import Progress
from canvasapp.ops.summary import WorkshopSummary, build_summary
from canvasapp.storage import Library, LibraryError, SessionRepository
from canvasapp.ui.board.board_image import board_png
from canvasapp.ui.jobs.background_job import jobs_of
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.services import WindowServices

if TYPE_CHECKING:
    # The file formats (pydantic models) are imported by the exports and imports that use them,
    # not when the window opens.
    from canvasapp.formats.import_any import Imported
    from canvasapp.formats.incoming_board import Additions


def import_filter() -> str:
    """The Import dialog's file types."""
    from canvasapp.formats.archive import SUFFIX as ARCHIVE_SUFFIX

    return (
        f"Notes, sessions and boards (*.csv *.json *.excalidraw *.canvas);;CSV of notes (*.csv);;"
        f"Session archives (*{ARCHIVE_SUFFIX});;Excalidraw drawings (*.excalidraw);;JSON Canvas (*.canvas);;"
        "Scrumlr exports (*.json);;All files (*)"
    )


def template_name(template_id: str | None, templates_dir: Path) -> str | None:
    """The session's template's name for a summary's title block."""
    from canvasapp.formats.template_library import template_name as name_of

    return name_of(template_id, templates_dir)


class TransferController:
    """Exports of the open session and imports into the library, for one main window."""

    def __init__(
        self, window: WindowServices, edit_details: Callable[[], None], install_template: Callable[[Path], object]
    ) -> None:
        self.window = window
        self._edit_details = edit_details
        self._install_template = install_template

    @property
    def session(self) -> Session | None:
        return self.window.document.session if self.window.document else None

    # --- exports ------------------------------------------------------------------------------
    # Each export renders a snapshot of the session on a worker thread (the facilitator keeps
    # working meanwhile) and writes it under a temporary name renamed into place when whole:
    # a cancel or a failure leaves no file at the target.

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
        from canvasapp.export.pdf import PdfOptions, summary_pdf  # reportlab: only when a PDF is made

        options = PdfOptions(page_size=dialog.page_size(), include_board=dialog.include_board())
        # The title block shows the session's own details (File > Session Details…).
        name = template_name(session.template_id, self.window.templates_dir)
        open_when_done = dialog.open_when_done()
        self._write_in_background(
            path, "PDF summary", lambda snapshot, progress: summary_pdf(
                _summary(snapshot, name, progress), options, progress.part(0.1, 1.0, "Laying out the pages")),
            then=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) if open_when_done else None,
        )

    def send_summary(self) -> None:
        """Write the PDF summary, then open the mail program with it attached (the desktop's
        ``xdg-email``), else a ``mailto:`` mail that says where the PDF is."""
        session = self.session
        if session is None:
            return
        path = self._ask_target("Send Summary: Save the PDF", session, ".pdf", "PDF documents (*.pdf)")
        if path is None:
            return
        from canvasapp.export.pdf import PdfOptions, summary_pdf  # reportlab: only when a PDF is made

        name = template_name(session.template_id, self.window.templates_dir)
        made: list[WorkshopSummary] = []  # the mail quotes the summary the worker made

        def render(snapshot: Session, progress: Progress) -> bytes:
            made.append(_summary(snapshot, name, progress))
            return summary_pdf(made[0], PdfOptions(), progress.part(0.1, 1.0, "Laying out the pages"))

        self._write_in_background(path, "PDF summary", render, then=lambda: self._mail(made[0], path))

    def _mail(self, summary: WorkshopSummary, path: Path) -> None:
        mail = summary_mail(summary, path, attached=True)
        mailer = shutil.which("xdg-email")
        if mailer is not None and QProcess.startDetached(
            mailer, ["--attach", str(path), "--subject", mail.subject, "--body", mail.body]
        )[0]:
            self.window.tell(f"Your mail program opens with the summary attached ({path.name}).", 10000)
            return
        QDesktopServices.openUrl(QUrl(summary_mail(summary, path).mailto))
        self.window.tell(f"Attach the summary from {path} to the mail that opens.", 15000)

    def export_csv(self) -> None:
        self._export("Export Notes as CSV", ".csv", "CSV files (*.csv)", "CSV of notes",
                     lambda session, progress: notes_csv(_summary(session, None, progress), progress.part(0.3, 1.0)))

    def export_markdown(self) -> None:
        self._export("Export Notes as Markdown", ".md", "Markdown (*.md)", "Markdown",
                     lambda session, progress: notes_markdown(_summary(session, None, progress)).encode("utf-8"))

    def export_excalidraw(self) -> None:
        self._export("Export for Excalidraw", ".excalidraw", "Excalidraw drawings (*.excalidraw)",
                     "Excalidraw drawing", lambda session, _progress: session_excalidraw(session))

    def export_json_canvas(self) -> None:
        self._export("Export as JSON Canvas", ".canvas", "JSON Canvas (*.canvas)", "JSON Canvas",
                     lambda session, _progress: session_json_canvas(session))

    def export_archive(self) -> None:
        from canvasapp.formats.archive import SUFFIX as ARCHIVE_SUFFIX
        from canvasapp.formats.archive import dump_archive

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
        if path is None:
            return
        used: list[float] = []

        def told_smaller() -> None:
            if used:
                QMessageBox.information(
                    self.window.host, "Board Picture",
                    f"The board is too big for one picture at {scale:.0%}: it was drawn at {used[0]:.0%} "
                    "(the largest picture that can be made).",
                )

        self._write_in_background(
            path, "board picture",
            lambda snapshot, progress: board_png(
                _summary(snapshot, None, progress), scale, used.append, progress.part(0.1, 1.0, "Drawing the board")),
            then=told_smaller,
        )

    def _export(self, title: str, suffix: str, file_filter: str, what: str, render: Render) -> None:
        session = self.session
        if session is None:
            return
        path = self._ask_target(title, session, suffix, file_filter)
        if path is not None:
            self._write_in_background(path, what, render)

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

    def _write_in_background(
        self, path: Path, what: str, render: Render, then: Callable[[], object] | None = None
    ) -> bool:
        """Render a snapshot of the open session on a worker and write it to ``path``; then
        say so and run ``then``. False if it could not start (another job runs)."""
        session = self.session
        if session is None:
            return False
        snapshot = session.snapshot()

        def work(progress: Progress) -> None:
            data = render(snapshot, progress)
            progress.report(1, 1, "Writing the file")
            progress.commit()
            write_atomically(path, data)

        def done(_result: None) -> None:
            self.window.tell(f"Wrote the {what} to {path}.", 10000)
            if then is not None:
                then()

        def failed(error: BaseException) -> None:
            if not isinstance(error, (OSError, ValueError)):
                raise error
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(self.window.host, "Export", f"Could not write the {what} to {path}: {reason}.")

        return jobs_of(self.window.host).run(f"Exporting the {what}", work, done, failed)

    # --- imports ------------------------------------------------------------------------------
    # The file is read, checked and turned into notes on a worker thread, against a snapshot of
    # the open session; what comes in joins the session on the window's thread as one edit.

    def import_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self.window.host, "Import", str(Path.home()), import_filter())
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, path: Path) -> None:
        """Any file Workshop Canvas reads, recognised by its content: a session archive becomes a
        new session; a CSV of notes joins the open session; a board from another tool (Excalidraw,
        JSON Canvas, Scrumlr, Parabol) becomes a new session or joins this one, as the facilitator
        chooses; a template goes among the templates. Either all of the file comes in, or nothing."""
        document = self.window.document
        editable = document is not None and document.edits.can_edit()
        snapshot = document.session.snapshot() if document is not None and editable else None
        library = self.window.repository.library

        from canvasapp.formats.import_any import ArchiveImport, CsvImport, TemplateImport, import_any

        def work(progress: Progress) -> _Read:
            progress.report(0, 1, "Reading the file")
            imported = import_any(path)
            progress.report(0.5, 1, "Making the notes")
            if imported.kind == ArchiveImport.kind or snapshot is None:
                made = _saved_new_session(imported, library, progress) if imported.kind != TemplateImport.kind else None
                return _Read(imported, None, made)
            if imported.kind == CsvImport.kind:
                return _Read(imported, _additions(imported, snapshot), None)
            return _Read(imported, None, None)  # the facilitator chooses first

        def done(read: _Read) -> None:
            if isinstance(read.additions, ImportRefused) or isinstance(read.session, ImportRefused):
                QMessageBox.warning(self.window.host, "Import", str(read.additions or read.session))
            elif read.imported.kind == TemplateImport.kind:
                self._install_template(path)  # among the templates, not in the library
            elif self.window.repository.library.read_only:
                # Refused before anything is tried: the file stays exactly as it is.
                QMessageBox.warning(self.window.host, "Import", library_read_only(path, self.window.repository.library.location))
            elif read.session is not None:
                self._import_as_new_session(read.imported, read.session, path)
            elif read.additions is not None:
                self._import_into(document, read.additions, path)
            elif self._add_to_this_session(read.imported):
                self._read_additions(read.imported, document, path)
            else:
                self._make_new_session(read.imported, path)

        jobs_of(self.window.host).run(f"Importing {path.name}", work, done, self._import_failed)

    def _import_failed(self, error: BaseException) -> None:
        if not isinstance(error, ImportRefused):
            raise error
        QMessageBox.warning(self.window.host, "Import", str(error))

    def _read_additions(self, imported: Imported, document: SessionDocument | None, path: Path) -> None:
        if document is None:
            return
        snapshot = document.session.snapshot()
        jobs_of(self.window.host).run(
            f"Importing {path.name}", lambda _progress: _additions(imported, snapshot),
            lambda additions: self._import_into(document, additions, path), self._import_failed,
        )

    def _make_new_session(self, imported: Imported, path: Path) -> None:
        library = self.window.repository.library
        jobs_of(self.window.host).run(
            f"Importing {path.name}", lambda progress: _saved_new_session(imported, library, progress),
            lambda session: self._import_as_new_session(imported, session, path), self._import_failed,
        )

    def _add_to_this_session(self, imported: Imported) -> bool:
        box = QMessageBox(self.window.host)
        box.setWindowTitle("Import")
        box.setText(f"{imported.name} is a {imported.kind}. Bring it in as a new session, or add it to this one?")
        new = box.addButton("New Session", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Add to This Session", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(new)
        box.exec()
        return box.clickedButton() is not new

    def _import_into(self, document: SessionDocument | None, additions: Additions | ImportRefused, path: Path) -> None:
        if isinstance(additions, ImportRefused):
            QMessageBox.warning(self.window.host, "Import", str(additions))
            return
        if document is None or document is not self.window.document:
            # Another session was opened while the file was read: nothing is added anywhere.
            self.window.tell(f"Nothing was imported from {path.name}: another session was opened meanwhile.", 10000)
            return
        if not document.editor.add_imports(additions.lanes, additions.notes, additions.clusters):
            return
        themes = f" in {plural(len(additions.clusters), 'cluster')}" if additions.clusters else ""
        left_out = f" {additions.left_out}" if additions.left_out else ""
        self.window.tell(f"Added {plural(len(additions.notes), 'note')}{themes} from {path.name}.{left_out}", 15000)

    def _import_as_new_session(self, imported: Imported, session: Session | Refusal, path: Path) -> None:
        """Open the new session the worker wrote to the library (or say why it could not)."""
        if isinstance(session, (ImportRefused, LibraryError)):
            QMessageBox.warning(self.window.host, "Import", str(session))
            return
        self.window.open_document(session.id)
        left_out = f" {imported.left_out}" if imported.left_out else ""
        self.window.tell(f"Imported “{session.title}” from {path.name}.{left_out}", 15000)


def library_read_only(path: Path, location: str) -> str:
    """Why a file cannot be brought into a library opened for reading only, in one sentence."""
    return (
        f"Nothing was imported from {path.name}: the library {location} cannot be written where it is "
        "(a read-only file, folder or disk), so copy the library somewhere you can write or open another one."
    )


Render = Callable[[Session, Progress], bytes]
"""What an export makes of a snapshot of the session, reporting to the job's progress."""


@dataclass(frozen=True)
class _Read:
    """What the worker made of a file: the file, and the notes for this session or a new session
    (or the refusal to say on the window's thread)."""

    imported: Imported
    additions: Additions | ImportRefused | None
    session: Session | Refusal | None


def _additions(imported: Imported, session: Session) -> Additions | ImportRefused:
    try:
        return imported.additions(session)
    except ImportRefused as error:
        return error


Refusal = ImportRefused | LibraryError
"""Why a file did not become a session: said on the window's thread in one sentence."""


def _saved_new_session(imported: Imported, library: Library, progress: Progress) -> Session | Refusal:
    """The file as a new session, written to the library by the worker on a connection of its
    own, in one transaction (a failure leaves the library as it was). Once the writing starts a
    Cancel changes nothing: the session is whole in the library, and opens if the window is
    still there."""
    if library.read_only:  # refused before anything is tried (the window says why)
        return LibraryError(f"The library {library.shown_location} is open for reading only.")
    try:
        session = imported.new_session()
        progress.report(0.7, 1, "Saving the new session")
        progress.commit()
        SessionRepository(library).add(session)
    except (ImportRefused, LibraryError) as error:
        return error
    return session


def _summary(session: Session, template: str | None, progress: Progress) -> WorkshopSummary:
    progress.report(0, 1, "Collecting the notes")
    summary = build_summary(session, None, template)
    progress.check()
    return summary


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
