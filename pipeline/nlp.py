"""spaCy integration: a blank Vietnamese pipeline with vnplan's components.

    import spacy, pipeline.nlp  # registers the factories
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnplan_targets")
    doc = nlp(text)
    doc.spans["targets"]        # one Span per target/result, label = kind
    doc._.targets               # the Target records (schema v1)
    doc._.sections              # [(path label, start_char, end_char)]

The tokenizer is spaCy's Vietnamese tokenizer without pyvi (syllables split on spaces).
Measured on the gold corpus (96 KB, shared 2-core machine): spaCy blank "vi" ~1.3 MB/s,
underthesea word_tokenize ~0.03 MB/s. The target rules therefore work on characters, cue
words, punctuation and list structure and need no word segmentation; spaCy is the frame for
users who want the results as Spans, not a step of `vnplan extract`.
"""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .extractors.targets import find_targets
from .sections import section_tree

for _name in ("targets", "sections"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class TargetsComponent:
    def __init__(self, doc_type: Optional[str] = None, issue_year: Optional[int] = None):
        self.doc_type = doc_type
        self.issue_year = issue_year

    def __call__(self, doc: Doc) -> Doc:
        targets = find_targets(doc.text, doc_type=self.doc_type, issue_year=self.issue_year)
        spans = []
        for t in targets:
            span = doc.char_span(t.span[0], t.span[1], label=t.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["targets"] = spans
        doc._.targets = targets
        return doc


@Language.factory("vnplan_targets", default_config={"doc_type": None, "issue_year": None})
def make_targets(nlp: Language, name: str, doc_type: Optional[str], issue_year: Optional[int]) -> TargetsComponent:
    return TargetsComponent(doc_type=doc_type, issue_year=issue_year)


@Language.component("vnplan_sections")
def sections_component(doc: Doc) -> Doc:
    tree = section_tree(doc.text)
    doc._.sections = [(s.label, s.heading[0], s.end) for s in tree.sections]
    return doc


def blank_vi() -> Language:
    """spaCy's blank Vietnamese pipeline, tokenizing on spaces (no pyvi needed)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def make_nlp(doc_type: Optional[str] = None) -> Language:
    nlp = blank_vi()
    nlp.add_pipe("vnplan_sections")
    nlp.add_pipe("vnplan_targets", config={"doc_type": doc_type})
    return nlp
