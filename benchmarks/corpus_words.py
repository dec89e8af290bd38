"""Word lists for the benchmark corpus (benchmarks/corpus.py), our own: provinces and their
districts, officials' names and posts, departments, documents, periods and counted nouns."""

from __future__ import annotations

PROVINCES: dict[str, tuple[str, ...]] = {
    "Vĩnh Phúc": ("Vĩnh Yên", "Phúc Yên", "Yên Lạc", "Tam Dương", "Bình Xuyên"),
    "Bắc Ninh": ("Từ Sơn", "Quế Võ", "Tiên Du", "Gia Bình"),
    "Thái Nguyên": ("Phổ Yên", "Sông Công", "Đại Từ", "Phú Bình"),
    "Phú Thọ": ("Việt Trì", "Lâm Thao", "Thanh Sơn", "Hạ Hòa"),
    "Nghệ An": ("Vinh", "Diễn Châu", "Quỳnh Lưu", "Nghĩa Đàn", "Con Cuông"),
    "Hà Tĩnh": ("Hồng Lĩnh", "Kỳ Anh", "Hương Khê", "Cẩm Xuyên"),
    "Quảng Bình": ("Đồng Hới", "Bố Trạch", "Lệ Thủy", "Quảng Trạch"),
    "Quảng Nam": ("Tam Kỳ", "Hội An", "Điện Bàn", "Núi Thành", "Thăng Bình"),
    "Quảng Ngãi": ("Đức Phổ", "Bình Sơn", "Tư Nghĩa", "Mộ Đức"),
    "Bình Định": ("Quy Nhơn", "An Nhơn", "Hoài Nhơn", "Phù Cát"),
    "Đắk Lắk": ("Buôn Ma Thuột", "Krông Pắc", "Cư M'gar", "Ea Kar"),
    "Lâm Đồng": ("Đà Lạt", "Bảo Lộc", "Đức Trọng", "Di Linh"),
    "Long An": ("Tân An", "Đức Hòa", "Bến Lức", "Cần Giuộc"),
    "Tiền Giang": ("Mỹ Tho", "Gò Công", "Cai Lậy", "Châu Thành"),
    "Cà Mau": ("Năm Căn", "Đầm Dơi", "Trần Văn Thời", "U Minh"),
    "Lào Cai": ("Sa Pa", "Bảo Thắng", "Bát Xát", "Văn Bàn"),
    "Yên Bái": ("Nghĩa Lộ", "Văn Yên", "Trấn Yên", "Lục Yên"),
    "Thanh Hóa": ("Sầm Sơn", "Bỉm Sơn", "Nghi Sơn", "Thọ Xuân", "Hoằng Hóa"),
    "Hải Dương": ("Chí Linh", "Kinh Môn", "Cẩm Giàng", "Gia Lộc"),
    "Nam Định": ("Giao Thủy", "Hải Hậu", "Ý Yên", "Xuân Trường"),
    "Ninh Bình": ("Tam Điệp", "Hoa Lư", "Kim Sơn", "Nho Quan"),
    "Sóc Trăng": ("Vĩnh Châu", "Ngã Năm", "Kế Sách", "Mỹ Xuyên"),
}
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Hà", "Đinh", "Lương", "Trịnh", "Đào", "Cao", "Lâm", "Tạ", "Mai")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thế", "Công", "Đình",
          "Bá", "Duy", "Hồng", "Kim", "Quang", "Anh", "Trọng", "Thu")
GIVEN = ("Hùng", "Dũng", "Nam", "Bình", "Hải", "Long", "Tuấn", "Hương", "Lan", "Mai", "Thắng", "Sơn",
         "Phương", "Tùng", "Vinh", "Quân", "Hòa", "Thảo", "Trung", "Khánh", "Cường", "Đông", "Hiếu",
         "Yến", "Nga", "Thủy", "Kiên", "Toàn", "Lợi", "Chiến", "Nhung", "Tâm", "Huy", "Đạt")
PROVINCE_POSTS = ("Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND tỉnh",
                  "Phó Chủ tịch UBND tỉnh", "Chủ tịch HĐND tỉnh", "Trưởng Ban Tổ chức Tỉnh ủy",
                  "Trưởng Ban Tuyên giáo Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
                  "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Giám đốc Sở Kế hoạch và Đầu tư",
                  "Giám đốc Sở Tài chính",
                  "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh")
DISTRICT_POSTS = ("Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND huyện",
                  "Chủ tịch HĐND huyện", "Phó Chủ tịch UBND huyện")
DEPARTMENTS = ("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nông nghiệp và Phát triển nông thôn",
               "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Công Thương", "Sở Xây dựng",
               "Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội", "Cục Thuế tỉnh",
               "Kho bạc Nhà nước tỉnh", "Ban Quản lý các khu công nghiệp tỉnh")
# (type, abbreviation after the number, issuer written after "của")
DOCUMENTS = (("Quyết định", "QĐ-UBND", "UBND tỉnh"), ("Quyết định", "QĐ-TU", "Ban Thường vụ Tỉnh ủy"),
             ("Nghị quyết", "NQ/TU", "Ban Chấp hành Đảng bộ tỉnh"), ("Nghị quyết", "NQ-HĐND", "HĐND tỉnh"),
             ("Chỉ thị", "CT/TU", "Ban Thường vụ Tỉnh ủy"), ("Kế hoạch", "KH-UBND", "UBND tỉnh"),
             ("Kết luận", "KL/TU", "Ban Thường vụ Tỉnh ủy"), ("Công văn", "UBND-KT", "UBND tỉnh"),
             ("Thông báo", "TB/TU", "Tỉnh ủy"))
ROMAN = ("I", "II", "III", "IV")
HALF = ("6 tháng đầu năm {y}", "quý I/{y}", "9 tháng năm {y}", "11 tháng năm {y}", "năm {y}",
        "quý III/{y}", "tháng 10/{y}")
SAME_PERIOD = ("so với cùng kỳ", "so với cùng kỳ năm trước", "so với năm {p}")
APPROX = ("", "", "", "hơn ", "trên ", "gần ", "khoảng ", "xấp xỉ ")
# counted noun -> (low, high)
COUNTS: dict[str, tuple[int, int]] = {
    "đảng viên": (80, 4_500), "dự án": (3, 160), "doanh nghiệp": (40, 1_800), "hộ": (200, 25_000),
    "xã": (2, 40), "ha": (50, 12_000), "trường": (3, 60), "vụ": (5, 400), "lao động": (500, 30_000),
    "tổ chức cơ sở đảng": (5, 90), "km": (5, 300),
}
