from enum import StrEnum


class EventType(StrEnum):
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    CONSENT_EXPIRED = "consent.expired"
    CONSENT_GRANTED = "consent.granted"
    CONSENT_REVOKED = "consent.revoked"
    INCIDENT_CLOSED = "incident.closed"
    INCIDENT_OPENED = "incident.opened"
    MEMBER_CREATED = "member.created"
    MEMBER_ERASED = "member.erased"
    MEMBER_UPDATED = "member.updated"
    MILESTONE_CHEERED = "milestone.cheered"
    MILESTONE_REACHED = "milestone.reached"
    NETWORK_ARCHIVED = "network.archived"
    NETWORK_CREATED = "network.created"
    NETWORK_MEMBERSHIP_ADDED = "network.membership_added"
    NETWORK_MEMBERSHIP_CHANGED = "network.membership_changed"
    NETWORK_MEMBERSHIP_REMOVED = "network.membership_removed"
    NETWORK_ORGANIZATION_DECLINED = "network.organization_declined"
    NETWORK_ORGANIZATION_INVITED = "network.organization_invited"
    NETWORK_ORGANIZATION_JOINED = "network.organization_joined"
    NETWORK_ORGANIZATION_LEFT = "network.organization_left"
    NETWORK_UPDATED = "network.updated"
    ORGANIZATION_CREATED = "organization.created"
    PLEDGE_CHECKED_IN = "pledge.checked_in"
    PLEDGE_CREATED = "pledge.created"
    PLEDGE_MISSED = "pledge.missed"
    RECOVERY_RESTARTED = "recovery.restarted"
    REFERRAL_CREATED = "referral.created"
    REFERRAL_STATUS_CHANGED = "referral.status_changed"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"

    def __str__(self) -> str:
        return str(self.value)
