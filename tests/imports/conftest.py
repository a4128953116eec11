"""Shared fixtures of the importer tests: the seed plans and their parse."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # these tests need no app: run them on their own too
    sys.path.insert(0, str(ROOT))

from intranet.imports.parser import parse_plan  # noqa: E402

SEEDS = ROOT / "intranet" / "demo" / "seeds"
DATA = Path(__file__).resolve().parent / "data"
QUANG_NINH = SEEDS / "qn_112_kh_ubnd_2024.txt"
BEN_TRE = SEEDS / "bt_kh_phoi_hop_2021.txt"
NGHE_AN = DATA / "na_05_kh_sgddt_2025.txt"
BAC_GIANG = DATA / "bg_156_kh_ubnd_2024.txt"


@pytest.fixture(scope="session")
def qn_text() -> str:
    return QUANG_NINH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bt_text() -> str:
    return BEN_TRE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def na_text() -> str:
    return NGHE_AN.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def qn(qn_text) -> dict:
    return parse_plan(qn_text)


@pytest.fixture(scope="session")
def bt(bt_text) -> dict:
    return parse_plan(bt_text)


@pytest.fixture(scope="session")
def na(na_text) -> dict:
    return parse_plan(na_text)


@pytest.fixture(scope="session")
def bg_text() -> str:
    return BAC_GIANG.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bg(bg_text) -> dict:
    return parse_plan(bg_text)
