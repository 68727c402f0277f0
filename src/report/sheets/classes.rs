//! Danh sách lớp: every class counted, with where it was read, so any figure can be
//! traced to its row.

use chrono::Datelike;
use rust_xlsxwriter::{ColNum, ConditionalFormatFormula, ExcelDateTime, Worksheet, XlsxError};

use rayon::prelude::*;

use super::{header_row, lines_needed, set_lines, title, widths};
use crate::labels::{l, sheet as s};
use crate::normalise::dates::quarter_of;
use crate::report::formats::{cell_text, page_setup};
use crate::report::workbook::Ctx;

const LAST: ColNum = 13;
const WIDTHS: [f64; 14] = [
    6.0, 30.0, 36.0, 12.0, 6.0, 16.0, 10.0, 7.0, 7.0, 18.0, 14.0, 30.0, 10.0, 7.0,
];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(l::SHEET_CLASSES))?;
    widths(ws, &WIDTHS)?;
    let t = format!(
        "{} {} — {}",
        ctx.t(s::TITLE_CLASSES),
        c.plan.year,
        c.plan.unit.to_uppercase()
    );
    let header = title(ws, ctx, &t, LAST)?;
    let headings = [
        s::STT,
        s::SUBCOMMITTEE,
        s::TOPIC,
        s::DATE,
        s::QUARTER,
        s::VILLAGE,
        s::LEARNERS,
        s::MALE,
        s::FEMALE,
        s::TEACHER,
        s::NOTE,
        s::SOURCE_FILE,
        s::SOURCE_SHEET,
        s::SOURCE_ROW,
    ]
    .map(|h| ctx.t(h));
    header_row(ws, ctx, header, &headings)?;
    ws.set_row_height(header, 32)?;
    for (c, format) in [
        &f.list_center,
        &f.list_text,
        &f.list_text,
        &f.list_date,
        &f.list_center,
        &f.list_text,
        &f.list_int,
        &f.list_int,
        &f.list_int,
        &f.list_text,
        &f.list_text,
        &f.list_text,
        &f.list_text,
        &f.list_center,
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_format(c as ColNum, format)?;
    }
    let mut row = header + 1;
    // In plan order, then by date, as a secretary would file them; the source columns
    // still lead back to where each was read.
    let mut classes: Vec<&crate::classes::ClassRow> = c.classes.iter().collect();
    classes.sort_by(|a, b| {
        (a.subcommittee, a.date, &a.source.file, a.source.row).cmp(&(
            b.subcommittee,
            b.date,
            &b.source.file,
            b.source.row,
        ))
    });
    // How tall each row must be, worked out on every core before the rows are
    // written one by one.
    let lines: Vec<u32> = classes
        .par_iter()
        .map(|class| lines_needed(&wrapped(ctx, class)))
        .collect();
    for (i, class) in classes.into_iter().enumerate() {
        let name = subcommittee_name(ctx, class);
        let d = class.date;
        // The date as its serial number: written with a date format, `write_datetime`
        // would look up a default format for every row first.
        let date =
            ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?.to_excel();
        // Unformatted: each cell takes its column's format (see `Formats::list_text`).
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, name)?;
        ws.write_string(row, 2, cell_text(&class.topic))?;
        ws.write_number(row, 3, date)?;
        ws.write_number(row, 4, f64::from(quarter_of(d)))?;
        ws.write_string(row, 5, cell_text(&class.village))?;
        ws.write_number(row, 6, f64::from(class.learners))?;
        for (at, v) in [(7, class.male), (8, class.female)] {
            if let Some(n) = v {
                ws.write_number(row, at, f64::from(n))?;
            }
        }
        ws.write_string(row, 9, cell_text(&class.teacher))?;
        ws.write_string(row, 10, cell_text(&class.note))?;
        ws.write_string(row, 11, cell_text(&class.source.file))?;
        ws.write_string(row, 12, cell_text(&class.source.sheet))?;
        ws.write_number(row, 13, f64::from(class.source.row))?;
        set_lines(ws, row, lines.get(i).copied().unwrap_or(1))?;
        row += 1;
    }
    if row > header + 1 {
        let borders = ConditionalFormatFormula::new()
            .set_rule("=TRUE")
            .set_format(&f.list_border);
        ws.add_conditional_format(header + 1, 0, row - 1, LAST, &borders)?;
    }
    ws.autofilter(header, 0, row.saturating_sub(1).max(header), LAST)?;
    ws.set_freeze_panes(header + 1, 0)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}

/// The wrapped cells of a class's row, with their column widths.
fn wrapped<'a>(ctx: &'a Ctx, class: &'a crate::classes::ClassRow) -> [(&'a str, f64); 6] {
    [
        (subcommittee_name(ctx, class), WIDTHS[1]),
        (class.topic.as_str(), WIDTHS[2]),
        (class.village.as_str(), WIDTHS[5]),
        (class.teacher.as_str(), WIDTHS[9]),
        (class.note.as_str(), WIDTHS[10]),
        (class.source.file.as_str(), WIDTHS[11]),
    ]
}

/// The plan's name of the class's sub-committee.
fn subcommittee_name<'a>(ctx: &'a Ctx, class: &crate::classes::ClassRow) -> &'a str {
    ctx.c
        .plan
        .subcommittees
        .get(class.subcommittee)
        .map_or("", |sc| sc.name.as_str())
}
