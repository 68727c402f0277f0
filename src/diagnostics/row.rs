//! The rows of a table: the cells a class needs, and what they say.

use crate::labels::{Label, Lang};

/// The most classes one row may stand for ("Số lớp"): more is a typing slip.
pub const MAX_CLASS_COUNT: u32 = 50;

/// About one row of a table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RowProblem {
    TopicMissing,
    SubCommitteeMissing {
        known: Vec<String>,
    },
    SubCommitteeUnknown {
        raw: String,
        known: Vec<String>,
    },
    SubCommitteeAmbiguous {
        raw: String,
        candidates: Vec<String>,
    },
    DateMissing,
    DateUnreadable {
        raw: String,
    },
    DateImpossible {
        raw: String,
    },
    DateOutOfYear {
        date: String,
        year: i32,
    },
    /// The sheet or file name says one month or quarter, the date another.
    DatePeriodMismatch {
        date: String,
        period: crate::classes::Period,
        name: String,
    },
    /// A class opened after the as-of date: accepted, not counted yet.
    DateAfterAsOf {
        date: String,
        as_of: String,
    },
    LearnersMissing,
    PlannedPeriodMissing,
    CriterionValueUnreadable {
        raw: String,
    },
    IndicatorUnknown {
        name: String,
    },
    PlannedPeriodUnreadable {
        raw: String,
    },
    LearnersInvalid {
        raw: String,
        fault: CountFault,
    },
    LearnersMismatch {
        total: u32,
        male: u32,
        female: u32,
    },
    GenderPartlyBlank,
    /// More learners in one class than the commune has people aged 15 and over.
    LearnersAbovePopulation {
        learners: u32,
        population: u32,
    },
    /// More learners than the plan's usual largest class (per class of the row).
    LearnersUnusual {
        learners: u32,
        classes: u32,
        limit: u32,
    },
    /// A "Số lớp" cell that is not a whole number from 1 to [`MAX_CLASS_COUNT`].
    ClassCountInvalid {
        raw: String,
    },
    /// A text date that reads both ways in a column that holds both orders.
    DateAmbiguous {
        raw: String,
    },
    DuplicateRow {
        first: crate::classes::Source,
    },
}

impl RowProblem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        use RowProblem::*;
        match self {
            TopicMissing => "topic-missing",
            SubCommitteeMissing { .. } => "subcommittee-missing",
            SubCommitteeUnknown { .. } => "subcommittee-unknown",
            SubCommitteeAmbiguous { .. } => "subcommittee-ambiguous",
            DateMissing => "date-missing",
            DateUnreadable { .. } => "date-unreadable",
            DateImpossible { .. } => "date-impossible",
            DateOutOfYear { .. } => "date-out-of-year",
            DatePeriodMismatch { .. } => "date-period-mismatch",
            DateAfterAsOf { .. } => "after-as-of",
            LearnersMissing => "learners-missing",
            PlannedPeriodMissing => "planned-period-missing",
            CriterionValueUnreadable { .. } => "criterion-value-unreadable",
            IndicatorUnknown { .. } => "indicator-unknown",
            PlannedPeriodUnreadable { .. } => "planned-period-unreadable",
            LearnersInvalid { .. } => "learners-invalid",
            LearnersMismatch { .. } => "learners-mismatch",
            GenderPartlyBlank => "gender-partly-blank",
            LearnersAbovePopulation { .. } => "learners-above-population",
            LearnersUnusual { .. } => "learners-unusual",
            ClassCountInvalid { .. } => "class-count-invalid",
            DateAmbiguous { .. } => "date-ambiguous",
            DuplicateRow { .. } => "duplicate-row",
        }
    }

    pub fn severity(&self) -> super::Severity {
        use super::Severity;
        use RowProblem::*;
        match self {
            DatePeriodMismatch { .. }
            | LearnersMismatch { .. }
            | GenderPartlyBlank
            | LearnersUnusual { .. }
            | DuplicateRow { .. } => Severity::Warning,
            DateAfterAsOf { .. } => Severity::Info,
            TopicMissing
            | SubCommitteeMissing { .. }
            | SubCommitteeUnknown { .. }
            | SubCommitteeAmbiguous { .. }
            | DateMissing
            | DateUnreadable { .. }
            | DateImpossible { .. }
            | DateOutOfYear { .. }
            | LearnersMissing
            | PlannedPeriodMissing
            | CriterionValueUnreadable { .. }
            | IndicatorUnknown { .. }
            | PlannedPeriodUnreadable { .. }
            | LearnersInvalid { .. }
            | LearnersAbovePopulation { .. }
            | ClassCountInvalid { .. }
            | DateAmbiguous { .. } => Severity::Error,
        }
    }

    /// The sentence a secretary reads (without the cell): the words live in
    /// `labels::problem`; this hands each message its data.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        use RowProblem::*;
        match self {
            TopicMissing => w::TOPIC_MISSING.get(lang).into(),
            SubCommitteeMissing { known } => w::subcommittee_missing(known, lang),
            SubCommitteeUnknown { raw, known } => w::subcommittee_unknown(raw, known, lang),
            SubCommitteeAmbiguous { raw, candidates } => {
                w::subcommittee_ambiguous(raw, candidates, lang)
            }
            DateMissing => w::DATE_MISSING.get(lang).into(),
            DateUnreadable { raw } => w::date_unreadable(raw, lang),
            DateImpossible { raw } => w::date_impossible(raw, lang),
            DateOutOfYear { date, year } => w::date_out_of_year(date, *year, lang),
            DatePeriodMismatch { date, period, name } => {
                w::date_period_mismatch(date, &period.words(lang), name, lang)
            }
            DateAfterAsOf { date, as_of } => w::date_after_as_of(date, as_of, lang),
            LearnersMissing => w::LEARNERS_MISSING.get(lang).into(),
            PlannedPeriodMissing => w::PLANNED_PERIOD_MISSING.get(lang).into(),
            CriterionValueUnreadable { raw } => w::criterion_value_unreadable(raw, lang),
            IndicatorUnknown { name } => w::indicator_unknown(name, lang),
            PlannedPeriodUnreadable { raw } => w::planned_period_unreadable(raw, lang),
            LearnersInvalid { raw, fault } => w::learners_invalid(raw, fault.words(), lang),
            LearnersMismatch {
                total,
                male,
                female,
            } => w::learners_mismatch(*total, *male, *female, lang),
            GenderPartlyBlank => w::GENDER_PARTLY_BLANK.get(lang).into(),
            LearnersAbovePopulation {
                learners,
                population,
            } => w::learners_above_population(*learners, *population, lang),
            LearnersUnusual {
                learners,
                classes,
                limit,
            } => w::learners_unusual(*learners, *classes, *limit, lang),
            ClassCountInvalid { raw } => w::class_count_invalid(raw, MAX_CLASS_COUNT, lang),
            DateAmbiguous { raw } => w::date_ambiguous(raw, lang),
            DuplicateRow { first } => w::duplicate_row(&first.describe(lang), lang),
        }
    }
}

/// Why a learners cell is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CountFault {
    NotANumber,
    Negative,
    Fraction,
    TooLarge,
}

impl CountFault {
    fn words(self) -> Label {
        use crate::labels::problem::count_fault as w;
        match self {
            CountFault::NotANumber => w::NOT_A_NUMBER,
            CountFault::Negative => w::NEGATIVE,
            CountFault::Fraction => w::FRACTION,
            CountFault::TooLarge => w::TOO_LARGE,
        }
    }
}
