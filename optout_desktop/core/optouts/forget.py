"""Forget a person (GDPR article 17) yet keep them suppressed: plain traces go, a digest stays.

The contact, the address's own opt-outs, the claims and logs that name it, the refused rows
kept for past imports' errors files that hold it, and the address wherever a history entry
or a note wrote it, are deleted. Each own opt-out becomes the SHA-256 digest of the address
(its scope and reason kept, no import owning it, so no undo lifts it), or, with none, one for
the whole account: a later import, look-up or cleaning still finds the address by its digest,
an import writes the digest instead of the address, and a contacts import leaves it out, so
it is never billable again. The history records that a person was forgotten, by whom and
when, without the address. On a laptop the file is then rebuilt and its log emptied, so no
readable copy is left in it (core/db/erasing.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import peewee as pw
from email_validator import validate_email

from optout_desktop.core.db import tallies
from optout_desktop.core.db.erasing import Wiped, erasing, wipe
from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import (
    ACCOUNT,
    CleaningRun,
    Contact,
    ImportClaim,
    ImportRun,
    LiftLog,
    OneToOneSend,
    RaisedReason,
    RowError,
    Suppression,
    now,
)
from optout_desktop.core.db.writes import write_transaction
from optout_desktop.core.errors import ConfirmationError, OptOutError
from optout_desktop.core.optouts import changes, reasons
from optout_desktop.core.optouts.by_hand import MANUAL
from optout_desktop.core.optouts.hashed import FORGOTTEN
from optout_desktop.core.optouts.import_table import batches
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.addresses import triage
from optout_desktop.core.rules.business_units import scope_name
from optout_desktop.core.texts import t

KIND = "forgotten"  # the history entry's kind: no file, no address
IN_PLACE = "(forgotten)"  # what a history entry or a note shows where it wrote the address
# Free text that may have named the address (a file named after it, an explanation, a note).
_TEXTS: tuple[pw.Field, ...] = (
    ImportRun.file_name,
    ImportRun.message,
    CleaningRun.file_name,
    CleaningRun.saved_as,
    LiftLog.explanation,
    OneToOneSend.explanation,
    Suppression.note,
)


@dataclass
class ForgetPlan:
    """What forgetting an address deletes and keeps, before anything is written."""

    address: str
    kept: list[dict[str, str]]  # the opt-outs kept as its digest: business unit and reason
    deleted: dict[str, int]  # what holds the address in plain, by kind, and how many
    already_forgotten: bool  # nothing plain is left, and its digest is kept

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Forgotten:
    """A person forgotten: the digest kept, what was deleted, and what the file could do."""

    digest: str  # the SHA-256 (hex) that keeps the address suppressed
    kept: list[dict[str, str]]
    deleted: dict[str, int]
    history_id: int | None
    wiped: Wiped = field(default_factory=lambda: Wiped(on_server=True))

    @property
    def message(self) -> str:
        if self.history_id is None:
            return t("This person was forgotten before; nothing plain of the address is left.")
        return t(
            "The person was forgotten: {count} records that held the address were deleted, "
            "and its SHA-256 digest keeps it suppressed.",
            count=sum(self.deleted.values()),
        )

    @property
    def warnings(self) -> list[str]:
        """What is left for the user to do, if anything: each a message of its own."""
        said = []
        if not self.wiped.complete:
            said.append(
                t(
                    "Another program holds the suppression list open, so the file could not "
                    "be cleared of the deleted bytes yet; close it and forget the address again."
                )
            )
        if self.wiped.copies:
            said.append(
                t(
                    "Copies made before upgrades still hold old data: {copies}.",
                    copies=", ".join(self.wiped.copies),
                )
            )
        return said

    def as_dict(self) -> dict[str, Any]:
        return {
            "digest": self.digest,
            "kept": self.kept,
            "deleted": self.deleted,
            "history_id": self.history_id,
            # True when the laptop's file was rebuilt and its log emptied; None on a server
            "file_cleared": None if self.wiped.on_server else self.wiped.complete,
            "copies_before_upgrades": list(self.wiped.copies),
            "message": self.message,
            "warnings": self.warnings,
        }


def _address(raw: str) -> str:
    address, why = triage(raw)
    if address is None:
        raise OptOutError(
            t("“{entry}” is not a valid email address: {why}", entry=raw.strip(), why=why)
        )
    return address


def _spellings(address: str) -> tuple[str, ...]:
    """The ways a cell may hold the address: as stored, and with its domain in Punycode."""
    try:
        ascii_form = validate_email(address, check_deliverability=False).ascii_email or address
    except Exception:  # noqa: BLE001 - the stored form is enough
        ascii_form = address
    return tuple(sorted({address.casefold(), ascii_form.casefold()}))


def _pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """The address in a text, in any case: not inside a longer address (`ajens@firma.dk`,
    `jens@firma.dkx`), but before a file's suffix (`jens@firma.dk.csv`)."""
    spelled = "|".join(map(re.escape, spellings))
    return re.compile(rf"(?<![\w.!#$%&'*+/=?^`{{|}}~-])(?:{spelled})(?![\w-])", re.IGNORECASE)


def _refused_rows(pattern: re.Pattern[str]) -> Iterator[int]:
    """The refused rows kept for errors files whose cell (or reason) holds the address."""
    key = RowError._meta.primary_key
    query = RowError.select(key, RowError.raw_value, RowError.reason).tuples()
    for row_id, raw, why in query.iterator():
        if pattern.search(raw) or pattern.search(why):
            yield int(row_id)


