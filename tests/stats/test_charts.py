"""SVG charts: well-formed XML, labels present and escaped, no script."""
import xml.etree.ElementTree as ET

from intranet.stats.charts import Bar, Series, bar_chart, stacked_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_bar_chart_is_well_formed_and_labelled():
    svg = bar_chart([Bar("Đã giao", 42, "secondary"), Bar("Sở GD&ĐT <chủ trì>", 7, "info"),
                     Bar("Đã duyệt", 0, "success")], title="Nhiệm vụ theo trạng thái")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Nhiệm vụ theo trạng thái"
    labels = texts(svg)
    assert "Đã giao" in labels and "Sở GD&ĐT <chủ trì>" in labels and "42" in labels
    assert "&lt;chủ trì&gt;" in svg and "<script" not in svg
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] > widths[1] > widths[2] == 0


def test_long_labels_are_shortened_with_the_full_text_as_tooltip():
    name = "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh Quảng Ninh"
    svg = bar_chart([Bar(name, 3)], title="Dài", width=400)
    shown = [t for t in ET.fromstring(svg).iter(f"{SVG}text") if t.get("text-anchor") == "end"][0]
    tooltip = shown.find(f"{SVG}title")
    assert tooltip.text == name and tooltip.tail.endswith("…") and len(tooltip.tail) < len(name)


def test_stacked_bar_chart_has_legend_segments_and_totals():
    series = [Series("Quá hạn", "danger"), Series("Hoàn thành đúng hạn", "success")]
    svg = stacked_bar_chart([("Sở Y tế", [2, 1]), ("Tỉnh đoàn", [4, 0]), ("Trống", [0, 0])],
                            series, title="Theo đơn vị")
    labels = texts(svg)
    for expected in ("Quá hạn", "Hoàn thành đúng hạn", "Sở Y tế", "Tỉnh đoàn", "3", "4"):
        assert expected in labels
    assert "Trống" not in labels  # rows without tasks are left out


def test_empty_charts_say_so():
    assert "Chưa có số liệu" in texts(bar_chart([], title="x"))
    assert "Chưa có số liệu" in texts(stacked_bar_chart([], [Series("a", "info")], title="x"))
