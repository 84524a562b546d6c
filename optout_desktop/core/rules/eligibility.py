"""Who may be emailed how: the billable total and one address's eligibility, with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from optout_desktop.core.db import tallies
from optout_desktop.core.db.models import ACCOUNT, Contact, ImportRun, Suppression
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import domains, reasons
from optout_desktop.core.optouts.hashed import FORGOTTEN
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.rules.one_to_one import verdict as one_to_one_verdict
from optout_desktop.core.texts import t

REASON_TEXT = reasons.TEXT  # each reason in words


@dataclass
class Lookup:
    """One address: is it a contact, is it suppressed (and why), what may be sent to it."""

    address: str
    scope: str
    is_contact: bool
    suppressed: bool
    marketing_allowed: bool
    sequences_allowed: bool
    suppressions: list[dict[str, Any]] = field(default_factory=list)
    one_to_one_allowed: bool = False
    one_to_one_needs_legal_basis: bool = False
    one_to_one_reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "address": self.address,
            "business_unit": self.scope,
            "is_contact": self.is_contact,
            "suppressed": self.suppressed,
            "marketing_allowed": self.marketing_allowed,
            "sequences_allowed": self.sequences_allowed,
            "one_to_one_allowed": self.one_to_one_allowed,
            "one_to_one_needs_legal_basis": self.one_to_one_needs_legal_basis,
            "one_to_one_reason": self.one_to_one_reason,
            "suppressions": self.suppressions,
        }


def billable_contacts() -> int:
    """Every contact is billable; addresses that are only opted out never are."""
    return tallies.read(tallies.CONTACTS)


def suppressed_addresses() -> int:
    """How many distinct addresses are suppressed (in any scope); a scan of the index.

    Whole-domain opt-outs are not addresses, so they are not counted here.
    """
    query = Suppression.select(Suppression.email).where(~domains.domain_rows())
    return int(query.distinct().count())


def _reason_text(reason: str, domain: str | None, hashed: str | None = None) -> str:
    """Why an address is suppressed, in words: the opt-out's reason, and its domain or the
    digest it was found by, if any."""
    text = REASON_TEXT.get(reason, reason)
    if hashed is not None:
        return t("{reason}, found by its {algorithm} digest", reason=text, algorithm=hashed)
    if domain is None:
        return text
    return t("{reason}, the whole domain {domain}", reason=text, domain=domain)


def _described(row: Suppression, address: str) -> dict[str, Any]:
    """One opt-out that applies to an address, as the look-up tells it."""
    hashed = ALGORITHM_NAMES[digests.split_key(row.email)[0]] if digests.is_key(row.email) else None
    domain = None if row.email == address or hashed else str(row.email)
    return {
        "scope": scope_name(row.scope_id),
        "reason": row.reason,
        "reason_text": _reason_text(row.reason, domain, hashed),
        "domain": domain,
        "hashed": hashed,  # "SHA-256" or "MD5" when found by the address's digest
        "forgotten": row.note == FORGOTTEN,  # a person forgotten, kept suppressed by digest
        "since": row.created_at,
        "import_id": row.import_run_id,
        "file_name": row.import_run.file_name if row.import_run else None,
    }


ALGORITHM_NAMES = {digests.SHA256: "SHA-256", digests.MD5: "MD5"}


def lookup(raw: str, scope_id: int = ACCOUNT) -> Lookup:
    """Say whether an address may get marketing email and sequences in a scope, and why."""
    address, reason = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=reason)
        )
    keys = [address, *domains.keys_covering(address), *digests.keys_of(address)]
    rows = (
        Suppression.select(Suppression, ImportRun)
        .join(ImportRun, join_type=pw.JOIN.LEFT_OUTER)
        .where(Suppression.email.in_(keys) & in_scope(scope_id))
        .order_by(Suppression.created_at, Suppression.id)  # oldest first, the same every time
    )
    suppressions = [_described(row, address) for row in rows]
    suppressed = bool(suppressions)
    one_to_one = one_to_one_verdict(address, scope_id)
    return Lookup(
        address=address,
        scope=scope_name(scope_id),
        is_contact=Contact.select().where(Contact.email == address).exists(),
        suppressed=suppressed,
        marketing_allowed=not suppressed,
        sequences_allowed=not suppressed,
        suppressions=suppressions,
        one_to_one_allowed=one_to_one.allowed,
        one_to_one_needs_legal_basis=one_to_one.needs_legal_basis,
        one_to_one_reason=one_to_one.reason,
    )