def _texts(pattern: re.Pattern[str]) -> Iterator[tuple[pw.Field, int, str]]:
    """Each free-text cell that names the address: its field, row id and text."""
    for text_field in _TEXTS:
        model = text_field.model
        query = model.select(model._meta.primary_key, text_field).where(text_field != "")
        if text_field is Suppression.note:
            query = query.where(Suppression.note != FORGOTTEN)
        for row_id, text in query.tuples().iterator():
            if pattern.search(str(text)):
                yield text_field, int(row_id), str(text)


def _own(address: str) -> list[Suppression]:
    return list(Suppression.select().where(Suppression.email == address).order_by(Suppression.id))


def _traces(address: str, pattern: re.Pattern[str]) -> dict[str, int]:
    own = Suppression.select().where(Suppression.email == address)
    return {
        "contact": Contact.select().where(Contact.email == address).count(),
        "opt_outs": own.count(),
        "claims": ImportClaim.select().where(ImportClaim.email == address).count(),
        "one_to_one": OneToOneSend.select().where(OneToOneSend.email == address).count(),
        "lifts": LiftLog.select().where(LiftLog.email == address).count(),
        "refused_rows": sum(1 for _ in _refused_rows(pattern)),
        "texts": sum(1 for _ in _texts(pattern)),
    }


def _kept(address: str) -> list[tuple[int, str]]:
    """The scopes and reasons its digest keeps: its own opt-outs', else the whole account's
    (what its digest had already, or "manual")."""
    own = [(int(row.scope_id), str(row.reason)) for row in _own(address)]
    if own:
        return own
    found = Suppression.get_or_none(
        (Suppression.email == digests.key_of(address)) & (Suppression.scope_id == ACCOUNT)
    )
    return [(ACCOUNT, str(found.reason) if found else MANUAL)]


def plan_forget(raw: str) -> ForgetPlan:
    """Count what forgetting an address would delete and keep; changes nothing."""
    address = _address(raw)
    with plain_errors():
        traces = _traces(address, _pattern(_spellings(address)))
        kept = _kept(address)
        keeps = Suppression.select().where(
            (Suppression.email == digests.key_of(address)) & (Suppression.note == FORGOTTEN)
        )
        already = not any(traces.values()) and keeps.exists()
    described = [{"business_unit": scope_name(s), "reason": r} for s, r in kept]
    return ForgetPlan(address, described, traces, already)


def forget_person(raw: str, confirm: str) -> Forgotten:
    """Forget a person once the user typed the address again (`confirm`): delete every plain
    trace of it and keep its SHA-256 digest, so it stays suppressed (see the module's words).
    A different address typed changes nothing."""
    address = _address(raw)
    if triage(confirm)[0] != address:
        raise ConfirmationError(
            t(
                "Type the address {address} again to confirm; nothing was forgotten.",
                address=address,
            )
        )
    pattern = _pattern(_spellings(address))
    key = digests.key_of(address)
    history_id = None
    with plain_errors(), erasing(), write_transaction():
        deleted = _traces(address, pattern)
        plan = plan_forget(address)
        if not plan.already_forgotten:
            kept = _keep_digest(address, key)
            _delete(address, pattern)
            history_id = changes.record(
                KIND,
                "",
                rows=len(kept),
                column=reasons.strongest(reason for _, reason in kept),
                message=t(
                    "A person was forgotten: every plain trace of the address was deleted; "
                    "its SHA-256 digest keeps it suppressed."
                ),
            ).id
    # (again when it was forgotten before: another program may have kept the log then)
    wiped = wipe()
    history = None if history_id is None else int(history_id)
    return Forgotten(digests.split_key(key)[1], plan.kept, deleted, history, wiped)


def _keep_digest(address: str, key: str) -> list[tuple[int, str]]:
    """Each own opt-out becomes the digest's (in place, or into the digest's own opt-out of
    that scope, keeping the stronger reason); with none, the whole account's."""
    kept = _kept(address)
    rows = {int(row.scope_id): row for row in _own(address)}
    for scope_id, reason in kept:
        there = Suppression.get_or_none(
            (Suppression.email == key) & (Suppression.scope_id == scope_id)
        )
        mine = rows.get(scope_id)
        if there is None and mine is not None:
            mine.email, mine.note, mine.import_run = key, FORGOTTEN, None
            mine.save()
        elif there is None:
            Suppression.create(
                email=key, scope_id=scope_id, reason=reason, note=FORGOTTEN, created_at=now()
            )
        else:
            there.reason = reasons.strongest([there.reason, reason])
            there.note, there.import_run = FORGOTTEN, None
            there.save()
            if mine is not None:  # the digest's own opt-out holds it now
                ImportClaim.delete().where(ImportClaim.suppression_id == mine.id).execute()
                RaisedReason.delete().where(RaisedReason.suppression_id == mine.id).execute()
                mine.delete_instance()
    return kept


def _delete(address: str, pattern: re.Pattern[str]) -> None:
    """Delete every plain trace of the address that _keep_digest left."""
    contacts = Contact.delete().where(Contact.email == address).execute()
    tallies.add(tallies.CONTACTS, -int(contacts))
    ImportClaim.delete().where(ImportClaim.email == address).execute()
    OneToOneSend.delete().where(OneToOneSend.email == address).execute()
    LiftLog.delete().where(LiftLog.email == address).execute()
    row_key: Any = RowError._meta.primary_key
    for batch in batches(list(_refused_rows(pattern)), 500):
        RowError.delete().where(row_key.in_(batch)).execute()
    for text_field, row_id, text in list(_texts(pattern)):
        model = text_field.model
        model.update({text_field: pattern.sub(IN_PLACE, text)}).where(
            model._meta.primary_key == row_id
        ).execute()
