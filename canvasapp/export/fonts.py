"""The PDF's fonts: the bundled DejaVu Sans, and per run of text whichever installed font
draws it (Japanese, Devanagari, emoji, ...), each embedded as a subset, registered once per
process.

:func:`runs` cuts text into pieces each drawn by one font; :func:`markup` turns user text into
escaped Paragraph markup with a ``<font face=...>`` per piece, and right-to-left lines in the
order they are drawn (see ``canvasapp.export.scripts``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from canvasapp.export.font_files import default_chooser
from canvasapp.export.scripts import visual_line
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


#: reportlab names of fallback fonts registered so far, by file.
_fallback_names: dict[Path, str] = {}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
#: Characters that belong to the run before them whatever font that run uses: marks,
#: joiners and selectors only change the character they follow.
_FOLLOWERS = frozenset("\u200c\u200d\ufe0e\ufe0f")


def _fallback_name(path: Path) -> str:
    """The reportlab name of a fallback font file, registering it (and its bold) on first use."""
    with _lock:
        name = _fallback_names.get(path)
        if name is None:
            name = f"CanvasFallback{len(_fallback_names) + 1}"
            # Shaping stays on for these faces: reportlab only shapes paragraphs that ask for it.
            pdfmetrics.registerFont(_UnicodeTTFont(name, str(path)))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
            _fallback_names[path] = name
        return name


@lru_cache(maxsize=65536)
def font_name_for(character: str, bold: bool = False) -> str:
    """The reportlab font that draws ``character``: ours if it can, else an installed one."""
    register_fonts()
    own = BOLD if bold else REGULAR
    if ord(character) in pdfmetrics.getFont(own).face.charToGlyph:
        return own
    path = default_chooser().font_for(character)
    if path is None:
        return own
    if path == font_path():
        return REGULAR
    return _fallback_name(path)


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` as ``(font name, piece)`` pairs, in order; the pieces join back to ``text``."""
    own = BOLD if bold else REGULAR
    pieces: list[tuple[str, str]] = []
    current = own
    start = 0
    for index, character in enumerate(text):
        if character in " \n":
            continue
        if any(ord(character) in block for block in _INVISIBLE):
            # A skin tone, selector or tag: only a colour emoji font combines it with the emoji
            # before it; a monochrome one would draw a swatch. Drawn as nothing by our own font
            # (see ensure_glyphs), so copying the text out still gives it back.
            if current == own:
                continue
            font = own
        elif _follows(character):
            continue
        elif _neutral(character) and ord(character) in pdfmetrics.getFont(current).face.charToGlyph:
            # Punctuation, digits and symbols stay in the run they are in when its font has
            # them: "नमस्ते," is then one word in one font, which HarfBuzz shapes correctly.
            continue
        else:
            font = font_name_for(character, bold)
        if font != current:
            if index > start:
                pieces.append((current, text[start:index]))
            current, start = font, index
    if start < len(text) or not pieces:
        pieces.append((current, text[start:]))
    return pieces


def _neutral(character: str) -> bool:
    return unicodedata.category(character)[0] in "PNSZ" and not 0x1F000 <= ord(character) <= 0x1FAFF


def splits_a_word(text: str, bold: bool = False) -> bool:
    """Whether a change of font falls inside a word of ``text`` (no space on either side).

    reportlab shapes a word with the font of its first letter, so a paragraph holding such a
    word must not be shaped (its other letters would get the wrong glyphs, or reportlab fails).
    """
    pieces = runs(text, bold)
    return any(
        before[1] and after[1] and not before[1][-1].isspace() and not after[1][0].isspace()
        for before, after in pairwise(pieces)
    )


def _follows(character: str) -> bool:
    code = ord(character)
    return (
        character in _FOLLOWERS or unicodedata.category(character).startswith("M")
        or any(code in block for block in _INVISIBLE)
    )


def clean(text: str) -> str:
    """Line ends made ``\n``; tabs and control characters (which reportlab rejects) spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub(" ", text)


def markup(text: str, bold: bool = False, rtl: bool | None = None) -> str:
    """User text as safe Paragraph markup: escaped, each run in the font that draws it,
    right-to-left lines in drawing order, newlines kept as ``<br/>``."""
    lines = [visual_line(line, rtl) for line in clean(text).split("\n")]
    own = BOLD if bold else REGULAR
    return "<br/>".join(
        "".join(escape(piece) if font == own else f'<font face="{font}">{escape(piece)}</font>'
                for font, piece in runs(line, bold))
        for line in lines
    )


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of ``text`` (already in visual order) at ``size``, over all its runs."""
    return float(sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, bold)))


def ensure_glyphs(texts: Iterable[str]) -> None:
    """Give every character of ``texts`` that no installed font draws a stand-in glyph.

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
    for character in wanted:
        font_name_for(character)  # registers the fallback fonts these characters need
    with _lock:
        for name in (REGULAR, BOLD, *_fallback_names.values()):
            face = pdfmetrics.getFont(name).face
            glyphs, widths = face.charToGlyph, face.charWidths
            for character in wanted:
                code = ord(character)
                if code in glyphs or code < 0x20:
                    continue
                invisible = any(code in block for block in _INVISIBLE)
                if not invisible and default_chooser().font_for(character) is not None:
                    continue
                stand_in = _ZERO_WIDTH if invisible else _BOX
                if stand_in in glyphs:
                    glyphs[code] = glyphs[stand_in]
                    widths[code] = widths.get(stand_in, face.defaultWidth)


def has_glyph(character: str) -> bool:
    """Whether the regular face draws ``character`` (else reportlab shows an empty box)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    return ord(character) in face.charToGlyph
