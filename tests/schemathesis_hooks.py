"""What schemathesis generates for some formats the contract names: an
IANA time zone (`format: iana-time-zone`) is one the server knows, so that creating a member
succeeds and the stateful phase can follow the links from it."""

from __future__ import annotations

from zoneinfo import available_timezones

import schemathesis
from hypothesis import strategies as st

schemathesis.openapi.format("iana-time-zone", st.sampled_from(sorted(available_timezones())))

# A webhook endpoint's URL (`format: uri`) on loopback, which the tests' service allows, with
# nothing listening: creating one succeeds, and the stateful phase follows its links (its
# deliveries, a secret rotation). A delivery finds the port closed and is retried, harmlessly.
schemathesis.openapi.format(
    "uri",
    st.builds(
        "http://127.0.0.1:9/{}".format,
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=20),
    ),
)
