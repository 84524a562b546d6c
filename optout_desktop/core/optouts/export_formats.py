"""The suppression list in other tools' import formats (HubSpot, Mailchimp, SendGrid, SES), hashed.

Each tool's file holds what its own suppression or unsubscribe import takes, with the column
names its documentation gives (see the README, "Lists for other tools"): addresses only, each
once. Whole-domain opt-outs are not addresses and hashed opt-outs have none, so both are left
out and counted. A hashed list holds one lowercase hex digest per line, no header, of each
suppressed address trimmed and lower-cased (UTF-8), in digest order (which tells nothing of
the addresses), with the hashed opt-outs of the same algorithm (a partner's, a forgotten
person's) among them.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import peewee as pw

from optout_desktop.core.db.failures import plain_errors
from optout_desktop.core.db.models import Suppression
from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts import exports, hashed
from optout_desktop.core.optouts.domains import domain_rows
from optout_desktop.core.optouts.import_table import in_scope
from optout_desktop.core.optouts.reasons import BOUNCED
from optout_desktop.core.progress import CancelFlag, ProgressCallback
from optout_desktop.core.reading import digests
from optout_desktop.core.texts import t

HUBSPOT, MAILCHIMP, SENDGRID, SES = "hubspot", "mailchimp", "sendgrid", "ses"
TOOLS = (HUBSPOT, MAILCHIMP, SENDGRID, SES)
# The header each tool's import takes (SES's takes none: `address,BOUNCE` lines).
HEADERS: dict[str, tuple[str, ...]] = {
    HUBSPOT: ("Email",),
    MAILCHIMP: ("Email Address",),
    SENDGRID: ("email",),
    SES: (),
}
SES_BOUNCE, SES_COMPLAINT = "BOUNCE", "COMPLAINT"  # SES's reasons: a bounce, all else
TOOL_SUFFIXES = (".csv",)
HASH_SUFFIXES = (".txt", ".csv")


@dataclass
class ToolExport:
    """What a tool's file (or a hashed list) holds, and what it left out."""

    path: Path
    format: str  # a tool, or the hash algorithm
    addresses: int = 0  # lines written: each address (or digest) once
    bounces: int = 0  # of them, SES's BOUNCE lines (the others are COMPLAINT)
    domains: int = 0  # whole-domain opt-outs left out: they are not addresses
    hashed: int = 0  # hashed opt-outs left out: they have no address (another algorithm's)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def _entries(scope_id: int | None) -> pw.Query:
    """Every opt-out's entry and reason but the whole domains', by entry (an entry in two
    scopes comes twice, one after the other)."""
    query = (
        Suppression.select(Suppression.email, Suppression.reason)
        .where(~domain_rows())
        .order_by(Suppression.email, Suppression.scope_id)
    )
    return query if scope_id is None else query.where(in_scope(scope_id))


def _count(condition: Any, scope_id: int | None) -> int:
    """Distinct entries of the rows `condition` selects (in the scope)."""
    query = Suppression.select(Suppression.email).where(condition)
    if scope_id is not None:
        query = query.where(in_scope(scope_id))
    return int(query.distinct().count())


def _addresses(scope_id: int | None, check: Callable[[int], None]) -> Iterator[tuple[str, bool]]:
    """Each suppressed address once, with whether one of its opt-outs is a bounce; hashed
    entries are passed over (counted by the caller)."""
    last: str | None = None
    bounced = False
    rows = 0
    with closing(exports.raw_rows(_entries(scope_id))) as found:
        for email, reason in found:
            rows += 1
            if rows % exports.PROGRESS_EVERY == 0:
                check(rows)
            if email != last:
                if last is not None:
                    yield last, bounced
                last, bounced = email, False
                if digests.is_key(email):
                    last = None
                    continue
            bounced = bounced or reason == BOUNCED
    if last is not None:
        yield last, bounced


