"""The Standard Webhooks signature check, with nothing beyond the standard library."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """The delivery is not one the service signed with this secret, or it is too old."""


def verify_webhook(
    secret: str,
    body: bytes | str,
    headers: Mapping[str, str],
    *,
    now: datetime | None = None,
    tolerance_seconds: int = TOLERANCE_SECONDS,
) -> dict[str, Any]:
    """Check a delivery and return its event. The HMAC-SHA256 of `<id>.<timestamp>.<body>`
    under the secret (after `whsec_`, base64) must be one of the `v1,` signatures, compared in
    constant time, and the timestamp within `tolerance_seconds` of `now`. Pass the body exactly
    as received, before any JSON parsing."""
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        webhook_id = lowered["webhook-id"]
        timestamp = lowered["webhook-timestamp"]
        signatures = lowered["webhook-signature"]
    except KeyError as missing:
        raise WebhookVerificationError(f"missing {missing.args[0]}") from None
    moment = (now or datetime.now(UTC)).timestamp()
    digits = timestamp.isascii() and timestamp.isdigit()
    if not digits or abs(moment - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("timestamp too far from now")
    raw = body.encode() if isinstance(body, str) else body
    try:
        key = base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except ValueError:
        raise WebhookVerificationError("the secret is not whsec_ and base64") from None
    signed = f"{webhook_id}.{timestamp}.".encode() + raw
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    # Bytes, so that a signature with characters beyond ASCII is refused, not a TypeError.
    given = [part[3:].encode() for part in signatures.split(" ") if part.startswith("v1,")]
    if not any(hmac.compare_digest(expected, signature) for signature in given):
        raise WebhookVerificationError("no signature matches")
    event: dict[str, Any] = json.loads(raw)
    return event
