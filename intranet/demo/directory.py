"""The demo province's directory of units and its demo accounts."""

# code, name, short name, kind, aliases ("|"-separated), external
UNITS = [
    ("cat", "Công an tỉnh", "CA tỉnh", "standing_agency",
     "Công an tỉnh Quảng Ninh|Công an tỉnh Bến Tre|Ban Giám đốc Công an tỉnh|CÔNG AN TỈNH BẾN TRE", False),
    ("ubnd", "Ủy ban nhân dân tỉnh", "UBND tỉnh", "people_committee",
     "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH|UBND tỉnh Quảng Ninh", False),
    ("sgd", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "department", "Sở GDĐT", False),
    ("sldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "department", "Sở LĐ-TB&XH", False),
    ("syt", "Sở Y tế", "Sở Y tế", "department", "", False),
    ("svhtt", "Sở Văn hóa, Thể thao", "Sở VH&TT", "department", "", False),
    ("sdl", "Sở Du lịch", "Sở Du lịch", "department", "", False),
    ("bdbp", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BCH BĐBP tỉnh", "agency", "", False),
    ("chq", "Cục Hải quan tỉnh", "Cục Hải quan", "agency", "", False),
    ("sct", "Sở Công Thương", "Sở Công Thương", "department", "", False),
    ("stc", "Sở Tài chính", "Sở Tài chính", "department", "", False),
    ("stttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", "department", "", False),
    ("tttt", "Trung tâm truyền thông tỉnh", "TT Truyền thông", "agency", "", False),
    ("vks", "Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", "judicial", "", True),
    ("tand", "Tòa án nhân dân tỉnh", "TAND tỉnh", "judicial", "", True),
    ("mttq", "Ủy ban Mặt trận Tổ quốc tỉnh", "UB MTTQ tỉnh", "mass_organisation",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh|Ủy ban Mặt trận Tổ quốc|UB MTTQ tỉnh", True),
    ("ctxh", "Các tổ chức chính trị - xã hội tỉnh", "Các tổ chức CT-XH", "collective", "", True),
    ("tinhdoan", "Tỉnh đoàn", "Tỉnh đoàn", "mass_organisation",
     "Tỉnh Đoàn|Ban Thường vụ Tỉnh đoàn|Tỉnh đoàn Bến Tre|BAN CHẤP HÀNH TỈNH ĐOÀN BẾN TRE", False),
    ("ubnd_huyen", "Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND cấp huyện", "collective",
     "UBND các huyện, thị xã, thành phố", False),
    ("doan_coso", "Các Huyện, Thành đoàn, Đoàn khối và Đoàn trực thuộc", "Đoàn cấp huyện",
     "collective",
     "Ban Thường vụ các Huyện, Thành đoàn, Đoàn khối Cơ quan – Doanh nghiệp tỉnh, "
     "Đoàn tương đương, Đoàn trường học trực thuộc|Các Huyện, Thành đoàn", False),
    ("snv", "Sở Nội vụ", "Sở Nội vụ", "department", "", False),
    ("skhcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", "department", "", False),
]

PASSWORD = "demo123"

# username, full name, unit code, roles, post
USERS = [
    ("admin", "Quản trị hệ thống", "cat", ("admin",), "Quản trị viên"),
    ("ca.thuongtruc", "Trần Văn Thường", "cat", ("reviewer",), "Cán bộ thường trực PC04"),
    ("ca.lanhdao", "Nguyễn Văn Lãnh", "cat", ("signer", "unit_head"), "Phó Giám đốc Công an tỉnh"),
    ("ca.chuyenvien", "Phạm Thị Chuyên", "cat", ("staff",), "Cán bộ PC04"),
    ("sgd.chuyenvien", "Lê Thị Giáo", "sgd", ("staff",), "Chuyên viên"),
    ("sgd.lanhdao", "Hoàng Văn Dục", "sgd", ("unit_head",), "Phó Giám đốc Sở"),
    ("syt.chuyenvien", "Vũ Thị Y", "syt", ("staff",), "Chuyên viên"),
    ("syt.lanhdao", "Đỗ Văn Tế", "syt", ("unit_head",), "Phó Giám đốc Sở"),
    ("tinhdoan.chuyenvien", "Bùi Thị Đoàn", "tinhdoan", ("staff",), "Chuyên viên Ban Phong trào"),
    ("tinhdoan.lanhdao", "Ngô Văn Thanh", "tinhdoan", ("unit_head",), "Phó Bí thư Tỉnh đoàn"),
    ("lanhdao.tinh", "Đinh Văn Tỉnh", "ubnd", ("viewer",), "Phó Chủ tịch UBND tỉnh"),
]

SEEDS = ["qn_112_kh_ubnd_2024.txt", "bt_kh_phoi_hop_2021.txt"]
