"""The board as a PNG, painted from the session's summary (a plain-Python picture of the
board: lanes, cluster frames and notes with their rectangles, colours and texts), never from
the window's scene: so it can be made on a worker thread while the facilitator keeps working
(``QImage`` and ``QPainter`` may be used off the GUI thread; scene items may not).

It is painted and encoded a band of rows at a time (``export/png_file.py``): a 120-million-pixel
picture never sits whole in memory, and a cancel stops it between two bands. It needs a
QGuiApplication (for fonts), which may be offscreen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from canvasapp.export.png_file import PngWriter
from canvasapp.ops.cluster_summary import ClusterEntry
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, Rect
from canvasapp.ops.progress import Progress
from canvasapp.ops.summary import LaneEntry, NoteEntry, WorkshopSummary
from canvasapp.ui.board.lane_item import PROMPT_PX, SMALLEST_PROMPT_PX, TITLE_PX
from canvasapp.ui.board.note_item import PADDING
from canvasapp.ui.board.text_fit import NOTE_TEXT_PX, WRAP, fitted_font
from canvasapp.ui.look.fonts import app_font

MARGIN = 40.0
#: Qt cannot make images much larger than this (2^29 bytes); bigger boards get a smaller scale.
MAX_PIXELS = 120_000_000
#: Rows painted and encoded at a time: a band of a wide board is ~30 MB and a few tenths of a second.
BAND_PIXELS = 4_000_000
LANE_TINT_ALPHA = 45
_TEXT = QColor("#1A1A1A")


def picture_size(summary: WorkshopSummary, scale: float, smaller: Callable[[float], None] | None = None) -> tuple[int, int, float]:
    """Width, height and scale of the picture; a board too big at ``scale`` is drawn smaller
    and ``smaller`` hears the scale used."""
    board = summary.board
    width, height = board.width + 2 * MARGIN, board.height + 2 * MARGIN
    fitting = (MAX_PIXELS / max(1.0, width * height)) ** 0.5
    if fitting < scale and smaller is not None:
        smaller(fitting)
    scale = min(scale, fitting)
    return max(1, round(width * scale)), max(1, round(height * scale)), scale


def board_png(
    summary: WorkshopSummary, scale: float = 1.0, smaller: Callable[[float], None] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The whole board at ``scale`` (1.0 = 100%: one board unit per pixel) as PNG bytes."""
    width, height, scale = picture_size(summary, scale, smaller)
    band = max(1, min(height, BAND_PIXELS // width))
    writer = PngWriter(width, height, progress)
    for top in range(0, height, band):
        rows = min(band, height - top)
        image = QImage(width, rows, QImage.Format.Format_RGB888)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            painter.translate(0, -top)
            painter.scale(scale, scale)
            painter.translate(MARGIN - summary.board.x, MARGIN - summary.board.y)
            visible = painter.transform().inverted()[0].mapRect(QRectF(0, 0, width, rows))
            _paint(painter, summary, visible, progress)
        finally:
            painter.end()
        writer.add_rows(image.constBits(), image.bytesPerLine(), rows)
    return writer.finish()


def _paint(painter: QPainter, summary: WorkshopSummary, visible: QRectF, progress: Progress | None) -> None:
    def shown(rect: Rect) -> bool:
        return rect.right >= visible.left() and rect.x <= visible.right() and rect.bottom >= visible.top() \
            and rect.y <= visible.bottom()

    for lane in summary.lanes:
        if lane.rect is not None and shown(lane.rect):
            _lane(painter, lane, lane.rect)
    for cluster in summary.clusters:
        if shown(cluster.frame):
            _cluster(painter, cluster)
    for index, note in enumerate(summary.notes):
        if progress is not None and index % 200 == 0:
            progress.check()
        if shown(note.rect):
            _note(painter, note)


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def _lane(painter: QPainter, lane: LaneEntry, rect: Rect) -> None:
    colour = QColor(lane.colour)
    tint = QColor(colour)
    tint.setAlpha(LANE_TINT_ALPHA)
    area = _qrect(rect)
    painter.setPen(QPen(colour.darker(140), 2))
    painter.setBrush(tint)
    painter.drawRoundedRect(area, 8, 8)
    header = QRectF(area.x(), area.y(), area.width(), LANE_HEADER_HEIGHT)
    painter.fillRect(header.adjusted(2, 2, -2, 0), colour)
    painter.setPen(_TEXT)
    painter.setFont(app_font(TITLE_PX, bold=True))
    painter.drawText(header.adjusted(18, 10, -18, -8), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lane.title)
    if lane.prompt.strip():
        # As the board draws it: a long prompt gets smaller type (at worst "…"), never a cut line.
        prompt_area = header.adjusted(18, 10 + TITLE_PX + 12, -18, -8)
        font, shown = fitted_font(prompt_area, lane.prompt, PROMPT_PX, SMALLEST_PROMPT_PX)
        painter.setFont(font)
        painter.drawText(prompt_area, WRAP, shown)


def _cluster(painter: QPainter, cluster: ClusterEntry) -> None:
    colour = QColor(cluster.colour)
    tint = QColor(colour)
    tint.setAlpha(70)
    frame = _qrect(cluster.frame)
    painter.setPen(QPen(colour.darker(150), 3))
    painter.setBrush(tint)
    painter.drawRoundedRect(frame, 12, 12)
    painter.setPen(_TEXT)
    painter.setFont(app_font(28, bold=True))
    notes = "note" if cluster.count == 1 else "notes"
    painter.drawText(frame.adjusted(14, 8, -14, 0), int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft),
                     f"{cluster.title or 'Untitled'} ({cluster.count} {notes})")


def _note(painter: QPainter, note: NoteEntry) -> None:
    colour = QColor(note.colour)
    area = _qrect(note.rect)
    painter.setPen(QPen(colour.darker(130), 1))
    painter.setBrush(colour)
    painter.drawRoundedRect(area, 4, 4)
    if note.text.strip():
        # As on the board: one text size, cut with "…" where the note is too small for it.
        text_area = area.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        font, text = fitted_font(text_area, note.text, NOTE_TEXT_PX, NOTE_TEXT_PX)
        painter.setPen(_TEXT)
        painter.setFont(font)
        painter.drawText(text_area, WRAP, text)

