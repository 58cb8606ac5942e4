"""A command that analyses one edition says so when its input has several (it used to analyse the latest
edition silently); a one-edition input gets no such line, and the commands that handle editions
(score, trend) do not say it."""

import subprocess
import sys
from pathlib import Path

import pytest

from core.files.paths import SAMPLE_WORKBOOK
from tests.editions_fixture import write_editions_workbook

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    p = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                       text=True)
    assert p.returncode == 0, (p.stdout, p.stderr)
    return p


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    return write_editions_workbook(tmp_path_factory.mktemp("ed") / "历年.xlsx", labels=("2022", "2023", "2024"))


@pytest.mark.parametrize("command", [["explain", "--units", "北京,上海"], ["methods"], ["outranking"],
                                     ["stability"], ["uncertainty", "--runs", "20", "--seed", "1"]])
def test_a_one_edition_command_says_it_analyses_the_latest(editions, command):
    zh = run(command[0], editions, *command[1:], "--lang", "zh").stderr
    assert "有 3 个版次（2022、2023、2024）；本命令只分析最新的 2024 版" in zh
    en = run(command[0], editions, *command[1:], "--lang", "en").stderr
    assert "has 3 editions (2022, 2023, 2024); this command analyses the latest, 2024" in en


def test_no_line_for_a_one_edition_input_nor_for_score(editions, tmp_path):
    assert "版次" not in run("explain", SAMPLE_WORKBOOK, "--units", "北京,上海", "--lang", "zh").stderr
    assert "本命令只分析" not in run("score", editions, "-o", tmp_path / "o.xlsx", "--lang", "zh").stderr
