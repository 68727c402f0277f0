//! Cảnh báo: every problem found, with where it is and what to do about it.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::fit_height;
use super::{Ctx, List, Page};
use crate::diagnostics::Diagnostic;
use crate::labels::{l, sheet as s};
use crate::report::formats::cell_text;

/// The columns: STT, then the problem's from column 1 (see [`problem_row`]).
pub const WIDTHS: [f64; 7] = [6.0, 10.0, 20.0, 26.0, 12.0, 7.0, 72.0];
pub const HEADINGS: [crate::labels::Label; 7] = [
    s::STT,
    s::SEVERITY,
    s::CODE,
    s::FILE,
    s::SOURCE_SHEET,
    s::CELL,
    s::MESSAGE,
];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let headings = HEADINGS.map(|h| ctx.t(h));
    let list = List {
        name: ctx.t(l::SHEET_WARNINGS),
        widths: &WIDTHS,
        title: ctx.unit_title(s::TITLE_WARNINGS),
        headings: &headings,
        tall_headings: false,
    };
    let header = list.top(ws, ctx)?;
    let mut row = header + 1;
    if c.diagnostics.is_empty() {
        let last = list.last_col();
        ws.merge_range(row, 0, row, last, ctx.t(s::NO_PROBLEMS), &ctx.f.text)?;
        row += 1;
    }
    for (i, d) in c.diagnostics.iter().enumerate() {
        problem_row(ws, ctx, (row, 1), i, d)?;
        row += 1;
    }
    list.end(ws, ctx, header, row)
}

/// The `i`th problem at `row`: its number in column 0, then from column `at` how bad,
/// its code, where, and what it says.
pub fn problem_row(
    ws: &mut Worksheet,
    ctx: &Page,
    (row, at): (RowNum, ColNum),
    i: usize,
    d: &Diagnostic,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let file = d.file.as_deref().unwrap_or("");
    let message = d.message(ctx.lang);
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    let cells = [
        ctx.t(d.severity().label()),
        d.code(),
        file,
        d.sheet.as_deref().unwrap_or(""),
    ];
    for (k, text) in cells.into_iter().enumerate() {
        ws.write_string_with_format(row, at + k as ColNum, cell_text(text), &f.text)?;
    }
    ws.write_string_with_format(row, at + 4, d.cell.as_deref().unwrap_or(""), &f.text_center)?;
    ws.write_string_with_format(row, at + 5, cell_text(&message), &f.text)?;
    fit_height(ws, row, &[(file, WIDTHS[3]), (&message, WIDTHS[6])])
}
