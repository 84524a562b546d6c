"""Tell what a file is from its first bytes: spreadsheet, binary, or text in which encoding."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter

from optout_desktop.core.errors import SourceError
from optout_desktop.core.texts import t

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", "|", ";", "\t")  # on a tie the later one wins: commas occur in names
DELIMITER_NAMES = {
    ",": t("comma"),
    ";": t("semicolon"),
    "\t": t("tab"),
    "|": t("vertical bar"),
}
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": t("UTF-8 with BOM"),
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16 (big-endian)",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO-8859-15",
    "latin_1": "ISO-8859-1",
    "cp850": "DOS (CP850)",
    "mac_roman": "Mac Roman",
}
# The encodings Western European office files come in when they are not Unicode.
LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "latin_1", "cp850", "mac_roman"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x89PNG", t("a PNG image")),
    (b"\xff\xd8\xff", t("a JPEG image")),
    (b"GIF8", t("a GIF image")),
    (b"%PDF", t("a PDF document")),
    (b"II*\x00", t("a TIFF image")),
    (b"MM\x00*", t("a TIFF image")),
    (b"RIFF", t("a media file")),
    (b"\x1f\x8b", t("a compressed (gzip) file")),
    (b"7z\xbc\xaf", t("a 7-Zip archive")),
    (b"Rar!", t("a RAR archive")),
    (b"{\\rtf", t("a Word (RTF) document")),
    (b"ID3", t("an audio file")),
    (b"\x7fELF", t("a program")),
    (b"MZ", t("a program")),
)


def spreadsheet_kind(head: bytes) -> str | None:
    """'zip' for an Office Open XML or OpenDocument candidate, 'ole' for old .xls, else None."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return None


def refuse_binary(name: str, head: bytes) -> None:
    """Refuse images, archives and other files that are plainly not text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise SourceError(
                t(
                    "“{name}” is {what}, not a table. Choose a CSV or Excel file.",
                    name=name,
                    what=what,
                )
            )
    if head[4:8] == b"ftyp":
        raise SourceError(t("“{name}” is a photo or video file, not a table.", name=name))


def detect_encoding(head: bytes) -> str:
    """The encoding: from a byte-order mark, a UTF-16 pattern, UTF-8, or the best legacy fit."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even < odd // 8:
            return "utf-16-le"
        if even > len(head) // 4 and odd < even // 8:
            return "utf-16-be"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and len(head) >= SAMPLE_BYTES:
            return "utf-8"  # the sample cut a character in two
        if _mostly_utf8(head):
            return "utf-8"  # a few stray bytes; they become invalid rows, not garbled ones
    return _legacy_encoding(head)


def _mostly_utf8(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return multibyte > 0 and bad <= multibyte // 4


# Non-letters that Western European office text really contains; any other non-ASCII
# non-letter after decoding suggests the wrong code page (DOS box drawing, Mac symbols).
_PLAIN_SYMBOLS = frozenset("€‚„…‘’“”•–—™‹›¢£¤¥§©«®°±²³´µ·»×\u00a0\u00ad")
# Of those, the ones that also sit between two letters of one word ("O’Brien", "Jens–Ole").
_INSIDE_WORDS = frozenset("’´–—·\u00ad")
# Letters that names and addresses practically never hold, but wrong code pages produce.
_RARE_LETTERS = frozenset("ƒªºıŒœŠšŽžŸ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
LEGACY_SAMPLE = 200_000


def _letter_score(text: str) -> int:
    """How much the non-ASCII characters look like letters and symbols in their right places."""
    score = 0
    for match in _NON_ASCII.finditer(text):
        at = match.start()
        char = match.group()
        before = text[at - 1] if at else ""
        after = text[at + 1 : at + 2]
        if char.isalpha():
            if char in _RARE_LETTERS:
                score -= 3
            elif char.isupper() and before.isalpha() and (before.islower() or after.islower()):
                score -= 3  # "JŸrgen", "BlŒbær": a letter of another code page
            else:
                score += 1
        elif char not in _PLAIN_SYMBOLS:
            score -= 3
        elif before.isalpha() and after.isalpha() and char not in _INSIDE_WORDS:
            score -= 3  # "S›ren": a DOS letter read as a Windows symbol
        else:
            score += 1
    return score


def _legacy_encoding(head: bytes) -> str:
    """The legacy code page whose letters fall most plausibly; Windows-1252 on a tie."""
    sample = head[:LEGACY_SAMPLE]
    best, best_score = "cp1252", None
    for encoding in LEGACY_ENCODINGS:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _letter_score(text)
        if best_score is None or score > best_score:
            best, best_score = encoding, score
    if best in ("cp1252", "latin_1") and b"\xa4" in sample:
        if not any(0x80 <= byte <= 0x9F for byte in sample):
            return "iso8859_15"  # "€" there, where Windows-1252 has the never-used "¤"
    return best


def decode_sample(head: bytes, encoding: str, complete: bool) -> str:
    """Decode the sample, dropping a last line the sample may have cut short."""
    text = head.decode(encoding, errors="replace")
    if not complete and "\n" in text:
        text = text[: text.rindex("\n")]
    return text


def refuse_binary_text(name: str, text: str) -> None:
    """Refuse text that is mostly control characters or undecodable: a binary file."""
    sample = text[:100_000]
    if not sample:
        return
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\ufffd")
    if sample.count("\x00") > len(sample) // 100 or odd > len(sample) // 10:
        raise SourceError(
            t(
                "“{name}” holds binary data, not text: it is not a CSV file. Choose a CSV or "
                "Excel file.",
                name=name,
            )
        )


def detect_delimiter(text: str, lines: int = 200) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns."""
    sample = "\n".join(text.splitlines()[:lines])
    best, best_score = ",", (0.0, 0, 0)
    for priority, delimiter in enumerate(DELIMITERS):
        if delimiter not in sample:
            continue
        try:
            reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
            widths = [len(row) for row in reader if row]
        except csv.Error:
            continue  # a cell too long to be one: not this delimiter's table
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (count / len(widths), width, priority)
        if score > best_score:
            best, best_score = delimiter, score
    return best
