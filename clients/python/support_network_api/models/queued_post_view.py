from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.post_view import PostView
    from ..models.queued_post_view_open_reports import QueuedPostViewOpenReports


T = TypeVar("T", bound="QueuedPostView")


@_attrs_define
class QueuedPostView:
    """A post or reply waiting for a moderator, with its open reports counted by reason.

    Attributes:
        open_reports (QueuedPostViewOpenReports): The post's reports no moderator has acted on yet, counted by reason.
        post (PostView): A post or reply as the caller sees it. A deleted one is a tombstone (`state: deleted`), an
            erased author's a placeholder (`state: erased`): both keep their place in the thread, with no words and no name.
    """

    open_reports: QueuedPostViewOpenReports
    post: PostView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_reports = self.open_reports.to_dict()

        post = self.post.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_reports": open_reports,
                "post": post,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.post_view import PostView  # noqa: PLC0415
        from ..models.queued_post_view_open_reports import QueuedPostViewOpenReports  # noqa: PLC0415

        d = dict(src_dict)
        open_reports = QueuedPostViewOpenReports.from_dict(d.pop("open_reports"))

        post = PostView.from_dict(d.pop("post"))

        queued_post_view = cls(
            open_reports=open_reports,
            post=post,
        )

        queued_post_view.additional_properties = d
        return queued_post_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
