"""Exports that open right: the chosen file type decides, a CSV for Excel in Danish settings,
a workbook for people in the window's language, the same count as the window, and each kind
of file saved where the user saved it last."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from optout_desktop.core.db import models
from optout_desktop.core.optouts import by_hand, domains, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units
from optout_desktop.ui import file_kinds, language, remembered_folders
from optout_desktop.ui.main_window import MainWindow
from tests.ui.helpers import WAIT, ScriptedQuestions, wait_idle


def opted_out(tmp_path: Path) -> int:
    """jens (for the account and for Butik), åse, and the whole domain @konkurrent.dk; an
    import with a refused row. Returns the import's id."""
    listed = tmp_path / "fravalg.csv"
    listed.write_text("email\njens@firma.dk\nikke en adresse\n", "utf-8")
    run = imports.run_optouts(imports.plan_optouts(open_source(listed), "email"), 1)
    butik = business_units.add_unit("Butik")
    by_hand.add_manual("jens@firma.dk", butik.id)
    by_hand.add_manual("åse@blåbær.dk", models.ACCOUNT)
    domains.add_domain("@konkurrent.dk")
    return int(run.id)


@pytest.fixture
def in_danish(qtbot: QtBot, db: Any, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert language.install(app, "da")
    try:
        settings = QSettings(str(tmp_path / "da.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings, ScriptedQuestions())  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        yield window
        window.close()
    finally:
        language.install(app, "en")


def export(qtbot: QtBot, window: MainWindow, path: Path, file_type: int) -> str:
    """Export as the save dialog would be answered; the message the window gave."""
    questions = window.questions
    assert isinstance(questions, ScriptedQuestions)
    questions.next_save, questions.next_type = path, file_type
    told = len(questions.messages)
    window.export_suppressions()
    qtbot.waitUntil(lambda: len(questions.messages) > told, timeout=WAIT)
    wait_idle(qtbot, window)
    return questions.messages[-1][2]


def test_the_chosen_file_type_decides_the_ending(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """ "Excel workbook (*.xlsx)" chosen and a name typed without an ending wrote a CSV."""
    opted_out(tmp_path)
    export(qtbot, window, tmp_path / "liste", 0)
    assert (tmp_path / "liste.xlsx").read_bytes()[:2] == b"PK"  # a workbook (a zip)
    assert not (tmp_path / "liste.csv").exists() and not (tmp_path / "liste").exists()
    export(qtbot, window, tmp_path / "igen.csv", 0)  # the workbook chosen, a CSV's name typed
    assert (tmp_path / "igen.xlsx").exists() and not (tmp_path / "igen.csv").exists()
    export(qtbot, window, tmp_path / "til-programmer", 1)
    assert (tmp_path / "til-programmer.csv").read_bytes().startswith(b"\xef\xbb\xbfEmail,Scope,")


def test_the_export_counts_as_the_window_does(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """ "63 addresses were exported" while the window said 62: the extra row was a whole
    domain (and an address opted out for two business units has two rows)."""
    opted_out(tmp_path)
    window.refresh_totals()
    qtbot.waitUntil(lambda: "whole domain" in window.suppressed_label.text(), timeout=WAIT)
    label = window.suppressed_label.text()
    assert "all business units: <b>2</b> addresses, <b>1</b> whole domain" in label
    text = export(qtbot, window, tmp_path / "liste.csv", 1)
    assert "2 suppressed addresses and 1 whole domain." in text
    assert "The file has 4 rows: an address opted out for several business units" in text


def test_a_danish_window_exports_for_danish_excel_and_says_which_file_is_which(
    qtbot: QtBot, in_danish: MainWindow, tmp_path: Path
) -> None:
    import openpyxl

    window = in_danish
    opted_out(tmp_path)
    questions = window.questions
    assert isinstance(questions, ScriptedQuestions)
    export(qtbot, window, tmp_path / "til-excel", 1)
    title, suggested, filters = questions.saves[-1]
    assert Path(suggested).name == "spærreliste.xlsx"
    assert filters.split(";;")[:3] == [  # then other tools' formats and hashed lists
        "Excel-projektmappe, til at læse (*.xlsx)",
        "CSV til Excel, adskilt med semikolon (*.csv)",
        "CSV til andre programmer, adskilt med komma, engelske kolonnenavne (*.csv)",
    ]
    text = (tmp_path / "til-excel.csv").read_bytes().decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert header == ["Email", "Forretningsenhed", "Hvorfor", "Kilde", "Afmeldt"]
    assert ["jens@firma.dk", "Butik", "Tilføjet manuelt", ""] == rows[2][:4]
    assert "Hele kontoen" in {row[1] for row in rows}

    export(qtbot, window, tmp_path / "til-mennesker", 0)
    workbook = openpyxl.load_workbook(tmp_path / "til-mennesker.xlsx")
    sheet = workbook.worksheets[0]
    assert sheet.title == "Spærreliste"
    assert [c.value for c in sheet[1]] == [
        "Email",
        "Forretningsenhed",
        "Hvorfor",
        "Kilde",
        "Afmeldt",
    ]
    assert (
        sheet["B2"].value == "Hele kontoen"
        and sheet["C2"].value == "Tilføjet manuelt (hele domænet)"
    )
    assert sheet["E2"].is_date and sheet["E2"].number_format == "dd-mm-yyyy hh:mm"
    workbook.close()
    assert "2 spærrede adresser og 1 helt domæne." in questions.messages[-1][2]


def test_a_danish_errors_file_has_a_danish_name_and_semicolons(
    qtbot: QtBot, in_danish: MainWindow, tmp_path: Path
) -> None:
    window = in_danish
    import_id = opted_out(tmp_path)
    questions = window.questions
    assert isinstance(questions, ScriptedQuestions)
    questions.next_save, questions.next_type = tmp_path / "fejl", 0
    window.history_page.save_errors(import_id)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    assert Path(questions.saves[-1][1]).name == f"import-{import_id}-fejl.csv"
    lines = (tmp_path / "fejl.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "Række;Værdi;Årsag" and lines[1].startswith("3;ikke en adresse;")
    assert questions.messages[-1][2].startswith("1 afvist række blev skrevet til")


def test_each_kind_of_file_opens_where_it_was_last_saved_never_the_programs_folder(
    qtbot: QtBot,
    window: MainWindow,
    questions: ScriptedQuestions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(remembered_folders, "temporary_folders", lambda: [])  # tmp_path is one
    import_id = opted_out(tmp_path)
    exported, errors, contacts = (tmp_path / name for name in ("eksport", "fejl", "kontakter"))
    for folder in (exported, errors, contacts):
        folder.mkdir()
    export(qtbot, window, exported / "liste.xlsx", 0)
    questions.next_save, questions.next_type = errors / "fejl.csv", 0
    window.history_page.save_errors(import_id)
    wait_idle(qtbot, window)
    questions.next_save = None
    window.export_suppressions()
    window.history_page.save_errors(import_id)
    assert Path(questions.saves[-2][1]).parent == exported
    assert Path(questions.saves[-1][1]).parent == errors

    # The contacts' folder is their own, and the program's folder (the sample's) is never
    # one to come back to.
    questions.next_open = None
    window.settings.setValue("lastFolder", str(Path(remembered_folders.__file__).parent.parent))
    window.contacts_page.choose_file()
    assert Path(questions.opened_in[-1]) == remembered_folders.default_folder()
    people = contacts / "folk.csv"
    people.write_text("email\nny@kunde.dk\n", "utf-8")
    questions.next_open = people
    window.contacts_page.choose_file()
    wait_idle(qtbot, window)
    questions.next_open = None
    window.contacts_page.choose_file()
    assert Path(questions.opened_in[-1]) == contacts
    remembered_folders.remember(window.settings, remembered_folders.CONTACTS, Path("/tmp/x.csv"))
    monkeypatch.undo()
    assert remembered_folders.folder(window.settings, remembered_folders.CONTACTS) != Path("/tmp")


def test_the_export_dialog_offers_other_tools_formats_and_hashed_lists(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    opted_out(tmp_path)
    kinds = [kind.tool for kind in file_kinds.suppression_kinds()]
    export(qtbot, window, tmp_path / "ses", kinds.index("ses"))
    lines = (tmp_path / "ses.csv").read_text("utf-8").splitlines()
    assert lines and all(line.endswith((",BOUNCE", ",COMPLAINT")) for line in lines)
    text = export(qtbot, window, tmp_path / "partner", kinds.index("sha256"))
    digests = (tmp_path / "partner.txt").read_text("utf-8").split()
    assert digests and all(len(d) == 64 and int(d, 16) >= 0 for d in digests)
    assert "Exported to" in text
