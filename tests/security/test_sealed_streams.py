"""Streams sealed to a public key open only with its private key, and only undamaged."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral.security import sealed
from netral.security.sealed import CHUNK, HEADER_SIZE, TAG, SealedStreamError

PRIVATE_PEM, PUBLIC_PEM = sealed.new_key_pair()
PRIVATE = sealed.load_private_key(PRIVATE_PEM)
PUBLIC = sealed.load_public_key(PUBLIC_PEM)


def seal(data: bytes, pieces: int = 1) -> bytes:
    sink = io.BytesIO()
    step = max(1, len(data) // pieces)
    with sealed.SealingWriter(sink, PUBLIC) as writer:
        for start in range(0, len(data), step):
            writer.write(data[start : start + step])
    return sink.getvalue()


def open_all(blob: bytes, key: sealed.X25519PrivateKey = PRIVATE) -> bytes:
    return sealed.OpeningReader(io.BytesIO(blob), key).read()


@settings(max_examples=40, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.integers(min_value=CHUNK - 2, max_value=2 * CHUNK + 2).map(lambda n: bytes(n)),
    ),
    pieces=st.integers(min_value=1, max_value=9),
)
def test_whatever_is_written_in_whatever_pieces_reads_back_the_same(
    data: bytes, pieces: int
) -> None:
    assert open_all(seal(data, pieces)) == data


def test_reading_in_small_steps_gives_the_same_bytes() -> None:
    data = bytes(range(256)) * 700  # a little over two chunks
    reader = sealed.OpeningReader(io.BytesIO(seal(data)), PRIVATE)
    parts = []
    while piece := reader.read(1000):
        parts.append(piece)
    assert b"".join(parts) == data


def test_another_key_is_told_which_key_the_stream_was_sealed_to() -> None:
    other = sealed.load_private_key(sealed.new_key_pair()[0])
    with pytest.raises(SealedStreamError, match=sealed.fingerprint(PUBLIC)):
        open_all(seal(b"rahasia"), other)


@pytest.mark.parametrize("position", [HEADER_SIZE + 3, HEADER_SIZE + CHUNK + 40, -1])
def test_one_flipped_byte_anywhere_in_the_payload_refuses_to_open(position: int) -> None:
    blob = bytearray(seal(bytes(2 * CHUNK + 10)))
    blob[position] ^= 0x01
    with pytest.raises(SealedStreamError, match="damaged or altered"):
        open_all(bytes(blob))


def test_a_stream_cut_at_a_chunk_boundary_is_noticed() -> None:
    blob = seal(bytes(2 * CHUNK + 10))
    with pytest.raises(SealedStreamError, match="cut short"):
        open_all(blob[: HEADER_SIZE + CHUNK + TAG])


def test_swapped_chunks_and_appended_bytes_refuse_to_open() -> None:
    blob = seal(bytes(range(256)) * 600)
    first = slice(HEADER_SIZE, HEADER_SIZE + CHUNK + TAG)
    second = slice(HEADER_SIZE + CHUNK + TAG, HEADER_SIZE + 2 * (CHUNK + TAG))
    swapped = blob[:HEADER_SIZE] + blob[second] + blob[first] + blob[second.stop :]
    with pytest.raises(SealedStreamError):
        open_all(swapped)
    with pytest.raises(SealedStreamError):
        open_all(blob + b"\x00" * 40)


def test_something_else_is_not_taken_for_a_sealed_stream() -> None:
    with pytest.raises(SealedStreamError, match="not a Netral backup"):
        open_all(b"PK\x03\x04 a zip file, say")


def test_a_passphrase_protected_private_key_needs_its_passphrase() -> None:
    private_pem, public_pem = sealed.new_key_pair(b"kata sandi panjang")
    with pytest.raises(TypeError):
        sealed.load_private_key(private_pem)
    with pytest.raises(SealedStreamError, match="passphrase"):
        sealed.load_private_key(private_pem, b"salah")
    key = sealed.load_private_key(private_pem, b"kata sandi panjang")
    assert sealed.fingerprint(key.public_key()) == sealed.fingerprint(
        sealed.load_public_key(public_pem)
    )
