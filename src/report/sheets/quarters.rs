//! Theo quý: each quarter against the plan's quarter targets.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};

use super::Ctx;
use super::{
    ListCol, classes_formula, counted, figures_header, learners_formula, list_range, ratio, sum,
    title, widths,
};
use crate::labels::{l, roman, sheet as s};
use crate::report::formats::page_setup;

const LAST: ColNum = 10;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(l::SHEET_QUARTERS))?;
    widths(
        ws,
        &[6.0, 14.0, 9.0, 11.0, 9.0, 10.0, 9.0, 11.0, 9.0, 10.0, 15.0],
    )?;
    let t = format!(
        "{} {} — {}",
        ctx.t(s::TITLE_QUARTERS),
        c.plan.year,
        c.plan.unit.to_uppercase()
    );
    let h1 = title(ws, ctx, &t, LAST)?;
    let h2 = figures_header(ws, ctx, h1, ctx.t(s::QUARTER))?;
    let first = h2 + 1;
    let mut row = first;
    for q in &c.summary.quarters {
        ws.write_number_with_format(row, 0, f64::from(q.quarter), &f.text_center)?;
        let name = format!("{} {}", ctx.t(s::QUARTER), roman(q.quarter));
        ws.write_string_with_format(row, 1, &name, &f.text_center)?;
        for (at, m) in [(2, &q.classes), (6, &q.learners)] {
            ws.write_number_with_format(row, at, m.target as f64, &f.int)?;
            ws.write_number_with_format(row, at + 1, m.expected as f64, &f.int)?;
            ws.write_number_with_format(row, at + 2, m.actual as f64, &f.int)?;
            ratio(ws, row, at + 3, (at + 2, m.actual), (at, m.target), &f.pct)?;
        }
        let criteria = list_range(ctx, ListCol::Quarter)
            .map(|quarters| format!("{quarters},{}", q.quarter))
            .unwrap_or_default();
        let (count, sum) = (
            classes_formula(ctx, &criteria),
            learners_formula(ctx, &criteria),
        );
        counted(ws, row, 4, count, q.classes.actual, &f.int)?;
        counted(ws, row, 8, sum, q.learners.actual, &f.int)?;
        ws.write_string_with_format(row, LAST, ctx.t(q.status.label()), &f.text_center)?;
        row += 1;
    }
    let last = row - 1;
    ws.merge_range(row, 0, row, 1, ctx.t(s::TOTAL), &f.total_text)?;
    let qs = &c.summary.quarters;
    for at in [2, 6] {
        let pick = |g: &dyn Fn(&crate::check::Measure) -> u64| -> u64 {
            qs.iter()
                .map(|q| g(if at == 2 { &q.classes } else { &q.learners }))
                .sum()
        };
        let (target, expected, actual) = (
            pick(&|m| m.target),
            pick(&|m| m.expected),
            pick(&|m| m.actual),
        );
        sum(ws, row, at, first, last, target, &f.total_int)?;
        sum(ws, row, at + 1, first, last, expected, &f.total_int)?;
        sum(ws, row, at + 2, first, last, actual, &f.total_int)?;
        ratio(
            ws,
            row,
            at + 3,
            (at + 2, actual),
            (at, target),
            &f.total_pct,
        )?;
    }
    ws.write_blank(row, LAST, &f.total_text)?;
    super::summary::highlight_short(ws, ctx, first, last)?;
    ws.set_freeze_panes(first, 0)?;
    page_setup(ws, (h1, h2), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}
