"""Signed checkpoints, after Certificate Transparency's signed tree heads.

A checkpoint signs (Ed25519) the root of every family of chains (`netral.audit.heads`),
the time, its sequence number and the digest of the checkpoint before it. The row keeps
the heads themselves so the verifier can say which chain moved; the same signed line is
appended to a JSON Lines file outside the database, which can be copied or published.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netral.audit.heads import canonical_json, current_heads, sha256, summary
from netral.audit.keys import key_id, signing_key
from netral.audit.models import Checkpoint

FORMAT = "netral-checkpoint/1"


def log_path() -> Path:
    return Path(settings.NETRAL_AUDIT_CHECKPOINT_LOG)


def published_line(checkpoint: Checkpoint) -> dict[str, Any]:
    """What leaves the database: the signed body, its digest and signature (no heads)."""
    return {
        "body": checkpoint.body,
        "digest": checkpoint.digest,
        "signature": checkpoint.signature,
        "key_id": checkpoint.key_id,
    }


def _append_to_log(checkpoint: Checkpoint) -> None:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(published_line(checkpoint), sort_keys=True) + "\n")


def checkpoint_write() -> Checkpoint:
    """Sign every chain's head now; one row, one line in the checkpoint file.

    Serialised by locking the latest checkpoint row, so two runs cannot take one number.
    """
    key = signing_key()
    public = key.public_key()
    with transaction.atomic():
        previous = Checkpoint.objects.select_for_update().order_by("-seq").first()
        heads = current_heads()
        now = timezone.now()
        seq, signer = (previous.seq + 1) if previous else 1, key_id(public)
        body: dict[str, Any] = {
            "format": FORMAT,
            "seq": seq,
            "at": now.isoformat(),
            "previous": previous.digest if previous else "",
            "key_id": signer,
            "families": summary(heads),
        }
        text = canonical_json(body)
        checkpoint = Checkpoint(
            seq=seq,
            created_at=now,
            body=body,
            heads=heads,
            digest=sha256(text),
            signature=base64.b64encode(key.sign(text.encode())).decode("ascii"),
            key_id=signer,
        )
        checkpoint.save()
        transaction.on_commit(lambda: _append_to_log(checkpoint))
    return checkpoint


def signature_valid(line: dict[str, Any], public: Ed25519PublicKey) -> bool:
    """Whether a checkpoint (row or published line) is what the key signed."""
    text = canonical_json(line["body"])
    if sha256(text) != line["digest"]:
        return False
    try:
        public.verify(base64.b64decode(line["signature"]), text.encode())
    except (InvalidSignature, ValueError):
        return False
    return True


def published_lines(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or log_path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def latest() -> Checkpoint | None:
    result: Checkpoint | None = Checkpoint.objects.order_by("-seq").first()
    return result
