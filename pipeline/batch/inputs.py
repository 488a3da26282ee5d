"""Stream the input files of a batch without ever listing the whole archive.

Folders are walked depth-first with `os.scandir`, entries sorted by name in
each folder, which gives the same order as `sorted(Path(folder).rglob("*"))`
while holding only one folder's entries at a time.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..ingest import DOCUMENT_SUFFIXES


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given (even missing ones: they get a `not_found` record); folders walked for document files."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, set())
        else:
            yield path


def count_inputs(paths: Iterable[Path | str]) -> int:
    return sum(1 for _ in iter_inputs(paths))


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
    except OSError:
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:  # a symlink loop
        return
    seen.add(key)
    try:
        with os.scandir(folder) as entries:
            names = sorted((entry.name, _kind(entry)) for entry in entries)
    except OSError:
        return
    for name, kind in names:
        child = folder / name
        if kind == "dir":
            yield from _walk(child, seen)
        elif kind == "file" and os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES:
            yield child
    seen.discard(key)


def _kind(entry: os.DirEntry) -> str:
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
    except OSError:
        pass
    return "other"
