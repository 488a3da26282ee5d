"""Print the README's accuracy table: one row per gold set, scored by `vnplan eval --json`.

The "first measured" column cannot be recomputed (it is the score of code that no longer
exists), so it is read from the table already in README.md and carried over; a set not yet
in the table gets its present score there, since this is then its first measurement.

    python scripts/accuracy_table.py [SET ...]     # default: every corpus/* folder with a gold.jsonl
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT = ("seeds", "dev")


def score(gold_files: list[Path]) -> dict:
    args = [sys.executable, "-m", "pipeline.cli", "eval", "--json"]
    for gold in gold_files:
        args += ["--gold", str(gold)]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def first_scores(readme: Path) -> dict[str, str]:
    firsts = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) in (9, 10) and re.fullmatch(r"0\.\d{3}|1\.000", cells[3]):
            firsts[cells[0]] = cells[3]
    return firsts


def f1(block: dict | None) -> str:
    return "–" if not block or not block["targets"]["tp"] + block["targets"]["fn"] else f"{block['targets']['f1']:.3f}"


def row(name: str, report: dict, first: str) -> str:
    summary = report["summary"]
    targets = summary["targets"]
    attributes = summary["target_attributes"]
    by_type = report["by_type"]
    return "| " + " | ".join([
        name,
        str(summary["documents"]),
        f"{targets['f1']:.3f} ({targets['precision']:.3f} / {targets['recall']:.3f})",
        first,
        f"{f1(by_type.get('official'))} / {f1(by_type.get('news'))}",
        " / ".join(f"{attributes[key]['score']:.3f}" for key in ("comparator", "kind", "period")),
        f"{attributes['indicator_token_f1']['score']:.3f}",
        f"{summary['metadata_all']['accuracy']:.3f}",
        f"{summary['dates']['f1']:.3f}",
        f"{summary['references']['f1']:.3f}",
    ]) + " |"


def set_names(requested: list[str]) -> list[str]:
    if requested:
        return requested
    found = [path.parent.name for path in (ROOT / "corpus").glob("*/gold.jsonl")]
    found = [name for name in found if name not in DEVELOPMENT]
    return sorted(found, key=lambda name: (not name == "heldout", int(re.sub(r"\D", "", name) or 0)))


def main(requested: list[str]) -> None:
    firsts = first_scores(ROOT / "README.md")
    print("| set | docs | targets F1 (P / R) now | targets F1 when first measured, unseen "
          "| official / news F1 | comparator / kind / period on matched | indicator token F1 on matched "
          "| metadata acc | dates F1 | refs F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    development = score([ROOT / "corpus" / name / "gold.jsonl" for name in DEVELOPMENT])
    print(row(" + ".join(DEVELOPMENT), development, "– (development)"))
    for name in set_names(requested):
        report = score([ROOT / "corpus" / name / "gold.jsonl"])
        print(row(name, report, firsts.get(name, f"{report['summary']['targets']['f1']:.3f}")))


if __name__ == "__main__":
    main(sys.argv[1:])
