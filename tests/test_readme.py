"""README's set-up commands and .ci/run must agree."""
import re

from .conftest import ROOT


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)
    setup = [b for b in blocks if b.startswith("pip install")]
    assert len(setup) == 2, "README has exactly two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup[1] in ci
