"""Undo an opt-out import: lift exactly the opt-outs it added; shared ones pass to later imports."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db import dialect, models
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ImportRun, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import ConfirmationError, OptOutError, StoreError
from optout_desktop.core.optouts import ownership, raising
from optout_desktop.core.progress import CancelFlag, raise_if_cancelled
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.texts import t

# The import's own rows (whatever their reason); one that a user took over by hand since, or
# that was kept as a forgotten person's digest, belongs to no import any more.
# (A ? placeholder: ownership.py puts the database's own in.)
_OWN = "import_run_id = ?"
# How an import that wrote nothing ended, in words (its state is a key).
_ENDED = {"running": t("running"), "cancelled": t("cancelled"), "failed": t("failed")}


@dataclass
class UndoPlan:
    """What undoing an import does (or did): opt-outs lifted, kept, and the import's state."""

    import_id: int
    file_name: str
    started_at: str
    business_unit: str
    state: str
    lift: int  # opt-outs lifted: only this import asked for them
    keep: int  # opt-outs that stay: a later import also lists them, and now holds them
    domains: int  # of the lifted, whole-domain opt-outs
    restored: int = 0  # opt-outs it gave a stronger reason, which get back the one they had
    undone_by: str | None = None
    undone_at: str | None = None
    done: bool = False  # true when this call undid the import

    @property
    def already_undone(self) -> bool:
        return self.state == "undone" and not self.done

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "already_undone": self.already_undone}


def _run(import_id: int) -> ImportRun:
    run = ImportRun.get_or_none(ImportRun.id == import_id)
    number = str(import_id)  # an id: no thousands separator
    if run is None:
        raise OptOutError(t("There is no import #{number}.", number=number))
    if run.kind != "optouts":
        raise OptOutError(
            t(
                "Import #{number} imported contacts; only an opt-out import can be undone.",
                number=number,
            )
        )
    if run.state not in ("completed", "undone"):
        raise OptOutError(
            t(
                "Import #{number} was {state} and wrote nothing; there is nothing to undo.",
                number=number,
                state=_ENDED.get(run.state, run.state),
            )
        )
    return run


def _plan(run: ImportRun) -> UndoPlan:
    undone = run.state == "undone"
    counts = (
        ownership.Withdrawal(0, 0, 0) if undone else ownership.count_withdrawal(_OWN, (run.id,))
    )
    restored = 0 if undone else raising.count_restored(run.id)
    return UndoPlan(
        import_id=run.id,
        file_name=run.file_name,
        started_at=run.started_at,
        business_unit=scope_name(run.scope_id),
        state=run.state,
        lift=counts.lift,
        keep=counts.keep,
        domains=counts.domains,
        restored=restored,
        undone_by=run.undone_by,
        undone_at=run.undone_at,
    )


def plan_undo(import_id: int) -> UndoPlan:
    """Count what undoing an opt-out import would lift and keep; changes nothing."""
    return _plan(_run(import_id))


def undo_import(import_id: int, confirm: int, cancel: CancelFlag | None = None) -> UndoPlan:
    """Lift the opt-outs an import added, once the user typed how many; records who and when.

    An import undone before is left as it is (the result says so). A wrong number, or a
    cancel, changes nothing.
    """
    try:
        with plain_errors(), write_transaction(), dialect.interruptible(cancel):
            run = _run(import_id)
            plan = _plan(run)
            if run.state == "undone":
                return plan
            if confirm != plan.lift:
                raise ConfirmationError(
                    t(
                        "You confirmed {confirm}, but undoing import #{number} lifts "
                        "{count} opt-outs; nothing was changed.",
                        confirm=confirm,
                        number=str(import_id),
                        count=plan.lift,
                    )
                )
            raise_if_cancelled(cancel)
            # The import no longer asks for anything: its claims go (the reasons it raised
            # go back to the strongest still asked for), then its own rows.
            raising.capture(run.id)
            models.ImportClaim.delete().where(models.ImportClaim.import_run == run.id).execute()
            plan.restored = raising.settle()
            ownership.hand_over(_OWN, (run.id,))
            raise_if_cancelled(cancel)
            run.state, run.undone_by, run.undone_at = "undone", user_name(), now()
            run.save()
    except StoreError:  # "interrupted" by a cancel, or SQLite's error in plain words
        raise_if_cancelled(cancel)
        raise
    plan.state, plan.undone_by, plan.undone_at, plan.done = (
        "undone",
        run.undone_by,
        run.undone_at,
        True,
    )
    return plan
