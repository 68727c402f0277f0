//! The form's tables — Tiểu ban, Theo quý, Tiêu chí, Thôn — and its instruction sheet.

use rust_xlsxwriter::{
    ColNum, ConditionalFormatCell, ConditionalFormatCellRule, DataValidationRule, RowNum,
    Worksheet, XlsxError,
};

use super::{
    Column, FIRST, Look, QUARTER_CLASSES, QUARTER_LEARNERS, Ranges, Rule, SUB_CLASSES,
    SUB_LEARNERS, a1, cell_text, fit_height, fitted, formula, headings, input_column, last_row,
    range,
};
use crate::labels::Lang;
use crate::labels::plan_form::{self as pf, words as w};
use crate::plan::{Criterion, IndicatorKind, Plan, SubCommittee};

/// A sub-committee's other names in one cell: "Kinh tế; PTKT".
fn other_names(sc: &SubCommittee) -> String {
    sc.aliases.join(&format!("{} ", pf::NAME_SEPARATOR))
}

/// Tiểu ban: one sub-committee a row, room for [`pf::MAX_SUBCOMMITTEES`], and the
/// totals by sub-committee and by quarter beside.
pub(super) fn subcommittee_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    use pf::subcommittee as k;
    ws.set_name(pf::sheet::SUBCOMMITTEES)?;
    let subs = &plan.subcommittees;
    let others: Vec<String> = subs.iter().map(other_names).collect();
    let ids = subs.iter().map(|sc| sc.id.as_str()).chain([k::CODE]);
    let names = subs.iter().map(|sc| sc.name.as_str());
    let columns = [
        column(k::CODE, w::NOTE_CODE, fitted(ids, 8.0, 24.0)),
        column(k::NAME, w::NOTE_NAME, fitted(names, 18.0, 40.0)),
        column(
            k::OTHER_NAMES,
            w::NOTE_OTHER_NAMES,
            fitted(others.iter().map(String::as_str), 18.0, 52.0),
        ),
        column(k::CLASSES, w::NOTE_CLASSES, 10.0),
        column(k::LEARNERS, w::NOTE_LEARNERS, 14.0),
    ];
    headings(ws, &columns, lang, look)?;
    for ((i, sc), others) in subs.iter().enumerate().zip(&others) {
        let r = FIRST + i as RowNum;
        for (c, text) in [&sc.id, &sc.name, others].into_iter().enumerate() {
            ws.write_string_with_format(r, c as ColNum, cell_text(text), &look.text)?;
        }
        let t = sc.target;
        ws.write_number_with_format(r, SUB_CLASSES, f64::from(t.classes), &look.whole)?;
        ws.write_number_with_format(r, SUB_LEARNERS, f64::from(t.learners), &look.whole)?;
        let cells = [&sc.id, &sc.name, others].map(String::as_str);
        let wrapped: Vec<(&str, f64)> = cells
            .into_iter()
            .zip(columns.iter().map(|c| c.width))
            .collect();
        fit_height(ws, r, &wrapped)?;
    }
    let rows = (subs.len() as RowNum, Ranges::of(plan).subcommittees.1);
    let count = || Rule::Whole(DataValidationRule::GreaterThanOrEqualTo(0), w::ERROR_COUNT);
    let rules = [Rule::Any, Rule::Any, Rule::Any, count(), count()];
    let formats = [&look.text, &look.text, &look.text, &look.whole, &look.whole];
    for (c, ((col, rule), format)) in columns.iter().zip(rules).zip(formats).enumerate() {
        input_column(ws, c as ColNum, rows, format, rule, col, lang)?;
    }
    totals(ws, columns.len() as ColNum + 1, plan, lang, look)?;
    super::finish(ws, plan, pf::sheet::SUBCOMMITTEES, true, lang)
}

fn column(heading: &'static str, note: crate::labels::Label, width: f64) -> Column {
    Column {
        heading,
        note,
        width: width.max(super::super::fit::width(heading)),
    }
}

/// Theo quý: the quarters 1 to 4 (locked), their classes and learners, and the same
/// totals beside as on Tiểu ban.
pub(super) fn quarter_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    use pf::quarter as k;
    ws.set_name(pf::sheet::QUARTERS)?;
    let columns = [
        column(k::QUARTER, w::NOTE_QUARTER, 6.0),
        column(k::CLASSES, w::NOTE_QUARTER_CLASSES, 10.0),
        column(k::LEARNERS, w::NOTE_QUARTER_LEARNERS, 14.0),
    ];
    headings(ws, &columns, lang, look)?;
    for (i, q) in plan.quarters.iter().enumerate() {
        let r = FIRST + i as RowNum;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &look.f.text_center)?;
        ws.write_number_with_format(r, QUARTER_CLASSES, f64::from(q.classes), &look.whole)?;
        ws.write_number_with_format(r, QUARTER_LEARNERS, f64::from(q.learners), &look.whole)?;
    }
    let rows = (4, Ranges::of(plan).quarters.1);
    for c in [QUARTER_CLASSES, QUARTER_LEARNERS] {
        let rule = Rule::Whole(DataValidationRule::GreaterThanOrEqualTo(0), w::ERROR_COUNT);
        input_column(ws, c, rows, &look.whole, rule, &columns[c as usize], lang)?;
    }
    totals(ws, columns.len() as ColNum + 1, plan, lang, look)?;
    super::finish(ws, plan, pf::sheet::QUARTERS, false, lang)
}

