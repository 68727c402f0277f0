//! Why a plan form (the workbook) was refused, as data: the sheet and cell, and what is
//! wrong there. The words are in `labels::plan_form`, in the form's own terms ("Tiểu
//! ban!E4: số học viên '8OO' không phải là số"), never the TOML keys.

use crate::labels::Lang;
use crate::labels::plan_form as w;

/// One fault of a plan form, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct FormError {
    /// The sheet's name as on its tab; None for a fault of the whole form.
    pub sheet: Option<String>,
    /// A1 address, when the fault is in one cell.
    pub cell: Option<String>,
    pub fault: FormFault,
}

/// What is wrong. `what` is the heading or item label of the cell, as the form writes it;
/// `text` the cell's content as the secretary sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum FormFault {
    SheetMissing {
        sheet: &'static str,
    },
    HeadingMissing {
        heading: &'static str,
    },
    ItemMissing {
        item: &'static str,
    },
    ItemUnknown {
        text: String,
    },
    ItemTwice {
        item: &'static str,
        first: String,
    },
    NotANumber {
        what: &'static str,
        text: String,
    },
    NotWhole {
        what: &'static str,
        text: String,
    },
    Negative {
        what: &'static str,
        text: String,
    },
    TooLarge {
        what: &'static str,
        text: String,
        most: u64,
    },
    YearOutOfRange {
        year: i64,
    },
    DeadlineOutOfRange {
        day: u64,
    },
    NoPopulation,
    ParticipationOutOfRange {
        text: String,
    },
    NoClassLimit,
    NoSubcommittee,
    TooManySubcommittees {
        count: usize,
        most: usize,
    },
    SubcommitteeUnnamed,
    /// `first` is the cell of the code's first use.
    CodeTwice {
        code: String,
        first: String,
    },
    /// A name (or other name) that folds to one of another sub-committee's.
    NameShared {
        name: String,
        other: String,
    },
    QuarterUnknown {
        text: String,
    },
    QuarterTwice {
        quarter: u8,
        first: String,
    },
    QuarterMissing {
        quarter: u8,
    },
    IndicatorWithoutCriterion,
    CriterionWithoutIndicator,
    ComparisonUnknown {
        text: String,
    },
    ThresholdMissing {
        op: String,
    },
    ThresholdWithYesNo {
        text: String,
    },
}

impl FormError {
    /// The fault in words, after its place.
    pub fn message(&self, lang: Lang) -> String {
        w::at(
            self.sheet.as_deref(),
            self.cell.as_deref(),
            &self.fault.message(lang),
        )
    }
}

