//! Kế hoạch – Thực hiện: every registered class with what became of it (held, not yet
//! due, overdue), then the classes held without being planned.

use chrono::Datelike;
use rust_xlsxwriter::{ColNum, ConditionalFormatFormula, ExcelDateTime, Worksheet, XlsxError};

use super::Ctx;
use super::{fit_height, header_row, title, widths};
use crate::check::plan_vs_held::PlanStatus;
use crate::classes::ClassRow;
use crate::labels::{appendix as a, roman, sheet as s};
use crate::report::formats::{cell_text, page_setup};

const LAST: ColNum = 8;
const WIDTHS: [f64; 9] = [6.0, 28.0, 32.0, 12.0, 11.0, 16.0, 32.0, 12.0, 11.0];

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(a::SHEET_PLAN_VS_HELD))?;
    widths(ws, &WIDTHS)?;
    let t = format!(
        "{} {} — {}",
        ctx.t(a::TITLE_PLAN_VS_HELD),
        c.plan.year,
        c.plan.unit.to_uppercase()
    );
    let header = title(ws, ctx, &t, LAST)?;
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
    header_row(ws, ctx, header, &headings)?;
    ws.set_row_height(header, 32)?;
    let mut row = header + 1;
    if c.planned.is_empty() {
        ws.merge_range(row, 0, row, LAST, ctx.t(a::NO_REGISTRATIONS), &f.text)?;
        row += 1;
    }
    let sub_name = |i: usize| {
        c.plan
            .subcommittees
            .get(i)
            .map_or("", |sc| sc.name.as_str())
    };
    // In plan order, then by planned period, as the appendix lists them.
    let mut order: Vec<(&crate::classes::PlannedClass, &PlanStatus)> =
        c.planned.iter().zip(&c.plan_vs_held.planned).collect();
    order.sort_by_key(|(p, _)| (p.subcommittee, p.quarter, p.month));
    for (i, (p, status)) in order.into_iter().enumerate() {
        let when = match p.month {
            Some(m) => format!("{} {m}", ctx.t(a::MONTH_WORD)),
            None => format!("{} {}", ctx.t(s::QUARTER), roman(p.quarter)),
        };
        let (word, held) = match status {
            PlanStatus::Held(h) => (a::HELD, c.classes.get(*h)),
            PlanStatus::NotYetHeld => (a::NOT_YET, None),
            PlanStatus::Overdue => (a::OVERDUE, None),
        };
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, sub_name(p.subcommittee), &f.text)?;
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
                (sub_name(p.subcommittee), WIDTHS[1]),
            ],
        )?;
        row += 1;
    }
    let last_planned = row.saturating_sub(1);
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
        ws.write_string_with_format(row, 1, sub_name(h.subcommittee), &f.text)?;
        for col in 2..=4 {
            ws.write_blank(row, col, &f.text)?;
        }
        ws.write_string_with_format(row, 5, ctx.t(a::UNPLANNED), &f.text_center)?;
        held_cells(ws, ctx, row, Some(h))?;
        fit_height(
            ws,
            row,
            &[(&h.topic, WIDTHS[6]), (sub_name(h.subcommittee), WIDTHS[1])],
        )?;
        row += 1;
    }
    if last_planned > header {
        let status = format!("$F{}", header + 2);
        let rule = format!("={status}=\"{}\"", ctx.t(a::OVERDUE));
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(&f.short);
        ws.add_conditional_format(header + 1, 0, row.saturating_sub(1), LAST, &cf)?;
    }
    ws.autofilter(header, 0, row.saturating_sub(1).max(header), LAST)?;
    ws.set_freeze_panes(header + 1, 0)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
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
