//! A commune's consolidated workbook read back: the plan and the merged inputs its
//! data sheet carries (see `report::sheets::data`), judged again at the caller's date,
//! giving the consolidation its reports would give. For a district whose commune sends
//! only its tong-hop.xlsx. The workbook is untrusted bytes like any other: read in a
//! worker when the caller has a sandbox; what comes back is checked against the plan
//! it came with before anything is counted.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::check::AsOf;
use crate::consolidation::{Consolidation, Inputs, STORED_SCHEMA};
use crate::diagnostics::{Diagnostic, FoundProblem, Problem, ReadProblem};
use crate::input::discover::{Action, Format, Found};
use crate::input::grid::CellValue;
use crate::input::workbook::{OwnSheet, own_sheet};
use crate::labels::sheet::DATA_SHEET;
use crate::labels::{Lang, command as w};
use crate::plan::{Plan, PlanSource};
use crate::sandbox::{Pool, Reading, Request, Sandbox};

/// What a consolidated workbook stores, as read from it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Stored {
    /// The plan, as its TOML file.
    plan: String,
    inputs: Inputs,
    /// Whether the workbook is byte for byte as the tool wrote it (its seal holds).
    sealed: bool,
}

/// Why a workbook could not be read back. The reading's own faults cross from a
/// worker; the last three arise in the caller.
#[derive(Debug, Serialize, Deserialize)]
pub enum ReadBackError {
    /// The file could not be read as a workbook (damaged, too large, a worker lost).
    Unread(Problem),
    /// Not a workbook the tool wrote.
    NotOwn,
    /// The tool's, without the data sheet (an older version wrote it).
    NoData,
    /// A data version this version does not know.
    Schema(String),
    /// The data sheet is there but cannot be taken as the tool wrote it.
    Damaged(DataFault),
    #[serde(skip)]
    Plan(crate::plan::PlanError),
    #[serde(skip)]
    AsOf(crate::check::asof::AsOfError),
    #[serde(skip)]
    Sandbox(String),
}

/// How the data sheet is damaged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DataFault {
    /// A1:C1 are not the sheet's name, a schema and a count of pieces.
    Header,
    /// Piece `at` (1-based) of `of` is not there.
    ChunkMissing { at: u32, of: u32 },
    /// The JSON text does not parse (cut short, edited) at this place.
    Json { line: usize, column: usize },
    /// Item `index` of the data's list `list` names what the plan does not have.
    OutOfPlan { list: String, index: usize },
}

impl ReadBackError {
    /// The reason, naming the workbook `file`, in the user's language.
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match self {
            ReadBackError::Unread(p) => format!("{file}: {}", p.message(lang)),
            ReadBackError::NotOwn => w::read_back_not_own(file, lang),
            ReadBackError::NoData => w::read_back_no_data(file, lang),
            ReadBackError::Schema(found) => w::read_back_schema(file, found, STORED_SCHEMA, lang),
            ReadBackError::Damaged(fault) => w::read_back_damaged(file, &fault.words(lang), lang),
            ReadBackError::Plan(e) => {
                format!(
                    "{}: {}",
                    w::plan_invalid(Path::new(file), lang),
                    e.message(lang)
                )
            }
            ReadBackError::AsOf(e) => e.message(lang),
            ReadBackError::Sandbox(reason) => w::readers_not_started(reason, lang),
        }
    }
}

impl DataFault {
    fn words(&self, lang: Lang) -> String {
        match self {
            DataFault::Header => w::data_header_wrong(lang),
            DataFault::ChunkMissing { at, of } => w::data_chunk_missing(*at, *of, lang),
            DataFault::Json { line, column } => w::data_json(*line, *column, lang),
            DataFault::OutOfPlan { list, index } => w::data_out_of_plan(list, *index, lang),
        }
    }
}

/// The workbooks of the tool's own in `folder` and below (any name), by their custom
/// property: a bounded look at one zip entry, no workbook parsed. Relative paths, in
/// folder order.
pub fn own_workbooks(folder: &Path, output: Option<&Path>) -> std::io::Result<Vec<String>> {
    Ok(own_among(&crate::input::discover::discover(
        folder, output,
    )?))
}

