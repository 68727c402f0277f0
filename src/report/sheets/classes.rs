//! Danh sách lớp: every class counted, with where it was read, so any figure can be
//! traced to its row.

use chrono::Datelike;
use rust_xlsxwriter::{ColNum, ExcelDateTime, Worksheet, XlsxError};

use super::{fit_height, header_row, title, widths};
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
    for (i, class) in classes.into_iter().enumerate() {
        let name = c
            .plan
            .subcommittees
            .get(class.subcommittee)
            .map_or("", |sc| sc.name.as_str());
        let d = class.date;
        let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, name, &f.text)?;
        ws.write_string_with_format(row, 2, cell_text(&class.topic), &f.text)?;
        ws.write_datetime_with_format(row, 3, &date, &f.date)?;
        ws.write_number_with_format(row, 4, f64::from(quarter_of(d)), &f.text_center)?;
        ws.write_string_with_format(row, 5, cell_text(&class.village), &f.text)?;
        ws.write_number_with_format(row, 6, f64::from(class.learners), &f.int)?;
        for (at, v) in [(7, class.male), (8, class.female)] {
            match v {
                Some(n) => ws.write_number_with_format(row, at, f64::from(n), &f.int)?,
                None => ws.write_blank(row, at, &f.int)?,
            };
        }
        ws.write_string_with_format(row, 9, cell_text(&class.teacher), &f.text)?;
        ws.write_string_with_format(row, 10, cell_text(&class.note), &f.text)?;
        ws.write_string_with_format(row, 11, cell_text(&class.source.file), &f.text)?;
        ws.write_string_with_format(row, 12, cell_text(&class.source.sheet), &f.text)?;
        ws.write_number_with_format(row, 13, f64::from(class.source.row), &f.text_center)?;
        let wrapped = [
            (name, WIDTHS[1]),
            (class.topic.as_str(), WIDTHS[2]),
            (class.village.as_str(), WIDTHS[5]),
            (class.teacher.as_str(), WIDTHS[9]),
            (class.note.as_str(), WIDTHS[10]),
            (class.source.file.as_str(), WIDTHS[11]),
        ];
        fit_height(ws, row, &wrapped)?;
        row += 1;
    }
    ws.autofilter(header, 0, row.saturating_sub(1).max(header), LAST)?;
    ws.set_freeze_panes(header + 1, 0)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}
