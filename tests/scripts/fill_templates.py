"""Fills two of tthtcd's blank forms the way another program would (openpyxl), for
tests/templates.rs: the pháp luật monthly report for March, the registration form of
'Các chương trình khác', and one row of the shared report form. Usage: fill_templates.py FOLDER"""
import datetime as dt
import sys

import openpyxl

folder = sys.argv[1]

wb = openpyxl.load_workbook(f"{folder}/bao-cao-thang-phap-luat.xlsx")
ws = wb["Báo cáo tháng"]
ws["A4"] = ws["A4"].value.replace("......", "3")
rows = [
    (1, "Luật Giao thông đường bộ", dt.datetime(2019, 3, 5), "Thôn Đông", 45, 20, "Nguyễn Văn A"),
    (2, "Luật Đất đai", dt.datetime(2019, 3, 19), "Thôn Tây", 38, 15, "Trần Thị B"),
]
for i, row in enumerate(rows):
    for j, value in enumerate(row):
        ws.cell(row=8 + i, column=1 + j, value=value)
wb.save(f"{folder}/bao-cao-thang-phap-luat.xlsx")

wb = openpyxl.load_workbook(f"{folder}/dang-ky-khac.xlsx")
ws = wb["Đăng ký"]
rows = [
    (1, "Tin học cơ bản", "Tháng 3", "Thôn Đông", 30, "Trịnh Văn Đức", "Đoàn Thanh niên"),
    (2, "Tiếng Anh giao tiếp", "Tháng 9", "Thôn Tây", 25, "Cao Thị Yến", "Hội Phụ nữ"),
]
for i, row in enumerate(rows):
    for j, value in enumerate(row):
        ws.cell(row=8 + i, column=1 + j, value=value)
wb.save(f"{folder}/dang-ky-khac.xlsx")

wb = openpyxl.load_workbook(f"{folder}/bao-cao-thang-chung.xlsx")
ws = wb["Báo cáo tháng"]
row = (1, "Tiểu ban chăm sóc sức khỏe", "Phòng chống sốt xuất huyết", dt.datetime(2019, 4, 2), "Thôn Nam", 50, 30, "BS. Ngô Thị Thu")
for j, value in enumerate(row):
    ws.cell(row=8, column=1 + j, value=value)
wb.save(f"{folder}/bao-cao-thang-chung.xlsx")

# The criteria form: find each indicator's row by its name (column B).
wb = openpyxl.load_workbook(f"{folder}/tieu-chi.xlsx")
ws = wb["Tiêu chí"]
rows = {ws.cell(row=r, column=2).value: r for r in range(1, ws.max_row + 1)}
def put(name, value=None, numerator=None, denominator=None, evidence=None, source=None):
    r = rows[name]
    for col, v in ((4, value), (5, numerator), (6, denominator), (7, evidence), (8, source)):
        if v is not None:
            ws.cell(row=r, column=col, value=v)
put("Trẻ dưới 3 tuổi đến nhà trẻ", value=48, evidence="Có", source="Trường mầm non")
put("Gia đình đăng ký gia đình hiếu học", numerator=1530, denominator=1760, evidence="Chưa có")
put("Dòng họ hiếu học tiêu biểu", numerator=12, denominator=30)
put("Có nghị quyết, kế hoạch của Đảng ủy, UBND về xây dựng xã hội học tập", value="Có")
put("Trẻ dưới 5 tuổi suy dinh dưỡng thấp còi", value="15%")
wb.save(f"{folder}/tieu-chi.xlsx")
