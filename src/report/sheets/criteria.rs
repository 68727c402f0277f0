//! Tiêu chí: the quarterly review of the plan's criteria — each criterion met or not, each
//! indicator with its figure, threshold, margin, evidence and source — and the
//! indicators the tool works out from the classes.

use rust_xlsxwriter::{ColNum, ConditionalFormatFormula, RowNum, Worksheet, XlsxError};

use super::fit_height;
use super::{Ctx, List};
use crate::check::criteria::{
    CriterionResult, CriterionStatus, IndicatorResult, IndicatorStatus, margin_text,
};
use crate::labels::{Lang, criteria as k, percent};
use crate::plan::IndicatorKind;
use crate::report::formats::cell_text;

const LAST: ColNum = 7;
const WIDTHS: [f64; 8] = [8.0, 52.0, 12.0, 11.0, 14.0, 34.0, 12.0, 22.0];

/// "≥ 47 %" or "Có / Không".
pub fn threshold_text(kind: IndicatorKind, lang: Lang) -> String {
    match kind {
        IndicatorKind::Percent { op, threshold } => format!(
            "{} {} %",
            op.symbol(),
            crate::report::sheets::criteria::num(threshold, lang)
        ),
        IndicatorKind::YesNo => k::YES_NO.get(lang).to_string(),
    }
}

pub fn num(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    let s = s.trim_end_matches(".0").to_string();
    if lang == Lang::Vi {
        s.replace('.', ",")
    } else {
        s
    }
}

pub fn indicator_word(s: IndicatorStatus) -> crate::labels::Label {
    match s {
        IndicatorStatus::Met => k::MET,
        IndicatorStatus::NotMet => k::NOT_MET,
        IndicatorStatus::Missing => k::MISSING,
    }
}

pub fn criterion_word(s: CriterionStatus) -> crate::labels::Label {
    match s {
        CriterionStatus::Met => k::MET,
        CriterionStatus::NotMet => k::NOT_MET,
        CriterionStatus::Incomplete => k::INCOMPLETE,
    }
}

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let headings = [
        k::NUMBER,
        k::NAME,
        k::THRESHOLD,
        k::VALUE,
        k::STATUS,
        k::MARGIN,
        k::EVIDENCE,
        k::SOURCE,
    ]
    .map(|h| ctx.t(h));
    let list = List {
        name: ctx.t(k::SHEET),
        widths: &WIDTHS,
        title: ctx.yearly_title(k::TITLE),
        headings: &headings,
        tall_headings: true,
    };
    let header = list.top(ws, ctx)?;
    let mut row = header + 1;
    for cr in &ctx.c.criteria {
        criterion_row(ws, ctx, row, cr)?;
        row += 1;
        for ind in &cr.indicators {
            indicator_row(ws, ctx, row, ind)?;
            row += 1;
        }
    }
    if ctx.c.criteria.is_empty() {
        // A plan of class targets only: said under the headings, not left blank.
        ws.merge_range(row, 0, row, LAST, ctx.t(k::NONE_IN_PLAN), &ctx.f.label)?;
        row += 1;
    }
    let last = row.saturating_sub(1);
    if last > header && !ctx.c.criteria.is_empty() {
        let rule = format!("=$E{}=\"{}\"", header + 2, ctx.t(k::NOT_MET));
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(&ctx.f.short);
        ws.add_conditional_format(header + 1, 0, last, LAST, &cf)?;
    }
    computed(ws, ctx, row + 1)?;
    ws.set_freeze_panes(header + 1, 0)?;
    ctx.page_setup(ws, (header, header))
}

/// A criterion's heading row: its number, name and whether it is met, in bold.
fn criterion_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    cr: &CriterionResult,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.write_number_with_format(row, 0, f64::from(cr.number), &f.total_text)?;
    ws.write_string_with_format(row, 1, &cr.name, &f.total_text_left)?;
    for col in [2, 3, 5, 6, 7] {
        ws.write_blank(row, col, &f.total_text)?;
    }
    ws.write_string_with_format(row, 4, ctx.t(criterion_word(cr.status)), &f.total_text)?;
    fit_height(ws, row, &[(&cr.name, WIDTHS[1])])
}

/// An indicator under its criterion: threshold, figure, met or not, by how much, the
/// evidence and where the figure came from.
fn indicator_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    ind: &IndicatorResult,
) -> Result<(), XlsxError> {
    let (f, lang) = (&ctx.f, ctx.lang);
    let value = match (ind.kind, ind.value) {
        (_, None) => String::new(),
        (IndicatorKind::YesNo, Some(v)) => {
            ctx.t(if v >= 100.0 { k::YES } else { k::NO }).to_string()
        }
        (IndicatorKind::Percent { .. }, Some(v)) => num(v, lang),
    };
    let evidence = match ind.evidence {
        Some(true) => ctx.t(k::HAS_EVIDENCE),
        Some(false) => ctx.t(k::NO_EVIDENCE),
        None => "",
    };
    let margin = margin_text(ind, lang);
    ws.write_blank(row, 0, &f.text)?;
    ws.write_string_with_format(row, 1, format!("– {}", ind.name), &f.text)?;
    ws.write_string_with_format(row, 2, threshold_text(ind.kind, lang), &f.text_center)?;
    ws.write_string_with_format(row, 3, &value, &f.text_center)?;
    ws.write_string_with_format(row, 4, ctx.t(indicator_word(ind.status)), &f.text_center)?;
    ws.write_string_with_format(row, 5, &margin, &f.text)?;
    ws.write_string_with_format(row, 6, evidence, &f.text_center)?;
    ws.write_string_with_format(row, 7, cell_text(&ind.figure_source), &f.text)?;
    fit_height(
        ws,
        row,
        &[
            (&ind.name, WIDTHS[1]),
            (&margin, WIDTHS[5]),
            (&ind.figure_source, WIDTHS[7]),
        ],
    )
}

/// The indicators worked out from the classes, under their caption at `row`:
/// participation, women among learners, villages reached.
fn computed(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<(), XlsxError> {
    let (f, lang) = (&ctx.f, ctx.lang);
    ws.merge_range(row, 0, row, LAST, ctx.t(k::COMPUTED), &f.unit)?;
    let comp = &ctx.c.computed;
    let participation = format!(
        "{} ({} {})",
        percent(comp.participation.0 / 100.0, lang),
        crate::labels::cli::TARGET.get(lang),
        percent(comp.participation.1 / 100.0, lang)
    );
    let women = match comp.women {
        Some((w, n)) if n > 0 => {
            format!("{w} / {n} = {}", percent(w as f64 / n as f64, lang))
        }
        _ => ctx.t(k::NOT_REPORTED).to_string(),
    };
    let villages = match comp.villages_reached {
        (n, Some(total)) => format!("{n} / {total}"),
        (n, None) => n.to_string(),
    };
    let lines = [
        (k::PARTICIPATION, participation),
        (k::WOMEN, women),
        (k::VILLAGES, villages),
    ];
    for ((label, value), row) in lines.into_iter().zip(row + 1..) {
        ws.write_string_with_format(row, 1, ctx.t(label), &f.label)?;
        ws.merge_range(row, 2, row, 5, &value, &f.label)?;
    }
    Ok(())
}
