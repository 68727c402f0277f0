//! Kế hoạch – Thực hiện: every registered class with what became of it (held, not yet
//! due, overdue), then the classes held without being planned.

use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, ExcelDateTime, RowNum, Worksheet, XlsxError,
};

use super::fit_height;
use super::{Ctx, List};
use crate::check::plan_vs_held::PlanStatus;
use crate::classes::{ClassRow, PlannedClass};
use crate::labels::{appendix as a, roman, sheet as s};
use crate::report::formats::cell_text;

const LAST: ColNum = 8;
const WIDTHS: [f64; 9] = [6.0, 28.0, 32.0, 12.0, 11.0, 16.0, 32.0, 12.0, 11.0];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let headings = [
        s::STT,
        s::SUBCOMMITTEE,
        s::TOPIC,
        a::WHEN,
        a::EXPECTED_LEARNERS,
        a::STATUS,
        a::HELD_AS,
        a::HELD_ON,
        s::LEARNERS,
    ]
    .map(|h| ctx.t(h));
    let list = List {
        name: ctx.t(a::SHEET_PLAN_VS_HELD),
        widths: &WIDTHS,
        title: ctx.yearly_title(a::TITLE_PLAN_VS_HELD),
        headings: &headings,
        tall_headings: true,
    };
    let header = list.top(ws, ctx)?;
    let mut row = header + 1;
    if c.planned.is_empty() {
        ws.merge_range(row, 0, row, LAST, ctx.t(a::NO_REGISTRATIONS), &ctx.f.text)?;
        row += 1;
    }
    let row = planned_rows(ws, ctx, row)?;
    let last_planned = row.saturating_sub(1);
    let row = unplanned_rows(ws, ctx, row)?;
    if last_planned > header {
        let status = format!("$F{}", header + 2);
        let rule = format!("={status}=\"{}\"", ctx.t(a::OVERDUE));
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(&ctx.f.short);
        ws.add_conditional_format(header + 1, 0, row.saturating_sub(1), LAST, &cf)?;
    }
    list.end(ws, ctx, header, row)
}

/// The plan's name of sub-committee `i`.
fn sub_name<'a>(ctx: &Ctx<'a>, i: usize) -> &'a str {
    ctx.c
        .plan
        .subcommittees
        .get(i)
        .map_or("", |sc| sc.name.as_str())
}

/// Every registered class from `row` with what became of it; returns the next row.
fn planned_rows(ws: &mut Worksheet, ctx: &Ctx, mut row: RowNum) -> Result<RowNum, XlsxError> {
    let c = ctx.c;
    // In plan order, then by planned period, as the appendix lists them.
    let mut order: Vec<(&PlannedClass, &PlanStatus)> =
        c.planned.iter().zip(&c.plan_vs_held.planned).collect();
    order.sort_by_key(|(p, _)| (p.subcommittee, p.quarter, p.month));
    for (i, (p, status)) in order.into_iter().enumerate() {
        planned_row(ws, ctx, row, i, p, status)?;
        row += 1;
    }
    Ok(row)
}

/// The `i`th registered class: who, what, when, how many, and the class held for it.
fn planned_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    i: usize,
    p: &PlannedClass,
    status: &PlanStatus,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let when = match p.month {
        Some(m) => format!("{} {m}", ctx.t(a::MONTH_WORD)),
        None => format!("{} {}", ctx.t(s::QUARTER), roman(p.quarter)),
    };
    let (word, held) = match status {
        PlanStatus::Held(h) => (a::HELD, ctx.c.classes.get(*h)),
        PlanStatus::NotYetHeld => (a::NOT_YET, None),
        PlanStatus::Overdue => (a::OVERDUE, None),
    };
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, sub_name(ctx, p.subcommittee), &f.text)?;
    ws.write_string_with_format(row, 2, cell_text(&p.topic), &f.text)?;
    ws.write_string_with_format(row, 3, &when, &f.text_center)?;
    ws.write_number_with_format(row, 4, f64::from(p.learners), &f.int)?;
    ws.write_string_with_format(row, 5, ctx.t(word), &f.text_center)?;
    held_cells(ws, ctx, row, held)?;
    let held_topic = held.map_or("", |h| h.topic.as_str());
    fit_height(
        ws,
        row,
        &[
            (&p.topic, WIDTHS[2]),
            (held_topic, WIDTHS[6]),
            (sub_name(ctx, p.subcommittee), WIDTHS[1]),
        ],
    )
}

/// The classes held without being planned, from `row`, numbered on after the
/// registered ones; returns the next row.
fn unplanned_rows(ws: &mut Worksheet, ctx: &Ctx, mut row: RowNum) -> Result<RowNum, XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    // Without registrations every class would be "unplanned": the note above says so
    // once instead of listing the whole of Danh sách lớp again.
    let unplanned: &[usize] = if c.planned.is_empty() {
        &[]
    } else {
        &c.plan_vs_held.unplanned
    };
    for (n, h) in unplanned
        .iter()
        .filter_map(|i| c.classes.get(*i))
        .enumerate()
    {
        ws.write_number_with_format(row, 0, (c.planned.len() + n + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, sub_name(ctx, h.subcommittee), &f.text)?;
        for col in 2..=4 {
            ws.write_blank(row, col, &f.text)?;
        }
        ws.write_string_with_format(row, 5, ctx.t(a::UNPLANNED), &f.text_center)?;
        held_cells(ws, ctx, row, Some(h))?;
        fit_height(
            ws,
            row,
            &[
                (&h.topic, WIDTHS[6]),
                (sub_name(ctx, h.subcommittee), WIDTHS[1]),
            ],
        )?;
        row += 1;
    }
    Ok(row)
}

/// The held class's topic, date and learners, or blanks.
fn held_cells(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: u32,
    held: Option<&ClassRow>,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    match held {
        Some(h) => {
            let d = h.date;
            ws.write_string_with_format(row, 6, cell_text(&h.topic), &f.text)?;
            let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, 7, &date, &f.date)?;
            ws.write_number_with_format(row, 8, f64::from(h.learners), &f.int)?;
        }
        None => {
            ws.write_blank(row, 6, &f.text)?;
            ws.write_blank(row, 7, &f.text)?;
            ws.write_blank(row, 8, &f.text)?;
        }
    }
    Ok(())
}
