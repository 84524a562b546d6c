"""Single opt-outs by hand: an address a user adds, or one whose owner unsubscribed themselves."""

from __future__ import annotations

from dataclasses import dataclass, field

from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ACCOUNT, Contact, Suppression, now
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import changes, domains  # (domains: a module, for the cycle)
from optout_desktop.core.reading import digests
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
    contacts: int = 0  # contacts this opt-out suppressed that nothing suppressed before (0 or 1)
    history_id: int | None = None  # the history entry that records it (none when unchanged)


@dataclass
class ManualPlan:
    """What suppressing one address by hand would touch, before anything is written."""

    address: str
    scope_id: int
    is_contact: bool
    own_reason: str | None  # the address's own opt-out in this scope, if it has one
    suppressed_by: list[str] = field(default_factory=list)  # opt-outs that apply already
    contacts: int = 0  # contacts it would suppress that nothing suppresses yet (0 or 1)


def _address(raw: str) -> str:
    address, why = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=why)
        )
    return address


def _applying(address: str, scope_id: int) -> list[str]:
    """The opt-outs that already apply to an address in a scope: its own, the account's,
    and whole domains that cover it (their keys)."""
    scopes = sorted({ACCOUNT, scope_id})
    keys = [address, *domains.keys_covering(address), *digests.keys_of(address)]
    query = Suppression.select(Suppression.email).where(
        Suppression.email.in_(keys) & Suppression.scope_id.in_(scopes)
    )
    return sorted({str(row.email) for row in query})


def _forgotten_key(address: str) -> str | None:
    """The digest entry that stands for the address of a forgotten person, else None."""
    from optout_desktop.core.optouts import hashed  # (hashed needs domains, which needs us)

    return hashed.Forgotten.load().key_for(address)


def plan_manual(raw: str, scope_id: int = ACCOUNT) -> ManualPlan:
    """Count what an opt-out by hand of this address would touch, writing nothing."""
    address = _address(raw)
    with plain_errors():
        address = _forgotten_key(address) or address  # a forgotten person is never plain again
        own = Suppression.get_or_none(
            (Suppression.email == address) & (Suppression.scope_id == scope_id)
        )
        applying = _applying(address, scope_id)
        is_contact = Contact.select().where(Contact.email == address).exists()
    return ManualPlan(
        address,
        scope_id,
        is_contact,
        None if own is None else str(own.reason),
        applying,
        int(is_contact and not applying),
    )


def add_manual(raw: str, scope_id: int, reason: str = MANUAL, note: str = "") -> ManualResult:
    """Suppress one address by hand ("manual"), or record that the person unsubscribed.

    A change is kept in the history (kind "manual", the address and its reason) in the same
    transaction; an opt-out that was there already, as strong, changes nothing.
    """
    if reason not in (MANUAL, UNSUBSCRIBED):
        raise OptOutError(
            t("A hand-made opt-out is “manual” or “unsubscribed”, not “{reason}”.", reason=reason)
        )
    address = _address(raw)
    with plain_errors(), write_transaction():
        address = _forgotten_key(address) or address  # a forgotten person is never plain again
        row = Suppression.get_or_none(
            (Suppression.email == address) & (Suppression.scope_id == scope_id)
        )
        if row is not None and STRENGTH.get(row.reason, 0) >= STRENGTH[reason]:
            return ManualResult(address, scope_id, row.reason, "unchanged")
        contacts = 0
        if row is None:
            contact = Contact.select().where(Contact.email == address).exists()
            contacts = int(contact and not _applying(address, scope_id))
            Suppression.create(
                email=address, scope_id=scope_id, reason=reason, created_at=now(), note=note
            )
            outcome = "added"
        else:
            row.reason = reason
            row.import_run = None
            row.note = note or row.note
            row.save()
            outcome = "strengthened"
        entry = changes.record(
            changes.MANUAL,
            address,
            scope_id,
            new=int(outcome == "added"),
            already=int(outcome != "added"),
            contacts=contacts,
            column=reason,
        )
    return ManualResult(address, scope_id, reason, outcome, contacts, int(entry.id))


def hand_made(entry: str) -> list[tuple[int, str]]:
    """The scopes in which this address or domain key has an opt-out of its own, with its
    reason, by scope (to offer lifting what was added by hand)."""
    with plain_errors():
        query = (
            Suppression.select(Suppression.scope_id, Suppression.reason)
            .where(Suppression.email == entry)
            .order_by(Suppression.scope_id)
        )
        return [(int(row.scope_id), str(row.reason)) for row in query]
