"""The same consolidation as pandas_consolidate.py, in polars (read_excel with its
calamine engine, write_excel through xlsxwriter), plan forms passed over, counted per
commune and sub-committee.

    python3 bench/peers/polars_consolidate.py DIR OUT.xlsx
"""

import pathlib
import sys

import polars as pl
import xlsxwriter


def main() -> None:
    folder, out = sys.argv[1], sys.argv[2]
    frames = []
    for path in sorted(pathlib.Path(folder).rglob("*.xlsx")):
        if path.name.startswith("ke-hoach"):
            continue
        df = pl.read_excel(path, engine="calamine", read_options={"header_row": 6})
        df = df.filter(
            pl.col("STT").is_not_null() & (pl.col("Tên chuyên đề") != "Tổng cộng")
        ).with_columns(
            pl.lit(path.relative_to(folder).parts[0]).alias("Xã"),
            pl.lit(path.parent.name).alias("Tiểu ban"),
            pl.lit(str(path.relative_to(folder))).alias("Tệp"),
        )
        frames.append(df)
    classes = pl.concat(frames, how="diagonal_relaxed")
    summary = classes.group_by("Xã", "Tiểu ban").agg(
        pl.col("Tên chuyên đề").count().alias("so_lop"),
        pl.col("Số học viên").sum().alias("hoc_vien"),
    ).sort("Xã", "Tiểu ban")
    with xlsxwriter.Workbook(out) as wb:
        summary.write_excel(wb, worksheet="Tổng hợp")
        classes.write_excel(wb, worksheet="Danh sách lớp")
    print(f"{classes.height} classes {int(classes['Số học viên'].sum())} learners")


if __name__ == "__main__":
    main()
