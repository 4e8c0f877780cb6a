"""Helpers for the corpus tests: generated Japanese news sentences and a CLI runner."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]

_WHO = ["ロシアのラブロフ外相", "ブリンケン米国務長官", "中国の王毅外相", "岸田首相", "ドイツのショルツ首相",
        "フランスのマクロン大統領", "韓国の尹錫悦大統領", "インドのモディ首相"]
_WHERE = ["ソチ", "北京", "ワシントン", "パリ", "ソウル", "ニューデリー", "ベルリン", "東京"]
_WHAT = ["会談した", "記者会見を開いた", "首脳会議に出席した", "声明を発表した", "協議を行った"]
_WHEN = ["{d}日", "今月{d}日", "先週", "{m}月{d}日", "昨年{m}月"]


def sentence(i: int) -> str:
    """A short generated news sentence (written for these tests), different for each ``i``."""
    who, where = _WHO[i % len(_WHO)], _WHERE[(i // 3) % len(_WHERE)]
    when = _WHEN[(i // 7) % len(_WHEN)].format(d=i % 28 + 1, m=i % 12 + 1)
    what = _WHAT[(i // 11) % len(_WHAT)]
    return f"{who}は{when}、{where}で{what}。記事番号{i}。"


def records(n: int, start: int = 0) -> list:
    return [{"id": f"doc-{i:05d}", "text": sentence(i), "published": f"2019-{i % 12 + 1:02d}-15"}
            for i in range(start, start + n)]


def write_jsonl(path: Path, items) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for item in items:
            f.write((item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n")
    return path


def cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def cli_command(*args) -> list:
    return [sys.executable, "-m", "usru_nlp.cli", "annotate", *map(str, args)]


def run_cli(*args, stdin=None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(*args), input=stdin, capture_output=True, text=True, timeout=120,
                          env=cli_env(), cwd=cwd)


