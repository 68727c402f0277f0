"""Fills tthtcd's forms as the secretary of another commune would (openpyxl), for
tests/other_commune.rs: Xã Yên Bình's 2024 plan over the embedded 2019 plan form, then
some of the forms `tthtcd template --plan ke-hoach.xlsx` writes from it.

Usage:
  fill_other_commune.py plan FILE          fill the plan form FILE in place
  fill_other_commune.py slip SRC DST       DST: SRC with quarter 4's classes typed 4, not 5
  fill_other_commune.py forms FORMS DEST   fill some forms of FORMS into the folder DEST

Every figure here is the one tests/other_commune.rs works out by hand; change both
together. The forms are loaded and saved as they are (no rows deleted: the sheets are
protected with unlocked input cells), so the rest of each form survives."""
import datetime as dt
import os
import shutil
import sys

import openpyxl

# --- The plan -------------------------------------------------------------------------

ITEMS = {
    "Đơn vị": "Xã Yên Bình",
    "Trung tâm": "Trung tâm học tập cộng đồng xã Yên Bình",
    "Năm": 2024,
    "Dân số từ 15 tuổi trở lên": 4100,
    # 950 planned learners / 4100 = 23.17 %, written rounded as 23.2 %.
    "Tỷ lệ người học / dân số từ 15 tuổi (kế hoạch)": 0.232,
    "Số thôn": 4,
    "Hạn nộp báo cáo (ngày của tháng sau)": 10,
    "Số học viên tối đa một lớp": 150,
}

# Mã (blank: made from the name), Tên tiểu ban, Tên gọi khác, Số lớp, Số học viên.
SUBCOMMITTEES = [
    (None, "Nông nghiệp", "NN; Trồng trọt", 6, 240),
    ("tin-hoc", "Tin học", "TH; Công nghệ thông tin", 4, 120),
    (None, "Ngoại ngữ", "Tiếng Anh", 3, 90),
    ("skcd", "Sức khỏe cộng đồng", "Y tế; CSSK", 5, 300),
    (None, "Kỹ năng sống", "KNS", 4, 200),
]

# Quý: Số lớp, Số học viên.
QUARTERS = [(5, 200), (6, 250), (6, 280), (5, 220)]

# Tiêu chí (blank on a further indicator), Chỉ số, So sánh, Ngưỡng (%).
CRITERIA = [
    ("1. Người lớn biết dùng máy tính", "Người từ 15 tuổi biết dùng máy tính", "≥", 40),
    ("2. Chăm sóc sức khỏe ban đầu", "Trẻ dưới 5 tuổi suy dinh dưỡng thấp còi", "<", 15),
    (None, "Trạm y tế xã đạt chuẩn quốc gia", "Có/Không", None),
    ("3. Kế hoạch xây dựng xã hội học tập", "Xã có kế hoạch xây dựng xã hội học tập", "Có/Không", None),
]

VILLAGES = ["Thôn Bình An", "Thôn Bình Minh", "Thôn Yên Thượng", "Thôn Yên Hạ"]


def rows_from(ws, first, values, width):
    """Writes `values` from row `first`, then clears every later row's first `width`
    cells: the seed's leftovers, cleared as a secretary clears them."""
    # `ws.cell(..., value=None)` would leave the seed's value: assign instead.
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            ws.cell(row=first + i, column=1 + j).value = v
    for r in range(first + len(values), ws.max_row + 1):
        for c in range(1, width + 1):
            ws.cell(row=r, column=c).value = None


