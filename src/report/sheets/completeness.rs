//! Tình hình nộp báo cáo: sub-committee × month, whether each monthly report due by
//! the as-of date arrived, and on time.

use rust_xlsxwriter::{ColNum, ConditionalFormatFormula, Worksheet, XlsxError};

use super::Ctx;
use super::{header_row, title, widths};
use crate::check::completeness::Delivery;
use crate::labels::{completeness as k, sheet as s};
use crate::report::formats::page_setup;

const LAST: ColNum = 13;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(k::SHEET))?;
    let mut w = vec![6.0, 36.0];
    w.extend([9.0; 12]);
    widths(ws, &w)?;
    let t = format!(
        "{} {} — {}",
        ctx.t(k::TITLE),
        c.plan.year,
        c.plan.unit.to_uppercase()
    );
    let header = title(ws, ctx, &t, LAST)?;
    let mut headings: Vec<String> = vec![
        ctx.t(s::STT).to_string(),
        ctx.t(s::SUBCOMMITTEE).to_string(),
    ];
    headings.extend((1..=12).map(|m| format!("{}{m}", ctx.t(s::MONTH_PREFIX))));
    let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
    header_row(ws, ctx, header, &refs)?;
    let mut row = header + 1;
    for (i, (sc, months)) in c
        .plan
        .subcommittees
        .iter()
        .zip(&c.completeness.grid)
        .enumerate()
    {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, &sc.name, &f.text)?;
        for (m, d) in months.iter().enumerate() {
            let word = match d {
                Some(Delivery::OnTime) => ctx.t(k::ON_TIME),
                Some(Delivery::Late) => ctx.t(k::LATE),
                Some(Delivery::Missing) => ctx.t(k::MISSING),
                Some(Delivery::NotDue) | None => "",
            };
            ws.write_string_with_format(row, 2 + m as ColNum, word, &f.text_center)?;
        }
        row += 1;
    }
    let last = row.saturating_sub(1);
    if last > header {
        for (label, format) in [(k::MISSING, &f.short), (k::LATE, &f.warn)] {
            let rule = format!("=C{}=\"{}\"", header + 2, ctx.t(label));
            let cf = ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(format);
            ws.add_conditional_format(header + 1, 2, last, LAST, &cf)?;
        }
    }
    let comp = &c.completeness;
    row += 1;
    let line = format!(
        "{}: {}; {} {}, {} {}. {} {} {}.",
        ctx.t(k::SUMMARY),
        comp.expected,
        comp.received,
        ctx.t(k::RECEIVED),
        comp.on_time,
        ctx.t(k::ON_TIME_WORD),
        ctx.t(k::DEADLINE),
        c.plan.report_deadline_day,
        ctx.t(k::OF_NEXT_MONTH)
    );
    ws.merge_range(row, 0, row, LAST, &line, &f.label)?;
    ws.set_freeze_panes(header + 1, 2)?;
    page_setup(ws, (header, header), &ctx.page_header, ctx.t(s::PAGE))?;
    Ok(())
}
