"""The `optout` command line: a thin layer over the same core functions the window calls."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from optout_desktop import __version__, quick_start  # noqa: F401 - quick_start before peewee
from optout_desktop.core import folders
from optout_desktop.core.contacts import contact_import, deleting
from optout_desktop.core.db import copy_database, failures, opening
from optout_desktop.core.errors import Cancelled, LoginRefused, OptOutError
from optout_desktop.core.optouts import (
    by_hand,
    cleaning,
    domains,
    export_formats,
    exports,
    forget,
    history,
    imports,
    lift,
    reasons,
    undo,
)
from optout_desktop.core.progress import Progress
from optout_desktop.core.reading import digests
from optout_desktop.core.reading.columns import guess_import_column
from optout_desktop.core.reading.sources import TableSource, open_source
from optout_desktop.core.rules import business_units, eligibility, one_to_one

log = logging.getLogger("optout.cli")
EXIT_REFUSED = 2


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text)


def _progress(args: argparse.Namespace) -> Callable[[Progress], None] | None:
    if args.json or not sys.stderr.isatty():
        return None

    def show(step: Progress) -> None:
        print(f"\r{step.phase}: {step.done:,} of about {step.total:,}", end="", file=sys.stderr)

    return show


def _column(source: TableSource, wanted: str | None) -> str | int:
    if wanted:
        return wanted
    guess = guess_import_column(source.headers, source.preview)
    if guess is None:
        listed = ", ".join(f"“{h}”" for h in source.headers)
        raise OptOutError(
            f"No column looks like email addresses; choose one with --column ({listed})."
        )
    return guess


def _by_reason(counts: dict[str, Any]) -> str:
    return ", ".join(
        f"{eligibility.REASON_TEXT.get(key, key)} {count:,}"
        for key, count in counts.get("by_reason", {}).items()
    )


def _counts_text(counts: dict[str, Any], column: str, why: str = "") -> str:
    hashed = counts.get("hashed", 0)
    return "\n".join(
        [
            f"Email column: {column}",
            *([why] if why else []),
            f"Rows read: {counts['rows']:,}",
            f"Hashed addresses (MD5/SHA-256 digests): {hashed:,}"
            if hashed
            else f"Valid addresses: {counts['valid'] - counts.get('domains', 0):,}",
            *([f"Whole domains: {counts['domains']:,}"] if counts.get("domains") else []),
            *([f"By reason: {_by_reason(counts)}"] if counts.get("by_reason") else []),
            f"Invalid: {counts['invalid']:,}   Blank: {counts['blank']:,}   "
            f"Repeated in the file: {counts['duplicates']:,}",
            f"New opt-outs: {counts['new']:,}",
            f"Already suppressed: {counts['already_suppressed']:,}",
            *(
                [f"Already suppressed, given a stronger reason: {counts['raised']:,}"]
                if counts.get("raised")
                else []
            ),
            f"Existing contacts that will be unsubscribed (and stay billable): "
            f"{counts['contacts_unsubscribed']:,}",
        ]
    )


def _check_folder(path: Path) -> None:
    folder = path.expanduser().absolute().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OptOutError(
            f"The errors file cannot be written to “{path}”: the folder does not exist or is "
            "not writable; nothing was imported."
        )


@contextmanager
def ctrl_c_cancels() -> Iterator[threading.Event]:
    """A cancel flag that Ctrl-C sets, so a long job stops the way the window's Cancel stops
    it: the engine rolls back between steps or has the database interrupt its statement (an
    interrupt raised in the middle of a database driver's call can leave its connection
    unusable). A second Ctrl-C stops at once."""
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def interrupted(signum: int, frame: Any) -> None:
        if flag.is_set():
            raise KeyboardInterrupt
        flag.set()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def cmd_import_optouts(args: argparse.Namespace) -> int:
    source = open_source(args.file, sheet=args.sheet)
    scope = business_units.scope_id(args.business_unit)
    column = _column(source, args.column)
    reason_column = args.reason_column
    if reason_column is not None and reason_column.strip().casefold() == "none":
        reason_column = reasons.NONE
    choice = imports.reason_choice(source, column, args.reason, reason_column)
    why = choice.describe(source.headers)
    if args.confirm is not None:
        if args.errors_file:
            _check_folder(args.errors_file)  # refuse before importing, not after
        with ctrl_c_cancels() as cancel:
            run = imports.import_optouts(
                source, column, args.confirm, scope, _progress(args), cancel, choice
            )
        data = {"column": run.column, **imports.counts_of(run).as_dict(), "import_id": run.id}
        data["reason"] = run.reason
        text = _counts_text(data, run.column, why)
        _emit(args, data, f"{text}\nImport #{run.id} completed: {run.new:,} addresses opted out.")
        if args.errors_file:  # even when empty, so no earlier import's errors are left there
            try:
                exports.export_refused_rows(run.id, args.errors_file)
            except OptOutError as error:  # the import is done: say so, not "nothing written"
                print(f"optout: import #{run.id} completed, but {error}", file=sys.stderr)
                return 1
        return 0
    with ctrl_c_cancels() as cancel:
        plan = imports.plan_optouts(source, column, scope, _progress(args), cancel, choice=choice)
    data: dict[str, Any] = {"column": plan.column, **plan.counts.as_dict(), "import_id": None}
    data["dry_run"] = True
    data["reason"] = choice.reason
    data["reason_columns"] = [source.headers[index] for index in choice.indexes]
    data["found"] = choice.found or None
    text = _counts_text(data, plan.column, why)
    hint = f"Dry run: nothing was written. To import, add --confirm {plan.counts.valid}"
    _emit(args, data, f"{text}\n{hint}")
    return 0


def cmd_import_contacts(args: argparse.Namespace) -> int:
    source = open_source(args.file, sheet=args.sheet)
    column = _column(source, args.column)
    with ctrl_c_cancels() as cancel:
        run, counts = contact_import.import_contacts(
            source, column, args.first_name, args.last_name, _progress(args), cancel
        )
    data = {"column": run.column, **counts.as_dict(), "import_id": run.id}
    _emit(
        args,
        data,
        f"Import #{run.id}: {counts.contacts_created:,} contacts created, "
        f"{counts.contacts_updated:,} updated ({counts.invalid:,} invalid, "
        f"{counts.blank:,} blank, {counts.duplicates:,} repeated rows left out).",
    )
    return 0


def cmd_billable(args: argparse.Namespace) -> int:
    data = {
        "billable_contacts": eligibility.billable_contacts(),
        "suppressed_addresses": eligibility.suppressed_addresses(),
    }
    _emit(
        args,
        data,
        f"Billable contacts: {data['billable_contacts']:,}\n"
        f"Suppressed addresses: {data['suppressed_addresses']:,}",
    )
    return 0


def cmd_copy_database(args: argparse.Namespace) -> int:
    def show(table: str, rows: int) -> None:
        if not args.json:
            print(f"\r{table}: {rows:,} rows", end="", file=sys.stderr)

    report = copy_database.copy_database(args.source, args.destination, show)
    if not args.json:
        print("\r", end="", file=sys.stderr)
    lines = [f"Copied to {opening.display_name(args.destination)}, checked row by row:"]
    lines += [f"  {table}: {rows:,} rows" for table, rows in report.rows.items()]
    lines.append(f"  checksum (SHA-256 of every row): {report.checksum}")
    data = {
        "from": opening.display_name(args.source),
        "to": opening.display_name(args.destination),
        "rows": report.rows,
        "checksum": report.checksum,
    }
    _emit(args, data, "\n".join(lines))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    scope = business_units.scope_id(args.business_unit) if args.business_unit else None
    if args.format or args.hash:
        with ctrl_c_cancels() as cancel:
            if args.hash:
                done = export_formats.export_hashed(args.out, args.hash, scope, cancel=cancel)
            else:
                done = export_formats.export_for_tool(args.out, args.format, scope, cancel=cancel)
        what = "digests" if args.hash else "addresses"
        left = [
            f"{done.domains:,} whole domains" if done.domains else "",
            f"{done.hashed:,} hashed opt-outs" if done.hashed else "",
        ]
        left_out = " and ".join(part for part in left if part)
        _emit(
            args,
            {"exported": done.addresses, **done.as_dict()},
            f"Exported {done.addresses:,} {what} to {args.out} ({done.format})"
            + (f"; left out {left_out}" if left_out else ""),
        )
        return 0
    with ctrl_c_cancels() as cancel:
        count = exports.export_suppressions(args.out, scope, cancel=cancel)
    _emit(
        args,
        {"exported": count, "path": str(args.out)},
        f"Exported {count:,} suppressed addresses to {args.out}",
    )
    return 0


def cmd_scrub(args: argparse.Namespace) -> int:
    source = open_source(args.file, sheet=args.sheet)
    scope = business_units.scope_id(args.business_unit)
    column = _column(source, args.column)
    with ctrl_c_cancels() as cancel:
        done, saved, removed = cleaning.clean_file(
            source, column, args.out, scope, args.removed, _progress(args), cancel
        )
    counts = done.counts
    data = {
        "column": done.column,
        "business_unit": done.business_unit,
        **counts.as_dict(),
        "out": str(saved.path),
        "removed": str(args.removed) if args.removed else None,
        "removed_rows": removed,
        "file_sha256": done.checksum,
        "history_id": saved.history_id,
        "history_note": saved.history_note,
    }
    why = ", ".join(
        f"{cleaning.REASON_TEXT[key]}: {count:,}"
        for key, count in counts.suppressed_by.items()
        if count
    )
    lines = [
        f"Email column: {done.column}",
        f"Business unit: {done.business_unit}",
        f"Rows read: {counts.rows:,}",
        f"May be emailed: {counts.kept:,}, saved to {saved.path}",
        f"Suppressed: {counts.suppressed:,}" + (f" ({why})" if why else ""),
        f"Invalid: {counts.invalid:,}   Blank: {counts.blank:,}   "
        f"Repeated in the file: {counts.duplicates:,}",
    ]
    if removed is not None:
        lines.append(f"Left-out rows: {removed:,}, saved to {args.removed}")
    if saved.history_id is not None:
        lines.append(f"Kept in the history as cleaning #{saved.history_id}.")
    else:
        lines.append(saved.history_note)
    _emit(args, data, "\n".join(lines))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    found = eligibility.lookup(args.address, business_units.scope_id(args.business_unit))
    data = found.as_dict()
    verdict = "may NOT get marketing email" if found.suppressed else "may get marketing email"
    lines = [
        f"{found.address} {verdict} ({found.scope}).",
        f"Contact: {'yes' if found.is_contact else 'no'}",
    ]
    lines += [
        f"Suppressed since {s['since']}: {s['reason_text']}, {s['scope']}"
        + (f", import #{s['import_id']} ({s['file_name']})" if s["import_id"] else "")
        + (" (the person was forgotten)" if s["forgotten"] else "")
        for s in found.suppressions
    ]
    _emit(args, data, "\n".join(lines))
    return 0


def cmd_delete_contacts(args: argparse.Namespace) -> int:
    if args.confirm is None:
        count = contact_import.unsubscribed_contacts().count()
        _emit(
            args,
            {"unsubscribed_contacts": count, "deleted": 0},
            f"{count:,} contacts are unsubscribed from all email but still billable. "
            f"To delete them (their opt-outs stay), add --confirm {count}",
        )
        return 0
    deleted = deleting.delete_unsubscribed_contacts(args.confirm)  # recorded in the history
    _emit(
        args,
        {"deleted": deleted, "billable_contacts": eligibility.billable_contacts()},
        f"Deleted {deleted:,} unsubscribed contacts; their addresses stay suppressed.",
    )
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    if args.one_to_one:
        sends = one_to_one.send_log(args.limit)
        lines = [
            f"{s['sent_at']} {s['user_name']} → {s['address']} ({s['business_unit']}): "
            f"{s['legal_basis_text']}" + (f" — {s['explanation']}" if s["explanation"] else "")
            for s in sends
        ]
        _emit(args, sends, "\n".join(lines) or "No one-to-one emails recorded yet.")
        return 0
    runs = history.history(args.limit)
    lines = [
        f"#{r['id']} {r['started_at']} {r['kind']:<8} {r['state']:<9} {r['file_name']} "
        f"({r['business_unit']}): {r['rows']:,} rows, {r['valid']:,} valid, "
        f"{r['new']:,} new"
        + (f", {r['domains']:,} whole domains" if r["domains"] else "")
        + (f", {r['hashed']:,} hashed" if r["hashed"] else "")
        + (f"; by reason: {_by_reason(r)}" if r["by_reason"] else "")
        + (f"; {r['raised']:,} given a stronger reason" if r["raised"] else "")
        + (f" by {r['user_name']}: {r['message']}" if r["kind"] == forget.KIND else "")
        + (f"; undone by {r['undone_by']} at {r['undone_at']}" if r["state"] == "undone" else "")
        for r in runs
    ]
    _emit(args, runs, "\n".join(lines) or "No imports yet.")
    return 0


def cmd_errors(args: argparse.Namespace) -> int:
    count = exports.export_refused_rows(args.import_id, args.out)
    _emit(
        args,
        {"refused_rows": count, "path": str(args.out)},
        f"Wrote {count:,} refused rows to {args.out}",
    )
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    if args.add is not None:
        business_units.add_unit(args.add)
    elif args.rename is not None:
        business_units.rename_unit(*args.rename)
    elif args.remove is not None:
        business_units.remove_unit(args.remove)
    names = [u.name for u in business_units.list_units()]
    _emit(args, {"business_units": names}, "\n".join(names) or "No business units yet.")
    return 0


def cmd_add_optout(args: argparse.Namespace) -> int:
    reason = by_hand.UNSUBSCRIBED if args.unsubscribed else by_hand.MANUAL
    done = by_hand.add_manual(
        args.address, business_units.scope_id(args.business_unit), reason, args.note
    )
    texts = {
        "added": f"{done.address} is now suppressed ({done.reason}).",
        "strengthened": f"{done.address} was already suppressed; it is now “{done.reason}”.",
        "unchanged": f"{done.address} was already suppressed ({done.reason}); nothing changed.",
    }
    data = {"address": done.address, "reason": done.reason, "outcome": done.outcome}
    _emit(args, data, texts[done.outcome])
    return 0


def cmd_log_one_to_one(args: argparse.Namespace) -> int:
    scope = business_units.scope_id(args.business_unit)
    send = one_to_one.log_one_to_one(args.address, args.legal_basis, args.explanation, scope)
    basis = one_to_one.LEGAL_BASES[send.legal_basis]
    data = {"id": send.id, "address": send.email, "legal_basis": send.legal_basis}
    _emit(args, data, f"Recorded: one-to-one email to {send.email}, legal basis “{basis}”.")
    return 0


def _undo_text(plan: undo.UndoPlan) -> str:
    name = f"Import #{plan.import_id} ({plan.file_name}, {plan.started_at})"
    if plan.already_undone:
        return (
            f"{name} was already undone by {plan.undone_by} at {plan.undone_at}; nothing changed."
        )
    lifted = "were lifted" if plan.done else "would be lifted"
    whole = f" ({plan.domains:,} of them whole domains)" if plan.domains else ""
    kept = f"; {plan.keep:,} stay, as later imports list them too" if plan.keep else ""
    back = (
        f"; {plan.restored:,} it gave a stronger reason get back the one they had"
        if plan.restored
        else ""
    )
    return f"{name}: {plan.lift:,} opt-outs {lifted}{whole}{kept}{back}."


def cmd_undo(args: argparse.Namespace) -> int:
    if args.confirm is None:
        plan = undo.plan_undo(args.import_id)
        hint = (
            ""
            if plan.already_undone
            else f"\nDry run: nothing was changed. To undo, add --confirm {plan.lift}"
        )
        _emit(args, {**plan.as_dict(), "dry_run": True}, _undo_text(plan) + hint)
        return 0
    with ctrl_c_cancels() as cancel:
        done = undo.undo_import(args.import_id, args.confirm, cancel)
    _emit(args, done.as_dict(), _undo_text(done))
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    done = forget.forget_person(args.address, args.address)  # typing it is the confirmation
    _emit(args, done.as_dict(), "\n".join([done.message, *done.warnings]))
    return 0


def cmd_lift(args: argparse.Namespace) -> int:
    scope = business_units.scope_id(args.business_unit)
    done = lift.lift_manual(args.address, scope, args.legal_basis, args.explanation)
    _emit(args, done.as_dict(), done.message)
    return 0


def cmd_domains(args: argparse.Namespace) -> int:
    scope = business_units.scope_id(args.business_unit)
    if args.add is not None:
        added = domains.add_domain(args.add, scope)
        what = "that domain and its subdomains" if added.domain[0] == "*" else "that domain"
        text = (
            f"{added.domain} is now opted out for {added.business_unit}: every address at {what} "
            "is suppressed"
            + (
                f" ({added.contacts:,} of them are contacts and stay so)."
                if added.contacts
                else "."
            )
            if added.outcome == "added"
            else f"{added.domain} was already opted out for {added.business_unit}; nothing changed."
        )
        _emit(args, added.as_dict(), text)
        return 0
    if args.remove is not None:
        done = lift.lift_domain(args.remove, scope, args.legal_basis or "", args.explanation or "")
        _emit(args, done.as_dict(), done.message)
        return 0
    listed = domains.list_domains(scope if args.business_unit else None)
    lines = [
        f"{d['domain']} ({d['business_unit']}): {_reason_text(d['reason'])}"
        + (f", import #{d['import_id']} ({d['file_name']})" if d["import_id"] else "")
        + f", since {d['since']}"
        for d in listed
    ]
    _emit(args, listed, "\n".join(lines) or "No whole-domain opt-outs yet.")
    return 0


def _reason_text(reason: str) -> str:
    return eligibility.REASON_TEXT.get(reason, reason)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="optout", description="Keep an email suppression list: import opt-outs, export, check."
    )
    parser.add_argument("--version", action="version", version=f"optout {__version__}")
    parser.add_argument(
        "--db",
        type=opening.database_target,
        help="database file, or a team's PostgreSQL server as postgresql://user@host:5432/name "
        "(default: OPTOUT_DB, else a file in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str) -> Any:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--json", action="store_true", help="print JSON")
        sub.set_defaults(handler=handler, opens_its_own=False)
        return sub

    sub = command("import-optouts", cmd_import_optouts, "mark every address in a file as opted out")
    sub.add_argument("file", type=Path)
    sub.add_argument(
        "--column", help="the email column: header, number or letter (default: guessed)"
    )
    sub.add_argument("--sheet", help="the sheet of a spreadsheet (default: the first)")
    sub.add_argument("--business-unit", help="opt out for this business unit only")
    sub.add_argument(
        "--reason",
        choices=reasons.KEYS,
        help="why, for rows whose reason column says nothing (default: what the file says, "
        "else import; partner for a hashed list)",
    )
    sub.add_argument(
        "--reason-column",
        metavar="C",
        help="the column whose words say why (BOUNCE, spam, unsubscribed...), or none "
        "(default: found by itself)",
    )
    sub.add_argument("--errors-file", type=Path, help="write the refused rows to this CSV")
    mode = sub.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="count only, write nothing")
    mode.add_argument("--confirm", type=int, metavar="N", help="the number of valid addresses")

    sub = command("import-contacts", cmd_import_contacts, "create or update contacts from a file")
    sub.add_argument("file", type=Path)
    sub.add_argument("--column", help="the email column (default: guessed)")
    sub.add_argument("--first-name", help="the first-name column (default: guessed)")
    sub.add_argument("--last-name", help="the last-name column (default: guessed)")
    sub.add_argument("--sheet", help="the sheet of a spreadsheet (default: the first)")

    command("billable", cmd_billable, "the billable-contact total and the suppressed count")

    sub = command(
        "copy-database",
        cmd_copy_database,
        "copy a whole suppression list into a new, empty database (a file or a server), "
        "verified by counts and checksums",
    )
    sub.add_argument("source", type=opening.database_target, metavar="FROM")
    sub.add_argument("destination", type=opening.database_target, metavar="TO")
    sub.set_defaults(opens_its_own=True)

    sub = command("export-suppressions", cmd_export, "export the suppression list (.csv or .xlsx)")
    sub.add_argument("out", type=Path)
    sub.add_argument("--business-unit", help="only what applies to this business unit")
    form = sub.add_mutually_exclusive_group()
    form.add_argument(
        "--format",
        choices=export_formats.TOOLS,
        help="as that tool's own suppression import takes it (a .csv file)",
    )
    form.add_argument(
        "--hash",
        choices=digests.ALGORITHMS,
        help="one hex digest per line of each suppressed address (.txt or .csv)",
    )

    sub = command(
        "scrub",
        cmd_scrub,
        "clean a mailing list before it is sent: save the rows that may be emailed to a new "
        "file in the same format (the suppression list is not changed)",
    )
    sub.add_argument("file", type=Path)
    sub.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="CLEANED",
        help="the new file for the rows that may be emailed (.csv or .txt: as the original; "
        ".xlsx: a workbook); never an existing file",
    )
    sub.add_argument(
        "--removed",
        type=Path,
        metavar="LEFT_OUT.csv",
        help="also save the rows left out, with their row numbers and why",
    )
    sub.add_argument(
        "--column", help="the email column: header, number or letter (default: guessed)"
    )
    sub.add_argument("--sheet", help="the sheet of a spreadsheet (default: the first)")
    sub.add_argument(
        "--business-unit", help="send for this business unit (default: the whole account)"
    )

    sub = command("check", cmd_check, "may this address be emailed, and why")
    sub.add_argument("address")
    sub.add_argument("--business-unit")

    sub = command(
        "delete-contacts",
        cmd_delete_contacts,
        "delete unsubscribed contacts; their addresses stay suppressed",
    )
    sub.add_argument(
        "--unsubscribed",
        action="store_true",
        required=True,
        help="delete the contacts that are unsubscribed from all email",
    )
    sub.add_argument("--confirm", type=int, metavar="N", help="the number of contacts to delete")

    sub = command("history", cmd_history, "the imports so far, newest first")
    sub.add_argument("--limit", type=int)
    sub.add_argument("--one-to-one", action="store_true", help="the one-to-one email log instead")

    sub = command("add-optout", cmd_add_optout, "suppress one address by hand")
    sub.add_argument("address")
    sub.add_argument(
        "--unsubscribed",
        action="store_true",
        help="the person unsubscribed themselves (can never be lifted)",
    )
    sub.add_argument("--business-unit", help="for this business unit only")
    sub.add_argument("--note", default="", help="why, for the record")

    sub = command(
        "log-one-to-one", cmd_log_one_to_one, "record a one-to-one email and its legal basis"
    )
    sub.add_argument("address")
    sub.add_argument("--legal-basis", required=True, choices=sorted(one_to_one.LEGAL_BASES))
    sub.add_argument("--explanation", default="")
    sub.add_argument("--business-unit")

    sub = command("undo", cmd_undo, "undo an opt-out import: lift exactly the opt-outs it added")
    sub.add_argument("import_id", type=int)
    mode = sub.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    mode.add_argument("--confirm", type=int, metavar="N", help="the number of opt-outs lifted")

    sub = command(
        "forget",
        cmd_forget,
        "forget a person: delete every plain trace of the address, keep its SHA-256 so it "
        "stays suppressed",
    )
    sub.add_argument("address")

    sub = command("lift", cmd_lift, "lift one opt-out added by hand, with a legal basis")
    sub.add_argument("address")
    sub.add_argument("--legal-basis", required=True, choices=sorted(one_to_one.LEGAL_BASES))
    sub.add_argument("--explanation", required=True, help="why it is lifted, for the record")
    sub.add_argument("--business-unit")

    sub = command("domains", cmd_domains, "list, add or remove whole-domain opt-outs")
    group = sub.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="DOMAIN", help="@firma.dk, or *.firma.dk with subdomains")
    group.add_argument("--remove", metavar="DOMAIN", help="needs --legal-basis and --explanation")
    group.add_argument("--list", action="store_true", help="list them (the default)")
    sub.add_argument("--business-unit")
    sub.add_argument("--legal-basis", choices=sorted(one_to_one.LEGAL_BASES))
    sub.add_argument("--explanation")

    sub = command("errors", cmd_errors, "write an import's refused rows to a CSV file")
    sub.add_argument("import_id", type=int)
    sub.add_argument("out", type=Path)

    sub = command("business-units", cmd_units, "list, add, rename or remove business units")
    group = sub.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="NAME")
    group.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"))
    group.add_argument("--remove", metavar="NAME")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a refused file or a wrong number gives one plain line and exit 2."""
    args = build_parser().parse_args(argv)
    try:
        if not args.opens_its_own:
            _open(args.db)
        return int(args.handler(args))
    except OptOutError as error:
        if isinstance(error, Cancelled):
            print("\noptout: cancelled; nothing was written.", file=sys.stderr)
            return 130
        print(f"optout: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("\noptout: cancelled; nothing was written.", file=sys.stderr)
        return 130
    except failures.DATABASE_ERRORS as error:  # a lock, a full disk...: said plainly, exit 2
        if failures.error_kind(error) == failures.OTHER:
            return _went_wrong(error)
        print(f"optout: {failures.plain_message(error)}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as error:  # noqa: BLE001 - the user gets one line, the log the details
        return _went_wrong(error)


def _open(target: Path | str | None) -> None:
    """Open the database; a server that wants a password gets it asked for (never saved)."""
    try:
        opening.open_database(target)
    except LoginRefused:
        if not sys.stdin.isatty():
            raise
        import getpass

        name = opening.display_name(target or opening.default_path())
        opening.open_database(target, getpass.getpass(f"Password for {name}: "))


def _went_wrong(error: Exception) -> int:
    log_path = _log_failure()
    print(f"optout: something went wrong ({error}); details in {log_path}", file=sys.stderr)
    return 1


def _log_failure() -> Path:
    path = folders.log_folder() / "optout.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.exception("unexpected failure")
        handler.close()
    except OSError:
        pass
    return path


if __name__ == "__main__":
    sys.exit(main())
