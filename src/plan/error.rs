//! Why a plan file was refused, as data: where (line, column, the key, the line as
//! written) and what is wrong. The words are in `labels::plan`, in the language the
//! command runs in; `message` picks them.

use thiserror::Error;

use crate::labels::Lang;
use crate::labels::plan as w;

use super::form_error::FormError;

/// Why a plan file was refused. Displayed in Vietnamese, the default language; a command
/// shows `message` in its own.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PlanError {
    /// The TOML itself is malformed: no plan can be read from it.
    #[error("{}", self.message(Lang::Vi))]
    Syntax {
        /// None when the toml crate gives no place.
        place: Option<Place>,
        mistake: SyntaxMistake,
    },
    /// TOML, but not a plan: a key missing, unknown or of the wrong kind, or figures that
    /// do not make a plan.
    #[error("{}", self.message(Lang::Vi))]
    Invalid {
        /// The line (from 1), when the fault is on one.
        line: Option<usize>,
        /// The key set on that line, when the fault's words do not name it already.
        key: Option<String>,
        fault: PlanFault,
    },
    /// A plan form (the workbook) with faults in its cells: every one found, in the
    /// order of the sheets and rows, so the secretary corrects them in one go.
    #[error("{}", self.message(Lang::Vi))]
    Form(Vec<FormError>),
}

/// Where a TOML mistake is: line and column from 1, and that line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub excerpt: String,
}

/// What is wrong with TOML the toml crate could not read, as far as its message tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxMistake {
    /// Text opened with a quote mark (", ', """ or ''') and not closed.
    UnclosedText {
        quote: String,
    },
    /// Text holding a character TOML refuses.
    BadText,
    /// A backslash that starts no escape TOML knows.
    BadEscape,
    /// Words written without quote marks where a value goes.
    UnquotedText,
    /// A bracket opened and not closed: `close` is the one missing ("]", "]]", "}").
    UnclosedBracket {
        close: String,
    },
    /// A closing bracket or quote without its opening one.
    MissingOpening {
        open: String,
    },
    MissingComma,
    ExtraComma,
    /// A key set twice in one table.
    DuplicateKey,
    /// A key with no `=` after it.
    NoEquals,
    /// An `=` with no value after it.
    NoValue,
    /// An `=` with no key before it.
    NoKeyName,
    /// A key's name with letters TOML does not allow unquoted (e.g. `năm`).
    BadKeyName,
    /// More after a value on its line (e.g. a decimal comma: 0,783).
    TrailingText,
    BadNumber,
    BadDate,
    /// Anything else: the toml crate's own (English) words.
    Other {
        detail: String,
    },
}

/// What is wrong with a plan that is TOML.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanFault {
    MissingKey {
        key: String,
    },
    /// A key the template does not have, with the keys it has there.
    UnknownKey {
        key: String,
        allowed: Vec<String>,
    },
    /// `value` as the file writes it, e.g. `"47%"`.
    NotANumber {
        value: String,
    },
    NotText {
        value: String,
    },
    NotAList {
        value: String,
    },
    /// `[subcommittee]` written for a table that repeats (`[[subcommittee]]`).
    TableNotRepeated {
        table: String,
    },
    Negative {
        value: String,
    },
    /// Past what the key holds; `most` when that limit is known.
    TooLarge {
        value: String,
        most: Option<u64>,
    },
    /// Another kind of value than the template wants; `detail` is the toml crate's words.
    UnexpectedValue {
        value: String,
        detail: String,
    },
    YearOutOfRange {
        year: i32,
    },
    DeadlineOutOfRange {
        day: u32,
    },
    NoPopulation,
    ParticipationOutOfRange {
        target: f64,
    },
    NoClassLimit,
    NoSubcommittee,
    /// More sub-committees than the plan form has rows for.
    TooManySubcommittees {
        count: usize,
        most: usize,
    },
    SubcommitteeUnnamed,
    SubcommitteeTwice {
        id: String,
    },
    /// One folded name for two sub-committees (by id).
    AliasShared {
        alias: String,
        first: String,
        second: String,
    },
    QuarterOutOfRange {
        quarter: u8,
    },
    QuarterTwice {
        quarter: u8,
    },
    QuarterMissing {
        quarter: usize,
    },
    Criterion {
        number: u32,
        fault: CriterionFault,
    },
}

