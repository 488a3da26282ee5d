"""The in-memory document every extractor works on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional


class TextBlock(NamedTuple):
    """A layout block of the text, with the fields of models.Block: a tuple, as one is made for
    every line (the record's blocks are made from these only when it includes the text)."""

    kind: str  # a models.BlockKind
    span: tuple[int, int]
    page: Optional[int] = None


@dataclass
class Document:
    """Normalized text (what every span refers to) plus its layout blocks.

    `source_offsets`, when a reader provides it, maps each normalized-text
    offset back to an offset in the source text it was read from.
    """

    text: str
    blocks: list[TextBlock] = field(default_factory=list)
    format: str = "txt"
    encoding: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    source_offsets: Optional[list[int]] = None
    cache: dict[str, Any] = field(default_factory=dict)

    def block_at(self, offset: int) -> Optional[TextBlock]:
        for block in self.blocks:
            if block.span[0] <= offset < block.span[1]:
                return block
        return None
