"""The window's contacts page, business units, look-up and one-to-one log, driven with pytest-qt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from optout_desktop.core.db.models import Contact, OneToOneSend, Suppression
from optout_desktop.core.optouts import by_hand, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from tests.ui.helpers import (
    WAIT,
    ScriptedQuestions,
    big_file,
    danish_excel_file,
    open_and_count,
    wait_idle,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def top_level(name: str) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert found, f"{name} is not open"
    return found[-1]


def import_contacts_in_window(qtbot: QtBot, window: Any, questions: ScriptedQuestions, path: Path):
    page = window.contacts_page
    questions.next_open = path
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(
            [
                w
                for w in QApplication.topLevelWidgets()
                if w.objectName() == "contactsImportDialog" and w.isVisible()
            ]
        ),
        timeout=WAIT,
    )
    dialog = top_level("contactsImportDialog")
    return page, dialog


def test_importing_contacts_raises_the_billable_total_and_lists_them(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    people = write(
        tmp_path / "kontakter.csv",
        "Fornavn;Efternavn;E-mail\nSøren;Ærø;soeren@firma.dk\nÅse;Lund;aase@kunde.dk\n"
        "Ny;Kunde;ny@kunde.dk\n",
    )
    page, dialog = import_contacts_in_window(qtbot, window, questions, people)
    assert dialog.findChild(QComboBox, "contactEmailCombo").currentText() == "E-mail"
    assert dialog.findChild(QComboBox, "contactFirstNameCombo").currentText() == "Fornavn"
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "beginContactsImportButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "<b>3</b>" in window.billable_label.text(), timeout=WAIT)
    wait_idle(qtbot, window)
    assert page.model.rowCount() == 3
    assert page.model.data(page.model.index(0, 0)) == "aase@kunde.dk"
    assert Contact.get(Contact.email == "soeren@firma.dk").first_name == "Søren"

    page.search.setText("ny@")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.contact_at(0).email == "ny@kunde.dk"


def test_a_name_column_can_be_left_out(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    people = write(tmp_path / "c.csv", "First name,Email\nJens,jens@firma.dk\n")
    _page, dialog = import_contacts_in_window(qtbot, window, questions, people)
    first = dialog.findChild(QComboBox, "contactFirstNameCombo")
    first.setCurrentIndex(0)  # "(none)"
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "beginContactsImportButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: Contact.select().count() == 1, timeout=WAIT)
    wait_idle(qtbot, window)
    assert Contact.get().first_name == ""


def seed(tmp_path: Path) -> None:
    """Three contacts, two of them unsubscribed by an opt-out import."""
    from optout_desktop.core.contacts import contact_import

    write(tmp_path / "c.csv", "email\na@firma.dk\nb@firma.dk\nc@firma.dk\n")
    contact_import.import_contacts(open_source(tmp_path / "c.csv"), "email")
    write(tmp_path / "o.csv", "email\na@firma.dk\nb@firma.dk\n")
    plan = imports.plan_optouts(open_source(tmp_path / "o.csv"), "email")
    imports.run_optouts(plan, 2)


def test_deleting_unsubscribed_contacts_needs_the_typed_count_and_keeps_opt_outs(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    seed(tmp_path)
    page = window.contacts_page
    page.refresh()
    window.refresh_totals()
    qtbot.waitUntil(lambda: "<b>2</b>" in page.unsubscribed_label.text(), timeout=WAIT)
    assert not page.delete_unsubscribed_button.isHidden()
    qtbot.mouseClick(page.delete_unsubscribed_button, Qt.MouseButton.LeftButton)
    dialog = top_level("deleteUnsubscribedDialog")
    edit = dialog.findChild(QLineEdit, "deleteUnsubscribedDialogCountEdit")
    action = dialog.findChild(QPushButton, "deleteUnsubscribedDialogActionButton")
    edit.setText("3")
    assert not action.isEnabled()
    edit.setText("2")
    assert action.isEnabled()
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "<b>1</b>" in window.billable_label.text(), timeout=WAIT)
    wait_idle(qtbot, window)
    assert [c.email for c in Contact.select()] == ["c@firma.dk"]
    assert Suppression.select().count() == 2  # the opt-outs stay
    qtbot.waitUntil(lambda: page.delete_unsubscribed_button.isHidden(), timeout=WAIT)


def test_deleting_selected_contacts_asks_first(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    seed(tmp_path)
    page = window.contacts_page
    page.refresh()
    page.table.selectRow(0)  # a@firma.dk: unsubscribed
    questions.yes = False
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert Contact.select().count() == 3
    questions.yes = True
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Contact.select().count() == 2, timeout=WAIT)
    wait_idle(qtbot, window)
    assert eligibility.lookup("a@firma.dk").suppressed  # deleting a contact never lifts an opt-out
    assert not eligibility.lookup("a@firma.dk").is_contact


def test_deleting_contacts_while_a_count_runs_waits_its_turn_and_says_so(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """Confirming "Delete N contacts?" while the import page counted a file did nothing and
    said nothing. Now the delete waits for the count, the status line says so, then it runs."""
    seed(tmp_path)
    page = window.contacts_page
    page.refresh()
    window.open_file(big_file(tmp_path, 300_000))
    qtbot.waitUntil(lambda: getattr(window.jobs.running, "label", "") == "Counting…", timeout=WAIT)
    window.tabs.setCurrentWidget(page)
    page.table.selectRow(0)  # a@firma.dk
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert questions.messages[-1][0] == "question"
    status = window.job_status
    assert status.waiting_label.text() == "Waiting to start: Deleting contacts"
    assert status.waiting_label.isVisible()  # on the Contacts page, where the user is
    wait_idle(qtbot, window)
    assert [c.email for c in Contact.select().order_by(Contact.email)] == [
        "b@firma.dk",
        "c@firma.dk",
    ]
    plan = window.import_page.plan
    assert plan is not None and plan.counts.valid == 300_000  # the count was not dropped either
    assert status.waiting_label.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)


def test_opening_an_opt_out_file_leaves_a_running_contacts_import_alone(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """Opening a file on the import page used to cancel whatever job ran, a contacts
    import included; now it waits for that import, which completes."""
    people = big_file(tmp_path, 100_000, "people.csv")
    _page, dialog = import_contacts_in_window(qtbot, window, questions, people)
    wait_idle(qtbot, window)  # the contacts file was read; its dialog is open
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "beginContactsImportButton"), Qt.MouseButton.LeftButton
    )
    assert window.jobs.running.label == "Importing contacts…"
    window.open_file(danish_excel_file(tmp_path))
    qtbot.waitUntil(lambda: window.import_page.plan is not None, timeout=WAIT)  # counted
    assert Contact.select().count() == 100_000
    assert [m[1] for m in questions.messages] == ["Contacts imported"]
    plan = window.import_page.plan
    assert plan is not None and plan.counts.valid == 4


def test_choosing_the_email_column_while_contacts_import_counts_it_afterwards(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """Choosing a column while another page's job ran left the counts undone and Import…
    disabled for good; now the count waits for that job."""
    open_and_count(qtbot, window, danish_excel_file(tmp_path))
    _page, dialog = import_contacts_in_window(
        qtbot, window, questions, big_file(tmp_path, 100_000, "people.csv")
    )
    wait_idle(qtbot, window)
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "beginContactsImportButton"), Qt.MouseButton.LeftButton
    )
    page = window.import_page
    page.column_combo.setCurrentIndex(3)  # "By": a count that waits…
    page.column_combo.setCurrentIndex(2)  # …and gives way to the email column's
    assert page.plan is None and not page.import_button.isEnabled()
    wait_idle(qtbot, window)
    assert Contact.select().count() == 100_000
    assert page.plan is not None and page.plan.column == "E-mailadresse"
    assert page.plan.counts.valid == 4 and page.import_button.isEnabled()


def test_business_units_are_managed_and_chosen_in_the_navigation(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions
) -> None:
    qtbot.mouseClick(window.manage_units_button, Qt.MouseButton.LeftButton)
    dialog = top_level("unitsDialog")
    questions.texts = ["Brand A", "Brand B"]
    add = dialog.findChild(QPushButton, "addUnitButton")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [u.name for u in business_units.list_units()] == ["Brand A", "Brand B"]
    assert [window.unit_combo.itemText(i) for i in range(window.unit_combo.count())] == [
        "Whole account",
        "Brand A",
        "Brand B",
    ]
    dialog.list.setCurrentRow(1)
    questions.texts = ["Brand C"]
    qtbot.mouseClick(dialog.findChild(QPushButton, "renameUnitButton"), Qt.MouseButton.LeftButton)
    assert window.unit_combo.findText("Brand C") > 0
    brand_a = business_units.scope_id("Brand A")
    by_hand.add_manual("x@firma.dk", brand_a)
    dialog.list.setCurrentRow(0)  # Brand A is used: refused with a message
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeUnitButton"), Qt.MouseButton.LeftButton)
    assert (
        questions.messages[-1][0] == "warning" and "cannot be removed" in questions.messages[-1][2]
    )
    assert business_units.scope_id("Brand A") == brand_a
    dialog.reject()
    window.unit_combo.setCurrentIndex(window.unit_combo.findText("Brand A"))
    assert window.scope_id() == brand_a


def test_look_up_shows_why_and_records_a_one_to_one_email(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    seed(tmp_path)
    window.lookup.setText(" A@Firma.dk ")
    qtbot.keyClick(window.lookup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    dialog = window.lookup.dialog
    text = dialog.findChild(QWidget, "lookupText").text()
    assert "a@firma.dk" in text and "not allowed" in text and "import #2 (o.csv)" in text
    one_to_one = dialog.findChild(QPushButton, "oneToOneButton")
    assert one_to_one.isEnabled()
    qtbot.mouseClick(one_to_one, Qt.MouseButton.LeftButton)
    record = top_level("oneToOneDialog")
    button = record.findChild(QPushButton, "recordOneToOneButton")
    assert not button.isEnabled()  # a legal basis is required
    basis = record.findChild(QComboBox, "legalBasisCombo")
    basis.setCurrentIndex(basis.findData("legitimate_interest_customer"))
    record.explanation.setPlainText("Invoice question")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: OneToOneSend.select().count() == 1, timeout=WAIT)
    wait_idle(qtbot, window)
    send = OneToOneSend.get()
    assert (send.email, send.legal_basis, send.explanation) == (
        "a@firma.dk",
        "legitimate_interest_customer",
        "Invoice question",
    )
    assert eligibility.lookup("a@firma.dk").suppressed


def test_an_invalid_look_up_says_so(qtbot: QtBot, window: Any, questions: ScriptedQuestions):
    window.lookup.setText("not an address")
    window.lookup.look_up()
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    assert questions.messages[-1][0] == "warning"
    assert "not a valid email address" in questions.messages[-1][2]


def test_deleting_contacts_says_how_many_and_is_kept_in_the_history(
    qtbot: QtBot, window: Any, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """Deleting contacts said nothing of how many, and the history did not know of it."""
    seed(tmp_path)
    window.refresh_all()
    page = window.contacts_page
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows,
    )
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: questions.messages[-1][1] == "Contacts deleted", timeout=WAIT)
    wait_idle(qtbot, window)
    assert questions.messages[-1][2].startswith("2 contacts were deleted;")
    latest = window.history_page.model.run_at(0)
    assert (latest["kind"], latest["rows"]) == ("contacts_deleted", 2)
    assert window.history_page.model.kind_text(latest) == "Contacts deleted"

    qtbot.waitUntil(lambda: page.unsubscribed_count == 0, timeout=WAIT)
    assert page.delete_unsubscribed_button.isHidden()  # a and b were the unsubscribed ones


class Snapshots(ScriptedQuestions):
    """Notes, with each message, what the Contacts and History pages show at that moment."""

    def __init__(self, window: Any = None) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[str, dict[str, str], str]] = []

    def inform(self, parent: Any, title: str, text: str) -> None:
        super().inform(parent, title, text)
        model = self.window.contacts_page.model
        marks = {
            model.contact_at(r).email: str(model.data(model.index(r, 3)))
            for r in range(model.rowCount())
        }
        history = self.window.history_page.model
        latest = str(history.run_at(0)["kind"]) if history.rowCount() else ""
        self.seen.append((title, marks, latest))


def confirm(qtbot: QtBot, name: str, count: str) -> None:
    """Type the count in a typed-count confirmation and press its action button."""
    qtbot.waitUntil(
        lambda: any(
            w.objectName() == name and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=WAIT,
    )
    dialog = top_level(name)
    dialog.count_edit.setText(count)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.action_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_every_view_is_current_behind_the_message_that_says_what_changed(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    """The message box came first, and the pages behind it showed the list as it was until
    it was closed; now they show the change while the message tells of it."""
    seed(tmp_path)
    window.refresh_all()
    wait_idle(qtbot, window)
    snapshots = Snapshots(window)
    window.questions = snapshots

    window.history_page.undo(2)  # the opt-out import of a and b
    confirm(qtbot, "undoDialog", "2")
    qtbot.waitUntil(lambda: bool(snapshots.seen), timeout=WAIT)
    title, marks, _latest = snapshots.seen[-1]
    assert title == "Import undone" and marks["a@firma.dk"] == ""

    snapshots.texts = ["@firma.dk"]
    window.hand_made.block_domain()
    confirm(qtbot, "blockDomainDialog", "3")
    qtbot.waitUntil(lambda: len(snapshots.seen) == 2, timeout=WAIT)
    title, marks, latest = snapshots.seen[-1]
    assert title == "Whole domain opted out" and latest == "domain"
    assert set(marks.values()) == {"Yes"}

    snapshots.texts = ["ny@kunde.dk"]
    window.hand_made.add_by_hand()
    confirm(qtbot, "byHandDialog", "1")
    qtbot.waitUntil(lambda: len(snapshots.seen) == 3, timeout=WAIT)
    assert snapshots.seen[-1][::2] == ("Opt-out added", "manual")
    wait_idle(qtbot, window)
