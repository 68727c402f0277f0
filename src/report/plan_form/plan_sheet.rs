//! Kế hoạch: one row an item (Mục, locked) and its value (Giá trị, to type into), with
//! the planned learners and the rate they make beside the population and the rate.

use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, DataValidationRule, RowNum, Worksheet, XlsxError,
};

use super::{Column, FIRST, Look, Ranges, Rule, a1, fitted, formula, headings, range, validation};
use crate::labels::plan_form::{self as pf, Item, words as w};
use crate::labels::{Label, Lang};
use crate::plan::Plan;

const VALUE: ColNum = 1;
/// The figures beside the table: their words, then the figure.
const BESIDE: ColNum = 3;

pub(super) fn plan_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    ws.set_name(pf::sheet::PLAN)?;
    let labels = Item::ALL.map(Item::label);
    let values = [plan.unit.as_str(), plan.centre.as_str()];
    let columns = [
        Column {
            heading: pf::ITEM,
            note: w::NOTE_ITEM,
            width: fitted(labels.iter().copied().chain([pf::ITEM]), 12.0, 48.0),
        },
        Column {
            heading: pf::VALUE,
            note: w::NOTE_VALUE,
            width: fitted(values.iter().copied(), 14.0, 50.0),
        },
    ];
    headings(ws, &columns, lang, look)?;
    for (i, item) in Item::ALL.iter().enumerate() {
        let r = FIRST + i as RowNum;
        ws.write_string_with_format(r, 0, item.label(), &look.f.text)?;
        value(ws, r, *item, plan, look)?;
        let (rule, hint) = rule(*item);
        let dv = validation(rule, None, hint.get(lang), lang)?;
        ws.add_data_validation(r, VALUE, r, VALUE, &dv)?;
        let text = match item {
            Item::Unit => plan.unit.as_str(),
            Item::Centre => plan.centre.as_str(),
            _ => "",
        };
        super::fit_height(
            ws,
            r,
            &[(item.label(), columns[0].width), (text, columns[1].width)],
        )?;
    }
    beside(ws, plan, lang, look)?;
    super::finish(ws, plan, pf::sheet::PLAN, true, lang)
}

/// The row of `item` (0-based).
pub(super) fn row_of(item: Item) -> RowNum {
    FIRST + Item::ALL.iter().position(|i| *i == item).unwrap_or(0) as RowNum
}

/// An item's value, exactly as the plan holds it; no village count is a blank cell.
fn value(
    ws: &mut Worksheet,
    r: RowNum,
    item: Item,
    plan: &Plan,
    look: &Look,
) -> Result<(), XlsxError> {
    let number = |n: u32| Some(f64::from(n));
    let (figure, format) = match item {
        Item::Unit => {
            ws.write_string_with_format(r, VALUE, super::cell_text(&plan.unit), &look.text)?;
            return Ok(());
        }
        Item::Centre => {
            ws.write_string_with_format(r, VALUE, super::cell_text(&plan.centre), &look.text)?;
            return Ok(());
        }
        Item::Year => (Some(f64::from(plan.year)), &look.year),
        Item::Population => (number(plan.population_15_plus), &look.whole),
        Item::Participation => (Some(plan.participation_target), &look.percent),
        Item::VillageCount => (plan.village_count.and_then(number), &look.whole),
        Item::Deadline => (number(plan.report_deadline_day), &look.whole),
        Item::MaxLearners => (number(plan.max_learners_per_class), &look.whole),
    };
    match figure {
        Some(x) => ws.write_number_with_format(r, VALUE, x, format)?,
        None => ws.write_blank(r, VALUE, format)?,
    };
    Ok(())
}

/// What an item's value may be, and the hint shown on it.
fn rule(item: Item) -> (Rule, Label) {
    use DataValidationRule as R;
    match item {
        Item::Unit => (Rule::Any, w::HINT_UNIT),
        Item::Centre => (Rule::Any, w::HINT_CENTRE),
        Item::Year => (
            Rule::Whole(R::Between(2000, 2100), w::ERROR_YEAR),
            w::HINT_YEAR,
        ),
        Item::Population => (
            Rule::Whole(R::GreaterThan(0), w::ERROR_POPULATION),
            w::HINT_POPULATION,
        ),
        Item::Participation => (
            Rule::Decimal(R::Between(0.0, 1.0), w::ERROR_PARTICIPATION),
            w::HINT_PARTICIPATION,
        ),
        Item::VillageCount => (
            Rule::Whole(R::GreaterThanOrEqualTo(0), w::ERROR_COUNT),
            w::HINT_VILLAGE_COUNT,
        ),
        Item::Deadline => (
            Rule::Whole(R::Between(1, 28), w::ERROR_DEADLINE),
            w::HINT_DEADLINE,
        ),
        Item::MaxLearners => (
            Rule::Whole(R::GreaterThanOrEqualTo(1), w::ERROR_MAX_LEARNERS),
            w::HINT_MAX_LEARNERS,
        ),
    }
}

/// Beside the population, the sub-committees' learners; beside the planned rate, the
/// rate they make of the population — marked when it differs from the rate written by
/// more than `plan check` allows (its rounding to 0.1 %: the 2019 plan's 78,4 % against
/// 78,3 % is not marked).
fn beside(ws: &mut Worksheet, plan: &Plan, lang: Lang, look: &Look) -> Result<(), XlsxError> {
    let (pop, rate) = (row_of(Item::Population), row_of(Item::Participation));
    let words = [w::PLANNED_LEARNERS.get(lang), w::COMPUTED_RATE.get(lang)];
    ws.set_column_width(BESIDE - 1, 2)?;
    ws.set_column_width(BESIDE, fitted(words, 10.0, 48.0))?;
    ws.set_column_width(BESIDE + 1, 14)?;
    let learners = plan.total_target().learners;
    ws.write_string_with_format(pop, BESIDE, words[0], &look.f.total_text_left)?;
    let sum = format!(
        "=SUM({})",
        range(
            pf::sheet::SUBCOMMITTEES,
            super::SUB_LEARNERS,
            Ranges::of(plan).subcommittees
        )
    );
    formula(ws, (pop, BESIDE + 1), &sum, learners, &look.f.total_int)?;
    ws.write_string_with_format(rate, BESIDE, words[1], &look.f.total_text_left)?;
    let (n, d) = (a1(pop, BESIDE + 1), a1(pop, VALUE));
    let result = if plan.population_15_plus > 0 {
        (learners as f64 / f64::from(plan.population_15_plus)).to_string()
    } else {
        String::new()
    };
    // An empty result would otherwise be stored as the sheet's default, 0.
    ws.set_formula_result_default("");
    let ratio = format!("=IF({d}>0,{n}/{d},\"\")");
    formula(ws, (rate, BESIDE + 1), &ratio, result, &look.f.total_pct)?;
    let (mine, theirs) = (a1(rate, BESIDE + 1), a1(rate, VALUE));
    let differs = ConditionalFormatFormula::new()
        .set_rule(
            format!(
                "=AND(ISNUMBER({mine}),ABS({mine}-{theirs})>{})",
                crate::check::plan_check::RATE_TOLERANCE
            )
            .as_str(),
        )
        .set_format(&look.f.short);
    ws.add_conditional_format(rate, BESIDE + 1, rate, BESIDE + 1, &differs)?;
    Ok(())
}
