"""Cells people paste into an email column: cleaning, validating, and the fast path's safety."""

from __future__ import annotations

import string

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from optout_desktop.core.reading.addresses import (
    BLANK,
    Verdict,
    check,
    clean,
    fast_accepts,
    is_valid,
    normalize,
    triage,
)

# --- Real-world cells -----------------------------------------------------------------------

SAME_ADDRESS = [
    "jens@firma.dk",
    "Jens Hansen <jens@firma.dk>",
    '"Hansen, Jens" <Jens@Firma.DK>',
    "Hansen, Jens <jens@firma.dk>",
    "<jens@firma.dk>",
    "Jens Hansen <mailto:jens@firma.dk>",
    "mailto:jens@firma.dk",
    "MAILTO:JENS@FIRMA.DK",
    "mailto:jens@firma.dk?subject=Afmeld",
    "mailto: jens@firma.dk",
    "mailto:jens%40firma.dk",
    "'jens@firma.dk'",
    '"jens@firma.dk"',
    "\u201cjens@firma.dk\u201d",
    "\u2018jens@firma.dk\u2019",
    "`jens@firma.dk`",
    "(jens@firma.dk)",
    "[jens@firma.dk]",
    "'JENS@FIRMA.DK'",
    "JENS@FIRMA.DK",
    "Jens@Firma.Dk",
    "  jens@firma.dk  ",
    "\tjens@firma.dk\t",
    "\r\njens@firma.dk\r\n",
    "\u00a0jens@firma.dk\u00a0",
    "\u200bjens@firma.dk\u200b",
    "\ufeffjens@firma.dk",
    "\u2060jens@firma.dk\u202f",
    "\u3000jens@firma.dk\u3000",
    "\u200ejens@firma.dk\u200f",
    "\u2028jens@firma.dk\u2029",
    "jens@firma.dk\x00\x00",
    "jens@firma.dk;",
    "jens@firma.dk,",
    "jens@firma.dk ;",
    "Jens <jens@firma.dk>;",
    '"jens@firma.dk";',
    "'jens@firma.dk',",
    " 'jens@firma.dk' ; ",
    "<'jens@firma.dk'>",
    "'<jens@firma.dk>'",
    "Jens Hansen (jens@firma.dk)",
    "jens@firma.dk (Jens Hansen)",
    # Excel's text prefix: a lone leading apostrophe is not part of the address.
    "'jens@firma.dk",
    # The name around the address is free text; notes in brackets beside it are fine.
    "Jens (Salg) <jens@firma.dk>",
    '"Jens <x>" <jens@firma.dk>',
    "Jens Hansen\n<jens@firma.dk>",
    "Jens <jens@firma.dk> ,",
    "'Jens <jens@firma.dk>'",
    "Jens <'jens@firma.dk'>;",
    "Jens <MAILTO:jens%40firma.dk?subject=Afmeld>",
    "(Jens) jens@firma.dk (Hansen)",
    "Jens (Salg) (jens@firma.dk)",
    "mailto:jens@firma.dk (Jens)",
]


@pytest.mark.parametrize("cell", SAME_ADDRESS)
def test_cells_that_are_jens_at_firma(cell: str) -> None:
    assert triage(cell) == ("jens@firma.dk", None)
    assert check(cell) == Verdict("jens@firma.dk", None)
    assert normalize(cell) == "jens@firma.dk"
    assert is_valid(cell)


@pytest.mark.parametrize(
    ("cell", "cleaned"),
    [
        ("Jens Hansen <jens@firma.dk>", "jens@firma.dk"),
        ('"Hansen, Jens" <Jens@Firma.DK>', "Jens@Firma.DK"),
        ("mailto:jens@firma.dk", "jens@firma.dk"),
        ("mailto:a@b.dk?subject=x", "a@b.dk"),
        ("MailTo:A@B.dk?Subject=x", "A@B.dk"),
        ("'jens@firma.dk'", "jens@firma.dk"),
        ("\u00a0 jens@firma.dk \u200b", "jens@firma.dk"),
        ("\ufeffJENS@FIRMA.DK", "JENS@FIRMA.DK"),
        ("jens@firma.dk;", "jens@firma.dk"),
        ('"jens@firma.dk";', "jens@firma.dk"),
        ("", ""),
        ("   ", ""),
        ("\u00a0\u200b\ufeff", ""),
        ("mailto:", ""),
        ("<>", ""),
        ('""', ""),
        ("o'brien@firma.dk", "o'brien@firma.dk"),
        ("a@[192.0.2.1]", "a@[192.0.2.1]"),
        ("jens@firma.dk (Jens)", "jens@firma.dk"),
        ("Jens (jens@firma.dk);", "jens@firma.dk"),
        # Wrapping that does not close, or has text after it, stays for validation to refuse.
        ("<me@example.com> !", "<me@example.com> !"),
        ("(comment\\)test@iana.org", "(comment\\)test@iana.org"),
        ("test@iana.org(comment\\)", "test@iana.org(comment\\)"),
        ("Jens (jens@firma.dk) Hansen", "Jens (jens@firma.dk) Hansen"),
    ],
)
def test_clean_strips_what_surrounds_an_address(cell: str, cleaned: str) -> None:
    assert clean(cell) == cleaned


