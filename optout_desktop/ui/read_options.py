"""The row of "read as" choices that correct a wrong guess: encoding, delimiter, sheet, header."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from optout_desktop.core.reading.sources import TableSource

# How the characters of a file are written, in words a user recognises; the codec names
# stay in brackets for the one who knows them.
ENCODINGS = [
    ("Unicode (UTF-8)", "utf-8"),
    ("Unicode (UTF-8, as Excel saves it)", "utf-8-sig"),
    ("Western European (Windows-1252, Danish Excel)", "cp1252"),
    ("Western European (ISO-8859-15)", "iso8859_15"),
    ("Western European (ISO-8859-1)", "latin_1"),
    ("Unicode (UTF-16)", "utf-16"),
    ("Old DOS (CP850)", "cp850"),
    ("Old Mac (Mac Roman)", "mac_roman"),
]
# Encodings a file may be found in that the list above does not offer by name.
OTHER_ENCODINGS = [
    ("Unicode (UTF-16)", "utf-16-le"),
    ("Unicode (UTF-16, big-endian)", "utf-16-be"),
    ("Unicode (UTF-32)", "utf-32"),
]
DELIMITERS = [("Comma ,", ","), ("Semicolon ;", ";"), ("Tab", "\t"), ("Vertical bar |", "|")]


def encoding_name(codec: str | None) -> str:
    """How the characters of a file are written, in the window's language ("Unicode
    (UTF-8, as Excel saves it)"), for a codec the reading found; else the codec itself."""
    for label, value in ENCODINGS + OTHER_ENCODINGS:
        if value == codec:
            return QCoreApplication.translate("ReadOptions", label)
    return codec or ""


class ReadOptions(QWidget):
    """Shows how the file was read; a change re-reads it the way the user chose."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user: dict[str, Any] = {}
        self.encoding = QComboBox()
        self.encoding.setObjectName("encodingCombo")
        # Wide enough for "Unicode (UTF-8)"; the list that opens shows the longer names whole.
        self.encoding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.encoding.setMinimumContentsLength(24)
        for label, codec in ENCODINGS:
            self.encoding.addItem(self.tr(label), codec)
        view = self.encoding.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the open list: whole names
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("delimiterCombo")
        for label, value in DELIMITERS:
            self.delimiter.addItem(self.tr(label), value)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetCombo")
        # As wide as its longest sheet name (a combo box otherwise keeps its first width).
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet.setMinimumContentsLength(12)
        self.header = QCheckBox(self.tr("First row holds the column names"))
        self.header.setObjectName("headerCheck")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.encoding_label = QLabel(self.tr("Characters:"))
        self.delimiter_label = QLabel(self.tr("Separator:"))
        self.sheet_label = QLabel(self.tr("Sheet:"))
        for label, box in (
            (self.encoding_label, self.encoding),
            (self.delimiter_label, self.delimiter),
            (self.sheet_label, self.sheet),
        ):
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
        layout.addWidget(self.header)
        layout.addStretch(1)
        self.encoding.activated.connect(self._encoding_chosen)
        self.delimiter.activated.connect(self._delimiter_chosen)
        self.sheet.activated.connect(self._sheet_chosen)
        self.header.clicked.connect(self._header_chosen)

    def show_source(self, source: TableSource) -> None:
        """Show what was detected (or chosen) for this file."""
        is_text = source.kind == "csv"
        for widget in (self.encoding, self.encoding_label, self.delimiter, self.delimiter_label):
            widget.setVisible(is_text)
        for widget in (self.sheet, self.sheet_label):
            widget.setVisible(not is_text)
        if is_text:
            self._select(self.encoding, source.encoding)
            self._select(self.delimiter, source.delimiter)
        else:
            self.sheet.clear()
            self.sheet.addItems(source.sheets)
            self.sheet.setCurrentText(source.sheet or "")
        self.header.setChecked(source.has_header)

    def reset(self) -> None:
        """Forget the user's choices (a new file is guessed afresh)."""
        self._user = {}

    def overrides(self) -> dict[str, Any]:
        return dict(self._user)

    @staticmethod
    def _select(box: QComboBox, value: str | None) -> None:
        found = box.findData(value)
        if found < 0 and value:
            box.addItem(value, value)
            found = box.count() - 1
        box.setCurrentIndex(found)

    @Slot(int)
    def _encoding_chosen(self, _index: int) -> None:
        self._user["encoding"] = self.encoding.currentData()
        self.changed.emit()

    @Slot(int)
    def _delimiter_chosen(self, _index: int) -> None:
        self._user["delimiter"] = self.delimiter.currentData()
        self.changed.emit()

    @Slot(int)
    def _sheet_chosen(self, _index: int) -> None:
        self._user["sheet"] = self.sheet.currentText()
        self.changed.emit()

    @Slot(bool)
    def _header_chosen(self, checked: bool) -> None:
        self._user["has_header"] = checked
        self.changed.emit()
