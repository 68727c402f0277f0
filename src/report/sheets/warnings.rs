//! Cảnh báo: every problem found, with where it is and what to do about it.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};

use super::Ctx;
use super::{fit_height, header_row, title, widths};
use crate::labels::{l, sheet as s};
use crate::report::formats::{cell_text, page_setup};

const LAST: ColNum = 6;
const WIDTHS: [f64; 7] = [6.0, 10.0, 20.0, 26.0, 12.0, 7.0, 72.0];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(l::SHEET_WARNINGS))?;
    widths(ws, &WIDTHS)?;
    let t = format!(
        "{} — {}",
        ctx.t(s::TITLE_WARNINGS),
        c.plan.unit.to_uppercase()
    );
    let header = title(ws, ctx, &t, LAST)?;
    let headings = [
        s::STT,
        s::SEVERITY,
        s::CODE,
        s::FILE,
        s::SOURCE_SHEET,
        s::CELL,
        s::MESSAGE,
    ]
    .map(|h| ctx.t(h));
    header_row(ws, ctx, header, &headings)?;
    let mut row = header + 1;
    if c.diagnostics.is_empty() {
        ws.merge_range(row, 0, row, LAST, ctx.t(s::NO_PROBLEMS), &f.text)?;
        row += 1;
    }
    for (i, d) in c.diagnostics.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, ctx.t(d.severity().label()), &f.text)?;
        ws.write_string_with_format(row, 2, d.code(), &f.text)?;
        ws.write_string_with_format(row, 3, cell_text(d.file.as_deref().unwrap_or("")), &f.text)?;
        ws.write_string_with_format(row, 4, cell_text(d.sheet.as_deref().unwrap_or("")), &f.text)?;
        ws.write_string_with_format(row, 5, d.cell.as_deref().unwrap_or(""), &f.text_center)?;
        let message = d.message(ctx.lang);
        ws.write_string_with_format(row, 6, cell_text(&message), &f.text)?;
        let file = d.file.as_deref().unwrap_or("");
        fit_height(ws, row, &[(file, WIDTHS[3]), (&message, WIDTHS[6])])?;
        row += 1;
    }
    ws.autofilter(header, 0, row - 1, LAST)?;
    ws.set_freeze_panes(header + 1, 0)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}
