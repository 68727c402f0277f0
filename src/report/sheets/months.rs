//! Theo tháng: classes and learners of each sub-committee in each month, with totals
//! across and down.

use rust_xlsxwriter::{ColNum, Formula, RowNum, Worksheet, XlsxError};

use super::Ctx;
use super::{
    ListCol, classes_formula, col, counted, learners_formula, list_range, name_criterion, sum,
    title, widths,
};
use crate::labels::{l, sheet as s};

/// STT, name, 12 months, year.
const YEAR_COL: ColNum = 14;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    ws.set_name(ctx.t(l::SHEET_MONTHS))?;
    let mut w = vec![6.0, 36.0];
    w.extend([6.5; 12]);
    w.push(9.0);
    widths(ws, &w)?;
    let row = title(ws, ctx, &ctx.yearly_title(s::TITLE_MONTHS), YEAR_COL)?;
    // The classes block's headings stay in view and head every printed page.
    let header = row + 1;
    let row = block(ws, ctx, row, ctx.t(s::CLASSES), false)?;
    block(ws, ctx, row + 1, ctx.t(s::LEARNERS), true)?;
    ws.set_freeze_panes(header + 1, 2)?;
    ctx.page_setup(ws, (header, header))
}

/// `=SUMIFS(…)` of the classes (or learners) of the sub-committee `who` picks (see
/// [`name_criterion`]) dated within `month`; None when there is no such formula.
fn month_formula(ctx: &Ctx, who: Option<&str>, month: u32, learners: bool) -> Option<String> {
    let who = who?;
    let dates = list_range(ctx, ListCol::Date)?;
    let year = ctx.c.plan.year;
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let criteria =
        format!("{who},{dates},\">=\"&DATE({year},{month},1),{dates},\"<\"&DATE({ny},{nm},1)");
    if learners {
        learners_formula(ctx, &criteria)
    } else {
        classes_formula(ctx, &criteria)
    }
}

/// One block (a caption row, a header row, a row a sub-committee, a totals row and
/// the running total); returns the row after it.
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
    heading(ws, ctx, header)?;
    let first = header + 1;
    let mut row = first;
    let mut month_totals = [0u64; 12];
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
        let values = months.map(|cell| {
            if learners {
                cell.learners
            } else {
                cell.classes
            }
        });
        let who = name_criterion(ctx, row, &sc.name);
        month_cells(ws, ctx, row, &values, (who.as_deref(), learners))?;
        for (total, v) in month_totals.iter_mut().zip(values) {
            *total += v;
        }
        row += 1;
    }
    totals(ws, ctx, row, first, &month_totals)?;
    running_total(ws, ctx, row + 1, &month_totals)?;
    Ok(row + 3)
}

/// Months after the as-of month have no figures yet: their cells stay empty rather
/// than show a 0 nobody has reported. `m` is 0 for January.
fn shown(ctx: &Ctx, m: usize) -> bool {
    use chrono::Datelike;
    m < ctx.c.summary.as_of.date.month() as usize
}

/// STT, Tiểu ban, T1 … T12, Năm.
fn heading(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.write_string_with_format(row, 0, ctx.t(s::STT), &f.header)?;
    ws.write_string_with_format(row, 1, ctx.t(s::SUBCOMMITTEE), &f.header)?;
    for m in 0..12u16 {
        ws.write_string_with_format(
            row,
            2 + m,
            format!("{}{}", ctx.t(s::MONTH_PREFIX), m + 1),
            &f.header,
        )?;
    }
    ws.write_string_with_format(row, YEAR_COL, ctx.t(s::YEAR), &f.header)?;
    Ok(())
}

/// A sub-committee's month `values`, each counted from Danh sách lớp by the criteria
/// `who` (see [`name_criterion`]), and the year's sum across them.
fn month_cells(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    values: &[u64; 12],
    (who, learners): (Option<&str>, bool),
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    for (m, v) in values.iter().enumerate() {
        let at = 2 + m as ColNum;
        if !shown(ctx, m) {
            ws.write_blank(row, at, &f.int)?;
            continue;
        }
        let formula = month_formula(ctx, who, m as u32 + 1, learners);
        counted(ws, row, at, formula, *v, &f.int)?;
    }
    let year: u64 = values.iter().sum();
    let across = Formula::new(format!("=SUM({}{r}:{}{r})", col(2), col(13), r = row + 1))
        .set_result(year.to_string());
    ws.write_formula_with_format(row, YEAR_COL, across, &f.total_int)?;
    Ok(())
}

/// "Tổng cộng" at `row`: each month's sum down the rows from `first`, and the year's.
fn totals(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    first: RowNum,
    month_totals: &[u64; 12],
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let last = row - 1;
    ws.merge_range(row, 0, row, 1, ctx.t(s::TOTAL), &f.total_text)?;
    for (m, v) in month_totals.iter().enumerate() {
        if shown(ctx, m) {
            sum(ws, row, 2 + m as ColNum, first, last, *v, &f.total_int)?;
        } else {
            ws.write_blank(row, 2 + m as ColNum, &f.total_int)?;
        }
    }
    let year = month_totals.iter().sum();
    sum(ws, row, YEAR_COL, first, last, year, &f.total_int)
}

/// The running total at `row`, under the totals row: what has been done by the end of
/// each month.
fn running_total(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    month_totals: &[u64; 12],
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let totals_row = row - 1;
    ws.merge_range(row, 0, row, 1, ctx.t(s::CUMULATIVE), &f.total_text)?;
    let mut running = 0u64;
    for (m, v) in month_totals.iter().enumerate() {
        running += v;
        let c = 2 + m as ColNum;
        if !shown(ctx, m) {
            ws.write_blank(row, c, &f.total_int)?;
            continue;
        }
        let here = format!("{}{}", col(c), totals_row + 1);
        let formula = if m == 0 {
            format!("={here}")
        } else {
            format!("={}{}+{here}", col(c - 1), row + 1)
        };
        ws.write_formula_with_format(
            row,
            c,
            Formula::new(formula).set_result(running.to_string()),
            &f.total_int,
        )?;
    }
    ws.write_blank(row, YEAR_COL, &f.total_int)?;
    Ok(())
}
