"""A lane as drawn on the board: a tinted column with its title and the prompt it asks."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvasapp.ops.layout import LANE_HEADER_HEIGHT
from canvasapp.ops.palette import blend
from canvasapp.ui.board.note_item import DETAIL_THRESHOLD
from canvasapp.ui.board.text_fit import WRAP, fitted_font
from canvasapp.ui.look.fonts import app_font
from canvasapp.ui.look.theme import current_theme

TITLE_PX = 44
PROMPT_PX = 22
SMALLEST_PROMPT_PX = 14
TITLE_COLOUR = "#111111"
PROMPT_COLOUR = "#1A1A1A"
_TITLE_COLOUR = QColor(TITLE_COLOUR)
_PROMPT_COLOUR = QColor(PROMPT_COLOUR)


#: Beyond the exposed area, wider than the border and the corner radius (scene units).
_MARGIN = 24.0


@cache
def _opaque_tint(colour: str, alpha: int, background: str) -> QColor:
    """The lane's colour laid at the theme's strength over the board's background, worked out
    here rather than blended by the painter: lanes are the lowest items and never overlap, so
    the picture is the same, and an opaque fill of a third of the screen costs a fraction of a
    blended one (every frame, zoomed in or out)."""
    return QColor(blend(colour, alpha, background))


class LaneItem(QGraphicsItem):
    """Not selectable or movable: notes sit on top of it, double-clicks go through to the scene."""

    def __init__(self, lane_id: str, title: str, prompt: str, colour: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self._title = title
        self._prompt = prompt
        self._colour = QColor(colour)
        self._rect = QRectF()
        self._title_font = app_font(TITLE_PX, bold=True)
        self._prompt_font = app_font(PROMPT_PX)
        self._shown_prompt = prompt
        self._prompt_fitted = False
        self.setZValue(-10.0)
        # Told what part is exposed, so a repaint of one note does not draw the whole lane.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def title(self) -> str:
        return self._title

    @property
    def prompt(self) -> str:
        return self._prompt

    def colour(self) -> QColor:
        return QColor(self._colour)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def header_rect(self) -> QRectF:
        return QRectF(self._rect.x(), self._rect.y(), self._rect.width(), LANE_HEADER_HEIGHT)

    def set_geometry(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._prompt_fitted = self._prompt_fitted and rect.width() == self._rect.width()
            self._rect = QRectF(rect)

    def set_lane(self, title: str, prompt: str, colour: str) -> None:
        self._title, self._prompt, self._colour = title, prompt, QColor(colour)
        self._prompt_fitted = False
        self.update()

    def _prompt_area(self) -> QRectF:
        return self.header_rect().adjusted(18, 10 + TITLE_PX + 12, -18, -8)

    def _fit_prompt(self) -> None:
        """Long prompts get smaller type (and at worst "…", the whole prompt in the tooltip)
        rather than running under the notes."""
        if not self._prompt_fitted:
            self._prompt_fitted = True
            self._prompt_font, self._shown_prompt = fitted_font(
                self._prompt_area(), self._prompt, PROMPT_PX, SMALLEST_PROMPT_PX
            )
            self.setToolTip(self._prompt if self._shown_prompt != self._prompt else "")

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(self._colour.darker(140), 2))
        theme = current_theme()
        painter.setBrush(_opaque_tint(self._colour.name(), theme.lane_tint_alpha, theme.board_background))
        # Only the exposed part (and a margin wider than the pen and the corner radius): an
        # antialiased rounded rectangle 20,000 pixels tall costs milliseconds even when only a
        # note's worth of it is repainted. Edges outside the margin are never seen, so the
        # result is the same as drawing the whole lane.
        exposed = option.exposedRect
        body = self._rect.intersected(exposed.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)) if exposed.isValid() else self._rect
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if scale < DETAIL_THRESHOLD:
            # Zoomed out the corners are a pixel or less: a plain rectangle, not antialiased, is
            # the same picture for a fraction of the cost (a lane fills a third of the screen).
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.drawRect(body)
            painter.restore()
        else:
            painter.drawRoundedRect(body, 8, 8)
        header = QRectF(self._rect.x(), self._rect.y(), self._rect.width(), LANE_HEADER_HEIGHT)
        if exposed.isValid() and not exposed.intersects(header):
            return  # only the body was repainted (a note on it changed)
        painter.fillRect(header.adjusted(2, 2, -2, 0), self._colour)
        text_area = header.adjusted(18, 10, -18, -8)
        painter.setPen(_TITLE_COLOUR)
        if scale < DETAIL_THRESHOLD:
            # Zoomed out: the title alone, drawn large enough to stay readable.
            # About 15 px on screen whatever the zoom.
            painter.setFont(app_font(int(TITLE_PX * 0.35 / max(scale, 0.05)), bold=True))
            painter.drawText(header, Qt.AlignmentFlag.AlignCenter, self._title)
            return
        painter.setFont(self._title_font)
        painter.drawText(text_area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._title)
        self._fit_prompt()
        painter.setPen(_PROMPT_COLOUR)
        painter.setFont(self._prompt_font)
        painter.drawText(self._prompt_area(), WRAP, self._shown_prompt)
