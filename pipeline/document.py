"""The in-memory document every extractor works on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .models import Block


@dataclass
class Document:
    """Normalized text (what every span refers to) plus its layout blocks.

    `source_offsets`, when a reader provides it, maps each normalized-text
    offset back to an offset in the source text it was read from.
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    format: str = "txt"
    encoding: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    source_offsets: Optional[list[int]] = None
    cache: dict[str, Any] = field(default_factory=dict)

    def block_at(self, offset: int) -> Optional[Block]:
        for block in self.blocks:
            if block.span[0] <= offset < block.span[1]:
                return block
        return None
