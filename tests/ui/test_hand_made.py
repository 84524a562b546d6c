"""Nothing irreversible by accident: a look-up only looks up; opting out a domain or an address
by hand is its own command, counted, confirmed with the typed number, kept in the history and
liftable from the window with a legal basis."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, ImportRun, LiftLog, Suppression
from optout_desktop.core.optouts import by_hand, domains, imports
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from optout_desktop.ui.main_window import MainWindow
from tests.ui.helpers import WAIT, ScriptedQuestions, wait_idle


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def seed(tmp_path: Path) -> None:
    """Three contacts at firma.dk; a and b opted out by an import (c is not)."""
    contact_import.import_contacts(
        open_source(write(tmp_path / "c.csv", "email\na@firma.dk\nb@firma.dk\nc@firma.dk\n")),
        "email",
    )
    plan = imports.plan_optouts(
        open_source(write(tmp_path / "o.csv", "email\na@firma.dk\nb@firma.dk\n")), "email"
    )
    imports.run_optouts(plan, 2)


def shown(name: str) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert found, f"{name} is not open"
    return found[-1]


def wait_shown(qtbot: QtBot, name: str) -> QWidget:
    qtbot.waitUntil(
        lambda: any(
            w.objectName() == name and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=WAIT,
    )
    return shown(name)


def menu_action(window: MainWindow, text: str) -> QAction:
    actions = {a.text().replace("&", ""): a for a in window.findChildren(QAction)}
    return actions[text]


def history_kinds(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.history_page.model
    return [
        (run["kind"], run["state"], run["file_name"])
        for run in (model.run_at(r) for r in range(model.rowCount()))
    ]


def test_a_domain_look_up_only_looks_up(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """`@firma.dk` and Enter twice in the look-up field opted the whole domain out (the
    question defaulted to Yes). Now it says whether the domain is opted out, and writes
    nothing."""
    seed(tmp_path)
    before = Suppression.select().count()
    window.lookup.setText("@Firma.dk")
    qtbot.keyClick(window.lookup, Qt.Key.Key_Return)
    qtbot.keyClick(window.lookup, Qt.Key.Key_Return)
    dialog = wait_shown(qtbot, "domainDialog")
    wait_idle(qtbot, window)
    assert not [m for m in questions.messages if m[0] == "question"]
    assert Suppression.select().count() == before
    text = dialog.findChild(QLabel, "domainText").text()
    assert "Not opted out as a whole domain" in text and "Contacts at the domain: 3" in text
    assert not dialog.findChild(QPushButton, "liftDomainButton").isEnabled()
    # Opting it out is a button of its own, that leads to its own confirmation.
    qtbot.mouseClick(dialog.findChild(QPushButton, "blockDomainButton"), Qt.MouseButton.LeftButton)
    confirmation = wait_shown(qtbot, "blockDomainDialog")
    assert not questions.asked  # the domain was not asked for again
    assert confirmation.findChild(QLabel, "blockDomainName").text() == "@firma.dk"
    confirmation.reject()
    wait_idle(qtbot, window)
    assert Suppression.select().count() == before

    domains.add_domain("@firma.dk")  # a colleague, say
    window.lookup.dialog = None
    window.lookup.look_up()
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    text = window.lookup.dialog.findChild(QLabel, "domainText").text()
    assert "Opted out:" in text and "@firma.dk: added by hand, Whole account, since" in text
    assert not window.lookup.dialog.findChild(QPushButton, "blockDomainButton").isEnabled()
    assert window.lookup.dialog.findChild(QPushButton, "liftDomainButton").isEnabled()


def test_opting_out_a_domain_is_counted_confirmed_kept_and_liftable(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    seed(tmp_path)
    window.refresh_all()  # F5: the seed was written by another program, as it were
    page = window.contacts_page
    qtbot.waitUntil(lambda: page.unsubscribed_count == 2, timeout=WAIT)
    questions.texts = ["@firma.dk"]
    menu_action(window, "Opt out a whole domain…").trigger()
    dialog = wait_shown(qtbot, "blockDomainDialog")
    assert dialog.findChild(QLabel, "blockDomainContacts").text() == "3"
    assert dialog.findChild(QLabel, "blockDomainUnsubscribed").text() == "1"  # c; a and b were
    assert dialog.findChild(QLabel, "blockDomainListed").text() == "2"
    action = dialog.findChild(QPushButton, "blockDomainDialogActionButton")
    edit = dialog.findChild(QLineEdit, "blockDomainDialogCountEdit")
    for wrong in ("", "3", "0"):
        edit.setText(wrong)
        assert not action.isEnabled(), wrong
    assert not eligibility.lookup("c@firma.dk").suppressed
    edit.setText("1")
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: eligibility.lookup("c@firma.dk").suppressed, timeout=WAIT)
    wait_idle(qtbot, window)
    assert eligibility.lookup("anyone@firma.dk").suppressed
    _kind, title, text = questions.messages[-1]
    assert title == "Whole domain opted out" and "1 contact there" in text

    # Every view shows it, without F5: the history, and the contacts to delete.
    assert history_kinds(window)[0] == ("domain", "completed", "@firma.dk")
    qtbot.waitUntil(lambda: page.unsubscribed_count == 3, timeout=WAIT)
    assert not page.delete_unsubscribed_button.isHidden()

    # Lifted from the History page, with a legal basis and why.
    history = window.history_page
    history.select_import(int(history.model.run_at(0)["id"]), "domain")
    assert history.lift_button.isEnabled() and not history.undo_button.isEnabled()
    assert "SHA-256" not in [
        history.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(history.model.columnCount())
    ]
    qtbot.mouseClick(history.lift_button, Qt.MouseButton.LeftButton)
    lift = shown("liftDialog")
    intro = " ".join(label.text() for label in lift.findChildren(QLabel))
    assert "<b>@firma.dk</b> for the whole account lets" in intro
    button = lift.findChild(QPushButton, "liftButton")
    basis = lift.findChild(QComboBox, "liftBasisCombo")
    basis.setCurrentIndex(basis.findData("consent"))
    assert not button.isEnabled()  # a reason is required too
    lift.findChild(QWidget, "liftExplanationEdit").setPlainText("Partner agreement signed")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not eligibility.lookup("c@firma.dk").suppressed, timeout=WAIT)
    wait_idle(qtbot, window)
    assert eligibility.lookup("a@firma.dk").suppressed  # the import's opt-outs stay
    assert LiftLog.get().explanation == "Partner agreement signed"
    kinds = history_kinds(window)
    assert kinds[:2] == [("lift", "completed", "@firma.dk"), ("domain", "lifted", "@firma.dk")]
    qtbot.waitUntil(lambda: page.unsubscribed_count == 2, timeout=WAIT)


def test_an_opt_out_by_hand_from_the_look_up_asks_first_and_is_kept(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    """ "Suppress this address" and "The person unsubscribed" wrote at once, the second never
    to be lifted. Now each opens a confirmation with the reason and the typed count."""
    seed(tmp_path)
    window.lookup.look_up("c@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    qtbot.mouseClick(
        window.lookup.dialog.findChild(QPushButton, "unsubscribedButton"),
        Qt.MouseButton.LeftButton,
    )
    dialog = wait_shown(qtbot, "byHandDialog")
    assert not eligibility.lookup("c@firma.dk").suppressed  # nothing yet
    assert dialog.unsubscribed_choice.isChecked()
    dialog.manual_choice.setChecked(True)  # the user changes their mind: lift-able
    action = dialog.findChild(QPushButton, "byHandDialogActionButton")
    assert not action.isEnabled()
    dialog.findChild(QLineEdit, "byHandDialogCountEdit").setText("1")
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: eligibility.lookup("c@firma.dk").suppressed, timeout=WAIT)
    wait_idle(qtbot, window)
    row = Suppression.get(Suppression.email == "c@firma.dk")
    assert (row.reason, row.scope_id) == ("manual", ACCOUNT)
    assert history_kinds(window)[0] == ("manual", "completed", "c@firma.dk")
    qtbot.waitUntil(lambda: window.contacts_page.unsubscribed_count == 3, timeout=WAIT)

    # Looked up again: it says so, and offers to lift it (it was added by hand).
    window.lookup.dialog = None
    window.lookup.look_up("c@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    found = window.lookup.dialog
    assert not found.findChild(QPushButton, "manualOptOutButton").isEnabled()
    qtbot.mouseClick(found.findChild(QPushButton, "liftOptOutButton"), Qt.MouseButton.LeftButton)
    lift = shown("liftDialog")
    basis = lift.findChild(QComboBox, "liftBasisCombo")
    basis.setCurrentIndex(basis.findData("legitimate_interest_customer"))
    lift.findChild(QWidget, "liftExplanationEdit").setPlainText("Added by mistake")
    qtbot.mouseClick(lift.findChild(QPushButton, "liftButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not eligibility.lookup("c@firma.dk").suppressed, timeout=WAIT)
    wait_idle(qtbot, window)
    assert history_kinds(window)[:2] == [
        ("lift", "completed", "c@firma.dk"),
        ("manual", "lifted", "c@firma.dk"),
    ]


def test_an_opt_out_the_person_asked_for_is_never_offered_for_lifting(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions
) -> None:
    questions.texts = ["ny@kunde.dk"]
    menu_action(window, "Add an opt-out by hand…").trigger()
    dialog = wait_shown(qtbot, "byHandDialog")
    assert dialog.manual_choice.isChecked()
    dialog.unsubscribed_choice.setChecked(True)
    dialog.findChild(QLineEdit, "byHandDialogCountEdit").setText("1")
    dialog.accept()
    qtbot.waitUntil(lambda: Suppression.select().count() == 1, timeout=WAIT)
    wait_idle(qtbot, window)
    assert Suppression.get().reason == "unsubscribed"
    history = window.history_page
    history.select_import(int(history.model.run_at(0)["id"]), "manual")
    assert history.model.data(history.model.index(0, 3)) == "The person unsubscribed"
    assert not history.lift_button.isEnabled()
    window.lookup.look_up("ny@kunde.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    assert not window.lookup.dialog.findChild(QPushButton, "liftOptOutButton").isEnabled()
    assert not window.lookup.dialog.findChild(QPushButton, "unsubscribedButton").isEnabled()


def test_a_look_up_mentions_a_business_units_own_opt_out(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions
) -> None:
    """Under the whole account, an address opted out only for Butik said "allowed" with no
    word of Butik."""
    business_units.add_unit("Butik")
    butik = business_units.scope_id("Butik")
    by_hand.add_manual("jens@firma.dk", butik)
    window.refresh_units()
    window.lookup.look_up("jens@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    text = window.lookup.dialog.findChild(QLabel, "lookupText").text()
    assert "Marketing email: allowed" in text
    assert "Note: opted out for Butik" in text


def test_the_reason_line_says_each_thing_once(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions
) -> None:
    """ "added by hand, the whole domain @firma.dk, … — added by hand, the whole domain
    @firma.dk": the reason was repeated where an import's name would stand."""
    domains.add_domain("@firma.dk")
    window.lookup.look_up("jens@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    text = window.lookup.dialog.findChild(QLabel, "lookupText").text()
    assert text.count("the whole domain @firma.dk") == 1
    assert "Sequences (automated series of sales emails): not allowed" in text


def test_a_domain_that_is_opted_out_already_is_not_asked_again(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions
) -> None:
    domains.add_domain("*.firma.dk")
    questions.texts = ["@firma.dk"]
    window.hand_made.block_domain()
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    _kind, _title, text = questions.messages[-1]
    assert "opted out already (*.firma.dk, Whole account)" in text
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "blockDomainDialog" and w.isVisible()
    ]
    assert ImportRun.select().where(ImportRun.kind == "domain").count() == 1  # its own only


