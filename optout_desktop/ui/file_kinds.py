"""The kinds of file an export can be, as the save dialog offers them; the chosen one decides."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import language

_PATTERN = re.compile(r"\(\*(\.[A-Za-z0-9]+)\)\s*$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileKinds", text)


@dataclass(frozen=True)
class FileKind:
    """One line of the save dialog's "Files of type": what it is for, its ending, and how it
    is written (for people: the window's words and local time; its separator)."""

    label: str
    suffix: str  # ".xlsx" or ".csv"
    for_people: bool
    delimiter: str = ","
    tool: str = ""  # another email tool's format (export_formats.TOOLS), or "md5"/"sha256"

    @property
    def filter(self) -> str:
        return f"{self.label} (*{self.suffix})"


def suppression_kinds() -> list[FileKind]:
    """The workbook for people; a CSV Excel opens right in these settings (semicolons where
    the list separator is one, as in Danish) and, apart, the comma CSV other programs read."""
    kinds = [FileKind(_tr("Excel workbook, for people"), ".xlsx", True)]
    if language.list_separator() == ";":
        kinds.append(FileKind(_tr("CSV for Excel, separated by semicolons"), ".csv", True, ";"))
        label = _tr("CSV for other programs, separated by commas, English column names")
    else:
        label = _tr("CSV for Excel and other programs, English column names")
    kinds.append(FileKind(label, ".csv", False))
    return kinds + tool_kinds()


def tool_kinds() -> list[FileKind]:
    """The list as other email tools' suppression imports take it, and hashed for partners."""
    return [
        FileKind(
            _tr("For HubSpot: import of unsubscribed contacts"), ".csv", False, tool="hubspot"
        ),
        FileKind(_tr("For Mailchimp: import as unsubscribed"), ".csv", False, tool="mailchimp"),
        FileKind(_tr("For SendGrid: global unsubscribes"), ".csv", False, tool="sendgrid"),
        FileKind(_tr("For Amazon SES: account suppression list"), ".csv", False, tool="ses"),
        FileKind(_tr("SHA-256 hashed list, for partners"), ".txt", False, tool="sha256"),
        FileKind(_tr("MD5 hashed list, for partners"), ".txt", False, tool="md5"),
    ]


def errors_kinds() -> list[FileKind]:
    """The errors file (always in the window's words): for Excel here, or for programs."""
    if language.list_separator() == ";":
        return [
            FileKind(_tr("CSV for Excel, separated by semicolons"), ".csv", True, ";"),
            FileKind(_tr("CSV for other programs, separated by commas"), ".csv", True),
        ]
    return [FileKind(_tr("CSV for Excel and other programs"), ".csv", True)]


def filters(kinds: list[FileKind]) -> str:
    return ";;".join(kind.filter for kind in kinds)


def chosen(kinds: list[FileKind], path: Path, selected: str) -> tuple[Path, FileKind]:
    """The kind the user chose in the dialog (the first when none) and the path with that
    kind's ending: a name typed without one gets it, and so does a name that ends as another
    kind of file does (`liste.csv` written as a workbook is `liste.xlsx`)."""
    kind = next((k for k in kinds if k.filter == selected), None)
    if kind is None:  # a dialog that says nothing of its filter: the name's ending decides
        match = _PATTERN.search(selected)
        ending = match.group(1).lower() if match else path.suffix.lower()
        kind = next((k for k in kinds if k.suffix == ending), kinds[0])
    if path.suffix.lower() == kind.suffix:
        return path, kind
    if path.suffix.lower() in {k.suffix for k in kinds}:
        return path.with_suffix(kind.suffix), kind
    return path.with_name(path.name + kind.suffix), kind