def fill_plan(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Kế hoạch"]
    for r in range(2, ws.max_row + 1):
        label = ws.cell(row=r, column=1).value
        if label in ITEMS:
            ws.cell(row=r, column=2, value=ITEMS[label])
    rows_from(wb["Tiểu ban"], 2, SUBCOMMITTEES, 5)
    ws = wb["Theo quý"]
    for q, (classes, learners) in enumerate(QUARTERS):
        ws.cell(row=2 + q, column=2, value=classes)
        ws.cell(row=2 + q, column=3, value=learners)
    rows_from(wb["Tiêu chí"], 2, CRITERIA, 4)
    rows_from(wb["Thôn"], 2, [(v,) for v in VILLAGES], 1)
    wb.save(path)


def slip(src, dst):
    wb = openpyxl.load_workbook(src)
    wb["Theo quý"]["B5"] = 4
    wb.save(dst)


# --- The forms ------------------------------------------------------------------------

def signed(day, month):
    return f"Yên Bình, ngày {day} tháng {month} năm 2024"


# Monthly reports: (form id, file in DEST, month, signed (day, month), classes).
# A class: topic, (day, month), village, learners, women, teacher.
REPORTS = [
    ("nong-nghiep", "nong-nghiep/thang-03.xlsx", 3, (2, 4), [
        ("Kỹ thuật trồng lúa", (5, 3), "Thôn Bình An", 55, 20, "KS. Lê Văn Hùng"),
        ("Phòng trừ sâu bệnh", (19, 3), "Thôn Yên Hạ", 45, 18, "KS. Lê Văn Hùng"),
    ]),
    # Signed on 15 June: after the 10th, late.
    ("nong-nghiep", "nong-nghiep/thang-05.xlsx", 5, (15, 6), [
        ("Nuôi gà thả vườn", (14, 5), "Thôn Bình Minh", 30, 12, "BS thú y Phạm Văn Tâm"),
    ]),
    ("tin-hoc", "tin-hoc/thang-04.xlsx", 4, (8, 5), [
        ("Tin học văn phòng", (10, 4), "Thôn Yên Thượng", 25, 14, "Đỗ Minh Quân"),
    ]),
    ("tin-hoc", "tin-hoc/thang-09.xlsx", 9, (5, 10), [
        ("Sử dụng điện thoại thông minh", (12, 9), "Thôn Bình An", 45, 30, "Đỗ Minh Quân"),
    ]),
    # A month with no class: the report is still sent, and counts as received.
    ("ngoai-ngu", "ngoai-ngu/thang-02.xlsx", 2, (5, 3), []),
    ("ngoai-ngu", "ngoai-ngu/thang-08.xlsx", 8, (9, 9), [
        ("Tiếng Trung cơ bản", (8, 8), "Thôn Bình Minh", 28, 16, "Vũ Thị Lan"),
    ]),
    ("ngoai-ngu", "ngoai-ngu/thang-11.xlsx", 11, (6, 12), [
        ("Tiếng Anh giao tiếp", (15, 11), "Thôn Yên Thượng", 30, 20, "Vũ Thị Lan"),
        ("Tiếng Anh cho trẻ em", (22, 11), "Thôn Bình An", 35, 19, "Vũ Thị Lan"),
    ]),
]

# The shared form for June: each row names its sub-committee by another name.
SHARED = ("chung/thang-06.xlsx", 6, (5, 7), [
    ("Y tế", "Sơ cứu ban đầu", (20, 6), "Thôn Bình Minh", 60, 40, "BS. Ngô Thị Thu"),
    ("KNS", "Phòng chống đuối nước", (25, 6), "Thôn Yên Hạ", 50, 25, "Hoàng Văn Bình"),
])

# Registrations: topic, planned month, village, learners, in charge, with.
REGISTRATIONS = {
    "nong-nghiep": [
        ("Kỹ thuật trồng lúa", "Tháng 3", "Thôn Bình An", 50, "KS. Lê Văn Hùng", "Hội Nông dân"),
        ("Trồng nấm rơm", "Tháng 7", "Thôn Bình An", 30, "KS. Lê Văn Hùng", "Hội Nông dân"),
    ],
    "tin-hoc": [
        ("Tin học văn phòng", "Tháng 4", "Thôn Yên Thượng", 25, "Đỗ Minh Quân", "Đoàn Thanh niên"),
    ],
}


def month_title(ws, month):
    ws["A4"] = ws["A4"].value.replace("......", str(month))


def put_rows(ws, rows):
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.cell(row=8 + i, column=1 + j, value=v)


def signature(ws, rows, column, on):
    # Two rows under the last class, as a secretary signs and dates a report.
    ws.cell(row=8 + max(rows, 1) + 1, column=column, value=signed(*on))


def date(day_month):
    return dt.datetime(2024, day_month[1], day_month[0])


def fill_report(forms, dest, form_id, rel, month, on, classes):
    path = os.path.join(dest, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copy(os.path.join(forms, f"bao-cao-thang-{form_id}.xlsx"), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Báo cáo tháng"]
    month_title(ws, month)
    put_rows(ws, [
        (i + 1, topic, date(day), village, learners, women, teacher)
        for i, (topic, day, village, learners, women, teacher) in enumerate(classes)
    ])
    signature(ws, len(classes), 5, on)
    wb.save(path)


def fill_shared(forms, dest):
    rel, month, on, classes = SHARED
    path = os.path.join(dest, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copy(os.path.join(forms, "bao-cao-thang-chung.xlsx"), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Báo cáo tháng"]
    month_title(ws, month)
    put_rows(ws, [
        (i + 1, sub, topic, date(day), village, learners, women, teacher)
        for i, (sub, topic, day, village, learners, women, teacher) in enumerate(classes)
    ])
    signature(ws, len(classes), 6, on)
    wb.save(path)


def fill_registration(forms, dest, form_id, rows):
    path = os.path.join(dest, "dang-ky", f"dang-ky-{form_id}.xlsx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copy(os.path.join(forms, f"dang-ky-{form_id}.xlsx"), path)
    wb = openpyxl.load_workbook(path)
    put_rows(wb["Đăng ký"], [(i + 1, *row) for i, row in enumerate(rows)])
    wb.save(path)


def fill_criteria(forms, dest):
    path = os.path.join(dest, "tieu-chi.xlsx")
    shutil.copy(os.path.join(forms, "tieu-chi.xlsx"), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Tiêu chí"]
    rows = {ws.cell(row=r, column=2).value: r for r in range(1, ws.max_row + 1)}

    def put(name, value=None, numerator=None, denominator=None, source=None):
        r = rows[name]
        for col, v in ((4, value), (5, numerator), (6, denominator), (8, source)):
            if v is not None:
                ws.cell(row=r, column=col, value=v)

    # 1722 / 4100 = 42 %.
    put("Người từ 15 tuổi biết dùng máy tính", numerator=1722, denominator=4100,
        source="Điều tra của Đoàn Thanh niên")
    put("Trẻ dưới 5 tuổi suy dinh dưỡng thấp còi", value=12, source="Trạm y tế")
    put("Trạm y tế xã đạt chuẩn quốc gia", value="Không")
    put("Xã có kế hoạch xây dựng xã hội học tập", value="Có")
    wb.save(path)


def fill_forms(forms, dest):
    os.makedirs(dest, exist_ok=True)
    for form_id, rel, month, on, classes in REPORTS:
        fill_report(forms, dest, form_id, rel, month, on, classes)
    fill_shared(forms, dest)
    for form_id, rows in REGISTRATIONS.items():
        fill_registration(forms, dest, form_id, rows)
    fill_criteria(forms, dest)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "plan":
        fill_plan(sys.argv[2])
    elif command == "slip":
        slip(sys.argv[2], sys.argv[3])
    elif command == "forms":
        fill_forms(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown command {command!r}: plan, slip or forms")
