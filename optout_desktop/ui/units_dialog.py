"""Manage business units: add, rename, and remove the ones nothing uses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from optout_desktop.core.errors import OptOutError
from optout_desktop.core.rules import business_units

from .core_text import message_of
from .questions import Questions


class UnitsDialog(QDialog):
    """A list of units with Add, Rename and Remove; the whole account is always there."""

    units_changed = Signal()  # a unit was added, renamed or removed

    def __init__(self, questions: Questions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions = questions
        self.setObjectName("unitsDialog")
        self.setWindowTitle(self.tr("Business units"))
        intro = QLabel(
            self.tr(
                "An opt-out for the whole account applies to every business unit; an opt-out "
                "for one unit applies to that unit only."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("unitsList")
        add = QPushButton(self.tr("Add…"))
        add.setObjectName("addUnitButton")
        add.clicked.connect(self.add)
        rename = QPushButton(self.tr("Rename…"))
        rename.setObjectName("renameUnitButton")
        rename.clicked.connect(self.rename)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeUnitButton")
        remove.clicked.connect(self.remove)
        side = QVBoxLayout()
        for button in (add, rename, remove):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(close)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        self.list.addItems([unit.name for unit in business_units.list_units()])

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item is not None else None

    def _apply(self, change: Callable[[], object]) -> None:
        try:
            change()
        except OptOutError as error:
            self.questions.warn(self, self.tr("Business units"), message_of(error))
        self._fill()
        self.units_changed.emit()

    @Slot()
    def add(self) -> None:
        name = self.questions.ask_text(self, self.tr("Add a business unit"), self.tr("Name:"))
        if name:
            self._apply(lambda: business_units.add_unit(name))

    @Slot()
    def rename(self) -> None:
        old = self._selected()
        if old is None:
            return
        new = self.questions.ask_text(
            self, self.tr("Rename the business unit"), self.tr("New name:"), old
        )
        if new and new != old:
            self._apply(lambda: business_units.rename_unit(old, new))

    @Slot()
    def remove(self) -> None:
        name = self._selected()
        if name is not None:
            self._apply(lambda: business_units.remove_unit(name))
