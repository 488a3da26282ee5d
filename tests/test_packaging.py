"""rules/ must be found from a checkout and from an installed wheel."""
import os
import subprocess
import sys
import zipfile

from conftest import ROOT

from pipeline.rules import load_yaml, rules_dir


def test_rules_found_from_checkout():
    assert rules_dir() == ROOT / "rules"
    assert "KH" in load_yaml("doc_types.yaml")


def test_rules_found_from_installed_wheel(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheel_dir), str(ROOT)],
        check=True,
    )
    (wheel,) = wheel_dir.glob("vnplan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    rule_files = {p.name for p in (ROOT / "rules").rglob("*") if p.is_file()}
    packaged = {n.rsplit("/", 1)[-1] for n in names if n.startswith("pipeline/rules_data/")}
    assert rule_files <= packaged
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    code = "from pipeline.rules import rules_dir, load_yaml; print(rules_dir()); assert 'KH' in load_yaml('doc_types.yaml')"
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith(str(target))
