"""A realistic session for the summary's reader: 47 notes in six languages, two vote rounds
(a blind decision on activities, then a tally of blockers) and six actions."""

from __future__ import annotations

from datetime import date

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Participant, Session, VoteRound, new_id
from canvasapp.model.details import SessionDetails
from canvasapp.model.follow_up import FollowUp
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.placement import GridPlacer

#: One sample per script the PDF must draw, with a word that shows whether it is shaped.
SCRIPT_SAMPLES = {
    "latin": "Neighbours meet at the market",
    "german": "Gemeinsam Straßenfeste planen",
    "spanish": "Más tiempo para conversar",
    "greek": "Συνάντηση στην πλατεία",
    "cyrillic": "Встреча соседей во дворе",
    "japanese": "会議の結果を共有する",
    "chinese": "邻里互助小组",
    "hindi": "किताबों की अदला-बदली",
    "arabic": "نحتاج مكانا للقاء",
    "hebrew": "שלום לכולם",
    "mixed": "نحتاج WiFi في القاعة 24/7",
    "emoji": "Picnic 🎉👍",
}

DRIVERS = [
    "Being heard by the council", "Kinder spielen zusammen", "Vecinos que se conocen",
    "近所の人と知り合う", "बच्चों के लिए खेल का मैदान", "نريد حيا أكثر أمانا", "Shared tools 🔧",
    "Older neighbours feel less alone", "Mehr Grün im Viertel", "Fiestas en la calle",
    "Repair café once a month", "地域の祭りを続けたい", "Ein Ort für alle", "Talleres para jóvenes",
    "Safer crossings near the school",
]
BLOCKERS = [
    "No time after work", "Keine Räume am Abend", "No hay presupuesto", "言葉の壁がある",
    "जानकारी समय पर नहीं मिलती", "لا نعرف من المسؤول", "Insurance for events is confusing",
    "Wenige Ehrenamtliche", "Falta de confianza", "Bus stops running at 9 pm", "Flyers get lost",
    "The hall is booked months ahead", "Kein WLAN im Gemeindehaus", "Nobody owns the mailing list",
    "Rain 🌧️ cancels outdoor plans", "Parents cannot bring babies",
]
ACTIVITIES = [
    "Monthly repair café", "Straßenfest im Juni", "Huerto comunitario", "日本語と英語の交流会",
    "पुस्तक विनिमय हर रविवार", "ترحيب بالجيران الجدد", "Welcome pack for new neighbours",
    "Gemeinsames Kochen", "Noche de cine al aire libre", "Skill-share evenings",
    "Walking group on Sundays", "Kids' bike repair", "Babysitting rota for meetings",
    "Online noticeboard", "Plant swap 🌱", "Language café",
]


def multilingual_session() -> Session:
    """Build the session; notes are spread over the three lanes of the default template."""
    session = session_from_template(find_template("drivers-blockers-activities"), "Nachbarschaftstreffen Nordstadt")
    session.remove_notes([note.id for note in session.notes])
    lanes = [lane.id for lane in session.lanes]
    placer = GridPlacer(lane_rects(session.lanes))
    notes: list[Note] = []
    for lane, texts in zip(lanes, (DRIVERS, BLOCKERS, ACTIVITIES), strict=False):
        for text in texts:
            x, y = placer.place(lane)
            notes.append(Note(id=new_id(), lane_id=lane, text=text, x=x, y=y))
    session.add_notes(notes)
    session.set_details(SessionDetails(
        date=date(2026, 11, 28), place="Gemeindehaus Nordstadt", facilitator="Amira Haddad", participants=23,
        purpose="Decide which activities the neighbourhood starts with in spring.",
    ))
    by_text = {note.text: note.id for note in session.notes}
    voting = session.voting
    voting.set_roster([Participant(f"p{i}", name, "#1B6CA8")
                       for i, name in enumerate(["Ana", "Ben", "Chiara", "Dev", "Emre", "Fatima"])])
    activities = lanes[2]
    voting.add_round(VoteRound(id="decide", title="Which activities do we start with?", lane_ids=(activities,),
                               dots_per_participant=3, blind=True))
    voting.start_round("decide")
    picks = [
        ["Monthly repair café", "Straßenfest im Juni", "ترحيب بالجيران الجدد"],
        ["Monthly repair café", "日本語と英語の交流会", "Huerto comunitario"],
        ["Straßenfest im Juni", "Monthly repair café", "पुस्तक विनिमय हर रविवार"],
        ["ترحيب بالجيران الجدد", "Monthly repair café", "Language café"],
        ["Huerto comunitario", "Straßenfest im Juni", "Plant swap 🌱"],
        ["Monthly repair café", "ترحيب بالجيران الجدد", "पुस्तक विनिमय हर रविवार"],
    ]
    for index, items in enumerate(picks):
        who = f"p{index}"
        voting.begin_turn("decide", who)
        for text in items:
            voting.cast_dot("decide", who, by_text[text])
        voting.finish_turn("decide", who)
    voting.close_round("decide")
    voting.add_round(VoteRound(id="tally", title="Biggest blockers", lane_ids=(lanes[1],), dots_per_participant=3))
    voting.start_round("tally")
    for text, dots in [("No time after work", 9), ("Keine Räume am Abend", 6), ("لا نعرف من المسؤول", 5),
                       ("言葉の壁がある", 4), ("No hay presupuesto", 2)]:
        voting.set_tally("tally", by_text[text], dots)
    voting.close_round("tally")
    actions = {
        "Monthly repair café": FollowUp("Ben Okafor", date(2026, 12, 15)),
        "Straßenfest im Juni": FollowUp("Chiara Rossi", date(2027, 1, 31)),
        "ترحيب بالجيران الجدد": FollowUp("فاطمة الزهراء", date(2026, 12, 20)),
        "पुस्तक विनिमय हर रविवार": FollowUp("Dev Sharma", date(2027, 1, 10)),
        "日本語と英語の交流会": FollowUp("佐藤 花子", date(2027, 2, 1)),
        "Keine Räume am Abend": FollowUp("Emre Yilmaz", date(2026, 12, 5), "done"),
    }
    session.set_note_actions({by_text[text]: action for text, action in actions.items()})
    return session
