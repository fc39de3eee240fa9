from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomMilestoneCreate")


@_attrs_define
class CustomMilestoneCreate:
    """
    Attributes:
        achieved_on (datetime.date): The day it was achieved, as the member tells it.
        title (str):
    """

    achieved_on: datetime.date
    title: str

    def to_dict(self) -> dict[str, Any]:
        achieved_on = self.achieved_on.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "achieved_on": achieved_on,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achieved_on = datetime.date.fromisoformat(d.pop("achieved_on"))

        title = d.pop("title")

        custom_milestone_create = cls(
            achieved_on=achieved_on,
            title=title,
        )

        return custom_milestone_create
