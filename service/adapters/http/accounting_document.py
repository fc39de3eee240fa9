"""The accounting of disclosures as a document to print and hand to the member (42 CFR 2.24,
2.25): GET /v1/members/{id}/disclosures/document. Plain HTML with its own print styles; nothing
is fetched from anywhere, and every value is escaped."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from litestar import MediaType, get

from service.adapters.http.consents import MemberId, Since, Until
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.schemas import parse_instant
from service.domain.accounting import Channel, Disclosure, channel_of, disclosed_in_words
from service.domain.organizations import Scope
from service.usecases.accounting_requests import MAX_ENTRIES, Accounting, accounting_of

_CHANNELS = {
    Channel.API: "read through the API",
    Channel.EVENT_FEED: "events feed",
    Channel.WEBHOOK: "webhook",
}

_STYLE = """
body { font: 11pt/1.4 Georgia, serif; margin: 2em; color: #111; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
.note { font-size: 9.5pt; margin-top: 1.5em; }
@media print {
  body { margin: 0; } tr { break-inside: avoid; } thead { display: table-header-group; }
}
"""


def _when(moment: datetime) -> str:
    return escape(moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))


def _row(entry: Disclosure) -> str:
    recipient = entry.recipient_name or "an organization since removed"
    purposes = "; ".join(entry.purposes) or "as the consent states"
    consents = ", ".join(str(c) for c in entry.consent_ids) or "none (a referral the member made)"
    to = [escape(recipient)]
    if entry.recipient_address:
        to.append(escape(entry.recipient_address))
    if entry.intermediary_organization_id is not None:
        to.append("through " + escape(entry.intermediary_name or "an intermediary since removed"))
    to.append(f"<small>{escape(str(entry.recipient_organization_id))}</small>")
    cells = (
        _when(entry.disclosed_at),
        "<br>".join(to),
        escape(purposes),
        escape(disclosed_in_words(entry)),
        escape(_CHANNELS[channel_of(entry.operation)]),
        f"<small>{escape(consents)}</small>",
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def accounting_html(accounting: Accounting) -> str:
    """The document: who the accounting is for and from, its period, one row per disclosure."""
    rows = "\n".join(_row(entry) for entry in accounting.entries) or (
        '<tr><td colspan="6">Nothing about you went to another organization in this period.'
        "</td></tr>"
    )
    cut = (
        ""
        if accounting.complete
        else f"<p><strong>The first {MAX_ENTRIES} disclosures only: ask for a shorter period to "
        "see the rest.</strong></p>"
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Accounting of disclosures</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Accounting of disclosures</h1>
<p>For the person known to {escape(accounting.organization_name)} as member
<code>{escape(str(accounting.member_id))}</code>, from {_when(accounting.since)} to
{_when(accounting.until)}. Produced {_when(accounting.produced_at)}.</p>
{cut}
<table>
<thead><tr><th>When</th><th>To whom</th><th>Purpose</th><th>What was disclosed</th>
<th>How</th><th>Under consent</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p class="note">Each row is a time your records went to another organization through the
Support Network service, under the consent named. It lists what this service disclosed; what
{escape(accounting.organization_name)} disclosed in other ways is not in it. You may ask for an
accounting of the last three years once a year at no cost (42 CFR 2.24, 2.25).</p>
</body>
</html>
"""


class AccountingDocumentController(ApiController):
    path = "/v1/members/{member_id:uuid}/disclosures/document"
    tags = ["consents"]

    @operation(
        get, "printMemberAccounting", Scope.CONSENTS_READ, errors=(422,), media_type=MediaType.HTML
    )
    async def document(
        self, request: HttpRequest, member_id: MemberId, since: Since = None, until: Until = None
    ) -> str:
        """The accounting of disclosures as a document to print for the member (HTML)

        The same entries as `listMemberDisclosures`, for one period (default: the three years
        before now), whole (up to 5,000 entries), in words a member can read: when, to whom,
        for what purpose, what was disclosed, how, under which consent. Home organization only;
        also after the member's erasure."""
        act = acting(request)
        accounting = await accounting_of(
            act.organization_id,
            member_id,
            parse_instant("since", since),
            parse_instant("until", until),
            act.uow(),
            act.services.members,
            act.services.federation,
        )
        return accounting_html(accounting)
