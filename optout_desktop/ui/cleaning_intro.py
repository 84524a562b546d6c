"""What the cleaning page shows before a list is open: what cleaning does, and an open button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class CleaningIntro(QWidget):
    """Three steps in plain words and a button to open the list."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanIntro")
        heading = QLabel(self.tr("Clean a mailing list before it is sent"))
        heading.setObjectName("cleanIntroHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps = (
            self.tr(
                "Open the list you are about to send (CSV or Excel, as Outlook, Mailchimp or "
                "your newsletter tool exported it), or drop it here."
            ),
            self.tr(
                "Check the email column: each row then says whether it may be emailed, and "
                "if not, why."
            ),
            self.tr(
                "Save the cleaned file: the rows that may be emailed, in the original's "
                "format, beside it. The original is never changed."
            ),
        )
        text = QLabel(
            "<ol style='margin-left:0'>"
            + "".join(f"<li style='margin-bottom:6px'>{step}</li>" for step in steps)
            + "</ol>"
            + self.tr(
                "Nothing on this page changes the suppression list; each cleaned file saved is "
                "kept in the history."
            )
        )
        text.setObjectName("cleanIntroSteps")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setFixedWidth(600)  # a fixed width lets the wrapped text take the height it needs
        self.open_button = QPushButton(self.tr("Open mailing list…"))
        self.open_button.setObjectName("cleanIntroOpenButton")
        self.open_button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addSpacing(12)
        for widget in (text, self.open_button):  # centred, not addWidget(…, AlignHCenter):
            centred = QHBoxLayout()  # that loses the label's height-for-width
            centred.addStretch(1)
            centred.addWidget(widget)
            centred.addStretch(1)
            layout.addLayout(centred)
            layout.addSpacing(12)
        layout.addStretch(2)
