"""Webhook rules: the retry schedule, the address guard, secret rotation, and signatures that
the official `standardwebhooks` package accepts."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
import standardwebhooks
from hypothesis import given
from hypothesis import strategies as st

from service.adapters.webhooks import WebhookSecretGenerator, retry_after, signature_header
from service.domain.errors import InvalidField
from service.domain.organizations import ALL_SCOPES
from service.domain.webhooks import (
    JITTER,
    RETRY_SCHEDULE,
    EndpointChanges,
    EndpointStatus,
    NewEndpoint,
    change_endpoint,
    check_addresses,
    next_retry,
    parse_networks,
    register_endpoint,
    rotate_secret,
    signing_secrets,
)

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
LOOPBACK = parse_networks("127.0.0.0/8,::1/128")


def test_the_schedule_spans_about_three_days_in_ten_attempts() -> None:
    assert len(RETRY_SCHEDULE) == 10
    assert RETRY_SCHEDULE[0] == timedelta(0)
    assert timedelta(days=3) < sum(RETRY_SCHEDULE, timedelta()) < timedelta(days=3, hours=12)


@given(st.integers(min_value=0, max_value=9), st.floats(min_value=0, max_value=0.999999))
def test_each_wait_is_the_schedule_within_the_jitter(failed: int, jitter: float) -> None:
    wait = next_retry(failed, retry_after=None, jitter=jitter)
    assert wait is not None
    base = RETRY_SCHEDULE[failed]
    assert base * (1 - JITTER) <= wait <= base * (1 + JITTER)


@given(st.integers(min_value=10, max_value=50))
def test_after_the_last_attempt_it_gives_up(failed: int) -> None:
    assert next_retry(failed, retry_after=None, jitter=0.5) is None


@given(st.integers(min_value=0, max_value=9), st.integers(min_value=0, max_value=200_000))
def test_retry_after_is_a_floor_up_to_a_day(failed: int, seconds: int) -> None:
    asked = timedelta(seconds=seconds)
    wait = next_retry(failed, retry_after=asked, jitter=0.5)
    assert wait is not None
    assert wait >= min(asked, timedelta(hours=24))
    assert wait >= RETRY_SCHEDULE[failed]


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("120", NOW) == timedelta(seconds=120)
    assert retry_after("Wed, 25 Nov 2026 12:05:00 GMT", NOW) == timedelta(minutes=5)
    assert retry_after("soon", NOW) is None
    assert retry_after("100000000000000", NOW) == timedelta(days=7)
    assert retry_after("\u00b2", NOW) is None
    assert retry_after(None, NOW) is None


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "127.0.0.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fc00::1",
        "0.0.0.0",
        "100.64.0.1",
        "::ffff:192.168.0.1",
        "224.0.0.1",
        "2002:a00:1::",
        "64:ff9b::a00:1",
        "fec0::1",
    ],
)
def test_addresses_outside_the_public_internet_are_refused(address: str) -> None:
    with pytest.raises(InvalidField):
        check_addresses("https", [address], ())


def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    with pytest.raises(InvalidField):
        check_addresses("https", ["93.184.216.34", "10.0.0.1"], ())


def test_public_addresses_need_https_and_allowed_networks_may_be_plain() -> None:
    check_addresses("https", ["93.184.216.34", "2606:2800:220:1::1"], ())
    with pytest.raises(InvalidField):
        check_addresses("http", ["93.184.216.34"], ())
    check_addresses("http", ["127.0.0.1", "::1"], LOOPBACK)
    with pytest.raises(InvalidField):
        check_addresses("https", ["10.0.0.1"], LOOPBACK)
    with pytest.raises(InvalidField):
        check_addresses("https", [], LOOPBACK)  # does not resolve
    assert LOOPBACK[0] == ipaddress.ip_network("127.0.0.0/8")


def test_a_rotated_secret_signs_alongside_the_new_one_until_the_overlap_ends() -> None:
    endpoint = register_endpoint(
        NewEndpoint(
            url="https://hooks.example/x",
            description=None,
            event_types=frozenset(),
            key_scopes=ALL_SCOPES,
        ),
        endpoint_id=UUID(int=1),
        organization_id=UUID(int=2),
        secret="whsec_old",
        now=NOW,
    )
    rotated = rotate_secret(
        endpoint, "whsec_new", overlap=timedelta(hours=24), now=NOW, key_scopes=ALL_SCOPES
    )
    assert signing_secrets(rotated, NOW + timedelta(hours=23)) == ["whsec_new", "whsec_old"]
    assert signing_secrets(rotated, NOW + timedelta(hours=24)) == ["whsec_new"]
    assert rotated.version == endpoint.version + 1


def test_re_enabling_clears_the_reason() -> None:
    endpoint = register_endpoint(
        NewEndpoint(
            url="https://hooks.example/x",
            description=None,
            event_types=frozenset(),
            key_scopes=ALL_SCOPES,
        ),
        endpoint_id=UUID(int=1),
        organization_id=UUID(int=2),
        secret="whsec_old",
        now=NOW,
    )
    off = change_endpoint(endpoint, EndpointChanges(enabled=False, key_scopes=ALL_SCOPES), NOW)
    assert off.status is EndpointStatus.DISABLED
    assert off.disabled_reason == "Disabled by the organization."
    assert off.receives == endpoint.receives  # switching it off and on keeps what it gets
    on = change_endpoint(off, EndpointChanges(enabled=True, key_scopes=ALL_SCOPES), NOW)
    assert (on.status, on.disabled_reason, on.disabled_at) == (EndpointStatus.ACTIVE, None, None)
    assert on.receives == endpoint.receives
    assert change_endpoint(on, EndpointChanges(key_scopes=ALL_SCOPES), NOW) is on


@given(st.binary(max_size=2000), st.integers(min_value=0, max_value=2**31))
def test_signatures_verify_with_the_standard_webhooks_package(body: bytes, offset: int) -> None:
    secrets = [WebhookSecretGenerator().new_secret(), WebhookSecretGenerator().new_secret()]
    payload = msgspec.json.encode({"blob": body.hex()})
    timestamp = int(NOW.timestamp())
    headers = {
        "webhook-id": f"msg_{offset}",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets, f"msg_{offset}", timestamp, payload),
    }
    for secret in secrets:
        # verify() checks the timestamp against the wall clock; sign() at our instant does not.
        signed = standardwebhooks.Webhook(secret).sign(f"msg_{offset}", NOW, payload.decode())
        assert signed in headers["webhook-signature"].split(" ")
    tampered = payload + b" "
    other = signature_header(secrets, f"msg_{offset}", timestamp, tampered)
    assert other != headers["webhook-signature"]


def test_a_fresh_delivery_passes_verify_and_a_tampered_one_does_not() -> None:
    secret = WebhookSecretGenerator().new_secret()
    body = b'{"id":"x","type":"member.created"}'
    timestamp = int(datetime.now(UTC).timestamp())
    headers = {
        "webhook-id": "evt_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header([secret], "evt_1", timestamp, body),
    }
    assert standardwebhooks.Webhook(secret).verify(body, headers) == msgspec.json.decode(body)
    with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
        standardwebhooks.Webhook(secret).verify(body + b" ", headers)


@pytest.mark.parametrize(
    ("host", "numeric"),
    [
        ("1.0x7f", True),
        ("8.8.8.010", True),
        ("example.0x", True),
        ("example.0XaB", True),
        ("example.123.", True),
        ("0x7f000001", True),
        ("hooks.example.org", False),
        ("example.0xg", False),
        ("x0.example", False),
        ("123.example.org.", False),
    ],
)
def test_a_host_that_ends_in_a_number_is_an_ipv4_form(host: str, numeric: bool) -> None:
    from service.usecases.webhooks import ends_in_a_number

    assert ends_in_a_number(host) is numeric