def test_clean_keeps_case() -> None:
    assert clean("Jens <Jens@Firma.DK>") == "Jens@Firma.DK"


@pytest.mark.parametrize(
    "cell",
    [None, "", " ", "   ", "\t", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u00a0\u200b \t", "\u3000"],
)
def test_blank_cells_are_blank(cell: str | None) -> None:
    assert triage(cell) == (None, BLANK)
    verdict = check(cell)
    assert verdict.is_blank
    assert verdict.address is None
    assert normalize(cell or "") is None
    assert not is_valid(cell or "")


@pytest.mark.parametrize("cell", ["mailto:", "<>", '""', "''", ";", " ; ", "mailto:?subject=x"])
def test_cells_with_only_wrapping_are_blank(cell: str) -> None:
    assert triage(cell) == (None, BLANK)


def _invalid(cell: str) -> str:
    address, reason = triage(cell)
    assert address is None, cell
    assert reason and reason != BLANK, cell
    assert not check(cell).is_blank
    assert not is_valid(cell)
    assert normalize(cell) is None
    return reason


@pytest.mark.parametrize("cell", ["jens.firma.dk", "Jens Hansen", "n/a", "-", "0", "42", "TRUE"])
def test_no_at_sign_is_invalid_and_says_so(cell: str) -> None:
    assert "@" in _invalid(cell)


@pytest.mark.parametrize(
    "cell",
    [
        "a@b.dk, c@d.dk",
        "a@b.dk,c@d.dk",
        "a@b.dk; c@d.dk",
        "a@b.dk;c@d.dk",
        "a@b.dk c@d.dk",
        "a@b.dk\tc@d.dk",
        "a@b.dk\nc@d.dk",
        "a@b.dk\r\nc@d.dk",
        "a@b.dk / c@d.dk",
        "Jens <a@b.dk>, Ole <c@d.dk>",
        "Jens <a@b.dk> <c@d.dk>",
        "(a@b.dk) (c@d.dk)",
        "a@b.dk (c@d.dk)",
        "(c@d.dk) a@b.dk",
    ],
)
def test_two_addresses_in_one_cell_are_refused(cell: str) -> None:
    assert "more than one address" in _invalid(cell)


# Text after the address, or a bracket that never closes (a backslash in a comment escapes the
# next character, so `(note\)` is not closed), leaves no address one can be sure of:
# email-validator refuses these cells, and they were once read as the address inside.
@pytest.mark.parametrize(
    "cell",
    [
        "<me@example.com> !",
        "(comment\\)test@iana.org",
        "test@iana.org(comment\\)",
        "Jens <jens@firma.dk> Hansen",
        "<jens@firma.dk>x",
        "<jens@firma.dk>.",
        "Jens <jens@firma.dk> (kunde)",
        "Jens <jens@firma.dk>;x",
        'Jens <jens@firma.dk>"',
        "<jens@firma.dk>>",
        "(jens@firma.dk) !",
        "Jens (jens@firma.dk) Hansen",
        "jens@firma.dk (Jens\\)",
        "(Jens\\) jens@firma.dk",
        "(Jens (Salg)) jens@firma.dk",
        "jens@firma.dk (Jens\x07)",
        "(\r)jens@firma.dk",
    ],
)
def test_text_after_the_address_or_an_unclosed_bracket_is_refused(cell: str) -> None:
    _invalid(cell)


@pytest.mark.parametrize(
    "cell", ["<me@example.com> !", "Jens <jens@firma.dk> Hansen", "JENS <JENS@FIRMA.DK> (KUNDE)"]
)
def test_text_after_angle_brackets_is_named_as_such(cell: str) -> None:
    assert _invalid(cell) == "There is text after the address."


@pytest.mark.parametrize(
    "cell",
    [
        "a@x.test",
        "a@firma.test",
        "a@x.local",
        "a@printer.local",
        "a@localhost",
        "a@foo.localhost",
        "a@x.invalid",
        "a@x.onion",
        "a@1.in-addr.arpa",
        "A@X.TEST",
        "Jens <jens@firma.local>",
    ],
)
def test_special_use_domains_are_invalid(cell: str) -> None:
    _invalid(cell)
    assert not fast_accepts(cell.lower())


@pytest.mark.parametrize(
    "cell",
    [
        "@",
        "a@",
        "@firma.dk",
        "a@b",
        "a@b@c.dk",
        "a..b@firma.dk",
        ".a@firma.dk",
        "a.@firma.dk",
        "a@-firma.dk",
        "a@firma-.dk",
        "a@firma..dk",
        "a@firma.dk.",
        "a@ab--cd.dk",
        "a@firma.d1",
        "a@192.0.2.1",
        "jens @firma.dk",
        "jens@ firma.dk",
        "jens hansen@firma.dk",
        "Jens <jens@firma.dk",
        "a\x00@firma.dk",
        "a@xn--zz.dk",
        "x" * 65 + "@" + "a" * 190 + ".dk",
        "a@" + "b" * 64 + ".dk",
        "a@" + ".".join(["b" * 60] * 5) + ".dk",
        "x" * 5000 + "@firma.dk",
    ],
)
def test_invalid_addresses_are_refused_with_a_reason(cell: str) -> None:
    _invalid(cell)


def test_reasons_are_plain_single_lines() -> None:
    for cell in ["a@b", "jens.firma.dk", "a@b.dk,c@d.dk", "x" * 5000 + "@a.dk", "a@x.test"]:
        reason = _invalid(cell)
        assert "\n" not in reason
        assert "Traceback" not in reason


@pytest.mark.parametrize(
    "cell",
    [
        "jens@blåbær.dk",
        "JENS@BLÅBÆR.DK",
        "Jens@Blåbær.dk",
        "jens@xn--blbr-roah.dk",
        "JENS@XN--BLBR-ROAH.DK",
        "Jens <jens@xn--blbr-roah.dk>",
        "mailto:jens@xn--blbr-roah.dk",
        "jens@bla\u030abær.dk",  # å written as a + combining ring
    ],
)
def test_idn_domain_in_unicode_and_punycode_is_one_address(cell: str) -> None:
    assert triage(cell) == ("jens@blåbær.dk", None)


def test_unicode_local_part_is_kept_lower_case() -> None:
    assert triage("Søren@Firma.dk") == ("søren@firma.dk", None)
    assert triage("søren@xn--blbr-roah.dk") == ("søren@blåbær.dk", None)


@pytest.mark.parametrize(
    "address",
    [
        "jens@firma.dk",
        "jens.hansen@firma.dk",
        "jens+optout@firma.co.uk",
        "j_h-1@mail.firma-gruppen.com",
        "o'brien@firma.ie",
        "a@b.dk",
        "x" * 64 + "@firma.dk",
        "a@" + "b" * 63 + ".dk",
        "a@b." + "c" * 63,
        "a@b.example",
        "a@a--b.dk",
    ],
)
def test_fast_path_accepts_plain_addresses_unchanged(address: str) -> None:
    assert fast_accepts(address)
    assert triage(address) == (address, None)
    assert triage(address.upper()) == (address, None)


@pytest.mark.parametrize(
    "address",
    [
        "JENS@FIRMA.DK",  # not lower case
        "jens@xn--blbr-roah.dk",  # Punycode: the library decodes it
        "a@ab--cd.dk",
        "a@b.test",
        "a@b.localhost",
        "a@b.c",  # one-letter TLD: left to the library
        "x" * 65 + "@firma.dk",
        "a@" + "b" * 64 + ".dk",
        "a@b.d1",
        "a@firma.dk.",
        "a..b@firma.dk",
        "jens@firma.dk\n",
        "a@" + "b." * 126 + "dk",
    ],
)
def test_fast_path_leaves_the_rest_to_the_library(address: str) -> None:
    assert not fast_accepts(address)


def test_address_length_limit() -> None:
    local = "x" * 64
    domain = ".".join(["d" * 62, "d" * 61, "d" * 61]) + ".dk"
    address = f"{local}@{domain}"
    assert len(address) == 254
    assert fast_accepts(address)
    assert triage(address) == (address, None)
    longer = f"{local}@d{domain}"
    assert not fast_accepts(longer)
    _invalid(longer)


# --- Properties: the fast path never accepts what email-validator would refuse or change -----


def _library_form(text: str) -> str | None:
    try:
        return validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


_ATEXT = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-"
_ODD_LOCAL = 'æøåÆØÅéüßİǅ\u212a\u0301 @"<>()[],;:\\\u00a0'
_LDH = string.ascii_lowercase + string.digits + "-"
_ODD_LABEL = "ABCXYZæøåÆÉß_.\u00a0ｆ"
_TLDS = [
    "dk",
    "com",
    "DK",
    "c",
    "io",
    "d1",
    "123",
    "test",
    "local",
    "localhost",
    "invalid",
    "onion",
    "arpa",
    "example",
    "testing",
    "locals",
    "xn--p1ai",
    "xn--zz",
    "рф",
    "a" * 63,
    "a" * 64,
    "co-op",
    "-dk",
    "",
]


def _mostly(common: st.SearchStrategy[str], rare: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Mostly `common`, sometimes `rare`: near misses around what the fast path accepts."""
    return st.one_of(*[common] * 6, rare)


_atoms = st.text(alphabet=_ATEXT, min_size=1, max_size=10)
_local_parts = _mostly(
    st.lists(_atoms, min_size=1, max_size=3).map(".".join),
    st.one_of(
        st.text(alphabet=_ATEXT + "." + _ODD_LOCAL, max_size=20),
        st.integers(60, 70).map(lambda n: "x" * n),
        st.lists(_atoms, min_size=6, max_size=12).map(".".join),
    ),
)
_labels = _mostly(
    st.from_regex(r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?", fullmatch=True),
    st.one_of(
        st.text(alphabet=_LDH, max_size=6).map(lambda rest: "xn--" + rest),
        st.sampled_from(["ab--cd", "xn--blbr-roah", "XN--BLBR-ROAH", "a--b", "-a", "a-", "blåbær"]),
        st.integers(60, 70).map(lambda n: "d" * n),
        st.text(alphabet=_LDH + _ODD_LABEL, max_size=12),
    ),
)
_tlds = _mostly(
    st.text(alphabet=string.ascii_letters, min_size=2, max_size=6),
    st.one_of(st.sampled_from(_TLDS), st.text(alphabet=_LDH + "ABZ", max_size=65)),
)


@st.composite
def _plausible_addresses(draw: st.DrawFn) -> str:
    labels = draw(st.lists(_labels, min_size=draw(st.sampled_from([1] * 9 + [0])), max_size=3))
    if draw(st.integers(0, 9)) == 0:
        labels += ["d" * 61] * draw(st.integers(2, 4))
    return draw(_local_parts) + "@" + ".".join([*labels, draw(_tlds)])


_any_text = st.text(max_size=80)
_ascii_text = st.text(alphabet=st.characters(max_codepoint=127), max_size=60)
_wrapped = st.builds(
    lambda before, address, after: before + address + after,
    st.sampled_from(["", " ", "<", "'", '"', "mailto:", "Jens <", "\u00a0", "\ufeff", "("]),
    _plausible_addresses(),
    st.sampled_from(["", " ", ">", "'", '"', ";", ",", "?x=y", ">;", "\u200b", ")"]),
)

_FAST_SETTINGS = settings(
    max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _assert_fast_path_agrees(text: str) -> None:
    lowered = text.lower()
    if fast_accepts(lowered):
        assert _library_form(lowered) == lowered


@_FAST_SETTINGS
@given(_plausible_addresses())
@example("a@b.test")
@example("a@ab--cd.dk")
@example("a@xn--blbr-roah.dk")
@example("x" * 64 + "@" + ".".join(["d" * 61] * 3) + ".dk")
def test_fast_path_agrees_with_email_validator_on_plausible_addresses(text: str) -> None:
    _assert_fast_path_agrees(text)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_any_text, _ascii_text, _wrapped))
def test_fast_path_agrees_with_email_validator_on_any_text(text: str) -> None:
    _assert_fast_path_agrees(text)


def _assert_triage_is_sound(text: str) -> None:
    address, reason = triage(text)
    if address is not None:
        assert reason is None
        assert _library_form(address) == address, (text, address)
        assert triage(address) == (address, None)
    else:
        assert isinstance(reason, str) and reason


@_FAST_SETTINGS
@given(st.one_of(_plausible_addresses(), _wrapped))
@example("JENS@FİRMA.DK")
@example("ǅ@firma.dk")
@example("\u212a@firma.dk")
def test_triage_returns_what_email_validator_accepts_on_plausible_cells(text: str) -> None:
    _assert_triage_is_sound(text)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_any_text, _ascii_text))
def test_triage_never_raises_on_any_text(text: str) -> None:
    _assert_triage_is_sound(text)
