"""Bytes to text: UTF-8 first, then charset detection for everything else.

Single-article files are read whole and refused over ``max_bytes`` (``Settings.max_bytes``,
20 MiB); archives (JSON Lines, WARC) are streamed instead, and the limit applies to each of
their lines or records.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path

from charset_normalizer import from_bytes

from triangulate.settings import DEFAULTS, MIB


def limit_text(max_bytes: int) -> str:
    """The size limit in words: "20 MiB limit", "1.5 MiB limit", "4000-byte limit"."""
    if max_bytes >= MIB:
        return f"{max_bytes / MIB:g} MiB limit"
    return f"{max_bytes}-byte limit"


class InputError(Exception):
    """A source that cannot be read; the message says why in a few words."""


def read_bytes(path: Path, max_bytes: int = DEFAULTS.max_bytes) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})") from error
    if size > max_bytes:
        raise InputError(f"file is {_size_text(size)}, over the {limit_text(max_bytes)}")
    with _open(path) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except (gzip.BadGzipFile, EOFError, zlib.error) as error:
            raise InputError(f"not a valid gzip file ({error})") from error
        except OSError as error:
            raise InputError(f"cannot read ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise InputError(f"uncompressed size over the {limit_text(max_bytes)}")
    if not data.strip():
        raise InputError("empty file")
    return data


def _size_text(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size} bytes"


def stream_lines(path: Path, max_bytes: int = DEFAULTS.max_bytes) -> Iterator[bytes]:
    """The lines of a file, decompressed on the fly where it ends in ``.gz``, one at a time."""
    with _open(path) as stream:
        try:
            while line := stream.readline(max_bytes + 1):
                if len(line) > max_bytes:
                    raise InputError(f"a line is over the {limit_text(max_bytes)}")
                yield line
        except (gzip.BadGzipFile, EOFError, zlib.error) as error:
            raise InputError(f"not a valid gzip file ({error})") from error
        except OSError as error:
            raise InputError(f"cannot read ({error.strerror or error})") from error


def _open(path: Path) -> BufferedIOBase:
    try:
        return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})") from error


def decode(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """(text, note): the note says which encoding was guessed where the bytes were not UTF-8.

    A ``declared`` charset (an HTTP header's) is tried first and needs no note. UTF-16 (with
    a byte-order mark, or told by its zero bytes) is decoded before any check for binary
    data, since half of its bytes are zero.
    """
    wide = _utf16(data)
    if wide is not None:
        return _wide_text(data, wide)
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    if declared and _known(declared):
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if _mostly_ascii(data):
        try:
            return data.decode("cp1252"), "not UTF-8; decoded as cp1252"
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("binary file, not text (no text encoding fits)")
    text = str(best)
    if _looks_binary(text):
        raise InputError("binary file, not text")
    return text, f"not UTF-8; decoded as {best.encoding}"


def _utf16(data: bytes) -> str | None:
    """``utf-16`` where the data opens with a byte-order mark, ``utf-16-le``/``-be`` where
    zero bytes fill most odd (or even) places and no others: ASCII-range text in UTF-16."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0 : 2 * pairs : 2].count(0)
    odd_zeros = sample[1 : 2 * pairs : 2].count(0)
    if odd_zeros >= 0.6 * pairs and even_zeros <= 0.05 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.6 * pairs and odd_zeros <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _wide_text(data: bytes, encoding: str) -> tuple[str, str | None]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"binary file, not text (not valid {encoding.upper()})") from error
    if _looks_binary(text):
        raise InputError("binary file, not text")
    return text, f"decoded as {encoding.upper()}"


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _mostly_ascii(data: bytes) -> bool:
    """Western news that is not UTF-8 is nearly always Windows-1252: short texts of mostly
    ASCII give charset detection too little to go on, so try that first."""
    sample = data[:65536]
    return sum(1 for byte in sample if byte < 128) >= 0.95 * len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05