def test_forget_this_person_asks_for_the_address_and_keeps_them_suppressed(
    qtbot: QtBot, window: MainWindow, questions: ScriptedQuestions, tmp_path: Path
) -> None:
    seed(tmp_path)
    window.lookup.dialog = None
    window.lookup.look_up("a@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    dialog = window.lookup.dialog
    questions.texts = ["not the address"]  # a mistyped confirmation forgets nothing
    qtbot.mouseClick(dialog.findChild(QPushButton, "forgetButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    wait_idle(qtbot, window)
    assert Suppression.select().where(Suppression.email == "a@firma.dk").exists()
    questions.messages.clear()
    window.lookup.dialog = None
    window.lookup.look_up("a@firma.dk")
    qtbot.waitUntil(lambda: window.lookup.dialog is not None, timeout=WAIT)
    questions.texts = ["a@firma.dk"]
    button = window.lookup.dialog.findChild(QPushButton, "forgetButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(questions.messages), timeout=WAIT)
    wait_idle(qtbot, window)
    assert questions.messages[-1][0] == "info" and "forgotten" in questions.messages[-1][2]
    assert not Suppression.select().where(Suppression.email == "a@firma.dk").exists()
    assert eligibility.lookup("a@firma.dk").suppressed  # by its digest
    assert (
        not contact_import.Contact.select()
        .where(contact_import.Contact.email == "a@firma.dk")
        .exists()
    )
