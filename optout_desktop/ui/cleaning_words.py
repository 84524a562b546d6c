"""The cleaning page's words: its counts, the engine's reasons, the saved files' kinds and names."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from optout_desktop.core.optouts.cleaning import (
    BLANK,
    INVALID,
    KEPT,
    REASON_TEXT,
    REPEAT,
    SUPPRESSED,
    Cleaning,
    CleaningCounts,
    Fate,
    fate_text,
)
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.texts import t

from . import count_texts, language
from .core_text import translated
from .file_kinds import FileKind


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("CleaningPage", text, None, n)


def words(text: str) -> str:
    """The engine's words in the window's language, each text translated once: a list repeats
    the same few reasons many times (used by the worker too, to save the left-out rows)."""
    return _translated(language.current(), text)


@lru_cache(maxsize=65_536)
def _translated(_language: str, text: str) -> str:
    return translated(text)


def left_out_words(cleaning: Cleaning) -> dict[str, str]:
    """Every text the left-out rows' file can hold, with its words in the window's language:
    its column titles and each fate this list has (a plain mapping, which a helper process
    takes where it has no translations of its own). Made on the worker: a list with many
    repeated rows has a text for each row they repeat."""
    fates = [Fate(0, KEPT), Fate(0, BLANK), *(Fate(0, SUPPRESSED, key) for key in REASON_TEXT)]
    fates += [Fate(0, INVALID, why) for why in {None, *cleaning.invalid_reasons.values()}]
    known = {text: words(text) for text in (t("Row"), t("Reason"), *map(fate_text, fates))}
    # A repeat's words once, then each row number put in (no lookup for each of them).
    marker = "\0"  # stands for the row number
    repeat = Fate(0, REPEAT, first_row=marker)  # type: ignore[arg-type]
    english, shown = fate_text(repeat), fate_text(repeat, words)
    for first in {None, *cleaning.repeats.values()}:
        known[english.replace(marker, str(first))] = shown.replace(marker, str(first))
    return known


def counts_text(counts: CleaningCounts, scope: str) -> str:
    """What the cleaning found, each number with its own singular or plural: may be emailed,
    suppressed and why, invalid, blank, repeated; and how many rows were read, for whom."""
    by = counts.suppressed_by
    why = {
        "account": _tr("%Ln opted out for the whole account", by.get("account", 0)),
        "business_unit": _tr("%Ln opted out for this business unit", by.get("business_unit", 0)),
        "domain": _tr("%Ln in a whole domain that is opted out", by.get("domain", 0)),
        "bounced": _tr("%Ln bounced", by.get("bounced", 0)),
        "spam": _tr("%Ln spam reports", by.get("spam", 0)),
        "unsubscribed": _tr("%Ln unsubscribed", by.get("unsubscribed", 0)),
    }
    shown = [text for key, text in why.items() if by.get(key)]
    suppressed = _tr("%Ln suppressed", counts.suppressed)
    parts = [
        _tr("<b>%Ln rows may be emailed.</b>", counts.kept),
        suppressed + (f" ({', '.join(shown)})." if shown else "."),
        count_texts.left_out(counts.invalid, counts.blank, counts.duplicates),
        _tr("%Ln rows read,", counts.rows),
        scope + ".",
    ]
    return " ".join(parts)


def scope_words(scope_id: int, name: str) -> str:
    """Whom the list was checked for: "for the whole account", "for the business unit “B”"
    (rich text: the name escaped)."""
    if scope_id:
        return _tr("for the business unit “{name}”").format(name=escape(translated(name)))
    return _tr("for the whole account")


def cleaned_kinds(source: TableSource) -> list[FileKind]:
    """The cleaned file keeps the original's format: a CSV or text file its characters,
    separator and line endings (or, if asked, a workbook); a workbook is a workbook."""
    workbook = FileKind(_tr("Excel workbook"), ".xlsx", False)
    if source.kind != "csv":
        return [workbook]
    if source.path.suffix.lower() == ".txt":
        label = _tr("Text file like the original: same characters and separator")
        return [FileKind(label, ".txt", False), workbook]
    label = _tr("CSV file like the original: same characters and separator")
    return [FileKind(label, ".csv", False), workbook]


def left_out_kinds() -> list[FileKind]:
    """The rows left out: CSV (UTF-8, for Excel) with each row's number and why."""
    return [FileKind(_tr("CSV for Excel, with each row's number and reason"), ".csv", True)]


def cleaned_name(folder: Path, source: TableSource, suffix: str) -> Path:
    """ "liste-cleaned.csv" ("liste-renset.csv" in Danish), a name no file has yet."""
    return free_name(folder, _tr("{name}-cleaned").format(name=source.path.stem), suffix)


def left_out_name(folder: Path, source: TableSource) -> Path:
    """ "liste-left-out.csv" ("liste-udeladt.csv" in Danish), a name no file has yet."""
    return free_name(folder, _tr("{name}-left-out").format(name=source.path.stem), ".csv")


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """A name in the folder that no file has yet ("liste-renset.csv", else "-2", "-3"...)."""
    path = folder / f"{stem}{suffix}"
    count = 2
    while path.exists():
        path = folder / f"{stem}-{count}{suffix}"
        count += 1
    return path
