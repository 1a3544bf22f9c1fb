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
from canvasapp.ops.progress import Progress
from canvasapp.ops.session_suggestions import Suggestions
from canvasapp.ui.jobs.background_job import BackgroundJobs
from canvasapp.ui.jobs.job_bar import JobBar

#: Where suggestions look: (id, label).
SCOPES = (("lane", "This lane"), ("selection", "The selected notes"), ("board", "The whole board"))


class SuggestDialog(QDialog):
    """Shows the proposal the work ``propose(scope, include_clustered)`` makes, and hands
    accepted groups (with their edited titles) to ``accept``; accepted groups leave the list.

    The work runs in the background (on a big board it takes seconds): the dialog shows its
    progress with a Cancel, and closing the dialog cancels it too."""

    def __init__(
        self,
        propose: Callable[[str, bool], Callable[[Progress], Suggestions]],
        accept: Callable[[list[SuggestedCluster]], object],
        scope: str,
        jobs: BackgroundJobs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suggest_dialog")
        self.setWindowTitle("Suggest Clusters")
        self.resize(720, 560)
        self._propose = propose
        self._accept = accept
        self._jobs = jobs
        self._running = False
        self._again = False
        self.job_bar = JobBar(self)
        self.job_bar.setObjectName("suggest_job_bar")
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
        # A group's notes are listed when it is opened: 10,000 rows made at once stop the window.
        self.tree.itemExpanded.connect(self._list_notes)
        self._texts: dict[str, str] = {}
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
        layout.addWidget(self.job_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.method)
        layout.addWidget(buttons)
        self.accept_one.clicked.connect(self._accept_selected)
        self.accept_all.clicked.connect(self._accept_all)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.include.toggled.connect(self.refresh)
        self.refresh()

    @property
    def busy(self) -> bool:
        """Suggestions are being worked out (the list is not yet the one asked for)."""
        return self._running or self._again

    def refresh(self) -> None:
        """Work the suggestions out again (scope, option or model changed); a run still going
        is cancelled and this one follows it."""
        if self._running:
            self._again = True
            self._jobs.cancel()
            return
        self._again = False
        work = self._propose(self.scope.currentData(), self.include.isChecked())
        self.accept_one.setEnabled(False)
        self.accept_all.setEnabled(False)
        self._running = self._jobs.run(
            "Looking for similar notes", work, self._show, self._failed, self._stopped, bar=self.job_bar)
        if not self._running:
            self.status.setText(f"{self._jobs.title} is running; suggestions come when it has finished.")

    def done(self, result: int) -> None:
        if self._running:
            self._again = False
            self._jobs.cancel()
        super().done(result)

    def _stopped(self) -> None:
        self._running = False
        if self._again and self.isVisible():
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._again = False
        raise error

    def _show(self, suggestions: Suggestions) -> None:
        self._running = False
        if self._again:
            self.refresh()
            return
        if not self.isVisible():
            return
        self.method.setText(suggestions.method_label)
        self.tree.clear()
        self._texts = suggestions.texts
        editable = QTreeWidgetItem().flags() | Qt.ItemFlag.ItemIsEditable
        items = []
        for group in suggestions.groups:
            item = QTreeWidgetItem([group.title, str(len(group.note_ids))])
            item.setFlags(editable)
            item.setData(0, Qt.ItemDataRole.UserRole, list(group.note_ids))
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(item)
        self.tree.addTopLevelItems(items)  # one insertion for the list, not one per group
        if (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)
        self._show_count()

    def _list_notes(self, item: QTreeWidgetItem) -> None:
        """A group opened: its notes' texts as rows under it (once)."""
        if item.parent() is not None or item.childCount():
            return
        fixed = item.flags() & ~Qt.ItemFlag.ItemIsEditable
        rows = []
        for note_id in item.data(0, Qt.ItemDataRole.UserRole):
            row = QTreeWidgetItem([self._texts.get(note_id, "").replace("\n", " "), ""])
            row.setFlags(fixed)
            rows.append(row)
        item.addChildren(rows)

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
