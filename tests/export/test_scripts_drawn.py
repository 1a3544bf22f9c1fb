"""Every script is drawn with real glyphs: each character in a font that has it, embedded as a
subset; Indic shaped, Arabic joined and right to left; never the box of a missing glyph."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from canvasapp.export.font_files import coverage, font_files_for
from canvasapp.export.fonts import REGULAR, ensure_glyphs, register_fonts, runs
from canvasapp.export.pdf import summary_pdf
from canvasapp.export.pdf_text import text_paragraph
from canvasapp.ops.summary import build_summary
from tests.export.multilingual import SCRIPT_SAMPLES, multilingual_session

STYLE = ParagraphStyle("probe", fontName=REGULAR, fontSize=16, leading=22)


def _pixels(story: list[Paragraph], tmp_path: Path, name: str) -> bytes:
    """The first page rendered in grey by pdftoppm (a PGM file's bytes)."""
    pdf = tmp_path / f"{name}.pdf"
    SimpleDocTemplate(str(pdf)).build(story)
    subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(pdf), str(tmp_path / name)], check=True)
    return next(tmp_path.glob(f"{name}*.pgm")).read_bytes()


@pytest.mark.parametrize("script", sorted(SCRIPT_SAMPLES))
def test_every_character_is_in_a_font_that_has_its_glyph(script: str) -> None:
    register_fonts()
    text = SCRIPT_SAMPLES[script]
    for font, piece in runs(text):
        face = pdfmetrics.getFont(font).face
        real = coverage(Path(face.filename))
        for character in piece:
            if character in " \u200d\ufe0f" or ord(character) in range(0x1F3FB, 0x1F400):
                continue
            assert ord(character) in real, f"{character!r} ({script}) drawn by {font}, which lacks it"


@pytest.mark.parametrize("script", sorted(set(SCRIPT_SAMPLES) - {"latin", "german", "spanish"}))
def test_no_script_is_drawn_as_boxes(script: str, tmp_path: Path) -> None:
    # The same text drawn by the bundled font alone shows boxes; ours must look different.
    text = SCRIPT_SAMPLES[script]
    register_fonts()
    ensure_glyphs([text])
    ours = _pixels([text_paragraph(text, STYLE)], tmp_path, "ours")
    boxes = _pixels([Paragraph(escape(text), STYLE)], tmp_path, "boxes")
    if script in ("greek", "cyrillic", "hebrew"):
        return  # the bundled font draws these itself (Hebrew is checked for its order below)
    assert ours != boxes


def test_devanagari_is_shaped(tmp_path: Path) -> None:
    text = SCRIPT_SAMPLES["hindi"]
    shaped = _pixels([text_paragraph(text, STYLE)], tmp_path, "shaped")
    unshaped_style = ParagraphStyle("flat", STYLE, shaping=0)
    flat = _pixels([Paragraph("".join(f'<font face="{font}">{escape(piece)}</font>' for font, piece in runs(text)),
                              unshaped_style)], tmp_path, "flat")
    assert shaped != flat  # the vowel sign ि moves before its consonant only when shaped


def test_arabic_is_joined_and_right_to_left_in_the_pdf(tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    path.write_bytes(summary_pdf(build_summary(multilingual_session())))
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    # Joined letters are drawn from the presentation forms (initial, medial, final shapes).
    assert any(0xFE70 <= ord(character) <= 0xFEFF for character in raw)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    for family in ("DejaVuSans", "NotoSansDevanagari", "DroidSansFallback"):
        assert f"+{family}" in fonts, family
    for row in fonts.splitlines()[2:]:
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, ToUnicode


def test_mixed_direction_note_keeps_left_to_right_words_readable() -> None:
    from canvasapp.export.scripts import visual_line

    line = visual_line(SCRIPT_SAMPLES["mixed"])
    assert "WiFi" in line and "24/7" in line  # not mirrored into "iFiW"
    # The first Arabic word is drawn at the right end of the line.
    first = "نحتاج"
    assert line.rstrip().endswith(visual_line(first))


def test_hebrew_is_drawn_right_to_left() -> None:
    from canvasapp.export.scripts import visual_line

    assert visual_line("שלום עולם") == "םלוע םולש"


def test_font_files_for_names_a_file_per_script() -> None:
    files = font_files_for("Hello 会議 किताब 🎉")
    names = " ".join(path.name for path in files)
    assert files[0].name == "DejaVuSans.ttf"
    assert "Devanagari" in names and "DroidSansFallback" in names


def test_a_long_right_to_left_note_wraps_in_reading_order() -> None:
    from canvasapp.export.pdf_text import wrap_lines

    words = ["نحتاج", "إلى", "مكان", "للقاء", "في", "المساء", "قريب", "من", "محطة", "الحافلات", "مع", "مطبخ", "صغير"]
    lines = wrap_lines(" ".join(words), 120.0, 12.0)
    assert len(lines) > 2
    # Lines are cut in reading order (the first line holds the first words) and lose nothing;
    # each is then drawn right to left on its own (visual_line), so line 1 starts at the top right.
    assert lines[0].split()[0] == words[0]
    assert " ".join(lines).split() == words


_MIXED = st.text(alphabet=st.sampled_from(list("ab ,.()1\n") + list("نحتاجمكان") + list("שלום") + list("किताब")
                                          + list("会議の結果") + ["🎉", "👍", "\U0001F3FD", "\u200d", "\ufe0f"]),
                 max_size=60)


@settings(max_examples=60, deadline=None)
@given(_MIXED)
def test_runs_lose_no_character(text: str) -> None:
    assert "".join(piece for _font, piece in runs(text)) == text


@settings(max_examples=60, deadline=None)
@given(_MIXED)
def test_wrapping_loses_no_word(text: str) -> None:
    from canvasapp.export.pdf_text import wrap_lines

    lines = wrap_lines(text.replace("\n", " "), 60.0, 10.0)
    assert " ".join(lines).split() == text.replace("\n", " ").split() or "".join("".join(lines).split()) == "".join(
        text.split())


@settings(max_examples=25, deadline=None)
@given(_MIXED)
def test_any_mix_of_scripts_renders(text: str) -> None:
    SimpleDocTemplate(io.BytesIO()).build([text_paragraph(text, STYLE)])


def test_a_skin_tone_is_not_drawn_as_a_swatch() -> None:
    # Monochrome emoji fonts draw the modifier alone as a coloured square; ours draws nothing.
    register_fonts()
    ensure_glyphs(["👍🏽"])
    pieces = runs("👍🏽")
    assert pieces[-1] == (REGULAR, "\U0001F3FD")
    assert pdfmetrics.getFont(REGULAR).face.charWidths.get(0x1F3FD, 1) == 0
