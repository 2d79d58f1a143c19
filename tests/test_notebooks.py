"""Notebooks are executed, so the examples in them keep working."""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import REPO_ROOT

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO_ROOT)}}).execute()
    outputs = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Traceback" not in outputs
    if path.name == "library_demo.ipynb":
        assert "Dr. <PERSON> at <HOSPITAL>" in outputs and "tamoxifen" in outputs
        assert "access_and_cost" in outputs and "information_gap" in outputs


def test_there_is_a_notebook():
    assert NOTEBOOKS
