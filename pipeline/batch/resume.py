"""Resume a batch from its own output file.

A document is done when the output holds a record with the same source path
and the same sha256: an edited file is redone (its old record is dropped at the
end of the run), an identical copy under another name still gets its own record.
Records are appended one whole line per write, so a SIGKILL can at worst leave
one torn last line; `repair_tail` cuts it off before anything is appended.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

Key = tuple[str, Optional[str]]


@dataclass
class DoneRecords:
    by_path: dict[str, set[Optional[str]]] = field(default_factory=dict)
    unreadable_lines: int = 0

    def add(self, path: str, sha256: Optional[str]) -> None:
        self.by_path.setdefault(path, set()).add(sha256)

    def __len__(self) -> int:
        return sum(len(shas) for shas in self.by_path.values())

    def has_path(self, path: str) -> bool:
        return path in self.by_path

    def has(self, path: str, sha256: Optional[str]) -> bool:
        return sha256 in self.by_path.get(path, ())

    def stale_for(self, path: str, sha256: Optional[str]) -> set[Key]:
        """Records of `path` with another content: superseded once the new record is written."""
        return {(path, old) for old in self.by_path.get(path, ()) if old != sha256}


def repair_tail(output: Path) -> int:
    """Cut a torn last line (no trailing newline); returns the number of bytes removed."""
    with open(output, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        end = _last_newline_end(fh, size)
        fh.truncate(end)
        fh.flush()
        os.fsync(fh.fileno())
        return size - end


def _last_newline_end(fh, size: int, chunk: int = 1 << 16) -> int:
    pos = size
    while pos > 0:
        start = max(0, pos - chunk)
        fh.seek(start)
        block = fh.read(pos - start)
        idx = block.rfind(b"\n")
        if idx >= 0:
            return start + idx + 1
        pos = start
    return 0


def record_key(line: bytes | str) -> Optional[Key]:
    try:
        record = json.loads(line)
        source = record["source"]
        return source["path"], source.get("sha256")
    except (ValueError, KeyError, TypeError):
        return None


def load_done(output: Path) -> DoneRecords:
    """Repair the tail of an existing output file, then read the keys of its records."""
    done = DoneRecords()
    if not output.exists():
        return done
    repair_tail(output)
    with open(output, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            key = record_key(line)
            if key is None:
                done.unreadable_lines += 1
            else:
                done.add(*key)
    return done


def drop_records(output: Path, stale: set[Key]) -> int:
    """Rewrite `output` without the records keyed in `stale` (and without unreadable lines).

    Written to a temporary file and renamed over the output, so a kill during the
    rewrite leaves the old, complete file. Returns the number of lines dropped.
    """
    tmp = output.with_name(output.name + ".compact.tmp")
    dropped = 0
    with open(output, "rb") as src, open(tmp, "wb") as dst:
        for line in src:
            key = record_key(line) if line.strip() else None
            if key is None or key in stale:
                dropped += 1
                continue
            dst.write(line)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, output)
    return dropped
