//! Theo tháng: classes and learners of each sub-committee in each month, with totals
//! across and down.

use rust_xlsxwriter::{ColNum, Formula, RowNum, Worksheet, XlsxError};

use super::Ctx;
use super::{
    ListCol, classes_formula, col, counted, learners_formula, list_range, sum, title, widths,
};
use crate::labels::{l, sheet as s};
use crate::report::formats::page_setup;

/// STT, name, 12 months, year.
const YEAR_COL: ColNum = 14;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    ws.set_name(ctx.t(l::SHEET_MONTHS))?;
    let mut w = vec![6.0, 36.0];
    w.extend([6.5; 12]);
    w.push(9.0);
    widths(ws, &w)?;
    let t = format!(
        "{} {} — {}",
        ctx.t(s::TITLE_MONTHS),
        c.plan.year,
        c.plan.unit.to_uppercase()
    );
    let mut row = title(ws, ctx, &t, YEAR_COL)?;
    let header = row + 1;
    row = block(ws, ctx, row, ctx.t(s::CLASSES), false)?;
    row = block(ws, ctx, row + 1, ctx.t(s::LEARNERS), true)?;
    let _ = row;
    ws.set_freeze_panes(header + 1, 2)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}

/// `=SUMIFS(…)` of the classes (or learners) of this row's sub-committee dated within
/// `month`.
fn month_formula(ctx: &Ctx, row: RowNum, month: u32, learners: bool) -> Option<String> {
    let names = list_range(ctx, ListCol::SubCommittee)?;
    let dates = list_range(ctx, ListCol::Date)?;
    let year = ctx.c.plan.year;
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let criteria = format!(
        "{names},$B{r},{dates},\">=\"&DATE({year},{month},1),{dates},\"<\"&DATE({ny},{nm},1)",
        r = row + 1
    );
    if learners {
        learners_formula(ctx, &criteria)
    } else {
        classes_formula(ctx, &criteria)
    }
}

/// One block (a caption row, a header row, a row a sub-committee, a totals row);
/// returns the row after it.
fn block(
    ws: &mut Worksheet,
    ctx: &Ctx,
    start: RowNum,
    caption: &str,
    learners: bool,
) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    ws.merge_range(start, 0, start, YEAR_COL, caption, &f.unit)?;
    let header = start + 1;
    ws.write_string_with_format(header, 0, ctx.t(s::STT), &f.header)?;
    ws.write_string_with_format(header, 1, ctx.t(s::SUBCOMMITTEE), &f.header)?;
    for m in 0..12u16 {
        ws.write_string_with_format(
            header,
            2 + m,
            format!("{}{}", ctx.t(s::MONTH_PREFIX), m + 1),
            &f.header,
        )?;
    }
    ws.write_string_with_format(header, YEAR_COL, ctx.t(s::YEAR), &f.header)?;
    let first = header + 1;
    let mut row = first;
    let mut month_totals = [0u64; 12];
    // Months after the as-of month have no figures yet: their cells stay empty rather
    // than show a 0 nobody has reported.
    let shown = |m: usize| {
        use chrono::Datelike;
        m < ctx.c.summary.as_of.date.month() as usize
    };
    for (i, (sc, months)) in ctx
        .c
        .summary
        .subcommittees
        .iter()
        .zip(&ctx.c.summary.months)
        .enumerate()
    {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, &sc.name, &f.text)?;
        let mut year = 0u64;
        for (m, cell) in months.iter().enumerate() {
            let v = if learners {
                cell.learners
            } else {
                cell.classes
            };
            year += v;
            if let Some(t) = month_totals.get_mut(m) {
                *t += v;
            }
            if !shown(m) {
                ws.write_blank(row, 2 + m as ColNum, &f.int)?;
                continue;
            }
            counted(
                ws,
                row,
                2 + m as ColNum,
                month_formula(ctx, row, m as u32 + 1, learners),
                v,
                &f.int,
            )?;
        }
        let across = Formula::new(format!("=SUM({}{r}:{}{r})", col(2), col(13), r = row + 1))
            .set_result(year.to_string());
        ws.write_formula_with_format(row, YEAR_COL, across, &f.total_int)?;
        row += 1;
    }
    let last = row - 1;
    ws.merge_range(row, 0, row, 1, ctx.t(s::TOTAL), &f.total_text)?;
    for (m, v) in month_totals.iter().enumerate() {
        if shown(m) {
            sum(ws, row, 2 + m as ColNum, first, last, *v, &f.total_int)?;
        } else {
            ws.write_blank(row, 2 + m as ColNum, &f.total_int)?;
        }
    }
    sum(
        ws,
        row,
        YEAR_COL,
        first,
        last,
        month_totals.iter().sum(),
        &f.total_int,
    )?;
    // The running total: what has been done by the end of each month.
    let cumulative = row + 1;
    ws.merge_range(
        cumulative,
        0,
        cumulative,
        1,
        ctx.t(s::CUMULATIVE),
        &f.total_text,
    )?;
    let mut running = 0u64;
    for (m, v) in month_totals.iter().enumerate() {
        running += v;
        let c = 2 + m as ColNum;
        if !shown(m) {
            ws.write_blank(cumulative, c, &f.total_int)?;
            continue;
        }
        let here = format!("{}{}", col(c), row + 1);
        let formula = if m == 0 {
            format!("={here}")
        } else {
            format!("={}{}+{here}", col(c - 1), cumulative + 1)
        };
        ws.write_formula_with_format(
            cumulative,
            c,
            Formula::new(formula).set_result(running.to_string()),
            &f.total_int,
        )?;
    }
    ws.write_blank(cumulative, YEAR_COL, &f.total_int)?;
    Ok(cumulative + 2)
}
