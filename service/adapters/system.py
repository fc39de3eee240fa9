"""The real clock, id source and token source."""

from __future__ import annotations

import os
import secrets
import time
from datetime import UTC, datetime
from uuid import UUID


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class UuidV7Source:
    """RFC 9562 UUIDv7: 48-bit millisecond timestamp then random bits, so ids sort by creation
    time and keyset pages follow the order in which rows were made."""

    def new_id(self) -> UUID:
        return uuid7(time.time_ns() // 1_000_000)


def uuid7(millis: int) -> UUID:
    """A UUIDv7 for the instant `millis` (milliseconds since the epoch), random otherwise."""
    random_bits = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (random_bits >> 68) << 64 & (0xFFF << 64)  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= random_bits & ((1 << 62) - 1)  # rand_b, 62 bits
    return UUID(int=value)


class SecretTokenSource:
    def new_token(self, prefix: str) -> str:
        return prefix + secrets.token_urlsafe(32)
