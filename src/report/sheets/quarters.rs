//! Theo quý: each quarter against the plan's quarter targets.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::Ctx;
use super::{
    ListCol, figures_header, figures_row, figures_totals, highlight_short, list_range, title,
    widths,
};
use crate::check::{Measure, QuarterResult};
use crate::labels::{l, roman, sheet as s};

const LAST: ColNum = 10;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let quarters = &ctx.c.summary.quarters;
    ws.set_name(ctx.t(l::SHEET_QUARTERS))?;
    widths(
        ws,
        &[6.0, 14.0, 9.0, 11.0, 9.0, 10.0, 9.0, 11.0, 9.0, 10.0, 15.0],
    )?;
    let h1 = title(ws, ctx, &ctx.yearly_title(s::TITLE_QUARTERS), LAST)?;
    let h2 = figures_header(ws, ctx, h1, ctx.t(s::QUARTER))?;
    let first = h2 + 1;
    let mut row = first;
    for q in quarters {
        quarter_row(ws, ctx, row, q)?;
        row += 1;
    }
    let last = row - 1;
    let classes = added(quarters.iter().map(|q| &q.classes));
    let learners = added(quarters.iter().map(|q| &q.learners));
    figures_totals(ws, ctx, row, (first, last), (&classes, &learners))?;
    highlight_short(ws, ctx, first, last)?;
    ws.set_freeze_panes(first, 0)?;
    ctx.page_setup(ws, (h1, h2))
}

/// "Quý II" and its figures against the quarter's targets.
fn quarter_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    q: &QuarterResult,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.write_number_with_format(row, 0, f64::from(q.quarter), &f.text_center)?;
    let name = format!("{} {}", ctx.t(s::QUARTER), roman(q.quarter));
    ws.write_string_with_format(row, 1, &name, &f.text_center)?;
    let criteria =
        list_range(ctx, ListCol::Quarter).map(|quarters| format!("{quarters},{}", q.quarter));
    figures_row(ws, ctx, row, (&q.classes, &q.learners), criteria.as_deref())?;
    ws.write_string_with_format(row, LAST, ctx.t(q.status.label()), &f.text_center)?;
    Ok(())
}

/// The four quarters' figures added up: the quarter targets need not add up to the
/// year's (the 2019 plan's do not), so the totals row adds what it shows.
pub fn added<'a>(measures: impl Iterator<Item = &'a Measure>) -> Measure {
    measures.fold(
        Measure {
            target: 0,
            expected: 0,
            actual: 0,
        },
        |a, m| Measure {
            target: a.target + m.target,
            expected: a.expected + m.expected,
            actual: a.actual + m.actual,
        },
    )
}
