"""The room view: what the projector shows in presentation mode and in the audience window.

It is not the facilitator's board zoomed out. It draws its own scene, arranged for the room by
:func:`canvasapp.ops.room_layout.arrange_room` from :func:`canvasapp.ops.room_content.room_content`:
the current phase's lanes fill the screen, with the phase's title, its instruction and the
timer in large type, every note in one size that reads from the back of the room. The scene is
shown 1:1 (one scene unit is one screen pixel), so the sizes chosen are the sizes seen.

Dots are drawn in one place, :meth:`RoomView._draw_dots`, and only while ``show_dots`` is on:
whoever knows the voting rules (a blind round stays hidden until it is revealed) sets it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from canvasapp.model import Session
from canvasapp.ops.layout import Rect
from canvasapp.ops.palette import TEXT_COLOUR, tint
from canvasapp.ops.room_content import RoomContent, RoomFocus, room_content
from canvasapp.ops.room_layout import CLUSTER, LANE, NOTE, TIMER_WIDTH, RoomLayout, TextBox, arrange_room
from canvasapp.ui.board.text_fit import wrapped_lines
from canvasapp.ui.look.fonts import app_font_family
from canvasapp.ui.room.timer_widget import TimerDisplay

#: The projector's colours: black type on white, lanes a light tint of their colour.
ROOM_BACKGROUND = "#FFFFFF"
HEADING_COLOUR = "#000000"
LANE_TINT = 0.3
BADGE_FILL = "#1A1A1A"
BADGE_TEXT = "#FFFFFF"
CARD_EDGE = "#5A5A5A"


@cache
def room_font(px: int, bold: bool) -> QFont:
    font = QFont(app_font_family())
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class QtTextMeasure:
    """Text measured as :func:`wrapped_lines` sets it (the layout's side of the bargain)."""

    def line_count(self, text: str, px: int, bold: bool, width: float) -> int:
        return len(wrapped_lines(text, room_font(px, bold), width, max_lines=0))

    def line_height(self, px: int, bold: bool) -> float:
        return QFontMetricsF(room_font(px, bold)).lineSpacing()


class RoomText(QGraphicsSimpleTextItem):
    """One text of the room: ``role`` says what it is (heading, note, cluster, prompt, more)."""

    def __init__(self, box: TextBox, colour: str) -> None:
        super().__init__()
        self.role = box.role
        self.full_text = box.text
        font = room_font(box.px, box.bold)
        self.setFont(font)
        self.setText("\n".join(wrapped_lines(box.text, font, box.rect.width, box.max_lines)))
        self.setBrush(QColor(colour))
        self.setPos(box.rect.x, box.rect.y)

    def cap_height(self) -> float:
        """Height of a capital letter in scene units."""
        return QFontMetricsF(self.font()).capHeight()


def _rounded(rect: Rect, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(rect.x, rect.y, rect.width, rect.height), radius, radius)
    return path


class RoomScene(QGraphicsScene):
    """The room's picture, rebuilt from a :class:`RoomLayout` whenever what it shows changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackgroundBrush(QColor(ROOM_BACKGROUND))
        self.layout: RoomLayout | None = None
        self.texts: list[RoomText] = []

    def show_layout(self, layout: RoomLayout) -> None:
        self.clear()
        self.texts = []
        self.layout = layout
        self.setSceneRect(0, 0, layout.width, layout.height)
        for card in layout.cards:
            if card.kind == LANE:
                item = QGraphicsPathItem(_rounded(card.rect, 12))
                item.setBrush(QColor(tint(card.colour, LANE_TINT)))
                item.setPen(QPen(Qt.PenStyle.NoPen))
            else:
                item = QGraphicsPathItem(_rounded(card.rect, 6))
                item.setBrush(QColor(card.colour))
                item.setPen(QPen(QColor(CARD_EDGE), 3 if card.kind == CLUSTER else 1))
            item.setData(0, card.item_id)
            self.addItem(item)
        for box in layout.texts:
            text = RoomText(box, HEADING_COLOUR if box.role in ("heading", "instructions") else TEXT_COLOUR)
            self.addItem(text)
            self.texts.append(text)

    def texts_of(self, role: str) -> list[RoomText]:
        return [text for text in self.texts if text.role == role]


class RoomView(QGraphicsView):
    """The room's screen: follows the agenda (or what the facilitator points it at) and keeps
    the timer in the top right corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("room_view")
        self.room_scene = RoomScene()
        self.setScene(self.room_scene)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QColor(ROOM_BACKGROUND))
        self.timer = TimerDisplay(64, self)
        self.session: Session | None = None
        self.focus = RoomFocus()
        #: Whether dots may be shown at all: off while a blind round is open.
        self.show_dots = False
        #: Item id → dots of the round being shown (``None``: no round shown).
        self.dots_source: Callable[[], Mapping[str, int] | None] = lambda: None
        self.measure = QtTextMeasure()
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(0)
        self._rebuild.timeout.connect(self.rebuild)

    # --- what it shows -------------------------------------------------------------------------

    def show_session(self, session: Session | None) -> None:
        if self.session is not None:
            self.session.edit_finished.disconnect(self.refresh)
            self.session.agenda.current_phase_changed.disconnect(self._on_phase_changed)
        self.session = session
        self.focus = RoomFocus()
        if session is not None:
            session.edit_finished.connect(self.refresh)
            session.agenda.current_phase_changed.connect(self._on_phase_changed)
        self.rebuild()

    def set_focus(self, focus: RoomFocus) -> None:
        """Point the room at a lane, a cluster or notes, or back at the agenda."""
        self.focus = focus
        self.rebuild()

    def _on_phase_changed(self, _phase_id: str | None) -> None:
        # A new phase: the room follows the agenda again.
        self.focus = RoomFocus()
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Rebuild once the current burst of edits is over."""
        self._rebuild.start()

    def content(self) -> RoomContent:
        assert self.session is not None
        dots = self.dots_source() if self.show_dots else None
        return room_content(self.session, self.focus, dots)

    def rebuild(self) -> None:
        self._rebuild.stop()
        size = self.viewport().size()
        if self.session is None or size.width() < 50 or size.height() < 50:
            self.room_scene.clear()
            self.room_scene.texts = []
            return
        layout = arrange_room(self.content(), size.width(), size.height(), self.measure, show_dots=self.show_dots)
        self.room_scene.show_layout(layout)
        if self.show_dots:
            self._draw_dots(layout)
        self.setSceneRect(0, 0, size.width(), size.height())
        self.resetTransform()
        self._place_timer()

    def _draw_dots(self, layout: RoomLayout) -> None:
        """The one place the room draws dots: a dark badge with the count, in the corner the
        layout kept free beside the text, so a badge never covers words."""
        for card in layout.cards:
            if card.kind not in (NOTE, CLUSTER) or not card.dots or card.badge is None:
                continue
            box = card.badge
            side = min(box.width, box.height)
            badge = QGraphicsEllipseItem(box.right - side, box.y, side, side)
            badge.setBrush(QBrush(QColor(BADGE_FILL)))
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            self.room_scene.addItem(badge)
            count = QGraphicsSimpleTextItem(str(card.dots))
            font = room_font(max(12, round(side * 0.55)), True)
            count.setFont(font)
            count.setBrush(QColor(BADGE_TEXT))
            bounds = count.boundingRect()
            count.setPos(box.right - side / 2 - bounds.width() / 2, box.y + side / 2 - bounds.height() / 2)
            count.setData(1, "dots")
            self.room_scene.addItem(count)

    def _place_timer(self) -> None:
        hint = self.timer.sizeHint()
        width = min(int(TIMER_WIDTH), max(hint.width(), 200))
        self.timer.setGeometry(self.viewport().width() - width - 16, 8, width, hint.height())
        self.timer.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rebuild()
