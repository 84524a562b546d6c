"""Undo of an opt-out import, and lifting a hand-made opt-out: exactly the right rows, logged."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core import computer_user
from optout_desktop.core.contacts import contact_import
from optout_desktop.core.db.models import ACCOUNT, ImportClaim, ImportRun, LiftLog, Suppression
from optout_desktop.core.errors import Cancelled, ConfirmationError, OptOutError
from optout_desktop.core.optouts import by_hand, history, imports, lift, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from tests.helpers import outside_rows

Optout = Callable[..., Any]


def write(path: Path, emails: Iterable[str]) -> Path:
    path.write_text("email\n" + "\n".join(emails) + "\n", "utf-8")
    return path


def opt_out(path: Path, emails: Iterable[str], scope: int = ACCOUNT) -> ImportRun:
    plan = imports.plan_optouts(open_source(write(path, emails)), "email", scope)
    return imports.run_optouts(plan, plan.counts.valid)


def rows() -> dict[tuple[str, int], tuple[str, int | None]]:
    """Every opt-out: (address, scope) -> (reason, owning import)."""
    return {(s.email, s.scope_id): (s.reason, s.import_run_id) for s in Suppression.select()}


def suppressed(scope: int = ACCOUNT) -> set[str]:
    return {s.email for s in Suppression.select().where(Suppression.scope_id.in_({ACCOUNT, scope}))}


def undo_all(import_id: int) -> undo.UndoPlan:
    plan = undo.plan_undo(import_id)
    return undo.undo_import(import_id, plan.lift)


@pytest.fixture
def overlapping(db: Any, tmp_path: Path) -> dict[str, ImportRun]:
    """p was suppressed by hand before; first lists a, b, c, p; second lists b, c, d."""
    by_hand.add_manual("p@x.dk", ACCOUNT)
    first = opt_out(tmp_path / "first.csv", ["a@x.dk", "b@x.dk", "c@x.dk", "p@x.dk"])
    second = opt_out(tmp_path / "second.csv", ["b@x.dk", "c@x.dk", "d@x.dk"])
    by_hand.add_manual("m@x.dk", ACCOUNT)
    return {"first": first, "second": second}


def test_undo_lifts_only_what_the_import_added(overlapping: dict[str, ImportRun]) -> None:
    first, second = overlapping["first"], overlapping["second"]
    assert (first.new, first.already_suppressed) == (3, 1)
    assert (second.new, second.already_suppressed) == (1, 2)

    plan = undo.plan_undo(first.id)
    assert (plan.lift, plan.keep, plan.domains, plan.already_undone) == (1, 2, 0, False)
    assert rows()[("a@x.dk", ACCOUNT)] == ("import", first.id)  # planning changed nothing

    done = undo.undo_import(first.id, 1)
    assert done.done and done.state == "undone"
    assert rows() == {
        # b and c: the second import listed them too, so they pass to it.
        ("b@x.dk", ACCOUNT): ("import", second.id),
        ("c@x.dk", ACCOUNT): ("import", second.id),
        ("d@x.dk", ACCOUNT): ("import", second.id),
        # Suppressed by hand before the import, and after it: untouched.
        ("p@x.dk", ACCOUNT): ("manual", None),
        ("m@x.dk", ACCOUNT): ("manual", None),
    }
    stored = ImportRun.get_by_id(first.id)
    assert stored.state == "undone"
    assert stored.undone_by == computer_user.user_name() != ""
    assert stored.undone_at and stored.undone_at >= stored.finished_at
    assert not eligibility.lookup("a@x.dk").suppressed

    # Undoing the second now lifts what it added and what it inherited.
    assert undo.plan_undo(second.id).lift == 3
    undo.undo_import(second.id, 3)
    assert suppressed() == {"p@x.dk", "m@x.dk"}
    assert ImportClaim.select().count() == 0


def test_undo_in_the_other_order_gives_the_same_end(overlapping: dict[str, ImportRun]) -> None:
    first, second = overlapping["first"], overlapping["second"]
    plan = undo.plan_undo(second.id)
    assert (plan.lift, plan.keep) == (1, 0)  # only d: b and c belong to the first import
    undo.undo_import(second.id, 1)
    assert suppressed() == {"a@x.dk", "b@x.dk", "c@x.dk", "p@x.dk", "m@x.dk"}
    # The undone import's claims are gone, so nothing passes to it.
    assert (undo.plan_undo(first.id).lift, undo.plan_undo(first.id).keep) == (3, 0)
    undo.undo_import(first.id, 3)
    assert suppressed() == {"p@x.dk", "m@x.dk"}


def test_an_opt_out_passes_down_a_chain_of_imports(db: Any, tmp_path: Path) -> None:
    runs = [opt_out(tmp_path / f"{n}.csv", ["x@x.dk"]) for n in range(3)]
    assert [r.new for r in runs] == [1, 0, 0]
    undo_all(runs[0].id)
    assert rows() == {("x@x.dk", ACCOUNT): ("import", runs[1].id)}
    undo_all(runs[1].id)
    assert rows() == {("x@x.dk", ACCOUNT): ("import", runs[2].id)}
    assert undo_all(runs[2].id).lift == 1
    assert rows() == {}


@pytest.mark.parametrize("reason", ["unsubscribed", "manual"])
def test_an_opt_out_taken_over_since_is_never_lifted(db: Any, tmp_path: Path, reason: str) -> None:
    run = opt_out(tmp_path / "f.csv", ["a@x.dk", "b@x.dk"])
    by_hand.add_manual("a@x.dk", ACCOUNT, reason)  # the person (or a user) asked since
    plan = undo.plan_undo(run.id)
    assert (plan.lift, plan.keep) == (1, 0)
    undo.undo_import(run.id, 1)
    assert rows() == {("a@x.dk", ACCOUNT): (reason, None)}


def test_a_business_unit_import_inherits_a_whole_account_opt_out(db: Any, tmp_path: Path) -> None:
    brand = business_units.add_unit("Brand").id
    other = business_units.add_unit("Other").id
    account = opt_out(tmp_path / "account.csv", ["a@x.dk"])
    branded = opt_out(tmp_path / "brand.csv", ["a@x.dk", "b@x.dk"], brand)
    assert (branded.new, branded.already_suppressed) == (1, 1)
    assert undo.plan_undo(account.id).keep == 1
    undo.undo_import(account.id, 0)
    assert rows() == {
        ("a@x.dk", brand): ("import", branded.id),
        ("b@x.dk", brand): ("import", branded.id),
    }
    assert not eligibility.lookup("a@x.dk").suppressed  # no longer for the whole account
    assert eligibility.lookup("a@x.dk", brand).suppressed  # but still for the brand that asked
    assert not eligibility.lookup("a@x.dk", other).suppressed


def test_claims_pass_on_across_scopes_in_the_order_the_imports_ran(db: Any, tmp_path: Path) -> None:
    brand = business_units.add_unit("Brand").id
    account = opt_out(tmp_path / "account.csv", ["a@x.dk"])
    brand_1 = opt_out(tmp_path / "brand1.csv", ["a@x.dk"], brand)
    account_2 = opt_out(tmp_path / "account2.csv", ["a@x.dk"])
    brand_2 = opt_out(tmp_path / "brand2.csv", ["a@x.dk"], brand)
    assert [r.new for r in (account, brand_1, account_2, brand_2)] == [1, 0, 0, 0]
    undo_all(account.id)  # the later whole-account import takes it over, in place
    assert rows() == {("a@x.dk", ACCOUNT): ("import", account_2.id)}
    undo_all(account_2.id)  # then the brand's first import, for the brand only
    assert rows() == {("a@x.dk", brand): ("import", brand_1.id)}
    undo_all(brand_1.id)
    assert rows() == {("a@x.dk", brand): ("import", brand_2.id)}
    assert undo_all(brand_2.id).lift == 1
    assert rows() == {} and ImportClaim.select().count() == 0


def test_undo_after_the_addresses_became_contacts(db: Any, tmp_path: Path) -> None:
    run = opt_out(tmp_path / "o.csv", ["a@x.dk", "b@x.dk"])
    contact_import.import_contacts(
        open_source(write(tmp_path / "c.csv", ["a@x.dk", "c@x.dk"])), "email"
    )
    assert eligibility.billable_contacts() == 2
    assert contact_import.unsubscribed_contacts().count() == 1
    undo_all(run.id)
    assert rows() == {}
    assert eligibility.billable_contacts() == 2  # contacts stay contacts (and billable)
    assert contact_import.unsubscribed_contacts().count() == 0
    found = eligibility.lookup("a@x.dk")
    assert found.is_contact and not found.suppressed and found.marketing_allowed


def test_undoing_an_undone_import_does_nothing(db: Any, tmp_path: Path, db_path: Path) -> None:
    run = opt_out(tmp_path / "o.csv", ["a@x.dk"])
    undo_all(run.id)
    before = ImportRun.get_by_id(run.id)
    opt_out(tmp_path / "again.csv", ["a@x.dk"])  # listed again by a later import
    again = undo.undo_import(run.id, 1)
    assert again.already_undone and not again.done
    assert (again.lift, again.keep) == (0, 0)
    assert (again.undone_by, again.undone_at) == (before.undone_by, before.undone_at)
    assert suppressed() == {"a@x.dk"}
    assert undo.plan_undo(run.id).already_undone


def test_a_wrong_number_changes_nothing(overlapping: dict[str, ImportRun]) -> None:
    before = rows()
    with pytest.raises(ConfirmationError, match="lifts 1 opt-outs; nothing was changed"):
        undo.undo_import(overlapping["first"].id, 3)
    assert rows() == before
    assert ImportRun.get_by_id(overlapping["first"].id).state == "completed"


def test_a_cancelled_undo_changes_nothing(overlapping: dict[str, ImportRun]) -> None:
    before = rows()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        undo.undo_import(overlapping["first"].id, 1, cancel)
    assert rows() == before
    assert ImportRun.get_by_id(overlapping["first"].id).state == "completed"


def test_only_a_completed_opt_out_import_can_be_undone(db: Any, tmp_path: Path) -> None:
    run, _counts = contact_import.import_contacts(
        open_source(write(tmp_path / "c.csv", ["a@x.dk"])), "email"
    )
    with pytest.raises(OptOutError, match="imported contacts"):
        undo.plan_undo(run.id)
    cancelled = ImportRun.create(
        kind="optouts", state="cancelled", file_name="f.csv", file_sha256="0", column="email"
    )
    with pytest.raises(OptOutError, match="was cancelled and wrote nothing"):
        undo.undo_import(cancelled.id, 0)
    with pytest.raises(OptOutError, match="no import #99"):
        undo.plan_undo(99)


def test_history_lists_every_field_and_the_undo(overlapping: dict[str, ImportRun]) -> None:
    first = overlapping["first"]
    undo_all(first.id)
    listed = {run["id"]: run for run in history.history()}
    entry = listed[first.id]
    for key in (
        "started_at",
        "user_name",
        "file_name",
        "file_sha256",
        "column",
        "business_unit",
        "rows",
        "valid",
        "invalid",
        "blank",
        "duplicates",
        "new",
        "already_suppressed",
        "contacts_unsubscribed",
        "domains",
        "refused_rows",
    ):
        assert key in entry, key
    assert (entry["state"], entry["undoable"]) == ("undone", False)
    assert entry["undone_by"] == computer_user.user_name() and entry["undone_at"]
    assert listed[overlapping["second"].id]["undoable"] is True


# ---- lifting by hand ------------------------------------------------------------------------


def test_a_manual_opt_out_is_lifted_with_its_legal_basis_logged(db: Any) -> None:
    by_hand.add_manual("m@x.dk", ACCOUNT)
    lifted = lift.lift_manual(" M@X.DK ", ACCOUNT, "consent", "  Asked to hear from us  ")
    assert not lifted.still_suppressed and not lifted.kept_by_import
    assert "may get marketing email again" in lifted.message
    assert rows() == {}
    log = LiftLog.get_by_id(lifted.log_id)
    assert (log.email, log.scope_id, log.reason) == ("m@x.dk", ACCOUNT, "manual")
    assert (log.legal_basis, log.explanation) == ("consent", "Asked to hear from us")
    assert log.user_name == computer_user.user_name() and log.lifted_at


def test_an_unsubscribed_opt_out_can_never_be_lifted(db: Any) -> None:
    by_hand.add_manual("u@x.dk", ACCOUNT, "unsubscribed")
    for basis in ("consent", "legitimate_interest_customer", "not_applicable"):
        with pytest.raises(OptOutError, match="asked for can never be lifted"):
            lift.lift_manual("u@x.dk", ACCOUNT, basis, "They said so on the phone")
    assert rows() == {("u@x.dk", ACCOUNT): ("unsubscribed", None)}
    assert LiftLog.select().count() == 0


def test_lifting_needs_a_legal_basis_an_explanation_and_a_manual_opt_out(
    db: Any, tmp_path: Path
) -> None:
    by_hand.add_manual("m@x.dk", ACCOUNT)
    run = opt_out(tmp_path / "o.csv", ["i@x.dk"])
    with pytest.raises(OptOutError, match="Choose a legal basis"):
        lift.lift_manual("m@x.dk", ACCOUNT, "because", "x")
    with pytest.raises(OptOutError, match="give an explanation"):
        lift.lift_manual("m@x.dk", ACCOUNT, "consent", "   ")
    with pytest.raises(OptOutError, match=f"came with import #{run.id}; undo that import"):
        lift.lift_manual("i@x.dk", ACCOUNT, "consent", "x")
    with pytest.raises(OptOutError, match="has no opt-out of its own"):
        lift.lift_manual("nobody@x.dk", ACCOUNT, "consent", "x")
    assert len(rows()) == 2 and LiftLog.select().count() == 0


def test_a_lifted_manual_opt_out_stays_when_an_import_lists_it_too(db: Any, tmp_path: Path) -> None:
    by_hand.add_manual("m@x.dk", ACCOUNT)
    run = opt_out(tmp_path / "o.csv", ["m@x.dk"])
    assert run.already_suppressed == 1
    lifted = lift.lift_manual("m@x.dk", ACCOUNT, "consent", "x")
    assert lifted.kept_by_import and lifted.still_suppressed
    assert "stays suppressed" in lifted.message
    assert rows() == {("m@x.dk", ACCOUNT): ("import", run.id)}
    assert LiftLog.get_by_id(lifted.log_id).kept


# ---- the command line -------------------------------------------------------------------


def query(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows read by another program's connection, on either backend."""
    return outside_rows(db_path, sql)


