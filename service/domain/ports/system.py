"""Ports: Clocks, ids, secrets and names: what the domain takes from the world."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class IdSource(Protocol):
    def new_id(self) -> UUID:
        """A new unique id; time-ordered, so that keyset paging follows creation order."""
        ...


class TokenSource(Protocol):
    def new_token(self, prefix: str) -> str:
        """A new high-entropy secret token starting with `prefix`."""
        ...


class AddressResolver(Protocol):
    async def addresses(self, host: str) -> list[str]:
        """The IP addresses a host name resolves to, in the order to try them (empty if it does
        not resolve)."""
        ...


class WebhookSecretSource(Protocol):
    def new_secret(self) -> str:
        """A new signing secret in the Standard Webhooks form, `whsec_` + base64."""
        ...
