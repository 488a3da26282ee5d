"""notebooks/accuracy.ipynb runs top to bottom and draws its plot."""
import os
import sys

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def test_accuracy_notebook_executes_and_plots(monkeypatch):
    monkeypatch.setenv("VNPLAN_PRED", "extract")  # never a stale out/plans.jsonl
    nb = nbformat.read(ROOT / "notebooks" / "accuracy.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}})
    client.execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert f"python: {os.path.realpath(sys.executable)}" in text or f"python: {sys.executable}" in text
    assert "predictions: extracted now" in text and "SCORE overall" in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images and len(images[0]["data"]["image/png"]) > 5000
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("targets F1" in t["data"]["text/html"] and "doc_type=KH" in t["data"]["text/html"] for t in tables)
