"""The look of the voting screens: one place for their sizes and colours.

Everything here is read from across a room: type of 28 px and more, buttons at least 64 px tall
(a fingertip on a touch display), strong contrast on a dark screen that tells the room "this is
the voting screen, not the board".
"""

from __future__ import annotations

from canvasapp.ui.look.fonts import app_font_family

SCREEN = "#14213D"
SCREEN_TEXT = "#FFFFFF"
MUTED_TEXT = "#C9D3E6"
ACCENT = "#FCA311"
DONE = "#2F9E44"
#: Minimum height of anything a person taps.
TOUCH = 64
BIG_TOUCH = 96

#: Dot colours for the roster: distinct, dark enough for a white ring and white numbers.
DOT_COLOURS = (
    "#D7263D", "#1B6CA8", "#1B998B", "#E36414", "#6A4C93", "#2D3047",
    "#C2185B", "#00838F", "#8D6E00", "#558B2F", "#5D4037", "#455A64",
)
#: Dots that belong to no one (anonymous turns already finished, tallies).
NO_ONE_COLOUR = "#4A5568"


def dot_colour(index: int) -> str:
    return DOT_COLOURS[index % len(DOT_COLOURS)]




def screen_stylesheet() -> str:
    family = app_font_family()
    return f"""
    QWidget#vote_screen {{ background: {SCREEN}; }}
    QWidget#vote_screen QLabel {{ color: {SCREEN_TEXT}; font-family: "{family}"; background: transparent; }}
    QLabel#vote_title {{ font-size: 56px; font-weight: bold; }}
    QLabel#vote_subtitle {{ font-size: 26px; color: {MUTED_TEXT}; }}
    QPushButton {{ font-family: "{family}"; }}
    QPushButton#voter_button {{
        min-height: {BIG_TOUCH}px; font-size: 32px; font-weight: bold; border-radius: 14px;
        padding: 8px 24px; text-align: left;
    }}
    QPushButton#voter_button:focus {{ border: 5px solid {ACCENT}; }}
    QPushButton#facilitator_button {{
        min-height: {TOUCH}px; font-size: 20px; border-radius: 10px; padding: 6px 20px;
        background: #24345A; color: {SCREEN_TEXT}; border: 2px solid #3C5288;
    }}
    QPushButton#facilitator_button:hover, QPushButton#facilitator_button:focus {{ border-color: {ACCENT}; }}
    QPushButton#primary_button {{
        min-height: {BIG_TOUCH}px; font-size: 34px; font-weight: bold; border-radius: 16px;
        padding: 8px 48px; background: {ACCENT}; color: #14213D; border: none;
    }}
    QPushButton#primary_button:focus {{ border: 5px solid #FFFFFF; }}
    """
