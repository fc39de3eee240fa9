"""OpenAPI links between operations: how what one answer names feeds the next request (a
created member's id into its reads and writes, an ETag into If-Match). Generated clients and
test tools (schemathesis' stateful phase) follow them from one operation to the next."""

from __future__ import annotations

from litestar.openapi.spec import Link, OpenAPI, OpenAPIResponse

# (operation, status) -> what its answer names -> the operations that take it.
# Some links carry a request body too (BODIES): a created member as the focus of a new circle,
# a created key as the one an incident says was compromised, a ladder read as the one written.
_ID = "$response.body#/id"
_ETAG = "$response.header.ETag"

_MEMBER = {"path.member_id": _ID}
_MEMBER_OPERATIONS = (
    "getMember",
    "updateMember",
    "eraseMember",
    "listMemberConsents",
    "grantConsent",
    "listMemberDisclosures",
    "printMemberAccounting",
    "endMemberTreatment",
    "getRecovery",
    "restartRecovery",
    "getMilestones",
    "addCustomMilestone",
    "listMemberPledges",
    "createPledge",
    "listAccountingRequests",
    "recordAccountingRequest",
    "listRestrictions",
    "requestRestriction",
    "listMemberPosts",
    "openReachOut",
    "getMemberAttendance",
)
_NETWORK = {"path.network_id": _ID}
_NETWORK_OPERATIONS = (
    "getNetwork",
    "listNetworkOrganizations",
    "inviteNetworkOrganization",
    "leaveNetwork",
    "listNetworkMemberships",
    "addNetworkMembership",
    "listPosts",
    "listAdvice",
    "getModerationQueue",
    "getModerationLog",
    "scheduleMeeting",
    "listMeetings",
)
_POST = {"path.post_id": _ID}
_POST_OPERATIONS = ("getPost", "listReplies", "reportPost", "moderatePost", "listPostRevisions")
# A member's marks: the author's own, on their own post.
_POST_AND_AUTHOR = {"path.post_id": _ID, "path.member_id": "$response.body#/author_member_id"}
_ENDPOINT = {"path.endpoint_id": "$response.body#/endpoint/id"}
_ENDPOINT_OPERATIONS = (
    "getWebhookEndpoint",
    "updateWebhookEndpoint",
    "deleteWebhookEndpoint",
    "listWebhookDeliveries",
    "rotateWebhookSecret",
)