/// The workbooks of the tool's own among the files `found`.
pub(crate) fn own_among(found: &[Found]) -> Vec<String> {
    found
        .iter()
        .filter(|f| matches!(f.action, Action::Read(Format::Xlsx)))
        .filter(|f| crate::report::output::carries_own_property(&f.path))
        .map(|f| f.rel.clone())
        .collect()
}

/// The consolidation the workbook `rel` of `folder` carries, judged as of `as_of`
/// (None: its plan year's last day), its plan source the workbook. A workbook changed
/// since the tool wrote it is still read (the data sheet is what the tool stored) with
/// a warning first among the diagnostics. With a `sandbox` the workbook is read in a
/// worker, else here.
pub fn read_back(
    folder: &Path,
    rel: &str,
    as_of: Option<NaiveDate>,
    sandbox: Option<&Sandbox>,
) -> Result<Consolidation, ReadBackError> {
    // The workers recognise no report here: they need no plan.
    let pool = sandbox
        .map(|s| Pool::start(s, &[]))
        .transpose()
        .map_err(|e| ReadBackError::Sandbox(e.to_string()))?;
    read_back_with(folder, rel, as_of, pool.as_ref())
}

/// [`read_back`], the workbook read by the `pool`'s workers (or here without one).
pub(crate) fn read_back_with(
    folder: &Path,
    rel: &str,
    as_of: Option<NaiveDate>,
    pool: Option<&Pool>,
) -> Result<Consolidation, ReadBackError> {
    let path = folder.join(rel);
    let stored = match pool {
        Some(pool) => stored_in_worker(pool, &path, rel)?,
        None => read_stored(&path)?,
    };
    let plan = Plan::from_toml(&stored.plan).map_err(ReadBackError::Plan)?;
    fits_plan(&plan, &stored.inputs).map_err(ReadBackError::Damaged)?;
    let as_of = AsOf::new(as_of, plan.year).map_err(ReadBackError::AsOf)?;
    let source = PlanSource::InFolder(rel.to_string());
    let mut c = crate::pipeline::judge(plan, source, folder.to_path_buf(), stored.inputs, as_of);
    if !stored.sealed {
        c.diagnostics.insert(
            0,
            Diagnostic {
                problem: Problem::Found(FoundProblem::ReadBackEdited),
                file: Some(rel.to_string()),
                sheet: None,
                cell: None,
            },
        );
    }
    Ok(c)
}

/// The stored data, read by a worker of the sandbox.
fn stored_in_worker(pool: &Pool, path: &Path, rel: &str) -> Result<Stored, ReadBackError> {
    let found = Found {
        path: path.to_path_buf(),
        rel: rel.to_string(),
        size: std::fs::metadata(path).map_or(0, |m| m.len()),
        action: Action::Read(Format::Xlsx),
    };
    let request = |f: &Found| {
        crate::read::request_for(f).map(|r| Request {
            reading: Reading::OwnOutput,
            ..r
        })
    };
    let settle = |_: &Found| Err(ReadBackError::NotOwn);
    let limits = *pool.limits();
    let reply = |_: &Found, answer: Result<Result<Stored, ReadBackError>, _>| {
        answer.unwrap_or_else(|lost| {
            Err(ReadBackError::Unread(crate::sandbox::problem(
                lost, &limits,
            )))
        })
    };
    pool.read_all(std::slice::from_ref(&found), request, settle, reply)
        .pop()
        .unwrap_or(Err(ReadBackError::NotOwn))
}

/// A worker's reading of a consolidated workbook (see [`Reading::OwnOutput`]). A panic
/// in the reading is the file's failure.
pub(crate) fn read_stored_request(request: &Request) -> Result<Stored, ReadBackError> {
    std::panic::catch_unwind(|| read_stored(&request.path)).unwrap_or(Err(ReadBackError::Unread(
        Problem::Unread(ReadProblem::ReaderCrashed),
    )))
}

