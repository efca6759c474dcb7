"""Static material for the demo generators: provinces after the 2025 merges, places, names.

Everything here is plain data (tuples and lists) so that the generators stay short and fast.
Figures are realistic orders of magnitude, not official statistics.
"""

# --- Provinces ---------------------------------------------------------------------------------------
# (code, federation name, short name, CCCD prefix, communes after 01/07/2025, workforce weight,
#  region, absorbed provinces [(code, federation name, short name, CCCD prefix)])
# Resolution 202/2025/QH15: 63 provinces became 34 on 01/07/2025.
LDLD_T = "Liên đoàn Lao động tỉnh "
LDLD_TP = "Liên đoàn Lao động thành phố "

PROVINCES = [
    ("HNI", LDLD_TP + "Hà Nội", "Hà Nội", "001", 126, 12.0, "north", []),
    ("HUE", LDLD_TP + "Huế", "Huế", "046", 40, 1.5, "central", []),
    ("LCU", LDLD_T + "Lai Châu", "Lai Châu", "012", 38, 0.4, "mountain", []),
    ("DBN", LDLD_T + "Điện Biên", "Điện Biên", "011", 45, 0.5, "mountain", []),
    ("SLA", LDLD_T + "Sơn La", "Sơn La", "014", 75, 0.8, "mountain", []),
    ("LSN", LDLD_T + "Lạng Sơn", "Lạng Sơn", "020", 65, 0.8, "mountain", []),
    ("QNH", LDLD_T + "Quảng Ninh", "Quảng Ninh", "022", 54, 2.2, "north", []),
    ("THA", LDLD_T + "Thanh Hóa", "Thanh Hóa", "038", 166, 3.0, "north", []),
    ("NAN", LDLD_T + "Nghệ An", "Nghệ An", "040", 130, 2.6, "central", []),
    ("HTH", LDLD_T + "Hà Tĩnh", "Hà Tĩnh", "042", 69, 1.1, "central", []),
    ("CBG", LDLD_T + "Cao Bằng", "Cao Bằng", "004", 56, 0.5, "mountain", []),
    (
        "TQG",
        LDLD_T + "Tuyên Quang",
        "Tuyên Quang",
        "008",
        124,
        1.0,
        "mountain",
        [("HGG", LDLD_T + "Hà Giang", "Hà Giang", "002")],
    ),
    (
        "LCI",
        LDLD_T + "Lào Cai",
        "Lào Cai",
        "010",
        99,
        1.0,
        "mountain",
        [("YBI", LDLD_T + "Yên Bái", "Yên Bái", "015")],
    ),
    (
        "TNN",
        LDLD_T + "Thái Nguyên",
        "Thái Nguyên",
        "019",
        92,
        2.2,
        "mountain",
        [("BKN", LDLD_T + "Bắc Kạn", "Bắc Kạn", "006")],
    ),
    (
        "PTO",
        LDLD_T + "Phú Thọ",
        "Phú Thọ",
        "025",
        148,
        3.2,
        "north",
        [("VPC", LDLD_T + "Vĩnh Phúc", "Vĩnh Phúc", "026"), ("HBH", LDLD_T + "Hòa Bình", "Hòa Bình", "017")],
    ),
    (
        "BNH",
        LDLD_T + "Bắc Ninh",
        "Bắc Ninh",
        "027",
        99,
        5.0,
        "north",
        [("BGG", LDLD_T + "Bắc Giang", "Bắc Giang", "024")],
    ),
    (
        "HYN",
        LDLD_T + "Hưng Yên",
        "Hưng Yên",
        "033",
        104,
        2.8,
        "north",
        [("TBH", LDLD_T + "Thái Bình", "Thái Bình", "034")],
    ),
    (
        "HPG",
        LDLD_TP + "Hải Phòng",
        "Hải Phòng",
        "031",
        114,
        5.0,
        "north",
        [("HDG", LDLD_T + "Hải Dương", "Hải Dương", "030")],
    ),
    (
        "NBH",
        LDLD_T + "Ninh Bình",
        "Ninh Bình",
        "037",
        129,
        2.6,
        "north",
        [("HNM", LDLD_T + "Hà Nam", "Hà Nam", "035"), ("NDH", LDLD_T + "Nam Định", "Nam Định", "036")],
    ),
    (
        "QTI",
        LDLD_T + "Quảng Trị",
        "Quảng Trị",
        "045",
        78,
        1.0,
        "central",
        [("QBH", LDLD_T + "Quảng Bình", "Quảng Bình", "044")],
    ),
    (
        "DNG",
        LDLD_TP + "Đà Nẵng",
        "Đà Nẵng",
        "048",
        94,
        3.0,
        "central",
        [("QNM", LDLD_T + "Quảng Nam", "Quảng Nam", "049")],
    ),
    (
        "QNG",
        LDLD_T + "Quảng Ngãi",
        "Quảng Ngãi",
        "051",
        96,
        1.2,
        "central",
        [("KTM", LDLD_T + "Kon Tum", "Kon Tum", "062")],
    ),
    (
        "GLI",
        LDLD_T + "Gia Lai",
        "Gia Lai",
        "064",
        135,
        1.6,
        "highlands",
        [("BDH", LDLD_T + "Bình Định", "Bình Định", "052")],
    ),
    (
        "KHA",
        LDLD_T + "Khánh Hòa",
        "Khánh Hòa",
        "056",
        65,
        1.5,
        "central",
        [("NTN", LDLD_T + "Ninh Thuận", "Ninh Thuận", "058")],
    ),
    (
        "LDG",
        LDLD_T + "Lâm Đồng",
        "Lâm Đồng",
        "068",
        124,
        1.6,
        "highlands",
        [
            ("DNO", LDLD_T + "Đắk Nông", "Đắk Nông", "067"),
            ("BTN", LDLD_T + "Bình Thuận", "Bình Thuận", "060"),
        ],
    ),
    (
        "DLK",
        LDLD_T + "Đắk Lắk",
        "Đắk Lắk",
        "066",
        102,
        1.3,
        "highlands",
        [("PYN", LDLD_T + "Phú Yên", "Phú Yên", "054")],
    ),
    (
        "HCM",
        "Liên đoàn Lao động Thành phố Hồ Chí Minh",
        "TP Hồ Chí Minh",
        "079",
        168,
        22.0,
        "south",
        [
            ("BDG", LDLD_T + "Bình Dương", "Bình Dương", "074"),
            ("BRV", LDLD_T + "Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "077"),
        ],
    ),
    (
        "DNI",
        LDLD_T + "Đồng Nai",
        "Đồng Nai",
        "075",
        95,
        6.0,
        "south",
        [("BPC", LDLD_T + "Bình Phước", "Bình Phước", "070")],
    ),
    (
        "TNH",
        LDLD_T + "Tây Ninh",
        "Tây Ninh",
        "072",
        96,
        3.5,
        "south",
        [("LAN", LDLD_T + "Long An", "Long An", "080")],
    ),
    (
        "CTO",
        LDLD_TP + "Cần Thơ",
        "Cần Thơ",
        "092",
        103,
        1.8,
        "mekong",
        [
            ("STG", LDLD_T + "Sóc Trăng", "Sóc Trăng", "094"),
            ("HGI", LDLD_T + "Hậu Giang", "Hậu Giang", "093"),
        ],
    ),
    (
        "VLG",
        LDLD_T + "Vĩnh Long",
        "Vĩnh Long",
        "086",
        124,
        1.6,
        "mekong",
        [("BTE", LDLD_T + "Bến Tre", "Bến Tre", "083"), ("TVH", LDLD_T + "Trà Vinh", "Trà Vinh", "084")],
    ),
    (
        "DTP",
        LDLD_T + "Đồng Tháp",
        "Đồng Tháp",
        "087",
        102,
        1.6,
        "mekong",
        [("TGG", LDLD_T + "Tiền Giang", "Tiền Giang", "082")],
    ),
    (
        "CMU",
        LDLD_T + "Cà Mau",
        "Cà Mau",
        "096",
        64,
        0.9,
        "mekong",
        [("BLU", LDLD_T + "Bạc Liêu", "Bạc Liêu", "095")],
    ),
    (
        "AGG",
        LDLD_T + "An Giang",
        "An Giang",
        "089",
        102,
        1.8,
        "mekong",
        [("KGG", LDLD_T + "Kiên Giang", "Kiên Giang", "091")],
    ),
]

# Central industry unions and corporation unions directly under the national federation:
# (code, name, kind code, founded year, weight of grassroots unions, typical sector)
CENTRAL_UNIONS = [
    ("CTVN", "Công đoàn Công Thương Việt Nam", "central_industry", 1957, 3.0, "non_state"),
    ("GDVN", "Công đoàn Giáo dục Việt Nam", "central_industry", 1951, 2.0, "state"),
    ("EVN", "Công đoàn Tập đoàn Điện lực Việt Nam", "corporation", 1995, 1.5, "state"),
    ("YTVN", "Công đoàn Y tế Việt Nam", "central_industry", 1957, 1.5, "state"),
    ("VCVN", "Công đoàn Viên chức Việt Nam", "central_industry", 1993, 1.5, "state"),
    ("GTVN", "Công đoàn Giao thông Vận tải Việt Nam", "central_industry", 1957, 1.5, "state"),
    ("XDVN", "Công đoàn Xây dựng Việt Nam", "central_industry", 1957, 1.5, "non_state"),
    ("NNVN", "Công đoàn Nông nghiệp và Môi trường Việt Nam", "central_industry", 1957, 1.0, "state"),
    ("NHVN", "Công đoàn Ngân hàng Việt Nam", "central_industry", 1964, 1.5, "state"),
    ("TTVN", "Công đoàn Thông tin và Truyền thông Việt Nam", "central_industry", 1947, 0.8, "state"),
    ("CAND", "Công đoàn Công an nhân dân", "central_industry", 1955, 0.8, "state"),
    ("QPVN", "Công đoàn Quốc phòng", "central_industry", 1956, 1.0, "state"),
    ("DSVN", "Công đoàn Đường sắt Việt Nam", "corporation", 1955, 0.5, "state"),
    ("HKVN", "Công đoàn Tổng Công ty Hàng không Việt Nam", "corporation", 1996, 0.5, "state"),
    ("DKVN", "Công đoàn Dầu khí Việt Nam", "corporation", 1977, 1.0, "state"),
    ("TKV", "Công đoàn Than - Khoáng sản Việt Nam", "corporation", 1994, 1.0, "state"),
    ("VNTX", "Công đoàn Dệt May Việt Nam", "corporation", 1995, 0.8, "non_state"),
    ("VRG", "Công đoàn Cao su Việt Nam", "corporation", 1976, 0.8, "state"),
    ("VNPT", "Công đoàn Tập đoàn Bưu chính Viễn thông Việt Nam", "corporation", 2006, 0.6, "state"),
    ("VNCM", "Công đoàn Tổng Công ty Hàng hải Việt Nam", "corporation", 1995, 0.4, "state"),
]

# --- Lào Cai after 01/07/2025, grouped by the district federation that ended on 30/06/2025 ----------------
# (old province code, district code suffix, district federation name, [commune/ward names])
# Entries marked "*" exist in the small scenario already (they keep their scenario codes).
LAO_CAI_DISTRICTS = [
    (
        "LCI",
        "TP",
        "Liên đoàn Lao động thành phố Lào Cai",
        ["phường Lào Cai*", "phường Cam Đường*", "xã Hợp Thành"],
    ),
    (
        "LCI",
        "H01",
        "Liên đoàn Lao động thị xã Sa Pa",
        ["phường Sa Pa", "xã Tả Phìn", "xã Tả Van", "xã Mường Bo", "xã Bản Hồ", "xã Ngũ Chỉ Sơn"],
    ),
    (
        "LCI",
        "H02",
        "Liên đoàn Lao động huyện Bát Xát",
        [
            "xã Bát Xát",
            "xã A Mú Sung",
            "xã Trịnh Tường",
            "xã Y Tý",
            "xã Dền Sáng",
            "xã Bản Xèo",
            "xã Mường Hum",
            "xã Cốc San",
        ],
    ),
    (
        "LCI",
        "BT",
        "Liên đoàn Lao động huyện Bảo Thắng",
        ["xã Bảo Thắng*", "xã Phong Hải*", "xã Xuân Quang", "xã Tằng Loỏng", "xã Gia Phú"],
    ),
    (
        "LCI",
        "H03",
        "Liên đoàn Lao động huyện Bảo Yên",
        ["xã Bảo Yên", "xã Bảo Hà", "xã Nghĩa Đô", "xã Thượng Hà", "xã Xuân Hòa", "xã Phúc Khánh"],
    ),
    (
        "LCI",
        "H04",
        "Liên đoàn Lao động huyện Bắc Hà",
        ["xã Bắc Hà", "xã Bảo Nhai", "xã Lùng Phình", "xã Cốc Lầu", "xã Tả Củ Tỷ", "xã Bản Liền"],
    ),
    (
        "LCI",
        "H05",
        "Liên đoàn Lao động huyện Mường Khương",
        ["xã Mường Khương", "xã Bản Lầu", "xã Pha Long", "xã Cao Sơn"],
    ),
    ("LCI", "H06", "Liên đoàn Lao động huyện Si Ma Cai", ["xã Si Ma Cai", "xã Sín Chéng"]),
    (
        "LCI",
        "H07",
        "Liên đoàn Lao động huyện Văn Bàn",
        [
            "xã Văn Bàn",
            "xã Khánh Yên",
            "xã Dương Quỳ",
            "xã Chiềng Ken",
            "xã Minh Lương",
            "xã Nậm Chày",
            "xã Võ Lao",
            "xã Nậm Xé",
        ],
    ),
    (
        "YBI",
        "TP",
        "Liên đoàn Lao động thành phố Yên Bái",
        ["phường Yên Bái*", "phường Nam Cường", "phường Văn Phú", "phường Âu Lâu"],
    ),
    (
        "YBI",
        "H01",
        "Liên đoàn Lao động thị xã Nghĩa Lộ",
        ["phường Nghĩa Lộ", "phường Trung Tâm", "phường Cầu Thia"],
    ),
    (
        "YBI",
        "H02",
        "Liên đoàn Lao động huyện Lục Yên",
        ["xã Lục Yên", "xã Khánh Hòa", "xã Tân Lĩnh", "xã Mường Lai", "xã Lâm Thượng", "xã Phúc Lợi"],
    ),
    (
        "YBI",
        "H03",
        "Liên đoàn Lao động huyện Văn Yên",
        [
            "xã Mậu A",
            "xã Đông Cuông",
            "xã Lâm Giang",
            "xã Châu Quế",
            "xã Xuân Ái",
            "xã Mỏ Vàng",
            "xã Phong Dụ Hạ",
            "xã Phong Dụ Thượng",
            "xã Tân Hợp",
        ],
    ),
    (
        "YBI",
        "H04",
        "Liên đoàn Lao động huyện Mù Cang Chải",
        ["xã Mù Cang Chải", "xã Chế Tạo", "xã Khao Mang", "xã Púng Luông", "xã Lao Chải", "xã Nậm Có"],
    ),
    (
        "YBI",
        "H05",
        "Liên đoàn Lao động huyện Trạm Tấu",
        ["xã Trạm Tấu", "xã Tà Xi Láng", "xã Hạnh Phúc", "xã Phình Hồ"],
    ),
    (
        "YBI",
        "H06",
        "Liên đoàn Lao động huyện Văn Chấn",
        [
            "xã Văn Chấn",
            "xã Thượng Bằng La",
            "xã Chấn Thịnh",
            "xã Sơn Lương",
            "xã Gia Hội",
            "xã Tú Lệ",
            "xã Cát Thịnh",
            "xã Liên Sơn",
            "xã Nghĩa Tâm",
        ],
    ),
    (
        "YBI",
        "H07",
        "Liên đoàn Lao động huyện Yên Bình",
        ["xã Yên Bình", "xã Thác Bà", "xã Cảm Nhân", "xã Bảo Ái", "xã Yên Thành", "xã Phúc An"],
    ),
    (
        "YBI",
        "H08",
        "Liên đoàn Lao động huyện Trấn Yên",
        ["xã Trấn Yên", "xã Hưng Khánh", "xã Lương Thịnh", "xã Quy Mông", "xã Việt Hồng", "xã Âu Lâu Hạ"],
    ),
]

# Syllables of Vietnamese place names, to make commune names for the other provinces.
PLACE_SYLLABLES = (
    "An Bình Hòa Phú Tân Thạnh Long Xuân Hưng Đông Tây Nam Bắc Trung Quang Minh Thành Sơn Hải Lâm Phước "
    "Thuận Lộc Thọ Phong Vĩnh Khánh Định Mỹ Hiệp Hợp Nghĩa Tiến Thắng Lợi Đức Thịnh Vinh Hoa Hồng Châu "
    "Giang Thủy Hà Tiên Cát Kim Ngọc Thanh Yên Lạc Hương Điền Mai Lương Hậu Thượng Hạ Cẩm Gia Diên Quế "
    "Trà Liên Nhân Ái Hoàng Chánh Tú Sa Lai Mường Chiềng Na Bản Tam Tứ Ngũ Đại Tiểu Cao Vạn Phúc Thái "
    "Hiển Bảo Khương Văn Việt Kiến Tường Tịnh Hanh Hiếu Trường Quảng Thiện Lập Hội Lĩnh Đồng Nguyên"
).split()

INDUSTRIAL_PARK = "Công đoàn các Khu công nghiệp "

# --- Grassroots union names ---------------------------------------------------------------------------
BRANDS = (
    "Hoàng Long Thành Đạt Minh Phát Hưng Thịnh An Phát Phú Cường Việt Tiến Đại Dương Thăng Long Sao Mai "
    "Hòa Phát Trường Sơn Tân Tiến Bình Minh Hồng Hà Thái Sơn Phương Đông Nam Việt Đông Á Thiên Phú "
    "Kim Long Ánh Dương Hải Đăng Quang Minh Tràng An Hùng Vương Lạc Hồng Bảo Tín Gia Huy Phúc Lộc "
    "Vạn Xuân Thịnh Phát Toàn Cầu Đất Việt Tâm An Song Hành Hợp Nhất Tiên Phong Liên Việt Sông Hồng"
).split()
BRANDS = [" ".join(BRANDS[i : i + 2]) for i in range(0, len(BRANDS) - 1, 2)]
TRADES = [
    "Xây dựng",
    "Thương mại và Dịch vụ",
    "Vận tải",
    "May mặc",
    "Cơ khí",
    "Chế biến nông sản",
    "Khoáng sản",
    "Vật liệu xây dựng",
    "Du lịch",
    "Đầu tư và Phát triển",
    "Thực phẩm",
    "Gỗ",
    "Điện tử",
    "Bao bì",
    "Dược phẩm",
    "Chè",
    "Thủy sản",
    "Logistics",
]
FOREIGN = [
    "Hansae",
    "Youngone",
    "Pou Chen",
    "Shinwon",
    "Hanwha",
    "Canon",
    "Yazaki",
    "Hoya",
    "Nidec",
    "Foxconn",
    "Luxshare",
    "Goertek",
    "Brother",
    "Fuji Xerox",
    "Toyota Boshoku",
    "Crystal Martin",
    "Pungkook",
    "Changshin",
    "Taekwang",
    "Sumitomo",
    "Mabuchi",
    "Kyocera",
    "Terumo",
    "Olympus",
    "Jaguar",
]
FDI_TRADES = ["", "Điện tử ", "May mặc ", "Giày da ", "Linh kiện ", "Công nghệ "]
STATE_COMPANIES = [
    "Công ty TNHH MTV Thủy lợi",
    "Công ty TNHH MTV Lâm nghiệp",
    "Công ty Cổ phần Môi trường đô thị",
    "Công ty Cổ phần Cấp nước",
    "Công ty TNHH MTV Xổ số kiến thiết",
    "Công ty Điện lực",
    "Bưu điện",
    "Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn",
]
HEALTH = ["Trung tâm Y tế khu vực", "Bệnh viện Đa khoa khu vực", "Phòng khám Đa khoa khu vực"]
SCHOOLS = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường Tiểu học và THCS", "Trường THPT"]
COOPS = ["Hợp tác xã Nông nghiệp", "Hợp tác xã Chè", "Hợp tác xã Dịch vụ vận tải", "Hợp tác xã Rau an toàn"]
GUILDS = [
    "Nghiệp đoàn Xe ôm",
    "Nghiệp đoàn Tiểu thương chợ",
    "Nghiệp đoàn Lao động tự do",
    "Nghiệp đoàn Nghề cá",
]
STATE_OFFICES = [
    "Phòng Tài chính - Kế hoạch",
    "Phòng Nội vụ",
    "Phòng Tài nguyên và Môi trường",
    "Văn phòng HĐND và UBND",
    "Phòng Lao động - Thương binh và Xã hội",
]

# --- People -------------------------------------------------------------------------------------------
# Family names of the Kinh majority with rough frequencies (per thousand).
FAMILY = [
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 30),
    ("Huỳnh", 21),
    ("Phan", 45),
    ("Vũ", 21),
    ("Võ", 18),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 8),
    ("Trịnh", 6),
    ("Trương", 6),
    ("Mai", 5),
    ("Lương", 5),
    ("Đào", 5),
    ("Cao", 4),
    ("Hà", 4),
    ("Lâm", 3),
    ("Tạ", 3),
    ("Lưu", 3),
    ("Châu", 2),
    ("Tô", 2),
    ("Chu", 2),
    ("Phùng", 2),
    ("Kiều", 1),
    ("Quách", 1),
    ("Khúc", 1),
]
MIDDLE = {
    "M": [("Văn", 35), ("Đức", 10), ("Minh", 10), ("Quang", 7), ("Hữu", 6), ("Công", 5), ("Thành", 5),
          ("Xuân", 4), ("Ngọc", 4), ("Tuấn", 3), ("Anh", 3), ("Mạnh", 3), ("Trọng", 3), ("Đình", 4), ("Duy", 3)],
    "F": [("Thị", 45), ("Thu", 7), ("Ngọc", 7), ("Thanh", 6), ("Hồng", 5), ("Minh", 4), ("Phương", 4),
          ("Kim", 4), ("Thùy", 4), ("Mai", 3), ("Thúy", 3), ("Bích", 3), ("Diệu", 2), ("Hải", 3)],
}  # fmt: skip
GIVEN = {
    "M": (
        "An Anh Bảo Bình Cường Công Dũng Duy Đạt Đức Giang Hải Hào Hiếu Hoàng Hùng Huy Hưng Khánh Khoa Kiên "
        "Long Lâm Mạnh Minh Nam Nghĩa Phong Phúc Quang Quân Sơn Tài Thắng Thành Thịnh Toàn Trung Tuấn Tùng "
        "Việt Vinh Vũ Hiển Hậu Lợi Lộc Phát Tâm Thái Thiện Tiến Trí Trọng Tú Tường Hòa Khải Nhật Đông Tân"
    ).split(),
    "F": (
        "Anh Chi Dung Duyên Giang Hà Hằng Hạnh Hiền Hoa Hồng Hương Huyền Lan Linh Loan Ly Mai My Nga Ngọc "
        "Nhung Oanh Phương Quỳnh Thảo Thu Thủy Trang Tuyết Uyên Vân Yến Nhàn Thơm Liên Lý Ngân Nhi Tâm Thắm "
        "Thư Trâm Vy Xuân Diệp Hậu Hoài Huệ Khánh Lệ Lụa Mơ Nguyệt Quyên Sen Tươi Hiên Gấm"
    ).split(),
}
# Names of the larger ethnic minorities: (ethnicity code, family names, male middles, female middles)
MINORITY_NAMES = {
    "02": (["Hoàng", "Nông", "Lương", "Ma", "Hà", "La", "Lộc"], ["Văn", "Đức"], ["Thị"]),  # Tày
    "03": (["Lò", "Lường", "Cầm", "Quàng", "Điêu", "Vì"], ["Văn"], ["Thị"]),  # Thái
    "04": (
        ["Lâm", "Quách", "Trương", "Lưu", "Mã", "Hứa"],
        ["Quốc", "Văn", "Chí"],
        ["Mỹ", "Thị", "Ngọc"],
    ),  # Hoa
    "05": (["Thạch", "Danh", "Sơn", "Kim", "Lâm"], ["Văn", "Sóc"], ["Thị"]),  # Khơ Me
    "06": (["Bùi", "Đinh", "Quách", "Hà", "Xa"], ["Văn"], ["Thị"]),  # Mường
    "07": (["Nông", "Hoàng", "Lương", "Vi", "Lục"], ["Văn"], ["Thị"]),  # Nùng
    "08": (
        ["Giàng", "Vàng", "Thào", "Lý", "Sùng", "Hầu", "Mùa", "Lù"],
        ["A", "Seo", "Văn"],
        ["Thị", "Mí"],
    ),  # Mông
    "09": (["Triệu", "Bàn", "Đặng", "Lý", "Chảo", "Phùng"], ["Văn", "Tòn", "Kim"], ["Thị", "Mẩy"]),  # Dao
    "10": (["Rơ Mah", "Ksor", "Siu", "Rơ Châm", "Kpă"], [""], ["H'"]),  # Gia Rai
    "12": (["Niê", "Mlô", "Byă", "Ksơr", "Êban"], ["Y"], ["H'"]),  # Ê Đê
    "25": (["Lù", "Hoàng", "Vương", "Sần"], ["Văn"], ["Thị"]),  # Giáy
}
# Ethnic mix of union members by region (codes of congdoan.members.constants.ETHNICITIES, per mille).
ETHNIC_MIX = {
    "north": [("01", 985), ("06", 8), ("02", 4), ("04", 3)],
    "central": [("01", 985), ("03", 7), ("06", 5), ("26", 3)],
    "south": [("01", 955), ("04", 35), ("05", 10)],
    "mekong": [("01", 920), ("05", 65), ("04", 15)],
    "highlands": [("01", 850), ("10", 50), ("12", 50), ("13", 15), ("16", 15), ("07", 10), ("02", 10)],
    "mountain": [("01", 600), ("02", 140), ("03", 80), ("07", 60), ("08", 50), ("09", 40), ("06", 30)],
    # Lào Cai: Kinh most among wage earners, then Tày, Dao, Mông, Giáy, Nùng, Thái, Phù Lá, Hà Nhì…
    "laocai": [("01", 560), ("02", 120), ("09", 90), ("08", 80), ("25", 35), ("07", 35), ("03", 45),
               ("40", 10), ("35", 8), ("06", 12), ("15", 5)],
}  # fmt: skip

