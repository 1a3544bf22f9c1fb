"""Setting up a round: what is voted on, its rules, and who votes (the roster)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvasapp.model import Participant, new_id
from canvasapp.model.voting import CLUSTERS, MAX_DOTS, NOTES
from canvasapp.ops.voting import suggested_dots, suggestion_rule
from canvasapp.ui.voting.style import TOUCH, dot_colour

if TYPE_CHECKING:
    from canvasapp.formats.template_library import VotingRules


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """What the dialog was left with."""

    title: str
    target: str
    lane_ids: tuple[str, ...]
    dots_per_participant: int
    max_dots_per_item: int
    anonymous: bool
    blind: bool
    roster: list[Participant]


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(28, 28)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class RoundSetupDialog(QDialog):
    """``count_items(target, lane_ids)`` says how many items a choice holds, for the suggestion."""

    def __init__(
        self,
        lanes: list[tuple[str, str]],
        roster: list[Participant],
        count_items: Callable[[str, tuple[str, ...]], int],
        *,
        title: str = "Dot vote",
        defaults: VotingRules | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``defaults``: the session's template's voting rules, the starting point when known."""
        super().__init__(parent)
        self.setObjectName("round_setup_dialog")
        self.setWindowTitle("New Vote Round")
        self._count_items = count_items
        self._defaults = defaults
        # The template's budget is kept as it is; only a suggestion follows the choices made.
        self._dots_touched = defaults is not None
        target = defaults.target if defaults is not None else NOTES
        lane_ids = defaults.lane_ids if defaults is not None else ()
        max_dots_per_item = defaults.max_dots_per_item if defaults is not None else 1
        anonymous = defaults.anonymous if defaults is not None else True
        blind = defaults.blind if defaults is not None else True
        self.setStyleSheet(f"QPushButton {{ min-height: {TOUCH - 20}px; padding: 4px 14px; }}")

        self.title = QLineEdit(title)
        self.title.setObjectName("round_title")
        self.notes = QRadioButton("Notes")
        self.clusters = QRadioButton("Clusters (themes)")
        self._target = QButtonGroup(self)
        for button in (self.notes, self.clusters):
            self._target.addButton(button)
        (self.clusters if target == CLUSTERS else self.notes).setChecked(True)
        target_row = QHBoxLayout()
        target_row.addWidget(self.notes)
        target_row.addWidget(self.clusters)
        target_row.addStretch(1)

        self.lanes = QListWidget()
        self.lanes.setObjectName("round_lanes")
        self.lanes.setMaximumHeight(130)
        for lane_id, lane_title in lanes:
            item = QListWidgetItem(lane_title)
            item.setData(Qt.ItemDataRole.UserRole, lane_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if not lane_ids or lane_id in lane_ids else Qt.CheckState.Unchecked)
            self.lanes.addItem(item)

        self.dots = QSpinBox()
        self.dots.setObjectName("round_dots")
        self.dots.setRange(1, MAX_DOTS)
        if defaults is not None:
            self.dots.setValue(defaults.dots_per_participant)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setObjectName("round_suggestion")
        self.most = QSpinBox()
        self.most.setObjectName("round_most")
        self.most.setRange(1, MAX_DOTS)
        self.most.setValue(max_dots_per_item)
        dots_row = QHBoxLayout()
        dots_row.addWidget(self.dots)
        dots_row.addWidget(self.suggestion, 1)
        self.anonymous = QCheckBox("Anonymous: nobody can see afterwards who put which dot")
        self.anonymous.setObjectName("round_anonymous")
        self.anonymous.setChecked(anonymous)
        self.blind = QCheckBox("Blind: each voter sees only their own dots until the reveal")
        self.blind.setObjectName("round_blind")
        self.blind.setChecked(blind)

        self.roster = QListWidget()
        self.roster.setObjectName("round_roster")
        for participant in roster:
            self._add_person(participant.name, participant.colour, participant.id)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("roster_new_name")
        self.new_name.setPlaceholderText("A name, then Enter")
        self.new_name.returnPressed.connect(self._add_typed)
        add = QPushButton("Add")
        add.clicked.connect(self._add_typed)
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_selected)
        self.tokens = QSpinBox()
        self.tokens.setObjectName("roster_token_count")
        self.tokens.setRange(1, 60)
        self.tokens.setValue(max(1, len(roster) or 5))
        make_tokens = QPushButton("Use tokens: Voter 1 … N")
        make_tokens.setObjectName("roster_make_tokens")
        make_tokens.clicked.connect(lambda: self.make_tokens(self.tokens.value()))
        names_row = QHBoxLayout()
        names_row.addWidget(self.new_name, 1)
        names_row.addWidget(add)
        names_row.addWidget(remove)
        tokens_row = QHBoxLayout()
        tokens_row.addWidget(QLabel("Or"))
        tokens_row.addWidget(self.tokens)
        tokens_row.addWidget(make_tokens)
        tokens_row.addStretch(1)
        roster_box = QVBoxLayout()
        roster_box.addWidget(self.roster)
        roster_box.addLayout(names_row)
        roster_box.addLayout(tokens_row)

        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Vote on", target_row)
        form.addRow("Lanes", self.lanes)
        form.addRow("Dots each", dots_row)
        form.addRow("Most on one item", self.most)
        form.addRow("", self.anonymous)
        form.addRow("", self.blind)
        form.addRow("Who votes", roster_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton("Start Voting", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("round_start")
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.dots.valueChanged.connect(self._dots_edited)
        self._target.buttonToggled.connect(lambda *_: self._suggest())
        self.lanes.itemChanged.connect(lambda *_: self._suggest())
        model = self.roster.model()
        model.rowsInserted.connect(lambda *_: self._suggest())
        model.rowsRemoved.connect(lambda *_: self._suggest())
        self._suggest()
        self.resize(720, 760)

    # --- the suggestion ----------------------------------------------------------------------

    def chosen_lanes(self) -> tuple[str, ...]:
        checked = [
            self.lanes.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.lanes.count())
            if self.lanes.item(row).checkState() == Qt.CheckState.Checked
        ]
        # Every lane ticked is "all lanes", so lanes added later are voted on too.
        return () if len(checked) == self.lanes.count() else tuple(checked)

    def target(self) -> str:
        return CLUSTERS if self.clusters.isChecked() else NOTES

    def _suggest(self) -> None:
        count = self._count_items(self.target(), self.chosen_lanes())
        voters = self.roster.count()
        suggested = suggested_dots(count, voters)
        kind = "clusters" if self.target() == CLUSTERS else "notes"
        rule = suggestion_rule(count, voters, kind)
        if self._defaults is not None:
            rule = f"From the session's template: {self._defaults.dots_per_participant} each. {rule}"
        self.suggestion.setText(rule)
        if not self._dots_touched:
            self.dots.blockSignals(True)
            self.dots.setValue(suggested)
            self.dots.blockSignals(False)

    def _dots_edited(self) -> None:
        self._dots_touched = True
        self.most.setMaximum(self.dots.value())

    # --- the roster ----------------------------------------------------------------------------

    def _add_person(self, name: str, colour: str | None = None, participant_id: str | None = None) -> None:
        colour = colour or dot_colour(self.roster.count())
        item = QListWidgetItem(_swatch(colour), name)
        item.setData(Qt.ItemDataRole.UserRole, (participant_id or new_id(), colour))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.roster.addItem(item)

    def add_name(self, name: str) -> None:
        if name.strip():
            self._add_person(name.strip())

    def _add_typed(self) -> None:
        self.add_name(self.new_name.text())
        self.new_name.clear()

    def _remove_selected(self) -> None:
        for item in self.roster.selectedItems():
            self.roster.takeItem(self.roster.row(item))

    def make_tokens(self, count: int) -> None:
        """Replace the roster with "Voter 1" … "Voter N" (people who prefer not to be named)."""
        self.roster.clear()
        for number in range(1, count + 1):
            self._add_person(f"Voter {number}")

    def choice(self) -> RoundChoice:
        roster = []
        for row in range(self.roster.count()):
            item = self.roster.item(row)
            participant_id, colour = item.data(Qt.ItemDataRole.UserRole)
            roster.append(Participant(participant_id, item.text().strip() or f"Voter {row + 1}", colour, row))
        dots = self.dots.value()
        return RoundChoice(
            title=self.title.text().strip() or "Dot vote",
            target=self.target(),
            lane_ids=self.chosen_lanes(),
            dots_per_participant=dots,
            max_dots_per_item=min(self.most.value(), dots),
            anonymous=self.anonymous.isChecked(),
            blind=self.blind.isChecked(),
            roster=roster,
        )
