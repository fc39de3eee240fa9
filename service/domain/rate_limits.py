"""Rate limits per API key: a quota of requests per fixed window of time.

Windows are aligned on the epoch, so every worker (and every machine) agrees on which window a
request falls in without asking anyone."""

from __future__ import annotations

import msgspec


class RateLimitPolicy(msgspec.Struct, frozen=True, kw_only=True):
    quota: int  # requests per window (the HTTP layer skips limiting altogether at 0)
    window_seconds: int


class Decision(msgspec.Struct, frozen=True, kw_only=True):
    allowed: bool
    remaining: int  # after this request
    reset_seconds: int  # until the window ends


def window_start(policy: RateLimitPolicy, now_epoch: float) -> int:
    """The epoch second at which the window holding `now_epoch` began."""
    return int(now_epoch) // policy.window_seconds * policy.window_seconds


def decide(policy: RateLimitPolicy, used: int, now_epoch: float) -> Decision:
    """Whether one more request fits, given the `used` requests already counted in this
    window (by every worker, as far as this one knows)."""
    reset = window_start(policy, now_epoch) + policy.window_seconds - int(now_epoch)
    if used >= policy.quota:
        return Decision(allowed=False, remaining=0, reset_seconds=max(reset, 1))
    return Decision(allowed=True, remaining=policy.quota - used - 1, reset_seconds=reset)
