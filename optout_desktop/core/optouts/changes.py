"""History entries for changes made by hand: opt-outs added or lifted, contacts deleted."""

from __future__ import annotations

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db.models import ACCOUNT, ImportRun, now
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.texts import t

# The kinds of history entry written here (imports are "optouts" and "contacts"). An entry's
# file_name holds what was changed; its column, the opt-out's reason or the legal basis.
DOMAIN = "domain"  # a whole domain opted out by hand: "@firma.dk", "*.firma.dk"
MANUAL = "manual"  # one address opted out by hand (reason "manual" or "unsubscribed")
LIFT = "lift"  # an opt-out added by hand was lifted: column is the legal basis's key,
# message the explanation
CONTACTS_DELETED = "contacts_deleted"  # contacts deleted; rows holds how many
LIFTED = "lifted"  # the state of a DOMAIN or MANUAL entry whose opt-out was lifted since


def record(
    kind: str,
    entry: str,
    scope_id: int = ACCOUNT,
    *,
    rows: int = 1,
    new: int = 0,
    already: int = 0,
    contacts: int = 0,
    domains: int = 0,
    column: str = "",
    message: str = "",
) -> ImportRun:
    """Write one completed history entry; call it inside the change's own write transaction,
    so the change and its record are kept together or not at all."""
    moment = now()
    return ImportRun.create(
        kind=kind,
        state="completed",
        started_at=moment,
        finished_at=moment,
        user_name=user_name(),
        file_name=entry,
        file_sha256="",
        column=column,
        scope_id=scope_id,
        rows=rows,
        valid=rows,
        new=new,
        already_suppressed=already,
        contacts_unsubscribed=contacts,
        domains=domains,
        message=message,
    )


def mark_lifted(entry: str, scope_id: int) -> None:
    """The entries that added this opt-out by hand now say it was lifted, by whom and when."""
    ImportRun.update(state=LIFTED, undone_by=user_name(), undone_at=now()).where(
        ImportRun.kind.in_([DOMAIN, MANUAL])
        & (ImportRun.file_name == entry)
        & (ImportRun.scope_id == scope_id)
        & (ImportRun.state == "completed")
    ).execute()


def hand_made(change_id: int) -> tuple[str, str, int]:
    """The kind, entry and scope of a history entry that added an opt-out by hand (to lift
    it from the history); a plain refusal for any other entry."""
    run = ImportRun.get_or_none(ImportRun.id == change_id)
    if run is None or run.kind not in (DOMAIN, MANUAL):
        raise OptOutError(
            t(
                "History entry #{number} did not add an opt-out by hand; there is nothing to lift.",
                number=str(change_id),
            )
        )
    if run.state != "completed":
        raise OptOutError(
            t(
                "The opt-out of {entry} was lifted already; nothing changed.",
                entry=run.file_name,
            )
        )
    return str(run.kind), str(run.file_name), int(run.scope_id)
