"""Bytes to text with the encoding detected, never assumed.

The order is: a byte-order mark; valid UTF-8 (a legacy text that happens to be valid UTF-8 is
vanishingly rare, while pages that declare the wrong charset are common); the charset the
transport or the markup declares; then statistical detection restricted to the encodings the web
actually uses (the WHATWG Encoding Standard's, less the Mac and 7-bit ones nobody serves any
more), ties broken by how common each encoding is. Labels are mapped to the superset browsers
decode them with (ISO-8859-1 is read as windows-1252, so curly quotes and dashes come out right).
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, TextIO

from charset_normalizer import CharsetMatch, from_bytes

from newsfuse.errors import InputError

# Encodings of the WHATWG Encoding Standard, most used on the web first (the order breaks ties
# between decodings that are equally plausible, e.g. a short French text in cp1252 or cp1250).
WEB_ENCODINGS = (
    "cp1252", "cp1251", "shift_jis", "euc_jp", "gb18030", "euc_kr", "cp1250", "cp1256", "iso8859_2",
    "big5", "cp1254", "cp874", "iso8859_15", "cp1253", "cp1255", "koi8_r", "cp1257", "cp1258",
    "iso8859_5", "iso8859_7", "iso8859_6", "iso8859_8", "iso8859_4", "iso8859_13", "iso8859_10",
    "iso8859_3", "iso8859_14", "iso8859_16", "koi8_u", "cp866",
)
_RANK = {name: i for i, name in enumerate(WEB_ENCODINGS)}

# What browsers decode a label as (a superset that agrees on every byte the label defines).
_SUPERSET = {
    "ascii": "cp1252", "latin_1": "cp1252", "iso8859_1": "cp1252", "iso8859_9": "cp1254",
    "iso8859_11": "cp874", "tis_620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MARKUP_CHARSET = re.compile(
    rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)"
    rb"|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)",
    re.IGNORECASE,
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_PRESCAN = 4096
_SAMPLE = 1 << 16
# Control characters other than whitespace, and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Share of control characters above which a decoded "text" is really binary data; real text has
# next to none, while bytes decoded by a single-byte table give about one in ten.
_MAX_CONTROL_SHARE = 0.02
FALLBACK_ERRORS = "newsfuse-cp1252"


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    # Files mixing UTF-8 with stray windows-1252 bytes are common in scraped corpora: read each
    # bad byte the way a browser would read a legacy page.
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)


def canonical_encoding(label: str | None) -> str | None:
    """The Python codec a charset label should be decoded with, or None for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    return _SUPERSET.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML document declares in its first bytes, if any."""
    match = _MARKUP_CHARSET.search(data[:_PRESCAN])
    if not match:
        return None
    return canonical_encoding((match.group(1) or match.group(2)).decode("ascii"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` names, if there is one."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _mostly_utf8(data: bytes) -> bool:
    """Invalid UTF-8 that still holds at least as many valid multi-byte sequences as stray bytes."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    stray = len(data.decode("utf-8", errors="replace").split("\ufffd")) - 1
    return valid >= stray


def _decodes(data: bytes, encoding: str, *, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=final)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _popularity(encoding: str) -> int:
    return _RANK.get(encoding, len(_RANK))


def _rank(match: CharsetMatch) -> tuple[float, float, int]:
    # Least mess first, then best language fit (coarsely: on a short text it is noisy), then the
    # most common encoding of the group of encodings that all give this same text.
    common = min(_popularity(e) for e in match.could_be_from_charset)
    return (round(match.chaos, 2), -round(match.coherence, 1), common)


def _detected(data: bytes) -> str | None:
    matches = list(from_bytes(data, cp_isolation=list(WEB_ENCODINGS)))
    if not matches:
        return None
    best = min(matches, key=_rank)
    return canonical_encoding(min(best.could_be_from_charset, key=_popularity))


def detect_encoding(data: bytes, *, declared: str | None = None, markup: bool = False,
                    final: bool = True) -> str:
    """The codec to decode `data` with (a sample of a longer stream when `final` is False).

    `declared` is a charset the transport gave (an HTTP header); with `markup`, a charset the
    document declares itself (`<meta charset>`, `<?xml encoding?>`) is honoured too. Raises
    `InputError` when the bytes are not text.
    """
    bom = bom_encoding(data)
    if bom:
        return bom
    _check_not_binary(data)
    if _decodes(data, "utf-8", final=final) or _mostly_utf8(data):
        return "utf-8"
    candidates = [canonical_encoding(declared), declared_charset(data) if markup else None]
    for encoding in candidates:
        # A declared UTF-* without a BOM is a mistake here: the bytes are not valid UTF-8.
        if encoding and not encoding.startswith("utf") and _decodes(data, encoding, final=final):
            return encoding
    detected = _detected(data)
    if detected is None:
        raise InputError("not text (binary data)")
    return detected


def _check_not_binary(data: bytes) -> None:
    # NUL never occurs in text outside UTF-16/32 (which carry a BOM here): the test git uses.
    if b"\0" in data[:_SAMPLE]:
        raise InputError("not text (binary data)")


def _check_text(text: str) -> str:
    if not text.strip():
        raise InputError("empty file")
    sample = text[:_SAMPLE]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError("not text (binary data)")
    return text


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, *, declared: str | None = None, markup: bool = False) -> str:
    """Decode a whole document: encoding detected, line ends normalised to ``\\n``, BOM dropped.

    Raises `InputError` ("empty file" / "not text (binary data)") for what is not text.
    """
    if not data.strip():
        raise InputError("empty file")
    encoding = detect_encoding(data, declared=declared, markup=markup)
    errors = FALLBACK_ERRORS if encoding == "utf-8" else "replace"
    text = data.decode(encoding, errors=errors).lstrip("\ufeff")
    return _check_text(_normalize_newlines(text))


def open_text(head: bytes, stream: BinaryIO, *, newline: str | None = None) -> TextIO:
    """A text view of a long stream whose first bytes are `head` (the stream starts with them).

    The encoding is detected on `head`; a stray undecodable byte later on does not stop the
    stream (UTF-8 falls back to windows-1252 byte by byte, other codecs to U+FFFD).
    """
    if not head.strip():
        raise InputError("empty file")
    encoding = detect_encoding(head, final=False)
    if encoding == "utf-8":
        encoding = "utf-8-sig"
    errors = FALLBACK_ERRORS if encoding == "utf-8-sig" else "replace"
    _check_text(codecs.getincrementaldecoder(encoding)(errors=errors).decode(head, final=False))
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline=newline)
