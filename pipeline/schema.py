"""Write schemas/plan_document.schema.json from the models: `python -m pipeline.schema`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "plan_document.schema.json"


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_FILE
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
