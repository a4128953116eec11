"""The targets-against-milestones chart: bar colour from the verdict, the milestone mark, frozen roll-ups."""
import xml.etree.ElementTree as ET

from intranet.stats.targets import targets_svg

SVG = "{http://www.w3.org/2000/svg}"
GREEN, RED, DARK = "#1e7a3c", "#b42318", "#2b2f36"
ROWS = [
    {"position": 1, "value": 80.0, "milestone": "> 80%", "verdict": "Không đạt", "result": "12/15 (80%)"},
    {"position": 2, "value": 90.0, "milestone": "≥ 90%", "verdict": "Đạt", "result": "9/10 (90%)"},
    {"position": 3, "value": None, "milestone": "≥ 1", "verdict": "Chưa có số liệu", "result": "—"},
]


def bars(svg: str) -> list[ET.Element]:
    """The coloured result bars (they carry a tooltip)."""
    return [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def test_bars_are_coloured_by_verdict_on_a_percentage_scale():
    svg = targets_svg(ROWS, "Kết quả các chỉ tiêu so với mốc năm 2025")
    root = ET.fromstring(svg)
    assert root.get("aria-label") == "Kết quả các chỉ tiêu so với mốc năm 2025"
    drawn = bars(svg)
    assert [r.get("fill") for r in drawn] == [RED, GREEN]  # nothing drawn without data
    assert abs(float(drawn[1].get("width")) / float(drawn[0].get("width")) - 90 / 80) < 0.01
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "12/15 (80%) · mốc >\u00a080%" in texts and "Chưa có số liệu · mốc ≥\u00a01" in texts
    marks = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == DARK and r.get("width") == "3"]
    assert len(marks) == 3


def test_a_roll_up_frozen_without_values_reads_them_from_the_result():
    frozen = [{k: v for k, v in row.items() if k != "value"} for row in ROWS]
    assert targets_svg(frozen, "x") == targets_svg(ROWS, "x")
