"""``python -m generator.schemas``: write annotations.schema.json from its parts."""

from generator.schemas import COMPOSED, text

COMPOSED.write_text(text(), encoding="utf-8")
print(f"wrote {COMPOSED.relative_to(COMPOSED.parent.parent.parent)}")
