"""Matching unit names from plans to the directory."""
import pytest

from intranet.imports.matching import UnitRecord, match_unit

DIRECTORY = [
    UnitRecord(1, "Công an tỉnh", "CA tỉnh", ("Công an tỉnh Quảng Ninh",)),
    UnitRecord(2, "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    UnitRecord(3, "Sở Y tế"),
    UnitRecord(4, "Tỉnh đoàn"),
    UnitRecord(5, "Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT-DL"),
    UnitRecord(6, "Sở Nội vụ"),
    UnitRecord(7, "Sở Khoa học và Công nghệ"),
    UnitRecord(8, "Sở Tài chính"),
    UnitRecord(9, "Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    UnitRecord(10, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    UnitRecord(11, "Viện Kiểm sát nhân dân tỉnh"),
    UnitRecord(12, "Tòa án nhân dân tỉnh"),
    UnitRecord(13, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
    UnitRecord(14, "Ủy ban nhân dân các xã, phường, đặc khu"),
    UnitRecord(15, "Hội đồng nhân dân tỉnh"),
]


@pytest.mark.parametrize("name, unit_id", [
    ("Công an tỉnh", 1), ("CA tỉnh", 1), ("Công an tỉnh Quảng Ninh", 1), ("Sở Y tế", 3),
])
def test_exact(name, unit_id):
    match = match_unit(name, DIRECTORY)
    assert (match.kind, match.unit_id, match.name) == ("exact", unit_id, name)


@pytest.mark.parametrize("name, unit_id", [
    ("Tỉnh Đoàn", 4), ("TỈNH ĐOÀN", 4), ("Ban Thường vụ Tỉnh đoàn", 4), ("Đề nghị Tỉnh đoàn", 4),
    ("Ban Giám đốc Công an tỉnh", 1), ("Giao Công an tỉnh", 1),
    ("Sở Văn hoá, Thể thao và Du lịch", 5), ("Uỷ ban nhân dân tỉnh", 9),
    ("Toà án nhân dân tỉnh", 12), ("Sở Giáo dục  và Đào tạo", 2),
])
def test_folded(name, unit_id):
    match = match_unit(name, DIRECTORY)
    assert (match.kind, match.unit_id) == ("folded", unit_id)
    assert match.is_confident


@pytest.mark.parametrize("name, unit_id", [
    ("Sở GDĐT", 2), ("Sở GD-ĐT", 2), ("Sở VHTTDL", 5), ("UB nhân dân tỉnh", 9), ("VKSND tỉnh", 11),
    ("TAND tỉnh", 12), ("UB MTTQ Việt Nam tỉnh", 10), ("BCH BĐBP tỉnh", 13), ("HĐND tỉnh", 15),
    ("Sở Văn hóa, Thể thao & Du lịch", 5), ("Sở Khoa học & Công nghệ", 7), ("Sở KH&CN", 7),
])
def test_abbreviation(name, unit_id):
    match = match_unit(name, DIRECTORY)
    assert (match.kind, match.unit_id, match.unit_name) == (
        "abbreviation", unit_id, next(u.name for u in DIRECTORY if u.id == unit_id))


def test_abbreviation_works_the_other_way():
    directory = [UnitRecord(20, "Sở LĐTBXH"), UnitRecord(21, "UBND tỉnh")]
    assert match_unit("Sở Lao động - Thương binh và Xã hội", directory).unit_id == 20
    assert match_unit("Ủy ban nhân dân tỉnh", directory).unit_id == 21


def test_dict_records_and_piped_aliases():
    directory = [{"id": "sgd", "name": "Sở Giáo dục và Đào tạo", "short_name": None,
                  "aliases": "Sở GD&ĐT|Ngành Giáo dục"}]
    assert match_unit("Ngành Giáo dục", directory).unit_id == "sgd"


@pytest.mark.parametrize("context, first", [
    ("Tổ chức đào tạo, dạy nghề, hướng nghiệp cho thanh, thiếu niên", 2),
    ("Nâng cao hiệu quả công tác cai nghiện ma túy", 1),
    ("Bảo trợ xã hội, trẻ em có hoàn cảnh đặc biệt", 3),
    ("Giới thiệu việc làm cho thanh niên", 6),
])
def test_labour_department_is_split_by_topic(context, first):
    match = match_unit("Sở Lao động - Thương binh và Xã hội", DIRECTORY, context=context)
    assert match.kind == "suggestion"
    assert match.unit_id is None and not match.is_confident
    assert match.suggestions[0].unit_id == first
    assert {s.unit_id for s in match.suggestions} >= {1, 2, 3, 6}
    assert all(s.reason for s in match.suggestions)


def test_suggestions_for_merged_departments():
    info = match_unit("Sở TT&TT", DIRECTORY, context="định hướng các cơ quan báo chí")
    assert [s.unit_id for s in info.suggestions] == [5, 7]
    assert info.unit_id is None
    assert [s.unit_id for s in match_unit("Sở Kế hoạch và Đầu tư", DIRECTORY).suggestions] == [8]
    for old in ("Sở Văn hóa, Thể thao", "Sở Du lịch"):
        match = match_unit(old, DIRECTORY)
        assert (match.kind, match.unit_id, [s.unit_id for s in match.suggestions]) == (
            "suggestion", None, [5])


def test_district_level_goes_to_communes():
    match = match_unit("Ủy ban nhân dân các huyện, thị xã, thành phố", DIRECTORY)
    assert match.kind == "suggestion" and match.unit_id is None
    assert match.suggestions[0].unit_id == 14
    assert "01/7/2025" in match.suggestions[0].reason


def test_successor_missing_from_the_directory_is_named_without_id():
    match = match_unit("Sở Giao thông vận tải", DIRECTORY)
    assert [(s.unit_id, s.name) for s in match.suggestions] == [(None, "Sở Xây dựng")]
    assert "chưa có trong danh mục" in match.suggestions[0].reason


def test_no_match():
    match = match_unit("Hội Liên hiệp Phụ nữ tỉnh", DIRECTORY)
    assert (match.kind, match.unit_id, match.suggestions) == ("none", None, ())


def test_seed_assignees_against_the_demo_directory(qn, bt):
    from intranet.demo.directory import UNITS

    directory = [UnitRecord(code, name, short, tuple(a for a in aliases.split("|") if a))
                 for code, name, short, _kind, aliases, _external in UNITS]
    names = [u for plan in (qn, bt) for a in plan["assignments"] for u in a["units"]]
    names += qn["issuers"] + bt["issuers"]
    matches = {name: match_unit(name, directory) for name in names}
    assert {n: m.kind for n, m in matches.items() if not m.is_confident} == {}
    assert matches["Tỉnh Đoàn"].unit_id == "tinhdoan"
    assert matches["Ủy ban Mặt trận Tổ quốc"].unit_id == "mttq"
    assert matches["các tổ chức chính trị - xã hội tỉnh"].unit_id == "ctxh"
    assert matches["BAN CHẤP HÀNH TỈNH ĐOÀN BẾN TRE"].unit_id == "tinhdoan"
