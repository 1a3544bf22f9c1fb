"""The preview of suggested clusters: edit titles, accept one, accept all, or close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvasapp.ops.cluster_suggestions import SuggestedCluster
from canvasapp.ops.session_suggestions import Suggestions

#: Where suggestions look: (id, label).
SCOPES = (("lane", "This lane"), ("selection", "The selected notes"), ("board", "The whole board"))


class SuggestDialog(QDialog):
    """Shows the proposal ``propose(scope, include_clustered)`` returns, and hands accepted
    groups (with their edited titles) to ``accept``; accepted groups leave the list."""

    def __init__(
        self,
        propose: Callable[[str, bool], Suggestions],
        accept: Callable[[list[SuggestedCluster]], object],
        scope: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suggest_dialog")
        self.setWindowTitle("Suggest Clusters")
        self.resize(720, 560)
        self._propose = propose
        self._accept = accept
        self.scope = QComboBox()
        self.scope.setObjectName("suggest_scope")
        for key, label in SCOPES:
            self.scope.addItem(label, key)
        self.scope.setCurrentIndex(max(0, [key for key, _ in SCOPES].index(scope)))
        self.include = QCheckBox("Include notes already in clusters")
        self.include.setObjectName("suggest_include_clustered")
        self.tree = QTreeWidget()
        self.tree.setObjectName("suggest_tree")
        self.tree.setHeaderLabels(["Proposed cluster (double-click to rename)", "Notes"])
        self.tree.setColumnWidth(0, 560)
        self.status = QLabel()
        self.method = QLabel()
        self.method.setObjectName("suggest_method")
        self.method.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Look at:"))
        top.addWidget(self.scope)
        top.addWidget(self.include)
        top.addStretch()
        self.accept_one = QPushButton("Accept &Selected")
        self.accept_one.setObjectName("suggest_accept_one")
        self.accept_all = QPushButton("Accept &All")
        self.accept_all.setObjectName("suggest_accept_all")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.accept_one, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.status)
        layout.addWidget(self.method)
        layout.addWidget(buttons)
        self.accept_one.clicked.connect(self._accept_selected)
        self.accept_all.clicked.connect(self._accept_all)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.include.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        suggestions = self._propose(self.scope.currentData(), self.include.isChecked())
        groups, texts = suggestions.groups, suggestions.texts
        self.method.setText(suggestions.method_label)
        self.tree.clear()
        for group in groups:
            item = QTreeWidgetItem([group.title, str(len(group.note_ids))])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(0, Qt.ItemDataRole.UserRole, list(group.note_ids))
            for note_id in group.note_ids:
                child = QTreeWidgetItem([texts.get(note_id, "").replace("\n", " "), ""])
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        if (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)
        self._show_count()

    def show_loading(self, fraction: float, what: str) -> None:
        """The language model loading in the background: shared words until it is in."""
        self.method.setText(f"By shared words for now; loading the language model ({what}, {fraction:.0%})…")

    def _show_count(self) -> None:
        count = self.tree.topLevelItemCount()
        self.status.setText(
            f"{count} proposed clusters. Nothing changes until you accept." if count
            else "No groups of similar notes found here."
        )
        self.accept_one.setEnabled(count > 0)
        self.accept_all.setEnabled(count > 0)

    def group_at(self, index: int) -> SuggestedCluster:
        item = self.tree.topLevelItem(index)
        assert item is not None
        return SuggestedCluster(item.text(0).strip() or "Theme", tuple(item.data(0, Qt.ItemDataRole.UserRole)))

    def _accept_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        while (parent := item.parent()) is not None:
            item = parent
        index = self.tree.indexOfTopLevelItem(item)
        self._accept([self.group_at(index)])
        self.tree.takeTopLevelItem(index)
        self._show_count()

    def _accept_all(self) -> None:
        groups = [self.group_at(index) for index in range(self.tree.topLevelItemCount())]
        if groups:
            self._accept(groups)
        self.accept()
