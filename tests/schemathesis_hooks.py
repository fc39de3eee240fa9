"""What schemathesis generates for the formats this contract names beyond JSON Schema's: an
IANA time zone (`format: iana-time-zone`) is one the server knows, so that creating a member
succeeds and the stateful phase can follow the links from it."""

from __future__ import annotations

from zoneinfo import available_timezones

import schemathesis
from hypothesis import strategies as st

schemathesis.openapi.format("iana-time-zone", st.sampled_from(sorted(available_timezones())))
