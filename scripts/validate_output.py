"""Check a vnplan JSONL output: every line validates against schemas/plan_document.schema.json,
and (with --expect-dir) there is exactly one record per document file under that folder.

    python scripts/validate_output.py out/plans.jsonl --expect-dir corpus/
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jsonschema

from pipeline.batch.inputs import iter_inputs

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--expect-dir")
    args = parser.parse_args()
    schema = json.loads((ROOT / "schemas" / "plan_document.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    paths = []
    with open(args.output, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            record = json.loads(line)
            validator.validate(record)
            paths.append(record["source"]["path"])
    problems = []
    if len(set(paths)) != len(paths):
        problems.append("some documents have more than one record")
    if args.expect_dir:
        expected = {str(p) for p in iter_inputs([Path(args.expect_dir)])}
        if set(paths) != expected:
            problems.append(f"records for {len(set(paths))} documents, {len(expected)} expected")
    for problem in problems:
        print(f"validate_output: {problem}", file=sys.stderr)
    print(f"{args.output}: {len(paths)} valid records")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
