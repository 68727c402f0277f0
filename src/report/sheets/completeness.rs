//! Tình hình nộp báo cáo: sub-committee × month, whether each monthly report due by
//! the as-of date arrived, and on time.

use rust_xlsxwriter::{ColNum, ConditionalFormatFormula, RowNum, Worksheet, XlsxError};

use super::{Ctx, List};
use crate::check::completeness::Delivery;
use crate::labels::{completeness as k, sheet as s};

const LAST: ColNum = 13;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let mut w = vec![6.0, 36.0];
    w.extend([9.0; 12]);
    let mut headings: Vec<String> = vec![
        ctx.t(s::STT).to_string(),
        ctx.t(s::SUBCOMMITTEE).to_string(),
    ];
    headings.extend((1..=12).map(|m| format!("{}{m}", ctx.t(s::MONTH_PREFIX))));
    let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
    let list = List {
        name: ctx.t(k::SHEET),
        widths: &w,
        title: ctx.yearly_title(k::TITLE),
        headings: &refs,
        tall_headings: false,
    };
    let header = list.top(ws, ctx)?;
    let mut row = header + 1;
    let c = ctx.c;
    for (i, (sc, months)) in c
        .plan
        .subcommittees
        .iter()
        .zip(&c.completeness.grid)
        .enumerate()
    {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &ctx.f.text_center)?;
        ws.write_string_with_format(row, 1, &sc.name, &ctx.f.text)?;
        months_row(ws, ctx, row, months)?;
        row += 1;
    }
    highlight(ws, ctx, header, row)?;
    summary_line(ws, ctx, row + 1)?;
    // The sub-committee stays in view beside the months, unlike in the other lists.
    ws.set_freeze_panes(header + 1, 2)?;
    ctx.page_setup(ws, (header, header))
}

/// One sub-committee's twelve months: on time, late, missing, or empty when not due.
fn months_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    months: &[Option<Delivery>; 12],
) -> Result<(), XlsxError> {
    for (m, d) in months.iter().enumerate() {
        let word = match d {
            Some(Delivery::OnTime) => ctx.t(k::ON_TIME),
            Some(Delivery::Late) => ctx.t(k::LATE),
            Some(Delivery::Missing) => ctx.t(k::MISSING),
            Some(Delivery::NotDue) | None => "",
        };
        ws.write_string_with_format(row, 2 + m as ColNum, word, &ctx.f.text_center)?;
    }
    Ok(())
}

/// Missing reports turn red and late ones get red text, by rules on the month cells of
/// the rows under `header` down to `next` (excluded).
fn highlight(ws: &mut Worksheet, ctx: &Ctx, header: RowNum, next: RowNum) -> Result<(), XlsxError> {
    let last = next.saturating_sub(1);
    if last <= header {
        return Ok(());
    }
    for (label, format) in [(k::MISSING, &ctx.f.short), (k::LATE, &ctx.f.warn)] {
        let rule = format!("=C{}=\"{}\"", header + 2, ctx.t(label));
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(format);
        ws.add_conditional_format(header + 1, 2, last, LAST, &cf)?;
    }
    Ok(())
}

/// "Báo cáo đến hạn: 36; 30 đã nộp, 25 đúng hạn. Hạn nộp: ngày 5 của tháng sau." at `row`.
fn summary_line(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<(), XlsxError> {
    let comp = &ctx.c.completeness;
    let line = format!(
        "{}: {}; {} {}, {} {}. {} {} {}.",
        ctx.t(k::SUMMARY),
        comp.expected,
        comp.received,
        ctx.t(k::RECEIVED),
        comp.on_time,
        ctx.t(k::ON_TIME_WORD),
        ctx.t(k::DEADLINE),
        ctx.c.plan.report_deadline_day,
        ctx.t(k::OF_NEXT_MONTH)
    );
    ws.merge_range(row, 0, row, LAST, &line, &ctx.f.label)?;
    Ok(())
}
