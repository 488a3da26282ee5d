"""Layout invariance: the official corpus documents re-laid the ways other readers flatten a
two-column header and foot (cells as runs of spaces, tabs, markdown rows, one space, one cell
per line, capital lines in bold) must give the metadata they give as collected."""
from __future__ import annotations

import json
import unicodedata

import pytest
import regex

from conftest import CORPUS, GOLD_SETS
from pipeline import extract_text
from pipeline.document import Document
from pipeline.extractors import run_extractors
from pipeline.models import PlanDocument, Source

_BAR = regex.compile(r"[ \t]*\|[ \t]*")


def _bold_caps(text: str) -> str:
    out = []
    for line in text.split("\n"):
        core = line.strip()
        out.append(f"**{core}**" if len(core) > 3 and core.upper() == core and any(c.isalpha() for c in core) else line)
    return "\n".join(out)


RELAYOUTS = {
    "space runs": lambda t: _BAR.sub("      ", t),
    "tabs": lambda t: _BAR.sub("\t", t),
    "markdown rows": lambda t: "\n".join(f"| {line} |" if "|" in line else line for line in t.split("\n")),
    "one space": lambda t: _BAR.sub(" ", t),
    "one cell per line": lambda t: _BAR.sub("\n", t),
    "bold capitals": _bold_caps,
}


def _official_texts() -> list[str]:
    texts = []
    for name in GOLD_SETS + ("heldout",):  # never the blind set
        gold_file = CORPUS / name / "gold.jsonl"
        if not gold_file.exists():
            continue
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            if gold["doc_type"] != "news":
                texts.append((CORPUS / name / f"{gold['doc_id']}.txt").read_text(encoding="utf-8"))
    return texts


def _fields(record: PlanDocument) -> dict:
    return {
        "doc_type": record.doc_type, "number": record.number,
        "issuer": record.issuer.name if record.issuer else None, "place": record.place,
        "issue_date": record.issue_date.value if record.issue_date else None,
        "title": record.title.casefold() if record.title else None,
        "signer": (record.signer.name, record.signer.position) if record.signer else None,
    }


def _raw(text: str) -> dict:
    doc = Document(text=unicodedata.normalize("NFC", text))
    record = PlanDocument(source=Source(path="<relayout>"))
    run_extractors(doc, record, only=("metadata",))
    return _fields(record)


@pytest.fixture(scope="module")
def texts():
    found = _official_texts()
    assert len(found) >= 10
    return found


@pytest.mark.parametrize("relayout", list(RELAYOUTS))
def test_raw_text_relaid_gives_the_same_metadata(texts, relayout):
    changed = [(i, k) for i, text in enumerate(texts)
               for k, v in _raw(RELAYOUTS[relayout](text)).items() if v != _raw(text)[k]]
    assert not changed, changed


@pytest.mark.parametrize("relayout", list(RELAYOUTS))
def test_normalized_text_relaid_gives_nearly_the_same_metadata(texts, relayout):
    """Through the normalizer, whose line rejoining may differ on a re-laid header."""
    total = changed = 0
    for text in texts:
        before, after = _fields(extract_text(text)), _fields(extract_text(RELAYOUTS[relayout](text)))
        total += len(before)
        changed += sum(before[k] != after[k] for k in before)
    assert changed <= total * 0.02, (changed, total)
