"""The home organizations a process remembers, to send another organization's read of a member
straight to the consent statement: bounded, oldest forgotten first."""

from uuid import uuid4

from service.adapters.postgres.federation_queries import MemberHomes


def test_a_learned_home_is_remembered_and_an_unknown_member_has_none() -> None:
    homes = MemberHomes(capacity=3)
    member, organization = uuid4(), uuid4()
    homes.learn(member, organization)
    assert homes.of(member) == organization
    assert homes.of(uuid4()) is None


def test_past_its_capacity_the_oldest_learned_is_forgotten_first() -> None:
    homes = MemberHomes(capacity=3)
    organization = uuid4()
    members = [uuid4() for _ in range(5)]
    for member in members:
        homes.learn(member, organization)
    assert [homes.of(m) for m in members] == [None, None, organization, organization, organization]


def test_members_of_one_organization_share_one_object_for_it() -> None:
    homes = MemberHomes(capacity=10)
    organization = uuid4()
    first, second = uuid4(), uuid4()
    homes.learn(first, organization)
    homes.learn(second, type(organization)(str(organization)))  # equal, another object
    assert homes.of(first) is homes.of(second)
