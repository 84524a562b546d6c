"""Why each address is suppressed: reasons read from tools' files, kept when stronger, undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from optout_desktop.core.db import opening, schema
from optout_desktop.core.db.models import ACCOUNT, ImportRun, RaisedReason, Suppression
from optout_desktop.core.optouts import by_hand, history, imports, overview, reasons, undo
from optout_desktop.core.reading.sources import open_source
from optout_desktop.core.rules import business_units, eligibility
from tests.helpers import is_server, outside_rows

MAILCHIMP_CLEANED = (
    '"Email Address","First Name","Last Name",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,'
    "CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,CLEAN_TIME,"
    "CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID,LEID,EUID,NOTES,TAGS\n"
    'hard@firma.dk,Hanne,Hansen,2,,,,,,,,,,,,"2024-03-01 10:00:00",Marts,abc,1,e1,,\n'
    'soft@firma.dk,Søren,Sørensen,1,,,,,,,,,,,,"2024-03-02 10:00:00",Marts,abc,2,e2,,\n'
)
MAILCHIMP_UNSUBSCRIBED = (
    '"Email Address","First Name",UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,'
    "UNSUB_REASON,UNSUB_REASON_OTHER,LEID,EUID\n"
    'bye@firma.dk,Bo,"2024-03-01 10:00:00",Marts,abc,'
    '"I no longer want to receive these emails",,1,e1\n'
    'angry@firma.dk,Anne,"2024-03-01 10:00:00",Marts,abc,'
    '"The emails are spam and should be reported",,2,e2\n'
)
HUBSPOT = (
    "Record ID,First Name,Last Name,Email,Unsubscribed from all email,Email hard bounce reason\n"
    "1,Ulla,Ulriksen,ulla@firma.dk,true,\n"
    "2,Bent,Bentsen,bent@firma.dk,false,BOUNCED_MAILBOX_DOES_NOT_EXIST\n"
    "3,Nina,Nielsen,nina@firma.dk,false,\n"
)
SES = "a@firma.dk,BOUNCE\nb@firma.dk,COMPLAINT\nc@firma.dk,BOUNCE\n"


def file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def imported(
    path: Path, scope: int = ACCOUNT, reason: str | None = None, column: str | None = None
) -> ImportRun:
    """Plan and run an import of a file, with the reason and reason column chosen."""
    source = open_source(path)
    choice = imports.reason_choice(source, _email(source), reason, column)
    plan = imports.plan_optouts(source, _email(source), scope, choice=choice)
    run = imports.run_optouts(plan, plan.counts.valid)
    assert imports.counts_of(run) == plan.counts  # the run did what the plan said
    return run


def _email(source: Any) -> int:
    from optout_desktop.core.reading.columns import guess_import_column

    index = guess_import_column(source.headers, source.preview)
    assert index is not None
    return index


def reasons_now(scope: int = ACCOUNT) -> dict[str, str]:
    query = Suppression.select().where(Suppression.scope_id == scope)
    return {row.email: row.reason for row in query}


def plain(emails: str) -> str:
    return "email\n" + "\n".join(emails.split()) + "\n"


def test_an_ses_file_without_a_header_imports_bounces_and_complaints(
    db: Any, tmp_path: Path
) -> None:
    source = open_source(file(tmp_path, "ses.csv", SES))
    assert not source.has_header  # its first row is data: it holds an address
    choice = reasons.propose(source, 0)
    assert choice.found == reasons.SES and choice.indexes == (1,)
    plan = imports.plan_optouts(source, 0)
    assert plan.counts.valid == 3 and plan.counts.by_reason == {"bounced": 2, "spam": 1}
    run = imports.run_optouts(plan, 3)
    assert reasons_now() == {"a@firma.dk": "bounced", "b@firma.dk": "spam", "c@firma.dk": "bounced"}
    assert run.by_reason == {"bounced": 2, "spam": 1} and run.reason == "import"
    assert history.history()[0]["by_reason"] == {"bounced": 2, "spam": 1}
    found = eligibility.lookup("b@firma.dk")
    assert [s["reason_text"] for s in found.suppressions] == ["spam report"]
    shown = overview.suppression_overview().by_reason
    assert shown == (("bounced", 2), ("spam", 1))


def test_a_mailchimp_cleaned_export_is_all_bounced(db: Any, tmp_path: Path) -> None:
    path = file(tmp_path, "cleaned_members_export.csv", MAILCHIMP_CLEANED)
    run = imported(path)
    assert reasons.propose(open_source(path), 0).found == reasons.MAILCHIMP_CLEANED
    assert reasons_now() == {"hard@firma.dk": "bounced", "soft@firma.dk": "bounced"}
    assert run.reason == "bounced" and run.by_reason == {"bounced": 2}


def test_a_mailchimp_unsubscribed_export_keeps_its_spam_reports(db: Any, tmp_path: Path) -> None:
    imported(file(tmp_path, "unsubscribed_members_export.csv", MAILCHIMP_UNSUBSCRIBED))
    assert reasons_now() == {"bye@firma.dk": "unsubscribed", "angry@firma.dk": "spam"}


def test_a_hubspot_export_says_why_by_its_flags(db: Any, tmp_path: Path) -> None:
    path = file(tmp_path, "hubspot-crm-exports-all-contacts.csv", HUBSPOT)
    choice = reasons.propose(open_source(path), 3)
    assert choice.found == reasons.HUBSPOT and choice.indexes == (4, 5)
    imported(path, reason="manual")  # the file's reason, for a row its flags say nothing of
    assert reasons_now() == {
        "ulla@firma.dk": "unsubscribed",
        "bent@firma.dk": "bounced",
        "nina@firma.dk": "manual",
    }


@pytest.mark.parametrize(
    ("header", "found", "reason"),
    [
        ("email,created,reason,status", reasons.SENDGRID_BOUNCES, "bounced"),
        ("email,created,ip", reasons.SENDGRID_SPAM, "spam"),
        ("email,created", reasons.SENDGRID_UNSUBSCRIBES, "unsubscribed"),
        ("email,name", "", "import"),
    ],
)
def test_sendgrid_lists_are_known_by_their_columns(
    tmp_path: Path, header: str, found: str, reason: str
) -> None:
    cells = ",".join(["x@firma.dk", "1700000000", "10.0.0.1", "5.1.1"][: header.count(",") + 1])
    source = open_source(file(tmp_path, "sg.csv", f"{header}\n{cells}\n"))
    choice = reasons.propose(source, 0)
    assert (choice.found, choice.reason, choice.columns) == (found, reason, ())


def test_the_proposal_can_be_overridden(db: Any, tmp_path: Path) -> None:
    path = file(tmp_path, "ses.csv", SES)
    source = open_source(path)
    none = imports.reason_choice(source, 0, "spam", reasons.NONE)
    assert (none.reason, none.columns) == ("spam", ())
    listed = file(tmp_path, "listed.csv", "email,why\na@x.dk,Hard bounce\nb@x.dk,whatever\n")
    imported(listed, column="why", reason="unsubscribed")
    assert reasons_now() == {"a@x.dk": "bounced", "b@x.dk": "unsubscribed"}
    with pytest.raises(Exception, match="not a reason"):
        imports.reason_choice(source, 0, "cold")


def test_a_stronger_reason_is_kept_and_a_weaker_one_never_overwrites_it(
    db: Any, tmp_path: Path
) -> None:
    imported(file(tmp_path, "u.csv", plain("u@x.dk")), reason="unsubscribed")
    imported(file(tmp_path, "i.csv", plain("i@x.dk b@x.dk")))
    bounce = imported(file(tmp_path, "b.csv", plain("u@x.dk i@x.dk b@x.dk")), reason="bounced")
    assert reasons_now() == {"u@x.dk": "unsubscribed", "i@x.dk": "bounced", "b@x.dk": "bounced"}
    assert (bounce.new, bounce.already_suppressed, bounce.raised) == (0, 3, 2)
    again = imported(file(tmp_path, "again.csv", plain("i@x.dk b@x.dk")))  # a plain import
    assert reasons_now()["i@x.dk"] == "bounced" and again.raised == 0


def test_undo_lifts_what_it_added_and_gives_back_what_it_raised(db: Any, tmp_path: Path) -> None:
    first = imported(file(tmp_path, "first.csv", plain("a@x.dk b@x.dk")))
    bounce = imported(file(tmp_path, "bounce.csv", plain("b@x.dk c@x.dk")), reason="bounced")
    assert reasons_now() == {"a@x.dk": "import", "b@x.dk": "bounced", "c@x.dk": "bounced"}
    plan = undo.plan_undo(bounce.id)
    assert (plan.lift, plan.keep, plan.restored) == (1, 0, 1)
    done = undo.undo_import(bounce.id, plan.lift)
    assert done.restored == 1
    assert reasons_now() == {"a@x.dk": "import", "b@x.dk": "import"}
    assert Suppression.get(Suppression.email == "b@x.dk").import_run_id == first.id
    assert RaisedReason.select().count() == 0


def test_undo_gives_back_the_strongest_reason_still_asked_for(db: Any, tmp_path: Path) -> None:
    imported(file(tmp_path, "first.csv", plain("a@x.dk")))
    bounce = imported(file(tmp_path, "bounce.csv", plain("a@x.dk")), reason="bounced")
    spam = imported(file(tmp_path, "spam.csv", plain("a@x.dk")), reason="spam")  # as strong
    unsub = imported(file(tmp_path, "unsub.csv", plain("a@x.dk")), reason="unsubscribed")
    assert (bounce.raised, spam.raised, unsub.raised) == (1, 0, 1)
    assert undo.plan_undo(bounce.id).restored == 0  # the unsubscribe holds it above
    undo.undo_import(bounce.id, 0)
    assert reasons_now() == {"a@x.dk": "unsubscribed"}
    undo.undo_import(unsub.id, 0)
    assert reasons_now() == {"a@x.dk": "spam"}  # the spam report still stands
    undo.undo_import(spam.id, 0)
    assert reasons_now() == {"a@x.dk": "import"}


def test_undoing_the_owner_passes_a_raised_opt_out_on_with_its_reason(
    db: Any, tmp_path: Path
) -> None:
    first = imported(file(tmp_path, "first.csv", plain("a@x.dk")))
    bounce = imported(file(tmp_path, "bounce.csv", plain("a@x.dk")), reason="bounced")
    plan = undo.plan_undo(first.id)
    assert (plan.lift, plan.keep) == (0, 1)
    undo.undo_import(first.id, 0)
    row = Suppression.get(Suppression.email == "a@x.dk")
    assert (row.reason, row.import_run_id) == ("bounced", bounce.id)
    undo.undo_import(bounce.id, 1)
    assert Suppression.select().count() == 0


def test_a_reason_set_by_hand_since_stays_when_the_import_is_undone(
    db: Any, tmp_path: Path
) -> None:
    imported(file(tmp_path, "first.csv", plain("a@x.dk")))
    bounce = imported(file(tmp_path, "bounce.csv", plain("a@x.dk")), reason="bounced")
    assert by_hand.add_manual("a@x.dk", ACCOUNT, by_hand.UNSUBSCRIBED).outcome == "strengthened"
    undo.undo_import(bounce.id, 0)
    assert reasons_now() == {"a@x.dk": "unsubscribed"}


def test_a_business_unit_bounce_raises_the_whole_accounts_opt_out(db: Any, tmp_path: Path) -> None:
    unit = business_units.add_unit("Shop").id
    imported(file(tmp_path, "first.csv", plain("a@x.dk")))
    bounce = imported(file(tmp_path, "bounce.csv", plain("a@x.dk b@x.dk")), unit, reason="bounced")
    assert (bounce.new, bounce.raised) == (1, 1)
    assert reasons_now() == {"a@x.dk": "bounced"} and reasons_now(unit) == {"b@x.dk": "bounced"}
    undo.undo_import(bounce.id, 1)
    assert reasons_now() == {"a@x.dk": "import"} and reasons_now(unit) == {}


def test_a_version_3_database_gains_the_reason_columns(db_path: Path, tmp_path: Path) -> None:
    database = opening.open_database(db_path)
    imported(file(tmp_path, "first.csv", plain("a@x.dk")), reason="spam")
    database.close()
    from tests.core.test_older_database import outside_execute

    outside_execute(
        db_path,
        [
            "DROP TABLE raised_reason",
            *(f'ALTER TABLE import_run DROP COLUMN "{c}"' for c in ("reason", "reasons")),
            *(f'ALTER TABLE import_run DROP COLUMN "{c}"' for c in ("raised", "hashed")),
            'ALTER TABLE import_claim DROP COLUMN "reason"',
            "UPDATE schema_info SET value = '3' WHERE key = 'schema_version'",
        ],
    )
    database = opening.open_database(db_path)
    try:
        assert schema.schema_version() == 4
        assert reasons_now() == {"a@x.dk": "spam"}
        assert ImportRun.get().reason == "import" and ImportRun.get().by_reason == {}
        bounce = imported(file(tmp_path, "bounce.csv", plain("a@x.dk")), reason="bounced")
        assert bounce.raised == 0 and reasons_now() == {"a@x.dk": "spam"}  # as strong
    finally:
        database.close()
    if not is_server(db_path):
        assert schema.backup_path(db_path, 3).exists()
    names = outside_rows(db_path, "SELECT count(*) FROM raised_reason")
    assert names == [(0,)]


def test_the_windows_helper_process_counts_and_imports_with_the_reasons_chosen(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    from optout_desktop.core.optouts.import_process import ImportProcess

    path = file(tmp_path, "listed.csv", "email,why\na@x.dk,bounce\nb@x.dk,\n")
    source = open_source(path)
    choice = imports.reason_choice(source, "email", "unsubscribed")
    assert choice.indexes == (1,)  # its words column, found by itself
    helper = ImportProcess(db_path)
    try:
        plan = helper.plan(source, "email", ACCOUNT, choice=choice)
        assert plan.counts.by_reason == {"unsubscribed": 1, "bounced": 1}
        assert plan.choice == choice
        assert helper.run(2).by_reason == {"unsubscribed": 1, "bounced": 1}
    finally:
        helper.close()
    assert reasons_now() == {"a@x.dk": "bounced", "b@x.dk": "unsubscribed"}