/// What is wrong with one criterion of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriterionFault {
    NoIndicator,
    YesNoWithFigure { indicator: String },
    UnknownComparison { indicator: String, op: String },
    PercentWithoutFigure { indicator: String },
    UnknownKind { indicator: String, kind: String },
}

impl PlanError {
    /// The error in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::Syntax { place, mistake } => {
                let body = mistake.message(lang);
                match place {
                    Some(p) => w::syntax_at(p.line, p.column, &p.excerpt, &body, lang),
                    None => body,
                }
            }
            PlanError::Invalid { line, key, fault } => {
                w::at(*line, key.as_deref(), &fault.message(lang), lang)
            }
            // One fault follows its heading on the line; several are a list below it.
            PlanError::Form(errors) => match errors.as_slice() {
                [one] => one.message(lang),
                all => all
                    .iter()
                    .map(|e| format!("\n- {}", e.message(lang)))
                    .collect(),
            },
        }
    }

    /// A fault found on the whole plan: no line, no key.
    pub(super) fn invalid(fault: PlanFault) -> PlanError {
        PlanError::Invalid {
            line: None,
            key: None,
            fault,
        }
    }
}

impl SyntaxMistake {
    fn message(&self, lang: Lang) -> String {
        match self {
            SyntaxMistake::UnclosedText { quote } => w::unclosed_text(quote, lang),
            SyntaxMistake::BadText => w::bad_text(lang),
            SyntaxMistake::BadEscape => w::bad_escape(lang),
            SyntaxMistake::UnquotedText => w::unquoted_text(lang),
            SyntaxMistake::UnclosedBracket { close } => w::unclosed_bracket(close, lang),
            SyntaxMistake::MissingOpening { open } => w::missing_opening(open, lang),
            SyntaxMistake::MissingComma => w::missing_comma(lang),
            SyntaxMistake::ExtraComma => w::extra_comma(lang),
            SyntaxMistake::DuplicateKey => w::duplicate_key(lang),
            SyntaxMistake::NoEquals => w::no_equals(lang),
            SyntaxMistake::NoValue => w::no_value(lang),
            SyntaxMistake::NoKeyName => w::no_key_name(lang),
            SyntaxMistake::BadKeyName => w::bad_key_name(lang),
            SyntaxMistake::TrailingText => w::trailing_text(lang),
            SyntaxMistake::BadNumber => w::bad_number(lang),
            SyntaxMistake::BadDate => w::bad_date(lang),
            SyntaxMistake::Other { detail } => w::not_toml(detail, lang),
        }
    }
}

