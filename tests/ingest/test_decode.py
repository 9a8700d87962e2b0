"""Encoding detection: declared, sniffed and statistical; binary and empty inputs refused."""

from __future__ import annotations

import codecs
import io
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest.decode import canonical_encoding, declared_charset, decode, detect_encoding, open_text

WESTERN = [
    "Le café était fermé ce matin-là.",
    "He said “hello” — then left the café.",
    "El niño comió la piñata — ¿verdad? «Sí».",
    "Naïve résumé",
    "Die Straße war naß, sagte der Bürgermeister am Montag.",
]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(t, e) for t in WESTERN for e in ("latin-1", "cp1252", "utf-8", "utf-16") if _encodable(t, e)],
)
def test_western_text_comes_out_right(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Москва — столица России, сказал он в понедельник вечером.", "cp1251"),
     ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη.", "cp1253"),
     ("東京は日本の首都であり、最大の都市です。人口は約千四百万人です。", "shift_jis")],
)
def test_other_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_markup_declaration_is_honoured() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>caf\xe9 \x93quoted\x94</body></html>'
    assert "café “quoted”" in decode(page.encode("latin-1"), markup=True)
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><rss/>') == "cp1251"


def test_transport_charset_is_honoured_over_detection() -> None:
    data = "Ελλάδα".encode("iso8859_7")
    assert decode(data, declared="ISO-8859-7") == "Ελλάδα"


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    page = '<meta charset="latin-1"><p>café — “x”</p>'
    assert "café — “x”" in decode(page.encode("utf-8"), markup=True)


def test_stray_cp1252_bytes_in_utf8_are_read_as_cp1252() -> None:
    data = "naïve café, ".encode() + b"and a stray \x93quote\x94"
    assert decode(data) == "naïve café, and a stray “quote”"


def test_labels_map_to_what_browsers_decode() -> None:
    assert canonical_encoding("ISO-8859-1") == "cp1252"
    assert canonical_encoding("latin1") == "cp1252"
    assert canonical_encoding("gb2312") == "gb18030"
    assert canonical_encoding("no-such-charset") is None


def test_line_ends_are_normalised_and_bom_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty file"):
        decode(data)


def test_random_binary_is_refused() -> None:
    with pytest.raises(InputError, match=r"not text \(binary data\)"):
        decode(os.urandom(4096))


def test_control_characters_mean_binary_even_without_nul() -> None:
    data = bytes(range(1, 32)) * 20 + b"some words"
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_open_text_detects_on_the_head_and_survives_a_late_bad_byte() -> None:
    data = "première ligne\n".encode("cp1252") * 3
    stream = io.BytesIO(data)
    assert open_text(data[:20], stream).read() == "première ligne\n" * 3
    late = b"plain ascii head\n" + "déjà vu\n".encode("cp1252")
    assert open_text(late[:10], io.BytesIO(late)).read() == "plain ascii head\ndéjà vu\n"


def test_detect_on_a_sample_tolerates_a_cut_utf8_sequence() -> None:
    data = "é".encode() * 10
    assert detect_encoding(data[:-1], final=False) == "utf-8"


@given(st.binary(max_size=2048))
def test_decode_never_fails_but_with_input_error(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError:
        return
    assert text.strip()


@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        out = decode(text.encode("utf-8"))
    except InputError:
        return  # mostly control characters: refused as binary, by design
    assert out == text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