def export_for_tool(
    path: str | Path,
    tool: str,
    scope_id: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ToolExport:
    """Write the suppressed addresses (those that apply in a scope, if given) as `tool`'s
    import takes them: HubSpot's opt-out list, Mailchimp's import (as unsubscribed),
    SendGrid's suppression upload, SES's account-level suppression list (BOUNCE for a bounce,
    COMPLAINT for any other reason). A .csv file in UTF-8 without a byte-order mark; it
    appears complete, or not at all."""
    if tool not in TOOLS:
        raise OptOutError(
            t(
                "“{format}” is not a format; choose one of {formats}.",
                format=tool,
                formats=", ".join(TOOLS),
            )
        )
    path = _checked(path, TOOL_SUFFIXES)
    tally = ToolExport(path, tool)

    def write(handle: IO[str], check: Callable[[int], None]) -> None:
        tally.domains = _count(domain_rows(), scope_id)
        tally.hashed = _count(hashed.hashed_rows(), scope_id)
        if tool == SES:
            for address, bounced in _addresses(scope_id, check):
                handle.write(f"{address},{SES_BOUNCE if bounced else SES_COMPLAINT}\n")
                tally.addresses += 1
                tally.bounces += bounced
            return
        writer = csv.writer(handle)
        writer.writerow(HEADERS[tool])
        for address, _ in _addresses(scope_id, check):
            writer.writerow((address,))
            tally.addresses += 1

    _write(path, write, progress, cancel)
    return tally


def export_hashed(
    path: str | Path,
    algorithm: str,
    scope_id: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> ToolExport:
    """Write a hashed list: one lowercase hex digest (MD5 or SHA-256) per line, no header,
    of each suppressed address trimmed and lower-cased in UTF-8, and of each hashed opt-out
    of that algorithm, each once, in digest order. Whole domains are left out (they are not
    people: share them in plain text), and so are hashed opt-outs of the other algorithm."""
    if algorithm not in digests.ALGORITHMS:
        raise OptOutError(
            t(
                "“{algorithm}” is not a hash this app writes; choose one of {algorithms}.",
                algorithm=algorithm,
                algorithms=", ".join(digests.ALGORITHMS),
            )
        )
    path = _checked(path, HASH_SUFFIXES)
    tally = ToolExport(path, algorithm)
    other = next(name for name in digests.ALGORITHMS if name != algorithm)

    def write(handle: IO[str], check: Callable[[int], None]) -> None:
        tally.domains = _count(domain_rows(), scope_id)
        tally.hashed = _count(hashed.hashed_rows(other), scope_id)
        stored = Suppression.select(Suppression.email).where(hashed.hashed_rows(algorithm))
        if scope_id is not None:
            stored = stored.where(in_scope(scope_id))
        found = {
            bytes.fromhex(digests.split_key(str(email))[1])
            for (email,) in stored.tuples().iterator()
        }
        # As bytes (33 bytes less each than hex text): a million digests in some 70 MB.
        found.update(
            hashlib.new(algorithm, address.strip().lower().encode("utf-8")).digest()
            for address, _ in _addresses(scope_id, check)
        )
        for number, value in enumerate(sorted(found), start=1):
            handle.write(value.hex() + "\n")
            if number % exports.PROGRESS_EVERY == 0:
                check(number)
        tally.addresses = len(found)

    _write(path, write, progress, cancel)
    return tally


def _checked(path: str | Path, suffixes: tuple[str, ...]) -> Path:
    path = Path(path)
    if path.suffix.lower() in suffixes:
        return path
    if suffixes == TOOL_SUFFIXES:
        raise OptOutError(t("Export to a file ending in .csv, not “{name}”.", name=path.name))
    raise OptOutError(t("Export to a file ending in .txt or .csv, not “{name}”.", name=path.name))


def _write(
    path: Path,
    write: Callable[[IO[str], Callable[[int], None]], None],
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
) -> None:
    """Write the file beside its place, then rename it there: complete, or not at all."""
    check = exports._checker(progress, cancel)
    with (
        exports.replaced_when_done(path, exports.export_failed(path)) as written,
        plain_errors(),
        open(exports._private(written), "w", encoding="utf-8", newline="") as handle,
    ):
        write(handle, check)