def test_the_command_line_undoes_an_import(optout: Optout, tmp_path: Path, db_path: Path) -> None:
    first = write(tmp_path / "first.csv", ["a@x.dk", "b@x.dk"])
    second = write(tmp_path / "second.csv", ["b@x.dk", "c@x.dk"])
    optout("import-optouts", first, "--confirm", "2", check=True)
    optout("import-optouts", second, "--confirm", "2", check=True)

    dry = optout("undo", "1", "--dry-run", "--json", check=True).json()
    assert (dry["lift"], dry["keep"], dry["dry_run"], dry["state"]) == (1, 1, True, "completed")
    text = optout("undo", "1", "--dry-run", check=True).stdout
    assert "1 opt-outs would be lifted" in text and "--confirm 1" in text

    wrong = optout("undo", "1", "--confirm", "2")
    assert wrong.returncode == 2
    assert wrong.stderr.count("\n") == 1 and "nothing was changed" in wrong.stderr
    assert "Traceback" not in wrong.stderr

    done = optout("undo", "1", "--confirm", "1", "--json", check=True).json()
    assert (done["done"], done["state"], done["lift"]) == (True, "undone", 1)
    assert query(db_path, "SELECT email, import_run_id FROM suppression ORDER BY email") == [
        ("b@x.dk", 2),
        ("c@x.dk", 2),
    ]

    twice = optout("undo", "1", "--confirm", "1")
    assert twice.returncode == 0 and "already undone" in twice.stdout
    listed = optout("history", "--json", check=True).json()
    assert listed[-1]["state"] == "undone" and listed[-1]["undone_by"]
    assert "undone by" in optout("history", check=True).stdout


def test_the_command_line_lifts_only_what_may_be_lifted(optout: Optout, db_path: Path) -> None:
    optout("add-optout", "m@x.dk", check=True)
    optout("add-optout", "u@x.dk", "--unsubscribed", check=True)
    refused = optout("lift", "u@x.dk", "--legal-basis", "consent", "--explanation", "asked")
    assert refused.returncode == 2 and "can never be lifted" in refused.stderr
    data = optout(
        "lift",
        "m@x.dk",
        "--legal-basis",
        "legitimate_interest_customer",
        "--explanation",
        "A customer again",
        "--json",
        check=True,
    ).json()
    assert data["entry"] == "m@x.dk" and not data["still_suppressed"]
    assert query(db_path, "SELECT email FROM suppression") == [("u@x.dk",)]
    assert query(db_path, "SELECT email, legal_basis, explanation FROM lift_log") == [
        ("m@x.dk", "legitimate_interest_customer", "A customer again")
    ]