impl PlanFault {
    fn message(&self, lang: Lang) -> String {
        match self {
            PlanFault::MissingKey { key } => w::missing_key(key, lang),
            PlanFault::UnknownKey { key, allowed } => w::unknown_key(key, allowed, lang),
            PlanFault::NotANumber { value } => w::not_a_number(value, lang),
            PlanFault::NotText { value } => w::not_text(value, lang),
            PlanFault::NotAList { value } => w::not_a_list(value, lang),
            PlanFault::TableNotRepeated { table } => w::table_not_repeated(table, lang),
            PlanFault::Negative { value } => w::negative(value, lang),
            PlanFault::TooLarge { value, most } => w::too_large(value, *most, lang),
            PlanFault::UnexpectedValue { value, detail } => {
                w::unexpected_value(value, detail, lang)
            }
            PlanFault::YearOutOfRange { year } => w::year_out_of_range(*year, lang),
            PlanFault::DeadlineOutOfRange { day } => w::deadline_out_of_range(*day, lang),
            PlanFault::NoPopulation => w::no_population(lang),
            PlanFault::ParticipationOutOfRange { target } => {
                w::participation_out_of_range(*target, lang)
            }
            PlanFault::NoClassLimit => w::no_class_limit(lang),
            PlanFault::NoSubcommittee => w::no_subcommittee(lang),
            PlanFault::TooManySubcommittees { count, most } => {
                w::too_many_subcommittees(*count, *most, lang)
            }
            PlanFault::SubcommitteeUnnamed => w::subcommittee_unnamed(lang),
            PlanFault::SubcommitteeTwice { id } => w::subcommittee_twice(id, lang),
            PlanFault::AliasShared {
                alias,
                first,
                second,
            } => w::alias_shared(alias, first, second, lang),
            PlanFault::QuarterOutOfRange { quarter } => w::quarter_out_of_range(*quarter, lang),
            PlanFault::QuarterTwice { quarter } => w::quarter_twice(*quarter, lang),
            PlanFault::QuarterMissing { quarter } => w::quarter_missing(*quarter, lang),
            PlanFault::Criterion { number, fault } => fault.message(*number, lang),
        }
    }

    /// Whether the fault's words name `key` already (so the place need not repeat it).
    pub(super) fn names(&self, key: &str) -> bool {
        match self {
            PlanFault::MissingKey { key: k } => k == key,
            PlanFault::UnknownKey { key: k, allowed } => {
                k == key || allowed.iter().any(|a| a == key)
            }
            _ => false,
        }
    }
}

