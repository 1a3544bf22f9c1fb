"""File: sessions, imports and exports, templates."""

from canvasapp.ui.window.action_table import ActionSpec, StandardKey
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]
EXPORT = "&File/&Export"

FILE_MENU: tuple[Spec, ...] = (
    Spec("file.new_session", "&New Session…", "&File", run=lambda c: c.templates.new_session(),
         shortcuts=(StandardKey.New,), tip="Start a new session from a template"),
    Spec("file.open_session", "&Open Session…", "&File", run=lambda c: c.window.open_session(),
         shortcuts=(StandardKey.Open,), tip="Open, rename or delete the library's sessions"),
    Spec("file.session_details", "Session &Details…", "&File", run=lambda c: c.room.edit_details(),
         tip="Date, place, facilitator, participants and purpose (the PDF's title block)"),
    Spec("file.import", "&Import Notes or Session…", "&File", run=lambda c: c.transfers.import_file(),
         shortcuts=("Ctrl+I",), tip="Add notes from a CSV file, or a session from a .workshop.json archive",
         separator_before=True),
    Spec("file.export_pdf", "&PDF Summary…", EXPORT, run=lambda c: c.transfers.export_pdf(), shortcuts=("Ctrl+E",),
         tip="The summary to send to everyone after the workshop"),
    Spec("file.export_csv", "Notes as &CSV…", EXPORT, run=lambda c: c.transfers.export_csv(),
         tip="Every note in a spreadsheet file"),
    Spec("file.export_markdown", "Notes as &Markdown…", EXPORT, run=lambda c: c.transfers.export_markdown()),
    Spec("file.export_png", "Board as P&NG Picture…", EXPORT, run=lambda c: c.transfers.export_png()),
    Spec("file.export_archive", "Session &Archive…", EXPORT, run=lambda c: c.transfers.export_archive(),
         tip="Everything needed to rebuild this session in another library"),
    Spec("file.import_template", "Im&port Template…", "&File", run=lambda c: c.templates.import_template(),
         tip="Add a template file someone sent you to your templates", separator_before=True),
    Spec("file.save_as_template", "Save Session as &Template…", "&File", run=lambda c: c.templates.save_as_template(),
         tip="Keep this session's lanes, prompts and agenda as a template of your own"),
    Spec("file.export_template", "E&xport Template…", "&File", run=lambda c: c.templates.export_template(),
         tip="Write a template to a file you can send to a peer"),
    Spec("file.quit", "&Quit", "&File", run=lambda c: c.window.quit(), shortcuts=(StandardKey.Quit,),
         separator_before=True),
)
