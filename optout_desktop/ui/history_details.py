"""One history entry in full, under the table: every count, its file's checksum, its message."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from optout_desktop.core.rules.one_to_one import LEGAL_BASES

from .core_text import translated
from .language import local_time, number
from .words import reason_words

# (key in core.history's dictionaries, label), in the order they are told
_COUNTS = [
    ("rows", "Rows read"),
    ("valid", "Valid"),
    ("invalid", "Invalid"),
    ("blank", "Blank"),
    ("duplicates", "Repeated"),
    ("new", "New opt-outs"),
    ("already_suppressed", "Already suppressed"),
    ("contacts_unsubscribed", "Contacts unsubscribed"),
    ("contacts_created", "Contacts created"),
    ("contacts_updated", "Contacts updated"),
    ("domains", "Whole domains"),
    ("kept", "Rows that may be emailed"),
    ("suppressed", "Rows left out as suppressed"),
]
_FILES = ("optouts", "contacts", "cleaned")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryDetails", text)


def details(run: dict[str, Any]) -> str:
    """The entry as rich text: who, when, what, every count that applies, and the rest."""
    facts: list[tuple[str, str]] = [
        (_tr("When"), local_time(run["started_at"])),
        (_tr("By"), escape(translated(str(run.get("user_name") or "")))),
        (_tr("Business unit"), escape(translated(str(run.get("business_unit") or "")))),
    ]
    kind = run.get("kind")
    if kind in _FILES:
        facts.append((_tr("File"), escape(str(run.get("file_name") or ""))))
        if run.get("sheet"):
            facts.append((_tr("Sheet"), escape(str(run["sheet"]))))
        if run.get("column"):
            facts.append((_tr("Column"), escape(str(run["column"]))))
        if kind == "cleaned":
            facts += _cleaned_counts(run)
        else:
            facts += [
                (_tr(label), number(int(run[key])))
                for key, label in _COUNTS
                if isinstance(run.get(key), int) and (run[key] or key in ("rows", "valid"))
            ]
        checksum = run.get("file_sha256")
    else:
        checksum = None
    if kind in ("domain", "manual"):
        facts.append((_tr("Opted out"), escape(str(run.get("file_name") or ""))))
        facts.append((_tr("Why"), reason_words(str(run.get("column") or "manual"))))
        facts.append(
            (_tr("Contacts unsubscribed"), number(int(run.get("contacts_unsubscribed") or 0)))
        )
    elif kind == "lift":
        facts.append((_tr("Lifted"), escape(str(run.get("file_name") or ""))))
        basis = str(run.get("column") or "")
        facts.append((_tr("Legal basis"), escape(translated(LEGAL_BASES.get(basis, basis)))))
        facts.append((_tr("Explanation"), escape(str(run.get("message") or ""))))
    elif kind == "contacts_deleted":
        facts.append((_tr("Contacts deleted"), number(int(run.get("rows") or 0))))
    if run.get("undone_at"):
        facts.append(
            (
                _tr("Undone or lifted"),
                _tr("by {who}, {when}").format(
                    who=escape(translated(str(run.get("undone_by") or ""))),
                    when=local_time(run["undone_at"]),
                ),
            )
        )
    if run.get("message") and kind != "lift":
        facts.append((_tr("Message"), escape(translated(str(run["message"])))))
    text = table(facts)
    if checksum:  # long: a line of its own
        text += f"<b>{_tr('File’s SHA-256 checksum')}:</b> <tt>{checksum}</tt>"
    return text


def _cleaned_counts(run: dict[str, Any]) -> list[tuple[str, str]]:
    """A cleaned list's rows: read, may be emailed, suppressed and why, invalid, blank,
    repeated (what it does not do, such as new opt-outs, is not told)."""
    by = run.get("suppressed_by") or {}
    reasons = [
        ("account", _tr("Suppressed for the whole account")),
        ("business_unit", _tr("Suppressed for the business unit")),
        ("domain", _tr("Suppressed as a whole domain")),
        ("bounced", _tr("Suppressed as bounced")),
        ("spam", _tr("Suppressed after a spam report")),
        ("unsubscribed", _tr("Suppressed as unsubscribed")),
    ]
    facts = [
        (_tr("Rows read"), number(int(run.get("rows") or 0))),
        (_tr("Rows that may be emailed"), number(int(run.get("kept") or 0))),
        (_tr("Rows left out as suppressed"), number(int(run.get("suppressed") or 0))),
    ]
    facts += [(label, number(int(by[key]))) for key, label in reasons if by.get(key)]
    left = [("invalid", _tr("Invalid")), ("blank", _tr("Blank")), ("duplicates", _tr("Repeated"))]
    facts += [(label, number(int(run[key]))) for key, label in left if run.get(key)]
    return facts


def table(facts: list[tuple[str, str]], across: int = 3) -> str:
    """Name and value pairs, `across` of them to a row: the details stay a few lines high."""
    rows = [facts[start : start + across] for start in range(0, len(facts), across)]
    cells = (
        "".join(f"<td><b>{name}:</b>&nbsp;{value}&nbsp;&nbsp;&nbsp;</td>" for name, value in row)
        for row in rows
    )
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>"
