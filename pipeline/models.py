"""Output schema v1: one `PlanDocument` per input document.

`schemas/plan_document.schema.json` is generated from these models
(`vnplan schema` / `python -m pipeline.schema`); a test fails when it is stale.
Conventions for comparator, period and kind follow corpus/GOLD_FORMAT.md.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
"""[start, end) character offsets into the document's normalized text."""

DocType = Literal["KH", "CTr", "QĐ", "NQ", "CT", "TB", "BC", "CV", "HD", "news"]
Comparator = Literal[">=", ">", "<=", "<", "~", "=", "-=", "+="]
DateRole = Literal["issue", "range_start", "range_end", "deadline", "reference", "anniversary", "other"]
SourceFormat = Literal["txt", "html", "pdf", "docx", "doc", "unknown"]
BlockKind = Literal["paragraph", "heading", "table_cell", "page_number", "header", "footer", "boilerplate"]
"""`boilerplate`: web chrome (menus, view counters, "Tin mới nhất" lists) kept in the text but not mined for targets."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str
    sha256: Optional[str] = None
    format: SourceFormat = "unknown"
    bytes: Optional[int] = None
    encoding: Optional[str] = Field(None, description="Detected text encoding (txt/html), e.g. utf-8, tcvn3, vni")


class Error(_Model):
    code: str = Field(description="Stable machine code, e.g. empty_file, no_text_layer, encrypted_pdf")
    message: str


class Issuer(_Model):
    name: str
    abbreviation: Optional[str] = None
    province: Optional[str] = None
    span: Optional[Span] = None


class Signer(_Model):
    name: Optional[str] = None
    position: Optional[str] = None
    span: Optional[Span] = None


class IssueDate(_Model):
    value: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    precision: Literal["year", "month", "day"]
    text: str
    span: Optional[Span] = None


class Reference(_Model):
    doc_type: Optional[DocType] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    text: str
    span: Span


class DateMention(_Model):
    value: str = Field(description="YYYY-MM-DD")
    role: DateRole = "other"
    text: str
    span: Span


class Period(_Model):
    label: str = Field(description="2021-2025, 2023, 2023-H1, 2024-Q1, 2021-9M, 2022-09")
    start: Optional[str] = None
    end: Optional[str] = None
    text: str
    span: Span


class Target(_Model):
    id: str
    kind: Literal["target", "result"]
    indicator: Optional[str] = None
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    comparator: Comparator = "="
    period: Optional[str] = None
    deadline: Optional[str] = None
    section: Optional[str] = None
    parent: Optional[str] = Field(None, description="id of the figure a `trong đó` sub-figure belongs to")
    responsible: Optional[str] = None
    text: str = Field(description="the exact evidence words: text[span[0]:span[1]]")
    span: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Block(_Model):
    kind: BlockKind
    span: Span
    page: Optional[int] = None


class PlanDocument(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: Source
    status: Literal["ok", "error"] = "ok"
    error: Optional[Error] = None
    doc_type: Optional[DocType] = None
    number: Optional[str] = None
    issuer: Optional[Issuer] = None
    place: Optional[str] = None
    title: Optional[str] = None
    theme: Optional[str] = None
    movements: list[str] = Field(default_factory=list, description="emulation movements named (phong trào thi đua \"…\")")
    signer: Optional[Signer] = None
    recipients: list[str] = Field(default_factory=list)
    issue_date: Optional[IssueDate] = None
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: Optional[str] = Field(None, description="the normalized text all spans refer to (with --include-text)")
    blocks: Optional[list[Block]] = Field(None, description="layout blocks of the text (with --include-text)")


def json_schema() -> dict:
    schema = PlanDocument.model_json_schema()
    schema["$id"] = "https://vnplan.example/schemas/plan_document.schema.json"
    schema["title"] = "PlanDocument"
    schema["description"] = f"vnplan output record, schema version {SCHEMA_VERSION}"
    return schema
