"""Time the plan parser on a 50 KB plan in a warm process.

Usage: python bench/parse_bench.py [RUNS]
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intranet.imports.parser import parse_plan  # noqa: E402

SEED = ROOT / "intranet" / "demo" / "seeds" / "qn_112_kh_ubnd_2024.txt"
TARGET_BYTES = 50 * 1024
EXTRA_ASSIGNEE = """{number}. Sở Nội vụ
- Chủ trì, phối hợp với Công an tỉnh hướng dẫn các cơ quan, đơn vị rà soát, bố trí cán bộ
làm công tác phòng, chống ma túy trong thanh, thiếu niên; định kỳ hằng năm (trước ngày 05/12)
báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Công an tỉnh).
- Phối hợp với Sở Giáo dục và Đào tạo lồng ghép nội dung phòng, chống ma túy vào các lớp
bồi dưỡng cán bộ, công chức, viên chức (Hoàn thành trong tháng 6/2026).
"""


def fifty_kb_plan() -> str:
    """Seed 001 (49.5 KB) with assignees added to its section III until it passes 50 KB."""
    text = SEED.read_text(encoding="utf-8")
    head, tail = text.split("\nIV.\n", 1)
    number = 15
    while len((head + tail).encode("utf-8")) < TARGET_BYTES:
        head += "\n" + EXTRA_ASSIGNEE.format(number=number).rstrip("\n")
        number += 1
    return head + "\nIV.\n" + tail


def main(runs: int = 50) -> None:
    """Parse the plan `runs` times after one warm-up run and print the timings."""
    text = fifty_kb_plan()
    plan = parse_plan(text)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_plan(text)
        timings.append((time.perf_counter() - start) * 1000)
    size = len(text.encode("utf-8")) / 1024
    tasks = sum(len(a["tasks"]) for a in plan["assignments"])
    print(f"plan: {size:.1f} KB, {len(plan['assignments'])} assignees, {tasks} tasks")
    print(f"parse {size:.0f} KB plan: p50 {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms ({runs} runs)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