/// From column `at` (a narrow gap before it): the classes and learners of the
/// sub-committees, of the quarters, and their difference (marked when not 0) — the
/// same three rows on Tiểu ban and on Theo quý, so a slip shows on either.
fn totals(
    ws: &mut Worksheet,
    at: ColNum,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    let words = [w::BY_SUBCOMMITTEE, w::BY_QUARTER, w::DIFFERENCE].map(|l| l.get(lang));
    ws.set_column_width(at - 1, 2)?;
    ws.set_column_width(at, fitted(words, 12.0, 48.0))?;
    ws.set_column_width(at + 1, 12)?;
    ws.set_column_width(at + 2, 20)?;
    let ranges = Ranges::of(plan);
    let (sub, quarters) = (plan.total_target(), plan.quarters_total());
    let sums = [
        (
            pf::sheet::SUBCOMMITTEES,
            SUB_CLASSES,
            SUB_LEARNERS,
            ranges.subcommittees,
            sub,
        ),
        (
            pf::sheet::QUARTERS,
            QUARTER_CLASSES,
            QUARTER_LEARNERS,
            ranges.quarters,
            quarters,
        ),
    ];
    for (i, (sheet, classes, learners, rows, value)) in sums.into_iter().enumerate() {
        let r = FIRST + i as RowNum;
        ws.write_string_with_format(r, at, words[i], &look.f.total_text_left)?;
        let sum = |c| format!("=SUM({})", range(sheet, c, rows));
        formula(ws, (r, at + 1), &sum(classes), value.classes, &look.classes)?;
        formula(
            ws,
            (r, at + 2),
            &sum(learners),
            value.learners,
            &look.learners,
        )?;
    }
    let r = FIRST + 2;
    ws.write_string_with_format(r, at, words[2], &look.f.total_text_left)?;
    let gap = |a: u64, b: u64| i128::from(a) - i128::from(b);
    for (c, value, format) in [
        (at + 1, gap(sub.classes, quarters.classes), &look.classes),
        (at + 2, gap(sub.learners, quarters.learners), &look.learners),
    ] {
        let text = format!("={}-{}", a1(FIRST, c), a1(FIRST + 1, c));
        formula(ws, (r, c), &text, value, format)?;
    }
    let marked = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::NotEqualTo(0))
        .set_format(&look.f.short);
    ws.add_conditional_format(r, at + 1, r, at + 2, &marked)?;
    Ok(())
}

/// Tiêu chí: an indicator a row, its criterion's "N. Name" on the first.
pub(super) fn criteria_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    use pf::criterion as k;
    ws.set_name(pf::sheet::CRITERIA)?;
    let rows = criterion_rows(&plan.criteria);
    let columns = [
        column(
            k::CRITERION,
            w::NOTE_CRITERION,
            fitted(rows.iter().map(|r| r.0.as_str()), 20.0, 44.0),
        ),
        column(
            k::INDICATOR,
            w::NOTE_INDICATOR,
            fitted(rows.iter().map(|r| r.1), 20.0, 48.0),
        ),
        column(k::COMPARISON, w::NOTE_COMPARISON, 10.0),
        column(k::THRESHOLD, w::NOTE_THRESHOLD, 10.0),
    ];
    headings(ws, &columns, lang, look)?;
    for (i, (criterion, indicator, comparison, threshold)) in rows.iter().enumerate() {
        let r = FIRST + i as RowNum;
        ws.write_string_with_format(r, 0, cell_text(criterion), &look.text)?;
        ws.write_string_with_format(r, 1, cell_text(indicator), &look.text)?;
        ws.write_string_with_format(r, 2, *comparison, &look.center)?;
        match threshold {
            Some(t) => ws.write_number_with_format(r, 3, *t, &look.number)?,
            None => ws.write_blank(r, 3, &look.number)?,
        };
        let cells = [
            (criterion.as_str(), columns[0].width),
            (*indicator, columns[1].width),
        ];
        fit_height(ws, r, &cells)?;
    }
    let span = (
        rows.len() as RowNum,
        last_row(rows.len(), pf::MAX_CRITERIA_ROWS),
    );
    let rules = [
        Rule::Any,
        Rule::Any,
        Rule::List(&k::COMPARISONS, w::ERROR_COMPARISON),
        Rule::Decimal(DataValidationRule::Between(0.0, 100.0), w::ERROR_THRESHOLD),
    ];
    let formats = [&look.text, &look.text, &look.center, &look.number];
    for (c, ((col, rule), format)) in columns.iter().zip(rules).zip(formats).enumerate() {
        input_column(ws, c as ColNum, span, format, rule, col, lang)?;
    }
    super::finish(ws, plan, pf::sheet::CRITERIA, true, lang)
}

