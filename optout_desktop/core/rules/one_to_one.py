"""One-to-one email to an unsubscribed contact: allowed only with a legal basis for each send."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from optout_desktop.core.computer_user import user_name
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import ACCOUNT, Contact, OneToOneSend, Suppression
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts.domains import keys_covering
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.texts import t

# HubSpot's legal bases for processing, by the keys the command line takes.
LEGAL_BASES = {
    "legitimate_interest_prospect": t("Legitimate interest – prospect/lead"),
    "legitimate_interest_customer": t("Legitimate interest – existing customer"),
    "legitimate_interest_other": t("Legitimate interest – other"),
    "performance_of_contract": t("Performance of a contract"),
    "consent": t("Freely given consent from contact"),
    "not_applicable": t("Not applicable"),
}


@dataclass
class OneToOneVerdict:
    """May a one-to-one email go to this address, and what must be recorded first."""

    allowed: bool
    needs_legal_basis: bool
    reason: str


def verdict(address: str, scope_id: int = ACCOUNT) -> OneToOneVerdict:
    """The one-to-one rule for a clean address in a scope."""
    if not Contact.select().where(Contact.email == address).exists():
        return OneToOneVerdict(False, False, t("Not a contact: one-to-one email goes to contacts."))
    reasons = {
        row.reason
        for row in Suppression.select(Suppression.reason).where(
            Suppression.email.in_([address, *keys_covering(address), *digests.keys_of(address)])
            & in_scope(scope_id)
        )
    }
    if "bounced" in reasons:
        return OneToOneVerdict(False, False, t("The address bounced: email cannot be delivered."))
    if reasons:
        return OneToOneVerdict(
            True, True, t("Unsubscribed: allowed only with a legal basis recorded for this send.")
        )
    return OneToOneVerdict(True, False, t("A contact who is not unsubscribed."))


def log_one_to_one(
    raw: str, legal_basis: str, explanation: str = "", scope_id: int = ACCOUNT
) -> OneToOneSend:
    """Record one one-to-one send with its legal basis; refused when the rule forbids it."""
    if legal_basis not in LEGAL_BASES:
        keys = ", ".join(LEGAL_BASES)
        raise OptOutError(t("Choose a legal basis: one of {keys}.", keys=keys))
    address, why = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=why)
        )
    with plain_errors(), write_transaction():  # the rule as it is when the send is logged
        rule = verdict(address, scope_id)
        if not rule.allowed:
            raise OptOutError(
                t(
                    "A one-to-one email to {address} is not allowed. {reason}",
                    address=address,
                    reason=rule.reason,
                )
            )
        send: OneToOneSend = OneToOneSend.create(
            email=address,
            scope_id=scope_id,
            legal_basis=legal_basis,
            explanation=explanation.strip(),
            user_name=user_name(),
        )
    return send


def send_log(limit: int | None = None) -> list[dict[str, Any]]:
    """The recorded one-to-one sends, newest first."""
    query = OneToOneSend.select().order_by(OneToOneSend.id.desc())
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": send.id,
            "sent_at": send.sent_at,
            "user_name": send.user_name,
            "address": send.email,
            "business_unit": scope_name(send.scope_id),
            "legal_basis": send.legal_basis,
            "legal_basis_text": LEGAL_BASES.get(send.legal_basis, send.legal_basis),
            "explanation": send.explanation,
        }
        for send in query
    ]
