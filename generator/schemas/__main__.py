"""``python -m generator.schemas``: write annotations.schema.json from its parts."""

import sys

from generator.schemas import COMPOSED, refused_fragments, text

if refused := refused_fragments():
    sys.exit("\n".join(f"{path}: {error}" for path, error in refused))
COMPOSED.write_text(text(), encoding="utf-8")
print(f"wrote {COMPOSED.relative_to(COMPOSED.parent.parent.parent)}")
