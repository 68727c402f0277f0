//! The `--json` summary, exactly as docs/json-summary.md promises: other tools read it,
//! so fields are only ever added.

use serde::Serialize;

use crate::check::criteria::{CriterionResult, CriterionStatus, IndicatorResult, IndicatorStatus};
use crate::check::{Measure, Participation, QuarterResult, Status, SubCommitteeResult};
use crate::consolidation::{Consolidation, FileReport, FileStatus};
use crate::diagnostics::{Diagnostic, Ledger, Severity};
use crate::labels::Lang;
use crate::plan::IndicatorKind;

/// Version of the JSON shape; bumped only when a field is renamed or removed.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Summary<'a> {
    schema: u32,
    tool: Tool,
    plan: PlanInfo<'a>,
    files: Vec<File<'a>>,
    totals: Totals,
    subcommittees: Vec<SubCommittee<'a>>,
    quarters: Vec<Quarter>,
    participation: &'a Participation,
    criteria: Vec<CriterionJson<'a>>,
    completeness: CompletenessJson<'a>,
    issues: Vec<Issue<'a>>,
}

#[derive(Serialize)]
struct CompletenessJson<'a> {
    expected: u32,
    received: u32,
    on_time: u32,
    missing: Vec<MissingJson<'a>>,
}

#[derive(Serialize)]
struct MissingJson<'a> {
    subcommittee: &'a str,
    month: u32,
}

#[derive(Serialize)]
struct CriterionJson<'a> {
    number: u32,
    name: &'a str,
    status: CriterionStatus,
    indicators: Vec<IndicatorJson<'a>>,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    name: &'a str,
    /// Percent for percentages, true/false for yes/no facts, null when missing.
    value: serde_json::Value,
    /// null for yes/no facts.
    threshold: Option<Threshold>,
    status: IndicatorStatus,
}

#[derive(Serialize)]
struct Threshold {
    op: &'static str,
    value: f64,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct PlanInfo<'a> {
    unit: &'a str,
    year: i32,
    as_of: String,
    /// `embedded`, or the plan file's path (relative to the folder when found there).
    source: &'a str,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    status: FileStatus,
    reason: Option<String>,
    sha256: Option<&'a str>,
    rows: Ledger,
}

#[derive(Serialize)]
struct Totals {
    classes: u64,
    learners: u64,
    rows_read: u64,
    rows_accepted: u64,
    rows_rejected: u64,
    duplicates: u64,
}

#[derive(Serialize)]
struct SubCommittee<'a> {
    id: &'a str,
    name: &'a str,
    classes: Measure,
    learners: Measure,
    status: Status,
}

#[derive(Serialize)]
struct Quarter {
    quarter: u32,
    classes: Measure,
    learners: Measure,
    status: Status,
}

#[derive(Serialize)]
struct Issue<'a> {
    severity: Severity,
    code: &'static str,
    file: Option<&'a str>,
    sheet: Option<&'a str>,
    cell: Option<&'a str>,
    message: String,
}

/// The summary as a JSON value.
pub fn summary(c: &Consolidation, lang: Lang) -> serde_json::Value {
    let s = &c.summary;
    let doc = Summary {
        schema: SCHEMA,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        plan: PlanInfo {
            unit: &c.plan.unit,
            year: c.plan.year,
            as_of: s.as_of.date.format("%Y-%m-%d").to_string(),
            source: c.plan_source.describe(),
        },
        files: c.files.iter().map(|f| File::new(f, lang)).collect(),
        totals: Totals::new(c),
        subcommittees: s.subcommittees.iter().map(SubCommittee::new).collect(),
        quarters: s.quarters.iter().map(Quarter::new).collect(),
        participation: &s.participation,
        criteria: c.criteria.iter().map(CriterionJson::new).collect(),
        completeness: CompletenessJson::new(c),
        issues: c.diagnostics.iter().map(|d| Issue::new(d, lang)).collect(),
    };
    serde_json::to_value(doc).unwrap_or(serde_json::Value::Null)
}

impl<'a> File<'a> {
    fn new(f: &'a FileReport, lang: Lang) -> File<'a> {
        File {
            path: &f.path,
            status: f.status,
            reason: f.reason.as_ref().map(|p| p.message(lang)),
            sha256: f.sha256.as_deref(),
            rows: f.ledger,
        }
    }
}

impl Totals {
    /// What was counted, and the rows of every file added up.
    fn new(c: &Consolidation) -> Totals {
        let t = c.totals();
        Totals {
            classes: c.summary.classes.actual,
            learners: c.summary.learners.actual,
            rows_read: t.read,
            rows_accepted: t.accepted,
            rows_rejected: t.rejected,
            duplicates: t.duplicate,
        }
    }
}

impl<'a> SubCommittee<'a> {
    fn new(r: &'a SubCommitteeResult) -> SubCommittee<'a> {
        SubCommittee {
            id: &r.id,
            name: &r.name,
            classes: r.classes,
            learners: r.learners,
            status: r.status,
        }
    }
}

impl Quarter {
    fn new(q: &QuarterResult) -> Quarter {
        Quarter {
            quarter: q.quarter,
            classes: q.classes,
            learners: q.learners,
            status: q.status,
        }
    }
}

impl<'a> CriterionJson<'a> {
    fn new(cr: &'a CriterionResult) -> CriterionJson<'a> {
        CriterionJson {
            number: cr.number,
            name: &cr.name,
            status: cr.status,
            indicators: cr.indicators.iter().map(IndicatorJson::new).collect(),
        }
    }
}

impl<'a> IndicatorJson<'a> {
    fn new(i: &'a IndicatorResult) -> IndicatorJson<'a> {
        let (value, threshold) = match (i.kind, i.value) {
            (IndicatorKind::Percent { op, threshold }, v) => (
                v.map_or(serde_json::Value::Null, |v| serde_json::json!(v)),
                Some(Threshold {
                    op: op.ascii(),
                    value: threshold,
                }),
            ),
            (IndicatorKind::YesNo, v) => (
                v.map_or(serde_json::Value::Null, |v| {
                    serde_json::Value::Bool(v >= 100.0)
                }),
                None,
            ),
        };
        IndicatorJson {
            name: &i.name,
            value,
            threshold,
            status: i.status,
        }
    }
}

impl<'a> CompletenessJson<'a> {
    /// The counts, and each missing report by sub-committee id and month.
    fn new(c: &'a Consolidation) -> CompletenessJson<'a> {
        CompletenessJson {
            expected: c.completeness.expected,
            received: c.completeness.received,
            on_time: c.completeness.on_time,
            missing: c
                .completeness
                .missing
                .iter()
                .map(|(sub, month)| MissingJson {
                    subcommittee: c.plan.subcommittees.get(*sub).map_or("", |s| s.id.as_str()),
                    month: *month,
                })
                .collect(),
        }
    }
}

impl<'a> Issue<'a> {
    fn new(d: &'a Diagnostic, lang: Lang) -> Issue<'a> {
        Issue {
            severity: d.severity(),
            code: d.code(),
            file: d.file.as_deref(),
            sheet: d.sheet.as_deref(),
            cell: d.cell.as_deref(),
            message: d.message(lang),
        }
    }
}
