"""Writing systems that need more than one glyph per character drawn left to right.

reportlab draws characters in the order given. Arabic and Hebrew are stored in reading order
(right to left), and Arabic letters change shape with their neighbours. A line holding them is
turned into its *visual* order here: Arabic letters become their joined presentation forms
(``arabic_reshaper``), then the Unicode bidirectional algorithm (``python-bidi``) orders the
line, so left-to-right words and numbers inside a right-to-left note stay readable.

This is done per line after wrapping: the bidi algorithm is defined on a line, and a wrapped
right-to-left paragraph starts on the right of its first line. Indic scripts (Devanagari, ...)
are left in reading order and shaped by reportlab with HarfBuzz; reportlab shapes a whole
paragraph or none of it, so a paragraph mixing Arabic and Devanagari draws the Devanagari
letters unshaped (readable, without conjuncts).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display

#: Scripts HarfBuzz must shape for a correct word: Devanagari to Sinhala, Thai, Lao, Tibetan,
#: Myanmar, Khmer.
_SHAPED_RANGES = ((0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF))
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


@lru_cache(maxsize=8192)
def _direction(character: str) -> str:
    return unicodedata.bidirectional(character)


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, ...)."""
    return any(_direction(character) in ("R", "AL") for character in text)


def starts_rtl(text: str) -> bool:
    """Whether the first strong letter of ``text`` is right to left (the paragraph's direction)."""
    for character in text:
        direction = _direction(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds a script whose words are wrong unless shaped (Devanagari, ...)."""
    return any(low <= ord(character) <= high for character in text for low, high in _SHAPED_RANGES)


def joined(text: str) -> str:
    """Arabic letters in their joined forms, still in reading order (other text unchanged)."""
    if not any(_direction(character) == "AL" for character in text):
        return text
    return str(_RESHAPER.reshape(text))


def visual_line(line: str, rtl: bool | None = None) -> str:
    """One line in the order it is drawn left to right; unchanged when it has no RTL letter.

    ``rtl`` forces the paragraph direction (a continuation line of a right-to-left note that
    starts with a Latin word is still laid out right to left).
    """
    if not has_rtl(line):
        return line
    base = None if rtl is None else ("R" if rtl else "L")
    return str(get_display(joined(line), base_dir=base) if base else get_display(joined(line)))
