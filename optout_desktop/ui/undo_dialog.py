"""The confirmation before undoing an opt-out import: what is lifted, and the typed count."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from optout_desktop.core.optouts.undo import UndoPlan

from .core_text import translated
from .language import local_time, number
from .typed_count_dialog import TypedCountDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoDialog", text)


class UndoDialog(TypedCountDialog):
    """Shows what the undo lifts and keeps; "Undo import" works only for the exact number."""

    def __init__(self, plan: UndoPlan, parent: QWidget | None = None) -> None:
        facts = [
            (_tr("File"), plan.file_name),
            (_tr("Imported"), local_time(plan.started_at)),
            (_tr("Business unit"), translated(plan.business_unit)),
            (_tr("Opt-outs lifted"), number(plan.lift)),
            (_tr("Of them whole domains"), number(plan.domains)),
            (_tr("Kept, as later imports list them too"), number(plan.keep)),
        ]
        table = "".join(
            f"<tr><td>{name}:&nbsp;</td><td>{escape(value)}</td></tr>" for name, value in facts
        )
        text = _tr(
            "Undoing import #{id} lifts the opt-outs this import added, and nothing else: "
            "addresses suppressed before it, or also by another import, by hand or by the "
            "person, stay suppressed."
        ).format(id=plan.import_id)
        super().__init__(
            _tr("Undo the opt-out import"),
            f"{text}<table>{table}</table>",
            plan.lift,
            _tr("Undo import"),
            "undoDialog",
            parent,
        )
        self.import_id = plan.import_id
        self.setMinimumWidth(480)
        self.count_edit.setObjectName("undoCountEdit")
        self.count_edit.setPlaceholderText(_tr("Number of opt-outs"))
        self.action_button.setObjectName("beginUndoButton")
        self.action_button.setDefault(True)
