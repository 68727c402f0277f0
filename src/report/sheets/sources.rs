//! Nguồn: every file of the folder, what became of it and of its rows, and its SHA-256,
//! so the district office can tell exactly which files a report was made from.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};

use super::Ctx;
use super::{fit_height, header_row, sum, title, widths};
use crate::labels::{l, sheet as s};
use crate::report::formats::{cell_text, page_setup};

const LAST: ColNum = 8;
const WIDTHS: [f64; 9] = [6.0, 32.0, 10.0, 40.0, 9.0, 9.0, 9.0, 9.0, 50.0];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(l::SHEET_SOURCES))?;
    widths(ws, &WIDTHS)?;
    let t = format!(
        "{} — {}",
        ctx.t(s::TITLE_SOURCES),
        c.plan.unit.to_uppercase()
    );
    let header = title(ws, ctx, &t, LAST)?;
    let headings = [
        s::STT,
        s::FILE,
        s::FILE_STATUS,
        s::REASON,
        s::ROWS_READ,
        s::ROWS_ACCEPTED,
        s::ROWS_REJECTED,
        s::ROWS_DUPLICATE,
        s::SHA256,
    ]
    .map(|h| ctx.t(h));
    header_row(ws, ctx, header, &headings)?;
    ws.set_row_height(header, 32)?;
    let first = header + 1;
    let mut row = first;
    for (i, file) in c.files.iter().enumerate() {
        let reason = file
            .reason
            .as_ref()
            .map(|p| p.message(ctx.lang))
            .unwrap_or_default();
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, cell_text(&file.path), &f.text)?;
        ws.write_string_with_format(row, 2, ctx.t(file.status.label()), &f.text)?;
        ws.write_string_with_format(row, 3, cell_text(&reason), &f.text)?;
        let l = &file.ledger;
        for (at, v) in [
            (4, l.read),
            (5, l.accepted),
            (6, l.rejected),
            (7, l.duplicate),
        ] {
            ws.write_number_with_format(row, at, v as f64, &f.int)?;
        }
        ws.write_string_with_format(row, 8, file.sha256.as_deref().unwrap_or(""), &f.hash)?;
        fit_height(ws, row, &[(&file.path, WIDTHS[1]), (&reason, WIDTHS[3])])?;
        row += 1;
    }
    let last = row.saturating_sub(1);
    ws.merge_range(row, 0, row, 3, ctx.t(s::TOTAL), &f.total_text)?;
    let t = c.totals();
    for (at, v) in [
        (4, t.read),
        (5, t.accepted),
        (6, t.rejected),
        (7, t.duplicate),
    ] {
        sum(ws, row, at, first, last, v, &f.total_int)?;
    }
    ws.write_blank(row, 8, &f.total_text)?;
    ws.autofilter(header, 0, last.max(header), LAST)?;
    ws.set_freeze_panes(first, 0)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}
