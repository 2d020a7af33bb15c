"""``python -m generator.schemas``: write annotations.schema.json from its parts."""

import sys

from generator.kinds._shortcomings import broken_fragments
from generator.schemas import COMPOSED, text

if broken := broken_fragments():
    sys.exit("\n".join(str(problem) for problem in broken))
COMPOSED.write_text(text(), encoding="utf-8")
print(f"wrote {COMPOSED.relative_to(COMPOSED.parent.parent.parent)}")