/// The plan and inputs the workbook at `path` stores, and whether its seal holds.
fn read_stored(path: &Path) -> Result<Stored, ReadBackError> {
    let bytes = crate::input::bytes::read_settled(path).map_err(ReadBackError::Unread)?;
    let sealed = crate::report::output::seal_holds_bytes(&bytes);
    let cells = match own_sheet(&bytes, DATA_SHEET).map_err(ReadBackError::Unread)? {
        OwnSheet::NotOwn => return Err(ReadBackError::NotOwn),
        OwnSheet::Missing => return Err(ReadBackError::NoData),
        OwnSheet::Cells(cells) => cells,
    };
    let text = joined(&cells)?;
    #[derive(Deserialize)]
    struct Json {
        plan: String,
        inputs: Inputs,
    }
    let json: Json = serde_json::from_str(&text).map_err(|e| {
        ReadBackError::Damaged(DataFault::Json {
            line: e.line(),
            column: e.column(),
        })
    })?;
    Ok(Stored {
        plan: json.plan,
        inputs: json.inputs,
        sealed,
    })
}

/// The data sheet's JSON text: its pieces joined, once A1:C1 say what the tool writes.
/// (The cell reader undoes the `_xHHHH_` escapes the writer puts in a text: a topic
/// "_x0041_" comes back as it was, which tests/readback.rs holds to.)
fn joined(cells: &[(u32, u32, CellValue)]) -> Result<String, ReadBackError> {
    let at = |r: u32, c: u32| {
        cells
            .iter()
            .find(|(row, col, _)| (*row, *col) == (r, c))
            .map(|(_, _, v)| v)
    };
    let number = |v: Option<&CellValue>| match v {
        Some(CellValue::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => Some(*n as u32),
        _ => None,
    };
    if at(0, 0).and_then(CellValue::as_text) != Some(DATA_SHEET) {
        return Err(ReadBackError::Damaged(DataFault::Header));
    }
    match number(at(0, 1)) {
        Some(STORED_SCHEMA) => {}
        Some(other) => return Err(ReadBackError::Schema(other.to_string())),
        None => return Err(ReadBackError::Damaged(DataFault::Header)),
    }
    let of = number(at(0, 2)).ok_or(ReadBackError::Damaged(DataFault::Header))?;
    let mut text = String::new();
    for piece in 1..=of {
        let chunk = at(piece, 0).and_then(CellValue::as_text);
        let chunk = chunk.ok_or(ReadBackError::Damaged(DataFault::ChunkMissing {
            at: piece,
            of,
        }))?;
        text.push_str(chunk);
    }
    Ok(text)
}

/// Every stored row names only what the plan has, and the notes' places are one a
/// class: what the check indexes by is safe to index by.
fn fits_plan(plan: &Plan, inputs: &Inputs) -> Result<(), DataFault> {
    let subs = plan.subcommittees.len();
    let month = |m: u32| (1..=12).contains(&m);
    let in_year = |d: NaiveDate| d.year() == plan.year;
    let first = |list: &'static str, bad: Option<usize>| match bad {
        Some(index) => Err(DataFault::OutOfPlan {
            list: list.to_string(),
            index,
        }),
        None => Ok(()),
    };
    let classes = inputs.classes.iter();
    first(
        "classes",
        classes
            .clone()
            .position(|c| c.subcommittee >= subs || !in_year(c.date)),
    )?;
    if inputs.note_at.len() != inputs.classes.len() {
        return Err(DataFault::OutOfPlan {
            list: "note_at".to_string(),
            index: inputs.note_at.len().min(inputs.classes.len()),
        });
    }
    first(
        "planned",
        inputs.planned.iter().position(|p| {
            p.subcommittee >= subs
                || !(1..=4).contains(&p.quarter)
                || p.month.is_some_and(|m| !month(m))
        }),
    )?;
    first(
        "entries",
        inputs.entries.iter().position(|e| {
            plan.criteria
                .get(e.criterion)
                .is_none_or(|c| e.indicator >= c.indicators.len())
        }),
    )?;
    first(
        "received",
        inputs
            .received
            .iter()
            .position(|r| r.subcommittee >= subs || !month(r.month)),
    )
}
