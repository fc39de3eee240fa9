"""Rules every free text written on a member's behalf follows."""

from __future__ import annotations

import re

# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F:
# one search over the text, not a lookup per character.
CONTROL_CHARACTERS = re.compile("[\\x00-\\x1f\\x7f-\\x9f]")
CONTROL_CHARACTERS_BUT_LINE_BREAKS = re.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]")
