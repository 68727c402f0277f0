//! A class as the tool counts it: one accepted row of a sub-committee's report, with
//! the place it came from so every figure can be traced back to a cell; and the words
//! every stage shares about it (the columns of a class table, the month or quarter a
//! report covers), kept here at the bottom so that diagnostics can name them.

use chrono::NaiveDate;

/// Where a row was read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// Relative to the input folder, `/`-separated.
    pub file: String,
    pub sheet: String,
    /// 1-based row number as Excel shows it.
    pub row: u32,
    /// A1 address of the row's topic cell, where a duplicate is pointed at.
    pub cell: String,
}

impl Source {
    /// "kinh-te/thang-03.xlsx, trang T3, dòng 12" — for messages.
    pub fn describe(&self, lang: crate::labels::Lang) -> String {
        crate::labels::problem::row_place(&self.file, &self.sheet, self.row, lang)
    }
}

/// One class that was opened, normalised.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClassRow {
    /// Index into the plan's sub-committees.
    pub subcommittee: usize,
    pub topic: String,
    #[serde(with = "day")]
    pub date: NaiveDate,
    pub village: String,
    /// How many classes of this topic the row stands for: its "Số lớp" cell, 1 when the
    /// table has no such column or the cell is blank. Every class count goes through it.
    pub classes: u32,
    pub learners: u32,
    pub male: Option<u32>,
    pub female: Option<u32>,
    pub teacher: String,
    pub note: String,
    pub source: Source,
}

/// One class a sub-committee registered for the plan's appendix.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlannedClass {
    /// Index into the plan's sub-committees.
    pub subcommittee: usize,
    pub topic: String,
    /// The month, when the form gives one.
    pub month: Option<u32>,
    /// 1–4, from the month or given directly.
    pub quarter: u32,
    pub village: String,
    pub learners: u32,
    pub responsible: String,
    pub partner: String,
    pub note: String,
    pub source: Source,
}

/// A figure entered for an indicator of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum EntryValue {
    /// In percent (48 for 48 %).
    Percent(f64),
    /// How many of how many (1,530 learning families of 1,760).
    Fraction {
        numerator: f64,
        denominator: f64,
    },
    YesNo(bool),
}

impl EntryValue {
    /// The value in percent, for percentage indicators.
    pub fn percent(self) -> Option<f64> {
        match self {
            EntryValue::Percent(p) => Some((p * 1e9).round() / 1e9),
            EntryValue::Fraction {
                numerator,
                denominator,
            } if denominator > 0.0 => Some(numerator / denominator * 100.0),
            _ => None,
        }
    }
}

/// One row of a criteria form.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CriterionEntry {
    /// Index into the plan's criteria.
    pub criterion: usize,
    /// Index into that criterion's indicators.
    pub indicator: usize,
    /// None when the row was left blank: the indicator is missing.
    pub value: Option<EntryValue>,
    pub figure_source: String,
    /// Whether the evidence is on file (hồ sơ minh chứng), when the form says.
    pub evidence: Option<bool>,
    pub source: Source,
}

/// A month (1–12) or a quarter (1–4) of the plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Period {
    Month(u32),
    Quarter(u32),
}

/// A column the tool knows how to use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    /// Row number (STT).
    Stt,
    SubCommittee,
    Topic,
    Date,
    Village,
    /// Total learners.
    Learners,
    Male,
    /// Women among the learners ("Nữ", "Trong đó nữ"): a subset, never added to the total.
    Female,
    /// How many classes of the topic the row stands for ("Số lớp").
    ClassCount,
    Teacher,
    Note,
    /// The month or quarter a class is planned for (registration forms).
    PlannedPeriod,
    /// Who is responsible for a planned class.
    Responsible,
    /// The organisation a class is run with.
    Partner,
    /// Criteria forms: the criterion's number.
    CriterionNo,
    /// Criteria forms: the indicator's name.
    Indicator,
    /// Criteria forms: the value in percent, or yes/no.
    Value,
    /// Criteria forms: how many meet the indicator (e.g. 1,530 learning families) …
    Numerator,
    /// … out of how many (e.g. 1,760 families).
    Denominator,
    /// Criteria forms: where the figure comes from.
    FigureSource,
    /// Criteria forms: is the evidence on file (hồ sơ minh chứng)?
    Evidence,
}

impl Period {
    /// "tháng 3" / "quý II", "March" / "Q2", for a message.
    pub fn words(self, lang: crate::labels::Lang) -> String {
        use crate::labels::problem::{month, quarter};
        match self {
            Period::Month(m) => month(m, lang),
            Period::Quarter(q) => quarter(q, lang),
        }
    }
}

impl Field {
    /// What the column holds, for a message.
    pub fn words(self) -> crate::labels::Label {
        use crate::labels::problem::field as w;
        match self {
            Field::Stt => w::STT,
            Field::SubCommittee => w::SUBCOMMITTEE,
            Field::Topic => w::TOPIC,
            Field::Date => w::DATE,
            Field::Village => w::VILLAGE,
            Field::Learners => w::LEARNERS,
            Field::Male => w::MALE,
            Field::Female => w::FEMALE,
            Field::ClassCount => w::CLASS_COUNT,
            Field::Teacher => w::TEACHER,
            Field::Note => w::NOTE,
            Field::PlannedPeriod => w::PLANNED_PERIOD,
            Field::Responsible => w::RESPONSIBLE,
            Field::Partner => w::PARTNER,
            Field::CriterionNo => w::CRITERION_NO,
            Field::Indicator => w::INDICATOR,
            Field::Value => w::VALUE,
            Field::Numerator => w::NUMERATOR,
            Field::Denominator => w::DENOMINATOR,
            Field::FigureSource => w::FIGURE_SOURCE,
            Field::Evidence => w::EVIDENCE,
        }
    }
}

/// A date as a day number where the format is binary (the workers' replies, a row at
/// a time: parsing the text of every date cost the run more than the rest of a reply),
/// and as the ISO text where people read it (JSON).
pub(crate) mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            date.serialize(s)
        } else {
            s.serialize_i32(date.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            NaiveDate::deserialize(d)
        } else {
            let days = i32::deserialize(d)?;
            NaiveDate::from_num_days_from_ce_opt(days)
                .ok_or_else(|| D::Error::custom(format!("day {days} out of range")))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct Row(#[serde(with = "super")] NaiveDate);

        #[test]
        fn a_date_is_text_in_json_and_a_day_number_in_postcard() {
            let row = Row(NaiveDate::from_ymd_opt(2019, 3, 5).unwrap());
            assert_eq!(serde_json::to_string(&row).unwrap(), "\"2019-03-05\"");
            let bytes = postcard::to_stdvec(&row).unwrap();
            // 737,123 days from 1 January of year 1: a 3-byte zigzag varint.
            assert_eq!(bytes.len(), 3);
            assert_eq!(postcard::from_bytes::<Row>(&bytes).unwrap(), row);
            let json: Row = serde_json::from_str("\"2019-03-05\"").unwrap();
            assert_eq!(json, row);
        }
    }
}