LINKS: dict[tuple[str, str], dict[str, tuple[str, dict[str, str]]]] = {
    ("createMember", "201"): {
        **{op: (op, _MEMBER) for op in _MEMBER_OPERATIONS},
        "createNetwork": ("createNetwork", {}),
        "createReferral": ("createReferral", {}),
    },
    ("getMilestoneLadder", "200"): {"replaceMilestoneLadder": ("replaceMilestoneLadder", {})},
    ("scheduleMeeting", "201"): {
        "getMeeting": ("getMeeting", {"path.meeting_id": _ID}),
        "cancelMeetingOccurrence": ("cancelMeetingOccurrence", {"path.meeting_id": _ID}),
    },
    ("getDisengagementThresholds", "200"): {
        "replaceDisengagementThresholds": ("replaceDisengagementThresholds", {}),
    },
    ("getReachOutSettings", "200"): {
        "replaceReachOutSettings": ("replaceReachOutSettings", {}),
    },
    ("openReachOut", "201"): {
        "getReachOut": ("getReachOut", {"path.reach_out_id": _ID}),
        "respondToReachOut": ("respondToReachOut", {"path.reach_out_id": _ID}),
        "closeReachOut": ("closeReachOut", {"path.reach_out_id": _ID}),
    },
    ("getCrisisPhrases", "200"): {
        "replaceCrisisPhrases": ("replaceCrisisPhrases", {}),
        "restoreDefaultCrisisPhrases": ("restoreDefaultCrisisPhrases", {}),
    },
    ("createNetwork", "201"): {
        **{op: (op, _NETWORK) for op in _NETWORK_OPERATIONS},
        "updateNetwork": ("updateNetwork", {**_NETWORK, "header.If-Match": _ETAG}),
        "archiveNetwork": ("archiveNetwork", {**_NETWORK, "header.If-Match": _ETAG}),
        "createPost": ("createPost", _NETWORK),
    },
    ("createPost", "201"): {
        **{op: (op, _POST) for op in _POST_OPERATIONS},
        "replyToPost": ("replyToPost", _POST),
        "updatePost": ("updatePost", {**_POST, "header.If-Match": _ETAG}),
        "deletePost": ("deletePost", {**_POST, "header.If-Match": _ETAG}),
        **{
            op: (op, _POST_AND_AUTHOR)
            for op in ("addReaction", "removeReaction", "markHelpful", "unmarkHelpful")
        },
    },
    ("addNetworkMembership", "201"): {
        "updateNetworkMembership": (
            "updateNetworkMembership",
            {
                "path.network_id": "$response.body#/network_id",
                "path.membership_id": _ID,
                "header.If-Match": _ETAG,
            },
        )
    },
    ("grantConsent", "201"): {
        "getConsent": ("getConsent", {"path.consent_id": _ID}),
        "revokeConsent": ("revokeConsent", {"path.consent_id": _ID}),
    },
    ("createPledge", "201"): {
        "updatePledge": ("updatePledge", {"path.pledge_id": _ID, "header.If-Match": _ETAG}),
        "recordCheckIn": ("recordCheckIn", {"path.pledge_id": _ID}),
    },
    ("addCustomMilestone", "201"): {
        "cheerMilestone": (
            "cheerMilestone",
            {
                "path.member_id": "$request.path.member_id",
                "path.milestone_key": "$response.body#/key",
            },
        )
    },
    ("createReferral", "201"): {
        "getReferral": ("getReferral", {"path.referral_id": _ID}),
        "getReferralHistory": ("getReferralHistory", {"path.referral_id": _ID}),
        "transitionReferral": (
            "transitionReferral",
            {"path.referral_id": _ID, "header.If-Match": _ETAG},
        ),
    },
    ("createWebhookEndpoint", "201"): {op: (op, _ENDPOINT) for op in _ENDPOINT_OPERATIONS},
    ("createApiKey", "201"): {
        "getApiKey": ("getApiKey", {"path.key_id": "$response.body#/key/id"}),
        "revokeApiKey": ("revokeApiKey", {"path.key_id": "$response.body#/key/id"}),
        # The key's organization: the caller's own, which it may read.
        "getOrganization": (
            "getOrganization",
            {"path.organization_id": "$response.body#/key/organization_id"},
        ),
        "listIntermediaryParticipants": (
            "listIntermediaryParticipants",
            {"path.organization_id": "$response.body#/key/organization_id"},
        ),
        "openIncident": ("openIncident", {}),
    },
    ("openIncident", "201"): {
        "getIncident": ("getIncident", {"path.incident_id": _ID}),
        "closeIncident": ("closeIncident", {"path.incident_id": _ID}),
        "listIncidentDisclosures": ("listIncidentDisclosures", {"path.incident_id": _ID}),
    },
    ("recordAccountingRequest", "201"): {
        "answerAccountingRequest": ("answerAccountingRequest", {"path.request_id": _ID}),
    },
    ("requestRestriction", "201"): {
        "decideRestriction": ("decideRestriction", {"path.restriction_id": _ID}),
        "endRestriction": ("endRestriction", {"path.restriction_id": _ID}),
    },
    ("createOrganization", "201"): {
        **{
            op: (op, {"path.organization_id": "$response.body#/organization/id"})
            for op in (
                "getOrganization",
                "listIntermediaryParticipants",
                "addIntermediaryParticipant",
            )
        },
    },
    ("addIntermediaryParticipant", "200"): {
        "endIntermediaryParticipation": (
            "endIntermediaryParticipation",
            {
                "path.organization_id": "$request.path.organization_id",
                "path.participant_id": "$request.path.participant_id",
            },
        ),
    },
}


# (operation, status, link name) -> the part of the request body the link gives: the fields
# that come from the answer (and what they need beside them, as a circle's kind). The rest of
# the body is the caller's to write: schemathesis merges the two; a tool that replaces the
# whole body with a link's requestBody would send these alone, which the server refuses.
BODIES: dict[tuple[str, str, str], object] = {
    ("createMember", "201", "createNetwork"): {"kind": "circle", "focus_member_id": _ID},
    ("createMember", "201", "createReferral"): {"member_id": _ID},
    # The circle's focus member takes part in it: the author of its first post.
    ("createNetwork", "201", "createPost"): {"author_member_id": "$response.body#/focus_member_id"},
    ("createPost", "201", "replyToPost"): {"author_member_id": "$response.body#/author_member_id"},
    ("createApiKey", "201", "openIncident"): {
        "kind": "compromised_key",
        "key_id": "$response.body#/key/id",
    },
    ("getMilestoneLadder", "200", "replaceMilestoneLadder"): "$response.body",
    ("getCrisisPhrases", "200", "replaceCrisisPhrases"): {"phrases": "$response.body#/phrases"},
    ("getReachOutSettings", "200", "replaceReachOutSettings"): {
        "escalate_now_after_seconds": "$response.body#/escalate_now_after_seconds",
        "escalate_today_after_seconds": "$response.body#/escalate_today_after_seconds",
    },
}


def document_links(schema: OpenAPI) -> None:
    """Put each link on the answer it starts from."""
    by_operation = {}
    for item in (schema.paths or {}).values():
        for operation in (item.get, item.put, item.post, item.patch, item.delete):
            if operation is not None and operation.operation_id:
                by_operation[operation.operation_id] = operation
    for (operation_id, status), links in LINKS.items():
        operation = by_operation[operation_id]
        response = (operation.responses or {})[status]
        if not isinstance(response, OpenAPIResponse):
            continue
        response.links = {
            name: Link(
                operation_id=target,
                parameters=dict(parameters) or None,
                request_body=BODIES.get((operation_id, status, name)),
            )
            for name, (target, parameters) in links.items()
        }
        for target, _ in links.values():
            if target not in by_operation:
                raise ValueError(f"{operation_id} links to unknown operation {target}")