impl FormFault {
    fn message(&self, lang: Lang) -> String {
        match self {
            FormFault::SheetMissing { sheet } => w::sheet_missing(sheet, lang),
            FormFault::HeadingMissing { heading } => w::heading_missing(heading, lang),
            FormFault::ItemMissing { item } => w::item_missing(item, lang),
            FormFault::ItemUnknown { text } => w::item_unknown(text, lang),
            FormFault::ItemTwice { item, first } => w::item_twice(item, first, lang),
            FormFault::NotANumber { what, text } => w::not_a_number(what, text, lang),
            FormFault::NotWhole { what, text } => w::not_whole(what, text, lang),
            FormFault::Negative { what, text } => w::negative(what, text, lang),
            FormFault::TooLarge { what, text, most } => w::too_large(what, text, *most, lang),
            FormFault::YearOutOfRange { year } => w::year_out_of_range(*year, lang),
            FormFault::DeadlineOutOfRange { day } => w::deadline_out_of_range(*day, lang),
            FormFault::NoPopulation => w::no_population(lang),
            FormFault::ParticipationOutOfRange { text } => {
                w::participation_out_of_range(text, lang)
            }
            FormFault::NoClassLimit => w::no_class_limit(lang),
            FormFault::NoSubcommittee => w::no_subcommittee(lang),
            FormFault::TooManySubcommittees { count, most } => {
                w::too_many_subcommittees(*count, *most, lang)
            }
            FormFault::SubcommitteeUnnamed => w::subcommittee_unnamed(lang),
            FormFault::CodeTwice { code, first } => w::code_twice(code, first, lang),
            FormFault::NameShared { name, other } => w::name_shared(name, other, lang),
            FormFault::QuarterUnknown { text } => w::quarter_unknown(text, lang),
            FormFault::QuarterTwice { quarter, first } => w::quarter_twice(*quarter, first, lang),
            FormFault::QuarterMissing { quarter } => w::quarter_missing(*quarter, lang),
            FormFault::IndicatorWithoutCriterion => w::indicator_without_criterion(lang),
            FormFault::CriterionWithoutIndicator => w::criterion_without_indicator(lang),
            FormFault::ComparisonUnknown { text } => w::comparison_unknown(text, lang),
            FormFault::ThresholdMissing { op } => w::threshold_missing(op, lang),
            FormFault::ThresholdWithYesNo { text } => w::threshold_with_yes_no(text, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fault, once; a new variant fails to build in `listed` until it is here.
    fn every_fault() -> Vec<FormFault> {
        let text = || "8OO".to_string();
        let what = "Số học viên";
        vec![
            FormFault::SheetMissing {
                sheet: "Tiểu ban"
            },
            FormFault::HeadingMissing {
                heading: "Số lớp"
            },
            FormFault::ItemMissing { item: "Đơn vị" },
            FormFault::ItemUnknown {
                text: "Dân số".into(),
            },
            FormFault::ItemTwice {
                item: "Năm",
                first: "B4".into(),
            },
            FormFault::NotANumber { what, text: text() },
            FormFault::NotWhole {
                what,
                text: "7,5".into(),
            },
            FormFault::Negative {
                what,
                text: "-3".into(),
            },
            FormFault::TooLarge {
                what,
                text: text(),
                most: 4_294_967_295,
            },
        ]
        .into_iter()
        .chain(figure_faults())
        .collect()
    }

    /// The faults of the plan's own figures and lists.
    fn figure_faults() -> Vec<FormFault> {
        vec![
            FormFault::YearOutOfRange { year: 1999 },
            FormFault::DeadlineOutOfRange { day: 31 },
            FormFault::NoPopulation,
            FormFault::ParticipationOutOfRange {
                text: "130%".into(),
            },
            FormFault::NoClassLimit,
            FormFault::NoSubcommittee,
            FormFault::TooManySubcommittees {
                count: 21,
                most: 20,
            },
            FormFault::SubcommitteeUnnamed,
            FormFault::CodeTwice {
                code: "nn".into(),
                first: "A2".into(),
            },
            FormFault::NameShared {
                name: "Nông nghiệp".into(),
                other: "Trồng trọt".into(),
            },
            FormFault::QuarterUnknown {
                text: "Quý 5".into(),
            },
            FormFault::QuarterTwice {
                quarter: 2,
                first: "A3".into(),
            },
            FormFault::QuarterMissing { quarter: 4 },
            FormFault::IndicatorWithoutCriterion,
            FormFault::CriterionWithoutIndicator,
            FormFault::ComparisonUnknown { text: "~".into() },
            FormFault::ThresholdMissing { op: "≥".into() },
            FormFault::ThresholdWithYesNo { text: "100".into() },
        ]
    }

    fn listed(f: &FormFault) -> &'static str {
        match f {
            FormFault::SheetMissing { .. }
            | FormFault::HeadingMissing { .. }
            | FormFault::ItemMissing { .. }
            | FormFault::ItemUnknown { .. }
            | FormFault::ItemTwice { .. }
            | FormFault::NotANumber { .. }
            | FormFault::NotWhole { .. }
            | FormFault::Negative { .. }
            | FormFault::TooLarge { .. }
            | FormFault::YearOutOfRange { .. }
            | FormFault::DeadlineOutOfRange { .. }
            | FormFault::NoPopulation
            | FormFault::ParticipationOutOfRange { .. }
            | FormFault::NoClassLimit
            | FormFault::NoSubcommittee
            | FormFault::TooManySubcommittees { .. }
            | FormFault::SubcommitteeUnnamed
            | FormFault::CodeTwice { .. }
            | FormFault::NameShared { .. }
            | FormFault::QuarterUnknown { .. }
            | FormFault::QuarterTwice { .. }
            | FormFault::QuarterMissing { .. }
            | FormFault::IndicatorWithoutCriterion
            | FormFault::CriterionWithoutIndicator
            | FormFault::ComparisonUnknown { .. }
            | FormFault::ThresholdMissing { .. }
            | FormFault::ThresholdWithYesNo { .. } => "form",
        }
    }

    #[test]
    fn every_message_is_in_its_language() {
        use crate::labels::language::assert_in_their_languages;
        // What a message quotes from the form: its words and the cells' text, in '…'.
        const QUOTES: &[char] = &['\''];
        let all = every_fault();
        assert_eq!(all.len(), 27);
        for f in &all {
            let (vi, en) = (f.message(Lang::Vi), f.message(Lang::En));
            assert_in_their_languages(&vi, &en, QUOTES, listed(f));
            for m in [&vi, &en] {
                assert_eq!(m.matches('\'').count() % 2, 0, "{m}");
            }
        }
        // The place first: sheet and cell as Excel writes them.
        let e = FormError {
            sheet: Some("Tiểu ban".into()),
            cell: Some("E4".into()),
            fault: all[5].clone(),
        };
        assert_eq!(
            e.message(Lang::Vi),
            "Tiểu ban!E4: số học viên '8OO' không phải là số"
        );
    }
}
