"""Lift one opt-out added by hand (an address or a domain), with a legal basis, and log it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import LiftLog, Suppression
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import changes, domains, ownership
from optout_desktop.core.optouts.by_hand import MANUAL
from optout_desktop.core.reading import domain_keys
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.rules import eligibility
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.rules.one_to_one import LEGAL_BASES
from optout_desktop.core.texts import t

_NEVER = {
    "unsubscribed": t(
        "the person unsubscribed themselves, and an opt-out the person asked for "
        "can never be lifted"
    ),
    "bounced": t("it bounced, and a bounce cannot be lifted by hand"),
    "spam": t("the person reported spam, and that cannot be lifted by hand"),
}


@dataclass
class Lifted:
    """What lifting did, and whether the address may be emailed now."""

    entry: str
    business_unit: str
    kept_by_import: bool  # a later import also lists it, so it stays suppressed by that import
    still_suppressed: bool
    still_because: list[str]
    log_id: int

    @property
    def message(self) -> str:
        entry, unit = self.entry, self.business_unit
        whole = domain_keys.is_domain_key(entry)
        because = "; ".join(self.still_because)
        if self.kept_by_import and not whole:
            return t(
                "The opt-out of {entry} (added by hand, {unit}) was lifted, but an opt-out "
                "import also lists it, so it stays suppressed.",
                entry=entry,
                unit=unit,
            )
        if self.kept_by_import and self.still_suppressed:
            return t(
                "The opt-out of {entry} (added by hand, {unit}) was lifted; the addresses "
                "there that opt-out imports listed stay suppressed; it stays suppressed: "
                "{because}.",
                entry=entry,
                unit=unit,
                because=because,
            )
        if self.kept_by_import:
            return t(
                "The opt-out of {entry} (added by hand, {unit}) was lifted; the addresses "
                "there that opt-out imports listed stay suppressed; other addresses at that "
                "domain may get marketing email again.",
                entry=entry,
                unit=unit,
            )
        if self.still_suppressed:
            return t(
                "The opt-out of {entry} (added by hand, {unit}) was lifted; it stays "
                "suppressed: {because}.",
                entry=entry,
                unit=unit,
                because=because,
            )
        if whole:
            return t(
                "The opt-out of {entry} (added by hand, {unit}) was lifted; other addresses "
                "at that domain may get marketing email again.",
                entry=entry,
                unit=unit,
            )
        return t(
            "The opt-out of {entry} (added by hand, {unit}) was lifted; the address may get "
            "marketing email again.",
            entry=entry,
            unit=unit,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "business_unit": self.business_unit,
            "kept_by_import": self.kept_by_import,
            "still_suppressed": self.still_suppressed,
            "still_because": self.still_because,
            "log_id": self.log_id,
            "message": self.message,
        }


def _check_basis(legal_basis: str, explanation: str) -> None:
    if legal_basis not in LEGAL_BASES:
        raise OptOutError(t("Choose a legal basis: one of {keys}.", keys=", ".join(LEGAL_BASES)))
    if not explanation.strip():
        raise OptOutError(t("Say why the opt-out is lifted: give an explanation."))


def _liftable(row: Suppression | None, entry: str, scope_id: int) -> Suppression:
    """The row itself when it may be lifted by hand; else a plain refusal."""
    where = scope_name(scope_id)
    if row is None:
        raise OptOutError(
            t(
                "{entry} has no opt-out of its own for {scope}; nothing was lifted.",
                entry=entry,
                scope=where,
            )
        )
    if row.reason in _NEVER:
        raise OptOutError(
            t("{entry} cannot be lifted: {why}.", entry=entry, why=_NEVER[row.reason])
        )
    if row.reason != MANUAL and row.import_run_id:
        raise OptOutError(
            t(
                "The opt-out of {entry} came with import #{number}; undo that import to lift it.",
                entry=entry,
                number=str(row.import_run_id),
            )
        )
    if row.reason != MANUAL:
        raise OptOutError(
            t(
                "The opt-out of {entry} came with “{reason}”; undo that import to lift it.",
                entry=entry,
                reason=row.reason,
            )
        )
    return row


def _lift(entry: str, scope_id: int, legal_basis: str, explanation: str) -> tuple[bool, int]:
    """Withdraw one manual row, log it and keep it in the history (kind "lift"; the entry
    that added it says "lifted"); returns (kept by an import, log id)."""
    _check_basis(legal_basis, explanation)
    with plain_errors(), write_transaction():
        row = _liftable(
            Suppression.get_or_none(
                (Suppression.email == entry) & (Suppression.scope_id == scope_id)
            ),
            entry,
            scope_id,
        )
        outcome = ownership.hand_over("id = ?", (row.id,))
        log = LiftLog.create(
            email=entry,
            scope_id=scope_id,
            reason=row.reason,
            legal_basis=legal_basis,
            explanation=explanation.strip(),
            user_name=user_name(),
            kept=outcome.keep > 0,
        )
        changes.mark_lifted(entry, scope_id)
        changes.record(
            changes.LIFT, entry, scope_id, column=legal_basis, message=explanation.strip()
        )
    return outcome.keep > 0, int(log.id)


def lift_manual(raw: str, scope_id: int, legal_basis: str, explanation: str) -> Lifted:
    """Lift one address's opt-out that was added by hand, with a legal basis and why."""
    address, why = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=why)
        )
    kept, log_id = _lift(address, scope_id, legal_basis, explanation)
    found = eligibility.lookup(address, scope_id)
    because = [
        t(
            "{reason} ({scope}), import #{number}",
            reason=s["reason_text"],
            scope=s["scope"],
            number=str(s["import_id"]),
        )
        if s["import_id"]
        else t("{reason} ({scope})", reason=s["reason_text"], scope=s["scope"])
        for s in found.suppressions
    ]
    return Lifted(address, scope_name(scope_id), kept, found.suppressed, because, log_id)


def lift_domain(raw: str, scope_id: int, legal_basis: str, explanation: str) -> Lifted:
    """Remove a whole-domain opt-out that was added by hand, by the same rules."""
    key = domain_keys.parse_domain(raw)
    kept, log_id = _lift(key, scope_id, legal_basis, explanation)
    cover = domains.load_cover(scope_id)
    wider = [wide for wide in domains.keys_covering(key) if wide in cover.rows]
    because = [t("covered by {domain}", domain=wide) for wide in wider]
    return Lifted(key, scope_name(scope_id), kept, bool(wider), because, log_id)


def lift_recorded(change_id: int, legal_basis: str, explanation: str) -> Lifted:
    """Lift the opt-out that a history entry added by hand (a domain or an address), in the
    scope it was added for, by the same rules."""
    kind, entry, scope_id = changes.hand_made(change_id)
    if kind == changes.DOMAIN:
        return lift_domain(entry, scope_id, legal_basis, explanation)
    return lift_manual(entry, scope_id, legal_basis, explanation)