/// One row of Tiêu chí: criterion ("" after its first indicator), indicator, So sánh,
/// Ngưỡng.
type CriterionRow<'a> = (String, &'a str, &'static str, Option<f64>);

/// The rows of Tiêu chí; a criterion without indicators still has its row.
fn criterion_rows(criteria: &[Criterion]) -> Vec<CriterionRow<'_>> {
    let mut rows = Vec::new();
    for cr in criteria {
        let mut title = format!("{}. {}", cr.number, cr.name);
        if cr.indicators.is_empty() {
            rows.push((std::mem::take(&mut title), "", "", None));
        }
        for ind in &cr.indicators {
            let (comparison, threshold) = match ind.kind {
                IndicatorKind::Percent { op, threshold } => (op.symbol(), Some(threshold)),
                IndicatorKind::YesNo => (pf::criterion::YES_NO, None),
            };
            rows.push((
                std::mem::take(&mut title),
                ind.name.as_str(),
                comparison,
                threshold,
            ));
        }
    }
    rows
}

/// Thôn: one village a row, with how many are listed and how many Kế hoạch says beside.
pub(super) fn village_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    ws.set_name(pf::sheet::VILLAGES)?;
    let names = plan.villages.iter().map(String::as_str);
    let columns = [column(
        pf::village::NAME,
        w::NOTE_VILLAGE,
        fitted(names, 24.0, 40.0),
    )];
    headings(ws, &columns, lang, look)?;
    for (i, v) in plan.villages.iter().enumerate() {
        let r = FIRST + i as RowNum;
        ws.write_string_with_format(r, 0, cell_text(v), &look.text)?;
        fit_height(ws, r, &[(v.as_str(), columns[0].width)])?;
    }
    let last = last_row(plan.villages.len(), pf::MAX_VILLAGES);
    let rows = (plan.villages.len() as RowNum, last);
    input_column(ws, 0, rows, &look.text, Rule::Any, &columns[0], lang)?;
    let words = [w::VILLAGES_LISTED, w::VILLAGES_PLANNED].map(|l| l.get(lang));
    ws.set_column_width(1, 2)?;
    ws.set_column_width(2, fitted(words, 12.0, 40.0))?;
    ws.set_column_width(3, 10)?;
    ws.write_string_with_format(FIRST, 2, words[0], &look.f.total_text_left)?;
    let listed = plan.villages.iter().filter(|v| !v.is_empty()).count();
    let count = format!("=COUNTA({})", range(pf::sheet::VILLAGES, 0, (FIRST, last)));
    formula(ws, (FIRST, 3), &count, listed, &look.f.total_int)?;
    ws.write_string_with_format(FIRST + 1, 2, words[1], &look.f.total_text_left)?;
    let row = super::plan_sheet::row_of(pf::Item::VillageCount);
    let planned = format!("='{}'!{}", pf::sheet::PLAN, a1(row, 1));
    let value = plan.village_count.unwrap_or(0);
    formula(ws, (FIRST + 1, 3), &planned, value, &look.f.total_int)?;
    super::finish(ws, plan, pf::sheet::VILLAGES, false, lang)
}

/// The instruction sheet: a title and the steps, in `lang` (the reader passes over it).
pub(super) fn instructions(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    // Printed at its own size: fitted to the page width, LibreOffice zooms a sheet of
    // long wrapped lines past the page's edge; and it draws a column wider than its
    // width says (a column of 70 fills A4 portrait), so 66.
    const WIDTH: f64 = 66.0;
    ws.set_name(pf::sheet::INSTRUCTIONS)?;
    ws.set_column_width(0, WIDTH)?;
    ws.write_string_with_format(0, 0, w::HELP_TITLE.get(lang), &look.f.title)?;
    ws.set_row_height(0, 22)?;
    for (i, line) in w::HELP.iter().enumerate() {
        let text = line.get(lang).replace("{file}", pf::FILE_NAME);
        let r = 2 + i as RowNum;
        ws.write_string_with_format(r, 0, &text, &look.line)?;
        fit_height(ws, r, &[(text.as_str(), WIDTH)])?;
    }
    crate::report::formats::page_setup(
        ws,
        (0, 0),
        &plan.centre,
        crate::labels::sheet::PAGE.get(lang),
    )?;
    ws.set_portrait().set_print_scale(100);
    Ok(())
}
