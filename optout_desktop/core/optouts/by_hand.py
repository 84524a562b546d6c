"""Single opt-outs by hand: an address a user adds, or one whose owner unsubscribed themselves."""

from __future__ import annotations

from dataclasses import dataclass

from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import Suppression, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.texts import t

MANUAL = "manual"
UNSUBSCRIBED = "unsubscribed"
# A stronger reason takes an address's opt-out over (it then no longer belongs to an import,
# so undoing that import cannot lift it); a weaker one changes nothing.
STRENGTH = {"import": 0, "bounced": 1, "spam": 1, MANUAL: 2, UNSUBSCRIBED: 3}


@dataclass
class ManualResult:
    """What adding by hand did: a new opt-out, a stronger reason, or nothing."""

    address: str
    scope_id: int
    reason: str
    outcome: str  # "added", "strengthened", "unchanged"


def add_manual(raw: str, scope_id: int, reason: str = MANUAL, note: str = "") -> ManualResult:
    """Suppress one address by hand ("manual"), or record that the person unsubscribed."""
    if reason not in (MANUAL, UNSUBSCRIBED):
        raise OptOutError(
            t("A hand-made opt-out is “manual” or “unsubscribed”, not “{reason}”.", reason=reason)
        )
    address, why = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=why)
        )
    with plain_errors(), write_transaction():
        row = Suppression.get_or_none(
            (Suppression.email == address) & (Suppression.scope_id == scope_id)
        )
        if row is None:
            Suppression.create(
                email=address, scope_id=scope_id, reason=reason, created_at=now(), note=note
            )
            return ManualResult(address, scope_id, reason, "added")
        if STRENGTH.get(row.reason, 0) >= STRENGTH[reason]:
            return ManualResult(address, scope_id, row.reason, "unchanged")
        row.reason = reason
        row.import_run = None
        row.note = note or row.note
        row.save()
        return ManualResult(address, scope_id, reason, "strengthened")
