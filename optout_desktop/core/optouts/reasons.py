"""Why each address is suppressed: reason keys, their strength, and a file's reasons proposed."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from optout_desktop.core.errors import OptOutError
from optout_desktop.core.optouts.by_hand import MANUAL, STRENGTH, UNSUBSCRIBED
from optout_desktop.core.reading.sources import TableSource
from optout_desktop.core.texts import t

IMPORT, BOUNCED, SPAM, PARTNER = "import", "bounced", "spam", "partner"
# The reasons an import may be given (--reason): partner is a hashed list's.
KEYS = (IMPORT, UNSUBSCRIBED, BOUNCED, SPAM, MANUAL, PARTNER)
# A stronger reason is never overwritten by a weaker one (by_hand.STRENGTH; a partner's
# hashed list says no more than a plain import).
_STRENGTH = {**STRENGTH, PARTNER: 0}
TEXT = {
    IMPORT: t("opt-out import"),
    UNSUBSCRIBED: t("the person unsubscribed"),
    BOUNCED: t("bounced"),
    SPAM: t("spam report"),
    MANUAL: t("added by hand"),
    PARTNER: t("a partner's hashed list"),
}

# The kinds of file whose reasons are known, as propose() finds them.
SES = "ses"
MAILCHIMP_CLEANED = "mailchimp_cleaned"
MAILCHIMP_UNSUBSCRIBED = "mailchimp_unsubscribed"
SENDGRID_BOUNCES = "sendgrid_bounces"
SENDGRID_SPAM = "sendgrid_spam_reports"
SENDGRID_UNSUBSCRIBES = "sendgrid_unsubscribes"
HUBSPOT = "hubspot"
FOUND_TEXT = {
    SES: t("an Amazon SES suppression list: BOUNCE is bounced, COMPLAINT a spam report"),
    MAILCHIMP_CLEANED: t("a Mailchimp export of cleaned contacts: all bounced"),
    MAILCHIMP_UNSUBSCRIBED: t("a Mailchimp export of unsubscribed contacts"),
    SENDGRID_BOUNCES: t("a SendGrid list of bounces"),
    SENDGRID_SPAM: t("a SendGrid list of spam reports"),
    SENDGRID_UNSUBSCRIBES: t("a SendGrid list of unsubscribes"),
    HUBSPOT: t("a HubSpot export: its unsubscribe, bounce and spam columns say why"),
}
VALUES = "values"  # a reason column whose words say why (BOUNCE, spam report, unsubscribed)
NONE = ""  # as a reason column chosen: none, whatever the file looks like

# Words of a reason column, folded to lower-case letters, that name a reason outright.
_WORDS = {
    "bounce": BOUNCED,
    "bounced": BOUNCED,
    "hardbounce": BOUNCED,
    "hardbounced": BOUNCED,
    "cleaned": BOUNCED,
    "complaint": SPAM,
    "spam": SPAM,
    "spamreport": SPAM,
    "spamreports": SPAM,
    "markedasspam": SPAM,
    "abuse": SPAM,
    "unsubscribe": UNSUBSCRIBED,
    "unsubscribed": UNSUBSCRIBED,
    "unsubscribes": UNSUBSCRIBED,
    "unsub": UNSUBSCRIBED,
    "optout": UNSUBSCRIBED,
    "optedout": UNSUBSCRIBED,
    "manual": MANUAL,
}
# ...and words inside a longer text (Mailchimp's "The emails are spam and should be reported").
_INSIDE = (("spam", SPAM), ("complain", SPAM), ("abuse", SPAM), ("bounce", BOUNCED))
_UNTICKED = {"", "false", "no", "n", "0", "nej", "f", "none", "null"}
# HubSpot's columns (contacts export; "Export unsubscribes and bounces"): a ticked or filled
# cell means this reason.
_HUBSPOT = {
    "unsubscribedfromallemail": UNSUBSCRIBED,
    "emailhardbouncereason": BOUNCED,
    "portalbounce": BOUNCED,
    "globalbounce": BOUNCED,
    "portalunsubscribe": UNSUBSCRIBED,
    "portalspamreport": SPAM,
}
# SendGrid's suppression lists, by their other columns (the first is "email").
_SENDGRID = {
    frozenset({"created", "reason", "status"}): (SENDGRID_BOUNCES, BOUNCED),
    frozenset({"created", "reason"}): (SENDGRID_BOUNCES, BOUNCED),  # invalid emails
    frozenset({"created", "ip"}): (SENDGRID_SPAM, SPAM),
    frozenset({"created"}): (SENDGRID_UNSUBSCRIBES, UNSUBSCRIBED),
}
WORDS_SHARE = 0.5  # of a column's filled cells that must name a reason, to propose it


def strength(reason: str) -> int:
    """How strong a reason is: 0 for an import or a partner's list up to 3 for the person's
    own unsubscribe; an unknown reason counts as an import."""
    return _STRENGTH.get(reason, 0)


def strength_sql(column: str) -> str:
    """strength() in SQL, of a column (or an expression) that holds a reason."""
    cases = " ".join(f"WHEN '{key}' THEN {value:d}" for key, value in _STRENGTH.items() if value)
    return f"(CASE {column} {cases} ELSE 0 END)"


def strongest(reasons: Iterable[str], default: str = IMPORT) -> str:
    """The strongest of some reasons (the first of equal ones), or `default` if none."""
    best: str | None = None
    for reason in reasons:
        if best is None or strength(reason) > strength(best):
            best = reason
    return default if best is None else best


def check_key(reason: str) -> str:
    """The reason key, or a plain refusal naming the keys."""
    if reason not in KEYS:
        raise OptOutError(
            t(
                "“{reason}” is not a reason; choose one of {keys}.",
                reason=reason,
                keys=", ".join(KEYS),
            )
        )
    return reason


@dataclass(frozen=True)
class ReasonColumn:
    """A column that says why a row's address is suppressed: by its words (VALUES), or, when
    `reads` is a reason key, by a ticked or filled cell meaning that reason (HubSpot's)."""

    index: int
    reads: str = VALUES


@dataclass(frozen=True)
class ReasonChoice:
    """Why an import's addresses are suppressed: a row's reason columns say it where they
    can (the strongest of them); any other row gets `reason`, the file's reason. `found`
    is the kind of file recognised (FOUND_TEXT), "" when none was."""

    reason: str = IMPORT
    columns: tuple[ReasonColumn, ...] = ()
    found: str = ""

    @property
    def indexes(self) -> tuple[int, ...]:
        """The reason columns' indexes, in order (the extra cells a scan keeps per row)."""
        return tuple(column.index for column in self.columns)

    def reason_of(self, cells: Sequence[str] | None) -> str:
        """A row's reason from its reason columns' cells (in the order of `columns`)."""
        if not cells or not self.columns:
            return self.reason
        best: str | None = None
        for column, cell in zip(self.columns, cells, strict=False):
            said = word_reason(cell) if column.reads == VALUES else _flag(cell, column.reads)
            if said is not None and (best is None or strength(said) > strength(best)):
                best = said
        return self.reason if best is None else best

    def describe(self, headers: Sequence[str]) -> str:
        """The choice in words, for a status line or the command line."""
        named = ", ".join(f"“{headers[c.index]}”" for c in self.columns if c.index < len(headers))
        said = TEXT.get(self.reason, self.reason)
        text = (
            t("Reason: from the column {columns}, else {reason}", columns=named, reason=said)
            if named
            else t("Reason: {reason}", reason=said)
        )
        if self.found:
            return t(
                "{choice} (the file looks like {found})", choice=text, found=FOUND_TEXT[self.found]
            )
        return text


def fold(text: str) -> str:
    """A header or a cell reduced to lower-case letters and digits, without accents."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z0-9]", "", bare)


@lru_cache(maxsize=4096)
def word_reason(cell: str) -> str | None:
    """The reason a reason column's cell names (BOUNCE, Spam report, unsubscribed...), if any."""
    folded = fold(cell)
    if folded in _WORDS:
        return _WORDS[folded]
    for word, reason in _INSIDE:
        if word in folded:
            return reason
    return None


@lru_cache(maxsize=4096)
def _ticked(cell: str) -> bool:
    return fold(cell) not in _UNTICKED


def _flag(cell: str, reason: str) -> str | None:
    return reason if _ticked(cell) else None


def propose(source: TableSource, email_index: int, hashed: bool = False) -> ReasonChoice:
    """The reasons a file carries, as far as its shape and words tell: Mailchimp's cleaned
    (bounced) and unsubscribed exports, SendGrid's bounces, spam reports and unsubscribes,
    HubSpot's flags, a column of reason words (SES's headerless `address,BOUNCE`), or none:
    then every row is an import's (a partner's, for a hashed list)."""
    base = PARTNER if hashed else IMPORT
    headers = [fold(h) for h in source.headers] if source.has_header else []
    names = set(headers)
    if "cleantime" in names:
        return ReasonChoice(BOUNCED, (), MAILCHIMP_CLEANED)
    if "unsubtime" in names:
        words = tuple(ReasonColumn(headers.index(h)) for h in ("unsubreason",) if h in names)
        return ReasonChoice(UNSUBSCRIBED, words, MAILCHIMP_UNSUBSCRIBED)
    flags = tuple(ReasonColumn(i, _HUBSPOT[h]) for i, h in enumerate(headers) if h in _HUBSPOT)
    if flags:
        return ReasonChoice(base, flags, HUBSPOT)
    if headers and headers[email_index] == "email":
        known = _SENDGRID.get(frozenset(names - {"email"}))
        if known is not None:
            return ReasonChoice(known[1], (), known[0])
    column = _words_column(source, email_index)
    if column is None:
        return ReasonChoice(base)
    cells = {fold(row[column]) for row in source.preview if column < len(row) and row[column]}
    ses = not source.has_header and len(source.headers) == 2 and cells <= {"bounce", "complaint"}
    return ReasonChoice(base, (ReasonColumn(column),), SES if ses else "")


def _words_column(source: TableSource, email_index: int) -> int | None:
    """The column whose filled cells most often name a reason (at least WORDS_SHARE of them)."""
    best: tuple[float, int] | None = None
    for index in range(len(source.headers)):
        if index == email_index:
            continue
        cells = [row[index] for row in source.preview if index < len(row) and row[index].strip()]
        if not cells:
            continue
        share = sum(1 for cell in cells if fold(cell) in _WORDS) / len(cells)
        if share >= WORDS_SHARE and (best is None or share > best[0]):
            best = (share, index)
    return None if best is None else best[1]


def choose(
    source: TableSource,
    email_index: int,
    reason: str | None = None,
    column: str | int | None = None,
    hashed: bool = False,
) -> ReasonChoice:
    """The file's proposal with the user's choices over it: `reason` (a key) for the rows
    without one of their own; `column` the reason column (its words say why), NONE for no
    reason column at all, None to keep the proposal's."""
    choice = propose(source, email_index, hashed)
    if reason is not None:
        choice = replace(choice, reason=check_key(reason))
    if column == NONE:
        choice = replace(choice, columns=(), found="" if choice.columns else choice.found)
    elif column is not None:
        choice = replace(choice, columns=(ReasonColumn(source.column_index(column)),), found="")
    return choice


def counts_by_reason(reasons: Iterable[str]) -> dict[str, int]:
    """How many entries have each reason, strongest reason first."""
    counts = Counter(reasons)  # (counted in C: a million entries in some 30 ms)
    return dict(sorted(counts.items(), key=lambda item: (-strength(item[0]), item[0])))
