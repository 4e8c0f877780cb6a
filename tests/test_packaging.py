"""Everything the library needs at run time is declared for installation."""
import re

from .conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(usru_nlp[\w.]*)"', re.search(r"packages = \[(.*?)\]", pyproject).group(1)))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "usru_nlp").rglob("__init__.py")}
    assert found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"
