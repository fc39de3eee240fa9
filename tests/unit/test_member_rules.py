"""Member rules in the domain: pure functions, time passed in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField, MemberErased, Precondition, StaleVersion
from service.domain.members import (
    Contact,
    Member,
    MemberChanges,
    NewMember,
    apply_changes,
    erase,
    known_timezones,
    register_member,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ORG = UUID(int=1)


def _member(**fields: object) -> Member:
    new = NewMember(display_name="Sam", timezone="Europe/London")
    member = register_member(new, member_id=UUID(int=7), organization_id=ORG, now=NOW)
    return msgspec.structs.replace(member, **fields)


def test_register_member_starts_at_version_one() -> None:
    member = register_member(
        NewMember(
            display_name="Sam",
            timezone="America/New_York",
            external_ref="p-1",
            recovery_started_on=date(2026, 1, 1),
            contact=Contact(email="s@example.org"),
        ),
        member_id=UUID(int=7),
        organization_id=ORG,
        now=NOW,
    )
    assert member.version == 1
    assert member.created_at == member.updated_at == NOW
    assert member.contact == Contact(email="s@example.org")
    assert not member.is_erased


@pytest.mark.parametrize("zone", ["Mars/Olympus", "europe/london", "", "EST5EDT ", "../etc"])
def test_unknown_zone_is_refused_naming_the_field(zone: str) -> None:
    with pytest.raises(InvalidField) as error:
        register_member(
            NewMember(display_name="Sam", timezone=zone),
            member_id=UUID(int=1),
            organization_id=ORG,
            now=NOW,
        )
    assert error.value.field == "timezone"


def test_zones_from_both_hemispheres_and_the_date_line_are_known() -> None:
    assert {"Europe/London", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"} <= (
        known_timezones()
    )


def test_recovery_start_far_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidField) as error:
        register_member(
            NewMember(display_name="S", timezone="UTC", recovery_started_on=date(2026, 11, 28)),
            member_id=UUID(int=1),
            organization_id=ORG,
            now=NOW,
        )
    assert error.value.field == "recovery_started_on"
    # Tomorrow is fine: somewhere it already is tomorrow.
    register_member(
        NewMember(
            display_name="S", timezone="Pacific/Kiritimati", recovery_started_on=date(2026, 11, 26)
        ),
        member_id=UUID(int=1),
        organization_id=ORG,
        now=NOW,
    )


def test_empty_contact_is_stored_as_none() -> None:
    member = register_member(
        NewMember(display_name="S", timezone="UTC", contact=Contact()),
        member_id=UUID(int=1),
        organization_id=ORG,
        now=NOW,
    )
    assert member.contact is None


def test_changes_report_only_fields_that_really_changed() -> None:
    member = _member(external_ref="a")
    later = NOW + timedelta(minutes=5)
    updated, changed = apply_changes(
        member,
        MemberChanges(display_name="Sam", external_ref="b", recovery_started_on=None),
        expected_version=Precondition.version(1),
        now=later,
    )
    assert changed == ["external_ref"]
    assert updated.version == 2
    assert updated.updated_at == later
    assert updated.created_at == NOW


def test_stale_version_is_refused() -> None:
    with pytest.raises(StaleVersion) as error:
        apply_changes(
            _member(version=3),
            MemberChanges(display_name="X"),
            expected_version=Precondition.version(2),
            now=NOW,
        )
    assert error.value.current == 3


def test_an_erased_member_cannot_change() -> None:
    erased = erase(_member(), expected_version=None, now=NOW)
    with pytest.raises(MemberErased):
        apply_changes(erased, MemberChanges(display_name="Back"), expected_version=None, now=NOW)


def test_erase_removes_every_personal_field() -> None:
    member = _member(
        external_ref="p", recovery_started_on=date(2026, 1, 1), contact=Contact(phone="+1 555")
    )
    erased = erase(member, expected_version=Precondition.version(1), now=NOW)
    assert erased.is_erased
    assert (erased.display_name, erased.timezone, erased.external_ref) == (None, None, None)
    assert (erased.recovery_started_on, erased.contact) == (None, None)
    assert (erased.id, erased.organization_id) == (member.id, member.organization_id)
    assert erased.version == 2


names = st.text(min_size=1, max_size=20)
optional_dates = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 25))


@given(
    display_name=st.just(msgspec.UNSET) | names,
    external_ref=st.just(msgspec.UNSET) | st.none() | names,
    recovery=st.just(msgspec.UNSET) | optional_dates,
    version=st.integers(min_value=1, max_value=1000),
)
def test_version_moves_exactly_when_something_changes(
    display_name: str, external_ref: str | None, recovery: date | None, version: int
) -> None:
    member = _member(version=version)
    changes = MemberChanges(
        display_name=display_name, external_ref=external_ref, recovery_started_on=recovery
    )
    updated, changed = apply_changes(
        member, changes, expected_version=Precondition.version(version), now=NOW
    )
    assert (updated.version == version + 1) == bool(changed)
    for field in MemberChanges.__struct_fields__:
        value = getattr(changes, field)
        if field in changed:
            assert getattr(updated, field) == value
        else:
            assert getattr(updated, field) == getattr(member, field)
    # Applying the same changes again is a no-op.
    again, changed_again = apply_changes(updated, changes, expected_version=None, now=NOW)
    assert changed_again == []
    assert again == updated


@given(current=st.integers(1, 50), expected=st.integers(1, 50))
def test_if_match_passes_only_for_the_current_version(current: int, expected: int) -> None:
    member = _member(version=current)
    if current == expected:
        apply_changes(
            member,
            MemberChanges(display_name="N"),
            expected_version=Precondition.version(expected),
            now=NOW,
        )
    else:
        with pytest.raises(StaleVersion):
            apply_changes(
                member,
                MemberChanges(display_name="N"),
                expected_version=Precondition.version(expected),
                now=NOW,
            )
