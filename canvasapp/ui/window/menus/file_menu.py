"""File: sessions, imports and exports, templates."""

from canvasapp.ui.window.action_table import ActionSpec, StandardKey
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]
EXPORT = "&File/&Export"
#: The sessions opened last are put above "Clear Recent" as the menu opens (ui/window/recent_menu.py).
RECENT = "&File/&Recent Sessions"

FILE_MENU: tuple[Spec, ...] = (
    Spec("file.new_session", "&New Session…", "&File", run=lambda c: c.templates.new_session(),
         shortcuts=(StandardKey.New,), tip="Start a new session from a template"),
    Spec("file.open_session", "&Open Session…", "&File", run=lambda c: c.window.open_session(),
         shortcuts=(StandardKey.Open,), tip="Open, rename or delete the library's sessions"),
    Spec("file.clear_recent", "&Clear Recent", RECENT, run=lambda c: c.recent.clear(),
         tip="Empty the list of recent sessions (the sessions stay in the library)"),
    Spec("file.open_library", "Open &Library…", "&File", run=lambda c: c.libraries.open_library(),
         tip="Another library: a file or folder, or a team's PostgreSQL address"),
    Spec("file.clear_recent_libraries", "&Clear Recent Libraries", "&File/Recent Li&braries",
         run=lambda c: c.libraries.clear_recent()),
    Spec("file.session_details", "Session &Details…", "&File", run=lambda c: c.room.edit_details(),
         tip="Date, place, facilitator, participants and purpose (the PDF's title block)"),
    Spec("file.import", "&Import…", "&File", run=lambda c: c.transfers.import_file(),
         shortcuts=("Ctrl+I",),
         tip="A CSV of notes, a session archive, or a board from Excalidraw, JSON Canvas, Scrumlr or Parabol",
         separator_before=True),
    Spec("file.export_pdf", "&PDF Summary…", EXPORT, run=lambda c: c.transfers.export_pdf(), shortcuts=("Ctrl+E",),
         tip="The summary to send to everyone after the workshop"),
    Spec("file.export_csv", "Notes as &CSV…", EXPORT, run=lambda c: c.transfers.export_csv(),
         tip="Every note in a spreadsheet file"),
    Spec("file.export_markdown", "Notes as &Markdown…", EXPORT, run=lambda c: c.transfers.export_markdown()),
    Spec("file.export_png", "Board as P&NG Picture…", EXPORT, run=lambda c: c.transfers.export_png()),
    Spec("file.export_excalidraw", "Board for &Excalidraw…", EXPORT, run=lambda c: c.transfers.export_excalidraw(),
         tip="Lanes as frames, notes as sticky notes, clusters as groups: opens on excalidraw.com"),
    Spec("file.export_json_canvas", "Board as &JSON Canvas…", EXPORT, run=lambda c: c.transfers.export_json_canvas(),
         tip="The open canvas format of Obsidian and others"),
    Spec("file.export_archive", "Session &Archive…", EXPORT, run=lambda c: c.transfers.export_archive(),
         tip="Everything needed to rebuild this session in another library"),
    Spec("file.send_summary", "Se&nd Summary…", "&File", run=lambda c: c.transfers.send_summary(),
         tip="Write the PDF summary and open your mail program with it attached"),
    Spec("file.import_template", "Im&port Template…", "&File", run=lambda c: c.templates.import_template(),
         tip="Add a template file someone sent you to your templates", separator_before=True),
    Spec("file.save_as_template", "Save Session as &Template…", "&File", run=lambda c: c.templates.save_as_template(),
         tip="Keep this session's lanes, prompts and agenda as a template of your own"),
    Spec("file.export_template", "E&xport Template…", "&File", run=lambda c: c.templates.export_template(),
         tip="Write a template to a file you can send to a peer"),
    Spec("file.quit", "&Quit", "&File", run=lambda c: c.window.quit(), shortcuts=(StandardKey.Quit,),
         separator_before=True),
)
