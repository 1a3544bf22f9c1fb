"""Note texts that have broken PDF exports elsewhere, shared by the export and CLI tests."""

from __future__ import annotations

LONG_NOTE = " ".join(f"word{i % 97}" for i in range(1500))[:10_000]
assert len(LONG_NOTE) == 10_000

HOSTILE_TEXTS: list[str] = [
    "a<b",
    "R&D",
    "<b>",
    "unclosed <b> bold starts here",
    '<img src="/etc/passwd">',
    '<a href="javascript:alert(1)">x</a>',
    "AT&T; &amp; &nbsp; &#60;",
    "Привет, сообщество: встречи каждый месяц",
    "Γειά σου κόσμε, η κοινότητα",
    "Café naïve façade Ærøskøbing Łódź őrült",
    "Emoji 😀 👍🏽 ❤️ 👩‍👩‍👧 ok",
    "line one\nline two\n\nline four after a blank",
    LONG_NOTE,
    "A meetup every month in a café near the station, with a short talk and time to chat",
]

LANES = ("drivers", "blockers", "activities")
