"""Paragraphs of user text in any script: the only way a person's words reach the PDF.

:func:`text_paragraph` escapes the text (nothing typed is parsed as markup), draws each run in
a font that has its glyphs, asks reportlab to shape Indic scripts with HarfBuzz, and lays out
right-to-left text line by line: it wraps the words in reading order at the frame's width
itself, then turns each line into drawing order and aligns the paragraph to the right.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from canvasapp.export.fonts import BOLD, clean, markup, splits_a_word, text_width
from canvasapp.export.scripts import has_rtl, joined, needs_shaping, starts_rtl


@lru_cache(maxsize=512)
def _variant(style: ParagraphStyle, shaping: bool, rtl: bool) -> ParagraphStyle:
    alignment = TA_RIGHT if rtl and style.alignment == TA_LEFT else style.alignment
    if bool(style.shaping) == shaping and alignment == style.alignment:
        return style
    return ParagraphStyle(f"{style.name}-{int(shaping)}{int(rtl)}", style, shaping=int(shaping), alignment=alignment)


def style_for(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, shaping on when ``text`` needs it (off with RTL text, see scripts.py, and when a
    word changes font midway, see ``splits_a_word``), aligned right when ``text`` reads right
    to left."""
    rtl = has_rtl(text)
    shaped = needs_shaping(text) and not rtl and not splits_a_word(clean(text), _is_bold(style))
    return _variant(style, shaped, rtl and starts_rtl(text))


class TextParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph of user text. Right-to-left text is wrapped here, at the width it gets."""

    #: What the paragraph shows (a note's id), kept by the pieces a page break makes of it, so
    #: a layout check can tell where each note ended up.
    key: str | None = None

    def __init__(self, text: str | None, style: ParagraphStyle, bulletText: str | None = None,
                 frags: Any = None, **kwargs: Any) -> None:
        self.source = None if frags is not None or text is None else clean(text)
        self._wrapped_for: float | None = None
        if self.source is None:
            # reportlab's split makes the pieces this way: already laid out.
            super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)
            return
        self.rtl = has_rtl(self.source)
        self.user_style = style
        super().__init__(markup(self.source, bold=_is_bold(style)) if not self.rtl else "",
                         style_for(self.source, style), bulletText=bulletText)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.source is not None and self.rtl and self._wrapped_for != availWidth:
            self._wrapped_for = availWidth
            style = self.style
            width = availWidth - style.leftIndent - style.rightIndent - 1
            lines = wrap_lines(self.source, width, style.fontSize, _is_bold(self.user_style))
            paragraph_rtl = starts_rtl(self.source)
            text = "<br/>".join(markup(line, bold=_is_bold(self.user_style), rtl=paragraph_rtl) for line in lines)
            Paragraph.__init__(self, text, style, bulletText=self.bulletText)
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]


    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        pieces: list[Any] = super().split(availWidth, availHeight)
        for piece in pieces:
            piece.key = self.key
        return pieces


def _is_bold(style: ParagraphStyle) -> bool:
    return bool(style.fontName == BOLD)


def wrap_lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` cut into lines (in reading order) no wider than ``width`` once drawn.

    Widths are measured on the joined Arabic forms, as they will be drawn; a word wider than a
    line is cut between characters.
    """
    lines: list[str] = []
    space = text_width(" ", size, bold)
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for word in paragraph.split(" "):
            word_width = text_width(joined(word), size, bold)
            if line and line_width + space + word_width > width:
                lines.append(line)
                line, line_width = "", 0.0
            while word_width > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and text_width(joined(word[:cut]), size, bold) > width:
                    cut = max(1, cut * 3 // 4)
                lines.append(word[:cut])
                word = word[cut:]
                word_width = text_width(joined(word), size, bold)
            line = f"{line} {word}" if line else word
            line_width = text_width(joined(line), size, bold) if line else 0.0
        lines.append(line)
    return lines


def text_paragraph(text: str, style: ParagraphStyle, bullet: str | None = None, key: str | None = None) -> Paragraph:
    """A paragraph showing ``text`` exactly as typed, in every script."""
    paragraph = TextParagraph(text, style, bulletText=bullet)
    paragraph.key = key
    return paragraph
