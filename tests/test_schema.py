import json

from pipeline import extract_text
from pipeline.models import SCHEMA_VERSION, PlanDocument
from pipeline.schema import SCHEMA_FILE, render


def test_committed_schema_is_not_stale():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "run `make schema` and commit schemas/"


def test_schema_declares_version_and_required_fields(schema):
    props = schema["properties"]
    for field in ("schema_version", "source", "status", "error", "doc_type", "number", "issuer", "issue_date",
                  "references", "dates", "periods", "targets", "warnings"):
        assert field in props
    assert props["schema_version"]["const"] == SCHEMA_VERSION == "1.0"


def test_record_round_trips_and_validates(validator):
    record = extract_text("KẾ HOẠCH\nTỷ lệ hộ nghèo giảm còn 2,2%.", path="mem.txt")
    data = json.loads(record.model_dump_json())
    validator.validate(data)
    assert PlanDocument.model_validate(data) == record