# What members of each kind of grassroots union do, and how many of them are women (per mille).
JOBS = {
    "school": (["Giáo viên", "Giáo viên", "Nhân viên kế toán", "Nhân viên thư viện", "Bảo vệ"], 750),
    "health": (["Bác sĩ", "Điều dưỡng", "Điều dưỡng", "Dược sĩ", "Kỹ thuật viên xét nghiệm"], 650),
    "state_co": (["Kỹ sư", "Công nhân vận hành", "Nhân viên văn phòng", "Kế toán", "Lái xe"], 300),
    "company": (["Công nhân", "Công nhân", "Nhân viên kinh doanh", "Kế toán", "Thợ cơ khí", "Lái xe"], 360),
    "fdi": (["Công nhân may", "Công nhân lắp ráp", "Công nhân", "Tổ trưởng sản xuất", "Kỹ thuật viên"], 620),
    "coop": (["Xã viên", "Công nhân chế biến", "Lái xe"], 500),
    "guild": (["Lao động tự do", "Tiểu thương", "Lái xe ôm", "Thợ xây"], 400),
    "office": (["Chuyên viên", "Chuyên viên", "Văn thư", "Kế toán"], 500),
    "mining": (["Công nhân khai thác", "Kỹ sư mỏ", "Thợ vận hành máy", "Lái xe"], 150),
}
EDUCATION_BY_CATEGORY = {
    "school": [("university", 70), ("college", 15), ("master", 10), ("upper_secondary", 5)],
    "health": [("university", 45), ("college", 30), ("vocational", 15), ("master", 8), ("doctor", 2)],
    "office": [("university", 75), ("master", 15), ("college", 10)],
}
EDUCATION_DEFAULT = [
    ("upper_secondary", 45),
    ("lower_secondary", 20),
    ("vocational", 12),
    ("college", 8),
    ("university", 13),
    ("primary", 2),
]
