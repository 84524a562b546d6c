"""What the import page shows before any file is open: what to do, and a sample to try."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Three steps in plain words, a button to open a file and one to try the sample."""

    open_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        heading = QLabel(self.tr("Import a list of people who must not get marketing email"))
        heading.setObjectName("emptyStateHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps = QLabel(
            "<ol style='margin-left:0'>"
            + "".join(
                f"<li style='margin-bottom:6px'>{step}</li>"
                for step in (
                    self.tr("Open the CSV or Excel file you received, or drop it here."),
                    self.tr("Check the email column the app picked: its addresses are shown."),
                    self.tr("Type the number of addresses to confirm, and import."),
                )
            )
            + "</ol>"
            + self.tr(
                "Every address is then marked “Unsubscribed from all email” on this computer. "
                "Nothing is sent anywhere."
            )
        )
        steps.setObjectName("emptyStateSteps")
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setFixedWidth(600)  # a fixed width lets the wrapped text take the height it needs
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setObjectName("emptyOpenButton")
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton(self.tr("Try the sample file"))
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.setToolTip(
            self.tr("A small Danish list with some faulty rows, to see how the app works.")
        )
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addSpacing(12)
        centred = QHBoxLayout()  # not addWidget(…, AlignHCenter): that loses height-for-width
        centred.addStretch(1)
        centred.addWidget(steps)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
