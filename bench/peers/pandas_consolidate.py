"""The consolidation a district office would otherwise write in pandas: read every
report's class table, stack them, count classes and learners per sub-committee and
write both to a workbook.

    python3 bench/peers/pandas_consolidate.py DIR OUT.xlsx --engine openpyxl|calamine

Each report has a six-row title block, then the header row ("STT", "Tên chuyên đề",
"Ngày mở lớp", "Địa điểm", "Số học viên", "Trong đó nữ", "Báo cáo viên"), the
classes and a "Tổng cộng" row; the sub-committee is the report's folder, the commune
the first folder under DIR (each commune is counted on its own). A commune's plan form
(ke-hoach.xlsx) is not a report and is passed over. Prints the totals so the benchmark
can check every tool counted the same.
"""

import argparse
import pathlib

import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--engine", choices=["openpyxl", "calamine"], required=True)
    args = ap.parse_args()

    frames = []
    for path in sorted(pathlib.Path(args.folder).rglob("*.xlsx")):
        if path.name.startswith("ke-hoach"):
            continue
        df = pd.read_excel(path, header=6, engine=args.engine)
        df = df[df["STT"].notna() & (df["Tên chuyên đề"] != "Tổng cộng")]
        df["Xã"] = path.relative_to(args.folder).parts[0]
        df["Tiểu ban"] = path.parent.name
        df["Tệp"] = str(path.relative_to(args.folder))
        frames.append(df)
    classes = pd.concat(frames, ignore_index=True)
    summary = classes.groupby(["Xã", "Tiểu ban"]).agg(
        so_lop=("Tên chuyên đề", "count"), hoc_vien=("Số học viên", "sum")
    )
    with pd.ExcelWriter(args.out, engine="xlsxwriter") as writer:
        summary.to_excel(writer, sheet_name="Tổng hợp")
        classes.to_excel(writer, sheet_name="Danh sách lớp", index=False)
    print(f"{len(classes)} classes {int(classes['Số học viên'].sum())} learners")


if __name__ == "__main__":
    main()
