"""Which font files draw a piece of text: the app's own fonts first, then the system's.

Qt-free, so the canvas and the PNG export can register the same files with Qt
(``QFontDatabase.addApplicationFont``) that the PDF embeds. The system's fonts are found through
fontconfig (``fc-list :charset=...``), one question per character that no font chosen so far
draws, so a page of Japanese asks once, not once per character.

Only TrueType outlines are offered: reportlab can embed neither CFF fonts (Noto CJK's ``.ttc``)
nor colour-bitmap ones (Noto Color Emoji), and a font it cannot load is skipped, not fatal.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

from canvasapp.locations import bold_font_path, font_path

_lock = threading.Lock()
#: Characters that draw nothing by themselves; they never decide a font.
_IGNORED = frozenset("\n\r\t \u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
#: Family words that make a font a worse choice for running text on a summary.
_UNWANTED_WORDS = ("Serif", "Mono", "Condensed", "Display", "UI")
_FC_TIMEOUT = 10.0


@lru_cache(maxsize=64)
def coverage(path: Path) -> frozenset[int]:
    """The code points ``path`` has glyphs for (empty when reportlab cannot read the file)."""
    try:
        face = TTFontFile(str(path), validate=0)
    except Exception:
        return frozenset()
    return frozenset(code for code, glyph in face.charToGlyph.items() if glyph)


def bundled_fonts() -> list[Path]:
    """The app's own regular face and any other TrueType files shipped beside it."""
    regular = font_path()
    others = sorted(
        path for path in regular.parent.glob("*.ttf")
        if path not in (regular, bold_font_path()) and "Bold" not in path.stem
    )
    return [regular, *others]


def _rank(line: str) -> tuple[int, int, int, str]:
    path, _, rest = line.partition("|")
    style, _, family = rest.partition("|")
    upright = 0 if style.split(",")[0].strip() in ("Regular", "Book", "Normal", "") else 1
    unwanted = sum(word in family for word in _UNWANTED_WORDS)
    # Noto and DejaVu are the families Debian's font packages install for most scripts.
    known = 0 if family.startswith(("Noto Sans", "DejaVu Sans", "Droid Sans")) else 1
    return (upright, unwanted, known, path)


@lru_cache(maxsize=4096)
def _system_candidates(code: int) -> tuple[Path, ...]:
    """TrueType files fontconfig says draw ``code``, best first (``()`` without fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        listing = subprocess.run(
            [fc_list, f":charset={code:x}:fontformat=TrueType:outline=True",
             "--format", "%{file}|%{style}|%{family}\n"],
            capture_output=True, text=True, timeout=_FC_TIMEOUT, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    lines = sorted({line for line in listing.splitlines() if line.strip()}, key=_rank)
    return tuple(Path(line.partition("|")[0]) for line in lines)


class FontChooser:
    """Chooses, per character, the first font that draws it: chosen fonts first, so a note
    stays in as few fonts as possible, then the system's best match for that character."""

    def __init__(self, preferred: Iterable[Path] | None = None) -> None:
        self.chosen: list[Path] = list(preferred if preferred is not None else bundled_fonts())
        self._by_code: dict[int, Path | None] = {}

    def font_for(self, character: str) -> Path | None:
        """The file that draws ``character``; ``None`` when no font on this machine has it."""
        code = ord(character)
        if code in self._by_code:
            return self._by_code[code]
        with _lock:
            found = next((path for path in self.chosen if code in coverage(path)), None)
            if found is None:
                found = next((path for path in _system_candidates(code) if code in coverage(path)), None)
                if found is not None and found not in self.chosen:
                    self.chosen.append(found)
            self._by_code[code] = found
        return found


_default = FontChooser()


def default_chooser() -> FontChooser:
    """The process's chooser (its cache is shared by every export)."""
    return _default


def font_files_for(text: str, chooser: FontChooser | None = None) -> list[Path]:
    """The font files that together draw ``text``, the app's own first.

    Characters no installed font draws are left out of the answer (they show as a box).
    """
    chooser = chooser or _default
    files: list[Path] = []
    for character in dict.fromkeys(text):
        if character in _IGNORED or ord(character) < 0x20:
            continue
        path = chooser.font_for(character)
        if path is not None and path not in files:
            files.append(path)
    return files
