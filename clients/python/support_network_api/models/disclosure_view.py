from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.data_scope import DataScope

T = TypeVar("T", bound="DisclosureView")


@_attrs_define
class DisclosureView:
    """
    Attributes:
        channel (Channel): How the data went: an API read, the events feed, a webhook delivery.
        client_request_id (None | str): The recipient's own `X-Request-ID`, if it sent one.
        consent_ids (list[UUID]): The consents the disclosure rested on.
        disclosed (str): What went, in words a member can read.
        disclosed_at (datetime.datetime): When it left.
        id (UUID): The record's id. The accounting lists records in the order they were written.
        intermediary_name (None | str): That intermediary's name, as it is now.
        intermediary_organization_id (None | UUID): The intermediary the data reached the recipient through, if any.
        key_id (None | UUID): The API key that read (null for webhook deliveries and older records).
        member_id (UUID):
        operation (str): The operation that disclosed it: the contract's operationId (`getMember`, `listEvents` ...) or
            `webhookDelivery`.
        purposes (list[str]): The purposes of the consents it rested on, in words.
        recipient_address (None | str): The recipient's address, if it gave one.
        recipient_name (None | str): The recipient's name at the time.
        recipient_organization_id (UUID): The organization that receives (or received) the data.
        request_id (str): This service's own id of the request that read it (quote it to the operator); for a webhook
            delivery, the delivery's id.
        scopes (list[DataScope]): The scopes of the data this disclosure returned; empty for a referral's person and
            reason.
    """

    channel: Channel
    client_request_id: None | str
    consent_ids: list[UUID]
    disclosed: str
    disclosed_at: datetime.datetime
    id: UUID
    intermediary_name: None | str
    intermediary_organization_id: None | UUID
    key_id: None | UUID
    member_id: UUID
    operation: str
    purposes: list[str]
    recipient_address: None | str
    recipient_name: None | str
    recipient_organization_id: UUID
    request_id: str
    scopes: list[DataScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        client_request_id: None | str
        client_request_id = self.client_request_id

        consent_ids = []
        for consent_ids_item_data in self.consent_ids:
            consent_ids_item = str(consent_ids_item_data)
            consent_ids.append(consent_ids_item)

        disclosed = self.disclosed

        disclosed_at = self.disclosed_at.isoformat()

        id = str(self.id)

        intermediary_name: None | str
        intermediary_name = self.intermediary_name

        intermediary_organization_id: None | str
        if isinstance(self.intermediary_organization_id, UUID):
            intermediary_organization_id = str(self.intermediary_organization_id)
        else:
            intermediary_organization_id = self.intermediary_organization_id

        key_id: None | str
        if isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        member_id = str(self.member_id)

        operation = self.operation

        purposes = self.purposes

        recipient_address: None | str
        recipient_address = self.recipient_address

        recipient_name: None | str
        recipient_name = self.recipient_name

        recipient_organization_id = str(self.recipient_organization_id)

        request_id = self.request_id

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "client_request_id": client_request_id,
                "consent_ids": consent_ids,
                "disclosed": disclosed,
                "disclosed_at": disclosed_at,
                "id": id,
                "intermediary_name": intermediary_name,
                "intermediary_organization_id": intermediary_organization_id,
                "key_id": key_id,
                "member_id": member_id,
                "operation": operation,
                "purposes": purposes,
                "recipient_address": recipient_address,
                "recipient_name": recipient_name,
                "recipient_organization_id": recipient_organization_id,
                "request_id": request_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        def _parse_client_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_request_id = _parse_client_request_id(d.pop("client_request_id"))

        consent_ids = []
        _consent_ids = d.pop("consent_ids")
        for consent_ids_item_data in _consent_ids:
            consent_ids_item = UUID(consent_ids_item_data)

            consent_ids.append(consent_ids_item)

        disclosed = d.pop("disclosed")

        disclosed_at = datetime.datetime.fromisoformat(d.pop("disclosed_at"))

        id = UUID(d.pop("id"))

        def _parse_intermediary_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        intermediary_name = _parse_intermediary_name(d.pop("intermediary_name"))

        def _parse_intermediary_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                intermediary_organization_id_type_0 = UUID(data)

                return intermediary_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        intermediary_organization_id = _parse_intermediary_organization_id(
            d.pop("intermediary_organization_id")
        )

        def _parse_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        key_id = _parse_key_id(d.pop("key_id"))

        member_id = UUID(d.pop("member_id"))

        operation = d.pop("operation")

        purposes = cast(list[str], d.pop("purposes"))

        def _parse_recipient_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_address = _parse_recipient_address(d.pop("recipient_address"))

        def _parse_recipient_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_name = _parse_recipient_name(d.pop("recipient_name"))

        recipient_organization_id = UUID(d.pop("recipient_organization_id"))

        request_id = d.pop("request_id")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = DataScope(scopes_item_data)

            scopes.append(scopes_item)

        disclosure_view = cls(
            channel=channel,
            client_request_id=client_request_id,
            consent_ids=consent_ids,
            disclosed=disclosed,
            disclosed_at=disclosed_at,
            id=id,
            intermediary_name=intermediary_name,
            intermediary_organization_id=intermediary_organization_id,
            key_id=key_id,
            member_id=member_id,
            operation=operation,
            purposes=purposes,
            recipient_address=recipient_address,
            recipient_name=recipient_name,
            recipient_organization_id=recipient_organization_id,
            request_id=request_id,
            scopes=scopes,
        )

        disclosure_view.additional_properties = d
        return disclosure_view

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
