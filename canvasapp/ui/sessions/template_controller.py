"""File menu work with templates: new session from the gallery, import, save as, export.

The template format (pydantic models) is imported by the actions that read or write templates,
not when the window opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from canvasapp.formats.template_error import TemplateError
from canvasapp.storage import LibraryError
from canvasapp.ui.sessions.template_gallery import TemplateGallery
from canvasapp.ui.window.services import WindowServices

if TYPE_CHECKING:
    from canvasapp.formats.template_library import TemplateEntry

TEMPLATE_FILTER = "Workshop templates (*.workshop-template.json);;JSON files (*.json)"


class TemplateController:
    """The template actions of one main window; user templates live in ``templates_dir``."""

    def __init__(self, window: WindowServices) -> None:
        self.window = window
        self.templates_dir = window.templates_dir

    def entries(self) -> list[TemplateEntry]:
        """Built-ins and the user's templates; a broken user file is reported, not fatal."""
        from canvasapp.formats.template_library import list_templates

        problems: list[str] = []
        entries = list_templates(self.templates_dir, on_error=lambda error: problems.append(str(error)))
        if problems:
            self.window.tell("Some of your templates were skipped: " + " ".join(problems), 15000)
        return entries

    # --- actions --------------------------------------------------------------------------

    def new_session(self) -> None:
        gallery = TemplateGallery(self.entries(), parent=self.window.host)
        if not gallery.exec() or (entry := gallery.chosen()) is None:
            return
        session = entry.new_session(gallery.session_title())
        try:
            self.window.repository.add(session)
        except LibraryError as error:
            QMessageBox.warning(self.window.host, "New Session", str(error))
            return
        self.window.open_document(session.id)

    def import_template(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window.host, "Import Template", str(Path.home()), TEMPLATE_FILTER)
        if path:
            self.install(Path(path))

    def install(self, path: Path) -> TemplateEntry | None:
        """Add a template file to the user's templates, asking before a copy or a replacement."""
        from canvasapp.formats.template_library import install_template

        title = "Import Template"
        try:
            entry = install_template(path, self.templates_dir)
        except TemplateError as error:
            again = self._install_after_clash(path, error)
            if again is None:
                return None
            entry = again
        QMessageBox.information(
            self.window.host, title,
            f"“{entry.name}” is now among your templates. Use it with File → New Session.",
        )
        return entry

    def _install_after_clash(self, path: Path, error: TemplateError) -> TemplateEntry | None:
        from canvasapp.formats.template_library import install_template

        message = str(error)
        window, title = self.window.host, "Import Template"
        try:
            if "belongs to a built-in template" in message:
                if _ask(window, title, f"{message}\n\nInstall it as a copy with its own id?"):
                    template_id = self._free_id(path)
                    return install_template(path, self.templates_dir, new_id=template_id)
                return None
            if "you already have a template" in message:
                if _ask(window, title, f"{message}\n\nReplace your template with this file?"):
                    return install_template(path, self.templates_dir, replace=True)
                return None
        except TemplateError as second:
            message = str(second)
        QMessageBox.warning(window, title, message)
        return None

    def _free_id(self, path: Path) -> str:
        from canvasapp.formats.template_io import TEMPLATE_SUFFIX, slug
        from canvasapp.formats.template_library import builtin_entries, user_template_path

        base = path.name.removesuffix(TEMPLATE_SUFFIX).removesuffix(".json")
        taken = {entry.id for entry in builtin_entries()}
        candidate, number = f"{slug(base)[:56]}-copy", 2
        while candidate in taken or user_template_path(self.templates_dir, candidate).exists():
            candidate, number = f"{slug(base)[:56]}-copy-{number}", number + 1
        return candidate

    def save_as_template(self) -> None:
        from canvasapp.formats.template_library import save_user_template, template_for_session, user_template_path

        document = self.window.document
        if document is None:
            return
        dialog = SaveTemplateDialog(document.session.title, self.window.host)
        if not dialog.exec():
            return
        try:
            template = template_for_session(
                document.session,
                dialog.name(),
                self.templates_dir,
                description=dialog.description(),
                include_notes=dialog.include_notes(),
            )
            target = user_template_path(self.templates_dir, template.id)
            replace = target.exists() and _ask(
                self.window.host, "Save as Template", f"You already have a template “{template.id}”. Replace it?"
            )
            if target.exists() and not replace:
                return
            entry = save_user_template(template, self.templates_dir, replace=replace)
        except TemplateError as error:
            QMessageBox.warning(self.window.host, "Save as Template", str(error))
            return
        self.window.tell(f"Saved the template “{entry.name}”.", 8000)

    def export_template(self) -> None:
        from canvasapp.formats.template_io import TEMPLATE_SUFFIX

        document = self.window.document
        current = document.session.template_id if document else None
        gallery = TemplateGallery(
            self.entries(), title="Export Template", accept_text="Export…", ask_title=False,
            selected_id=current, parent=self.window.host,
        )
        if not gallery.exec() or (entry := gallery.chosen()) is None:
            return
        suggested = str(Path.home() / f"{entry.id}{TEMPLATE_SUFFIX}")
        path, _filter = QFileDialog.getSaveFileName(self.window.host, "Export Template", suggested, TEMPLATE_FILTER)
        if not path:
            return
        target = Path(path)
        if not target.name.endswith(TEMPLATE_SUFFIX):
            target = target.with_name(target.name.removesuffix(".json") + TEMPLATE_SUFFIX)
        try:
            entry.write_to(target)
        except (TemplateError, OSError) as error:
            QMessageBox.warning(self.window.host, "Export Template", f"Could not write {target.name}: {error}")
            return
        self.window.tell(f"Exported “{entry.name}” to {target}.", 8000)


class SaveTemplateDialog(QDialog):
    """Name, description and whether the session's notes go along as starter notes."""

    def __init__(self, session_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("save_template_dialog")
        self.setWindowTitle("Save Session as Template")
        self.name_edit = QLineEdit(session_title)
        self.name_edit.setObjectName("template_name")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("template_description")
        self.description_edit.setPlaceholderText("What is this workshop for? Who is it for?")
        self.notes_box = QCheckBox("Include this session's notes as starter notes")
        self.notes_box.setObjectName("include_notes")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name:", self.name_edit)
        form.addRow("Description:", self.description_edit)
        form.addRow("", self.notes_box)
        form.addRow(buttons)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def description(self) -> str:
        return self.description_edit.toPlainText().strip()

    def include_notes(self) -> bool:
        return self.notes_box.isChecked()

    def _accept(self) -> None:
        if self.name():
            self.accept()
        else:
            self.name_edit.setFocus()


def _ask(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
