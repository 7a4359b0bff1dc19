"""Streams sealed to an X25519 public key: whoever writes cannot read back.

The format (docs/decisions/0003-backup-archive-format.md):

    header  = MAGIC (8) | VERSION (1) | recipient fingerprint (8) | ephemeral public key (32)
    payload = chunk_0 | chunk_1 | ... | chunk_n

A fresh ephemeral key agrees a secret with the recipient's key; HKDF-SHA256 turns it into
one ChaCha20-Poly1305 key for this stream. The plain text is cut into CHUNK-byte pieces,
each sealed with the nonce `counter (11 bytes, big-endian) | last flag (1 byte)` and the
header as associated data, so a reordered, dropped, appended or truncated chunk fails to
open. Memory stays at one chunk whatever the size of the stream.

Sealing gives confidentiality and detects damage; it does not say who wrote the stream
(anyone holding the public key can seal one).
"""

from __future__ import annotations

import hashlib
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"NTRLSEAL"
VERSION = 1
CHUNK = 64 * 1024
TAG = 16
_FINGERPRINT = 8
_KEY = 32
HEADER_SIZE = len(MAGIC) + 1 + _FINGERPRINT + _KEY
_INFO = b"netral sealed stream v1"
_MAX_COUNTER = 2 ** (8 * 11) - 1


class SealedStreamError(Exception):
    """The stream cannot be opened: not ours, another key, damaged, altered or cut short."""


def fingerprint(public_key: X25519PublicKey) -> str:
    """A short hex name for a public key, written in the header to tell keys apart."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[: 2 * _FINGERPRINT]


def new_key_pair(passphrase: bytes | None = None) -> tuple[bytes, bytes]:
    """(private key PEM, public key PEM); the private one encrypted when a passphrase is given."""
    private = X25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_public_key(pem: bytes) -> X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise SealedStreamError("not a PEM public key") from exc
    if not isinstance(key, X25519PublicKey):
        raise SealedStreamError("the public key is not an X25519 key")
    return key


def load_private_key(pem: bytes, passphrase: bytes | None = None) -> X25519PrivateKey:
    """Raises TypeError when the key is encrypted and no passphrase was given."""
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase)
    except ValueError as exc:
        raise SealedStreamError("not a PEM private key, or a wrong passphrase") from exc
    if not isinstance(key, X25519PrivateKey):
        raise SealedStreamError("the private key is not an X25519 key")
    return key


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes) -> ChaCha20Poly1305:
    key = HKDF(
        algorithm=hashes.SHA256(), length=_KEY, salt=None, info=_INFO + ephemeral + recipient
    ).derive(shared)
    return ChaCha20Poly1305(key)


def _raw(public_key: X25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        raise SealedStreamError("stream too long")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class SealingWriter:
    """A write-only file object; `close()` seals the last chunk (and does not close `sink`)."""

    def __init__(self, sink: BinaryIO, recipient: X25519PublicKey) -> None:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_raw = _raw(ephemeral.public_key())
        self._aead = _derive(ephemeral.exchange(recipient), ephemeral_raw, _raw(recipient))
        self._header = (
            MAGIC + bytes([VERSION]) + bytes.fromhex(fingerprint(recipient)) + ephemeral_raw
        )
        self._sink = sink
        self._buffer = bytearray()
        self._counter = 0
        self._closed = False
        sink.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("write to a closed sealed stream")
        self._buffer += data
        # Keep at least one byte back: the last chunk must be sealed as the last.
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, plain: bytes, *, last: bool) -> None:
        nonce = _nonce(self._counter, last)
        self._sink.write(self._aead.encrypt(nonce, plain, self._header))
        self._counter += 1

    def flush(self) -> None:
        self._sink.flush()

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True
            self._sink.flush()

    def __enter__(self) -> SealingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OpeningReader:
    """A read-only file object over a sealed stream; raises SealedStreamError on damage."""

    def __init__(self, source: BinaryIO, private_key: X25519PrivateKey) -> None:
        header = _read_exactly(source, HEADER_SIZE)
        if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
            raise SealedStreamError("not a Netral backup (unknown header)")
        if header[len(MAGIC)] != VERSION:
            raise SealedStreamError(f"unsupported format version {header[len(MAGIC)]}")
        start = len(MAGIC) + 1
        written_for = header[start : start + _FINGERPRINT].hex()
        mine = fingerprint(private_key.public_key())
        if written_for != mine:
            raise SealedStreamError(
                f"the archive is encrypted to key {written_for}; the key given is {mine}"
            )
        ephemeral_raw = header[start + _FINGERPRINT :]
        try:
            ephemeral = X25519PublicKey.from_public_bytes(ephemeral_raw)
            shared = private_key.exchange(ephemeral)
        except ValueError as exc:
            raise SealedStreamError("damaged header (bad ephemeral key)") from exc
        self._aead = _derive(shared, ephemeral_raw, _raw(private_key.public_key()))
        self._header = header
        self._source = source
        self._counter = 0
        self._plain = b""
        self._offset = 0
        self._pending = _read_exactly(source, CHUNK + TAG)
        self._done = False

    def _next_chunk(self) -> None:
        sealed = self._pending
        following = _read_exactly(self._source, CHUNK + TAG) if sealed else b""
        last = not following
        if len(sealed) < TAG:
            raise SealedStreamError("the archive is cut short (its last part is missing)")
        try:
            self._plain = self._aead.decrypt(_nonce(self._counter, last), sealed, self._header)
        except InvalidTag as exc:
            where = HEADER_SIZE + self._counter * (CHUNK + TAG)
            if last and len(sealed) == CHUNK + TAG:
                raise SealedStreamError(
                    "the archive is cut short (its last part is missing)"
                ) from exc
            raise SealedStreamError(
                f"the archive is damaged or altered near byte {where} (chunk {self._counter})"
            ) from exc
        self._offset = 0
        self._counter += 1
        self._pending = following
        self._done = last

    def read(self, size: int = -1) -> bytes:
        out = bytearray()
        while size < 0 or len(out) < size:
            if self._offset >= len(self._plain):
                if self._done:
                    break
                self._next_chunk()
                continue
            want = len(self._plain) - self._offset
            if size >= 0:
                want = min(want, size - len(out))
            out += self._plain[self._offset : self._offset + want]
            self._offset += want
        return bytes(out)


def _read_exactly(source: BinaryIO, size: int) -> bytes:
    parts = bytearray()
    while len(parts) < size:
        piece = source.read(size - len(parts))
        if not piece:
            break
        parts += piece
    return bytes(parts)
