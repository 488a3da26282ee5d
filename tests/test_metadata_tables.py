"""The rules tables behind the metadata: provinces (generated from underthesea) and
organ abbreviations."""
from __future__ import annotations

import importlib.util

from conftest import ROOT
from pipeline.extractors.metadata.doc_number import parse_symbol
from pipeline.extractors.metadata.tables import organ, organs, province, provinces
from pipeline.rules import load_tsv


def test_provinces_cover_both_eras():
    rows = load_tsv("provinces.tsv")
    old = {r["name"] for r in rows if r["era"] == "old"}
    new = {r["name"] for r in rows if r["era"] == "new"}
    assert len(new) == 34
    assert len(old) >= 63  # 63 units plus earlier names (Thừa Thiên Huế)
    assert all(r["becomes"] in new for r in rows)
    assert {"Hà Giang", "Bắc Kạn", "Bình Phước", "Quảng Bình", "Thừa Thiên Huế"} <= old - new


def test_old_provinces_map_to_their_new_unit():
    assert province("Hà Giang").becomes == "Tuyên Quang"
    assert province("Bà Rịa - Vũng Tàu").becomes == "Hồ Chí Minh"
    assert province("Hà Nội").unit == "thành phố"
    assert province("Hoà Bình").name == "Hòa Bình"  # old-style tone mark
    assert province("tỉnh Gia Lai").name == "Gia Lai"
    assert province("Tuy Phong") is None


def test_committed_table_is_what_the_script_builds(tmp_path):
    spec = importlib.util.spec_from_file_location("build_provinces", ROOT / "scripts" / "build_provinces.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "provinces.tsv"
    module.main(out)
    assert out.read_text(encoding="utf-8") == (ROOT / "rules" / "provinces.tsv").read_text(encoding="utf-8")


def test_abbreviations():
    assert organ("SLĐTBXH").name == "Sở Lao động - Thương binh và Xã hội"
    assert organ("TTg").name == "Thủ tướng Chính phủ"
    assert organ("TU").scope == "party"
    assert organ("LĐTBXH").scope == "sector"
    assert organ("XYZ") is None
    assert {o.scope for o in organs().values()} == {"national", "local", "party", "sector"}
    assert len(provinces()) >= 63


def test_symbols():
    assert parse_symbol("KH-SLĐTBXH").kind == "KH"
    assert parse_symbol("KH-SLĐTBXH").issuer == "SLĐTBXH"
    assert parse_symbol("TT-BLĐTBXH").kind is None and parse_symbol("TT-BLĐTBXH").kind_symbol == "TT"
    assert parse_symbol("BNN-TCTL").issuer == "BNN"
    assert parse_symbol("TU", "KH").kind == "KH"
