"""The PDF's font: the bundled DejaVu Sans, embedded as a subset, registered once per process."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from canvasapp.locations import bold_font_path, font_path

REGULAR = "CanvasSans"
BOLD = "CanvasSans-Bold"

_lock = threading.Lock()
# reportlab 5.1 writes code points beyond U+FFFF into the ToUnicode map as five hex digits
# ("<1F600>"), which PDF readers misread (pdftotext gives "ὠ" for "😀"). A map entry must be
# UTF-16BE, so such code points need a surrogate pair ("<D83DDE00>").
_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


# reportlab ships no type hints (no py.typed), so mypy sees TTFont as Any.
class _UnicodeTTFont(TTFont):  # type: ignore[misc]
    """A ``TTFont`` whose ToUnicode maps also name emoji and other characters beyond U+FFFF,
    so that copying text out of the PDF (and searching it) gives back what people wrote."""

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for name, stream in doc.idToObject.items():
            if not str(name).startswith("toUnicodeCMap:"):
                continue
            content = getattr(stream, "content", None)
            if isinstance(content, str) and _ASTRAL_ENTRY.search(content):
                stream.content = _ASTRAL_ENTRY.sub(_utf16_entry, content)


def _utf16_entry(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    units = chr(code).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{units}>"


def register_fonts() -> None:
    """Register the regular and bold faces (and ``<b>`` mapping) with reportlab, once."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(_UnicodeTTFont(REGULAR, str(font_path())))
        pdfmetrics.registerFont(_UnicodeTTFont(BOLD, str(bold_font_path())))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)


#: Drawn for a character the font lacks (most emoji): a visible box rather than nothing.
_BOX = 0x25A1
#: Modifiers the font lacks that only change the character before them (skin tones, emoji
#: tag and variation selectors): drawn as nothing, so "👍🏽" shows one box, not two.
_INVISIBLE = (range(0x1F3FB, 0x1F400), range(0xFE00, 0xFE10), range(0xE0020, 0xE0080), range(0xE0100, 0xE01F0))
_ZERO_WIDTH = 0x200D


def ensure_glyphs(texts: Iterable[str]) -> None:
    """Give every character of ``texts`` that the fonts lack a stand-in glyph.

    Without this reportlab draws the font's empty glyph 0, which PDF readers drop when text is
    copied or searched, so an emoji silently disappears from the text. With it the page shows a
    box (or nothing, for a modifier) while the ToUnicode map still names the real character:
    copying the note out of the PDF gives back exactly what was typed. reportlab itself maps
    U+00A0 to the space glyph the same way.
    """
    register_fonts()
    wanted: set[str] = set()
    for text in texts:
        wanted.update(text)
    with _lock:
        for name in (REGULAR, BOLD):
            face = pdfmetrics.getFont(name).face
            glyphs, widths = face.charToGlyph, face.charWidths
            for character in wanted:
                code = ord(character)
                if code in glyphs or code < 0x20:
                    continue
                stand_in = _ZERO_WIDTH if any(code in block for block in _INVISIBLE) else _BOX
                if stand_in in glyphs:
                    glyphs[code] = glyphs[stand_in]
                    widths[code] = widths.get(stand_in, face.defaultWidth)


def has_glyph(character: str) -> bool:
    """Whether the regular face draws ``character`` (else reportlab shows an empty box)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    return ord(character) in face.charToGlyph
