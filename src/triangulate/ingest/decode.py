"""Bytes to text: UTF-8 first, then charset detection for everything else."""

from __future__ import annotations

import gzip
from pathlib import Path

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # larger files are refused, compressed or not


class InputError(Exception):
    """A source that cannot be read; the message says why in a few words."""


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})") from error
    if size > MAX_BYTES:
        raise InputError(f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit")
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise InputError(f"not a valid gzip file ({error})") from error
        if len(data) > MAX_BYTES:
            raise InputError(f"uncompressed size over the {MAX_BYTES // 2**20} MiB limit")
    if not data.strip():
        raise InputError("empty file")
    return data


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, note): the note says which encoding was guessed where the bytes were not UTF-8."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
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


def _mostly_ascii(data: bytes) -> bool:
    """Western news that is not UTF-8 is nearly always Windows-1252: short texts of mostly
    ASCII give charset detection too little to go on, so try that first."""
    sample = data[:65536]
    return sum(1 for byte in sample if byte < 128) >= 0.95 * len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05