impl CriterionFault {
    fn message(&self, n: u32, lang: Lang) -> String {
        match self {
            CriterionFault::NoIndicator => w::criterion_without_indicator(n, lang),
            CriterionFault::YesNoWithFigure { indicator } => {
                w::yes_no_with_figure(n, indicator, lang)
            }
            CriterionFault::UnknownComparison { indicator, op } => {
                w::unknown_comparison(n, indicator, op, lang)
            }
            CriterionFault::PercentWithoutFigure { indicator } => {
                w::percent_without_figure(n, indicator, lang)
            }
            CriterionFault::UnknownKind { indicator, kind } => {
                w::unknown_kind(n, indicator, kind, lang)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fault of a criterion, with an indicator named as a plan names it.
    fn criterion_faults() -> Vec<CriterionFault> {
        let indicator = || "Trẻ dưới 3 tuổi đến nhà trẻ".to_string();
        vec![
            CriterionFault::NoIndicator,
            CriterionFault::YesNoWithFigure {
                indicator: indicator(),
            },
            CriterionFault::UnknownComparison {
                indicator: indicator(),
                op: "~".into(),
            },
            CriterionFault::PercentWithoutFigure {
                indicator: indicator(),
            },
            CriterionFault::UnknownKind {
                indicator: indicator(),
                kind: "phần trăm".into(),
            },
        ]
    }

    /// Every fault of a plan that is TOML.
    fn plan_faults() -> Vec<PlanFault> {
        let value = || "\"47%\"".to_string();
        let mut all = vec![
            PlanFault::MissingKey {
                key: "learners".into(),
            },
            PlanFault::UnknownKey {
                key: "clases".into(),
                allowed: vec!["id".into(), "classes".into()],
            },
            PlanFault::UnknownKey {
                key: "clases".into(),
                allowed: vec![],
            },
            PlanFault::NotANumber { value: value() },
            PlanFault::NotText { value: "5".into() },
            PlanFault::NotAList {
                value: "\"Thôn 1\"".into(),
            },
            PlanFault::TableNotRepeated {
                table: "subcommittee".into(),
            },
            PlanFault::Negative {
                value: "-750".into(),
            },
            PlanFault::TooLarge {
                value: "4294967296".into(),
                most: Some(4_294_967_295),
            },
            PlanFault::TooLarge {
                value: "99999999999999999999".into(),
                most: None,
            },
            PlanFault::UnexpectedValue {
                value: "[1]".into(),
                detail: "invalid type: sequence, expected struct RawCriterion".into(),
            },
        ];
        all.extend(figure_faults());
        for fault in criterion_faults() {
            all.push(PlanFault::Criterion { number: 5, fault });
        }
        all
    }

    /// Every fault of a plan's own figures, sub-committees and quarters.
    fn figure_faults() -> Vec<PlanFault> {
        vec![
            PlanFault::YearOutOfRange { year: 19 },
            PlanFault::DeadlineOutOfRange { day: 31 },
            PlanFault::NoPopulation,
            PlanFault::ParticipationOutOfRange { target: 78.3 },
            PlanFault::NoClassLimit,
            PlanFault::NoSubcommittee,
            PlanFault::TooManySubcommittees {
                count: 21,
                most: 20,
            },
            PlanFault::SubcommitteeUnnamed,
            PlanFault::SubcommitteeTwice {
                id: "kinh-te".into(),
            },
            PlanFault::AliasShared {
                alias: "văn hóa".into(),
                first: "van-hoa-xa-hoi".into(),
                second: "khac".into(),
            },
            PlanFault::QuarterOutOfRange { quarter: 5 },
            PlanFault::QuarterTwice { quarter: 2 },
            PlanFault::QuarterMissing { quarter: 3 },
        ]
    }

    /// Every mistake of TOML.
    fn syntax_mistakes() -> Vec<SyntaxMistake> {
        vec![
            SyntaxMistake::UnclosedText { quote: "\"".into() },
            SyntaxMistake::UnclosedText {
                quote: "\"\"\"".into(),
            },
            SyntaxMistake::BadText,
            SyntaxMistake::BadEscape,
            SyntaxMistake::UnquotedText,
            SyntaxMistake::UnclosedBracket { close: "]]".into() },
            SyntaxMistake::MissingOpening { open: "[".into() },
            SyntaxMistake::MissingComma,
            SyntaxMistake::ExtraComma,
            SyntaxMistake::DuplicateKey,
            SyntaxMistake::NoEquals,
            SyntaxMistake::NoValue,
            SyntaxMistake::NoKeyName,
            SyntaxMistake::BadKeyName,
            SyntaxMistake::TrailingText,
            SyntaxMistake::BadNumber,
            SyntaxMistake::BadDate,
            SyntaxMistake::Other {
                detail: "invalid boolean, expected `true`".into(),
            },
        ]
    }

    /// Every error: each fault with and without a place, each mistake with a place (the
    /// line as written, Vietnamese in it) and without.
    fn every_error() -> Vec<PlanError> {
        let mut all = Vec::new();
        for fault in plan_faults() {
            all.push(PlanError::invalid(fault.clone()));
            all.push(PlanError::Invalid {
                line: Some(38),
                key: Some("learners".into()),
                fault,
            });
        }
        for mistake in syntax_mistakes() {
            all.push(PlanError::Syntax {
                place: None,
                mistake: mistake.clone(),
            });
            all.push(PlanError::Syntax {
                place: Some(Place {
                    line: 8,
                    column: 25,
                    excerpt: "unit = \"Xã Hồng Thái Tây".into(),
                }),
                mistake,
            });
        }
        all
    }

    /// Each variant named once, without a catch-all: a new one fails to build here until
    /// it is added to the lists above.
    fn listed(e: &PlanError) -> &'static str {
        match e {
            PlanError::Syntax { mistake, .. } => match mistake {
                SyntaxMistake::UnclosedText { .. }
                | SyntaxMistake::BadText
                | SyntaxMistake::BadEscape
                | SyntaxMistake::UnquotedText
                | SyntaxMistake::UnclosedBracket { .. }
                | SyntaxMistake::MissingOpening { .. }
                | SyntaxMistake::MissingComma
                | SyntaxMistake::ExtraComma
                | SyntaxMistake::DuplicateKey
                | SyntaxMistake::NoEquals
                | SyntaxMistake::NoValue
                | SyntaxMistake::NoKeyName
                | SyntaxMistake::BadKeyName
                | SyntaxMistake::TrailingText
                | SyntaxMistake::BadNumber
                | SyntaxMistake::BadDate
                | SyntaxMistake::Other { .. } => "syntax",
            },
            PlanError::Invalid { fault, .. } => match fault {
                PlanFault::Criterion { fault, .. } => match fault {
                    CriterionFault::NoIndicator
                    | CriterionFault::YesNoWithFigure { .. }
                    | CriterionFault::UnknownComparison { .. }
                    | CriterionFault::PercentWithoutFigure { .. }
                    | CriterionFault::UnknownKind { .. } => "criterion",
                },
                PlanFault::MissingKey { .. }
                | PlanFault::UnknownKey { .. }
                | PlanFault::NotANumber { .. }
                | PlanFault::NotText { .. }
                | PlanFault::NotAList { .. }
                | PlanFault::TableNotRepeated { .. }
                | PlanFault::Negative { .. }
                | PlanFault::TooLarge { .. }
                | PlanFault::UnexpectedValue { .. }
                | PlanFault::YearOutOfRange { .. }
                | PlanFault::DeadlineOutOfRange { .. }
                | PlanFault::NoPopulation
                | PlanFault::ParticipationOutOfRange { .. }
                | PlanFault::NoClassLimit
                | PlanFault::NoSubcommittee
                | PlanFault::TooManySubcommittees { .. }
                | PlanFault::SubcommitteeUnnamed
                | PlanFault::SubcommitteeTwice { .. }
                | PlanFault::AliasShared { .. }
                | PlanFault::QuarterOutOfRange { .. }
                | PlanFault::QuarterTwice { .. }
                | PlanFault::QuarterMissing { .. } => "plan",
            },
            // The form's faults have their own list, in form_error.rs.
            PlanError::Form(_) => "form",
        }
    }

    #[test]
    fn every_message_is_in_its_language() {
        use crate::labels::language::assert_in_their_languages;
        // What a message quotes from the plan file: '…', "…" and `…`.
        const QUOTES: &[char] = &['\'', '"', '`'];
        let all = every_error();
        // 24 + 5 faults (with and without a place), 18 mistakes (likewise).
        assert_eq!(all.len(), 2 * (24 + 5) + 2 * 18);
        for e in &all {
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert_in_their_languages(&vi, &en, QUOTES, listed(e));
            // Quotes come in pairs (an apostrophe would open one that never closes).
            for m in [&vi, &en] {
                assert_eq!(m.matches('\'').count() % 2, 0, "{m}");
            }
            // Displayed, the error is in Vietnamese, the default language.
            assert_eq!(e.to_string(), vi);
        }
    }

    #[test]
    fn the_place_comes_first_in_either_language() {
        let e = PlanError::Invalid {
            line: Some(38),
            key: Some("learners".into()),
            fault: PlanFault::Negative {
                value: "-750".into(),
            },
        };
        assert_eq!(
            e.message(Lang::Vi),
            "dòng 38: mục learners: giá trị -750 không hợp lệ: chỉ tiêu phải là số nguyên không âm"
        );
        assert_eq!(
            e.message(Lang::En),
            "line 38: learners: the value -750 is not valid: a target is a whole number, not negative"
        );
        let e = PlanError::Syntax {
            place: Some(Place {
                line: 8,
                column: 25,
                excerpt: "unit = \"Xã Hồng Thái Tây".into(),
            }),
            mistake: SyntaxMistake::UnclosedText { quote: "\"".into() },
        };
        assert_eq!(
            e.message(Lang::Vi),
            "dòng 8, cột 25: chữ mở bằng dấu \" nhưng thiếu dấu \" đóng: 'unit = \"Xã Hồng Thái Tây'"
        );
        assert_eq!(
            e.message(Lang::En),
            "line 8, column 25: the text opens with \" but has no closing \": 'unit = \"Xã Hồng Thái Tây'"
        );
    }
}
