//! One file → its rows and diagnostics, on its own: the file's grids (from [`input`]),
//! legacy text repaired ([`normalise`]), each sheet's table recognised and its rows read
//! ([`recognise`]), and the duplicate key of each row. Independent of every other file,
//! so files are read in parallel, and in a worker process when the run is sandboxed
//! (see [`crate::sandbox`]); what the files mean together is decided by the merge in
//! [`crate::pipeline`].
//!
//! [`input`]: crate::input
//! [`normalise`]: crate::normalise
//! [`recognise`]: crate::recognise

use std::path::Path;

use crate::consolidation::{FileReport, FileStatus};
use crate::diagnostics::{FoundProblem, Ledger, Problem, ReadProblem, WorkbookLooks};
use crate::input::discover::{Action, Format, Found};
use crate::input::grid::{Grid, SheetGrid};
use crate::input::workbook::Outcome;
use crate::normalise::legacy::{self, Repaired};
use crate::normalise::period::{Period, period_in_title};
use crate::normalise::subcommittee::{SubCommitteeMatch, match_subcommittee};
use crate::profile::{self, Stage};
use crate::recognise::{SheetContext, SheetResult, Vocabulary, read_sheet};
use crate::repeats::RowKey;
use crate::sandbox::{Lost, Pool, Reading, Request, Sandbox};

/// A sheet as read, its grid already dropped.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct SheetRead {
    pub(crate) name: String,
    pub(crate) hidden: bool,
    /// True when the sheet holds nothing at all.
    pub(crate) blank: bool,
    /// None for a hidden sheet (not read).
    pub(crate) result: Option<SheetResult>,
    /// The month or quarter the lines above the table announce.
    pub(crate) title_period: Option<Period>,
    /// The duplicate key of each row of `result`, worked out where the file is read
    /// (in a worker, sent with the rows: working them out again here would double
    /// the cost of the run's commonest text folding).
    pub(crate) keys: Vec<RowKey>,
}

/// What reading one file gave, before it is compared with the other files.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) enum FileRead {
    /// Skipped, failed or the tool's own output: the report is final.
    Done(FileReport),
    Sheets {
        report: FileReport,
        hash: String,
        repaired: Repaired,
        /// How many tables, when the file was a web page read as a workbook.
        web_page: Option<usize>,
        /// What the workbook looks like, when it yields no row.
        looks: Option<WorkbookLooks>,
        sheets: Vec<SheetRead>,
    },
}

/// What a worker is asked to read for a file, if it is a workbook to read: a report,
/// recognised with the first plan of the workers' setup.
pub(crate) fn request_for(f: &Found) -> Option<Request> {
    let Action::Read(format) = f.action else {
        return None;
    };
    Some(Request {
        path: f.path.clone(),
        rel: f.rel.clone(),
        size: f.size,
        format,
        reading: Reading::Report,
        plan: 0,
    })
}

/// A worker's reading of one file (see [`crate::sandbox`]): the file's bytes are
/// touched only here. A panic anywhere in the reading costs only the file.
pub(crate) fn read_request(vocabulary: &Vocabulary, request: &Request) -> FileRead {
    let found = Found {
        path: request.path.clone(),
        rel: request.rel.clone(),
        size: request.size,
        action: Action::Read(request.format),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_one(vocabulary, &found)
    }))
    .unwrap_or_else(|_| {
        FileRead::Done(failed_report(
            &found,
            Problem::Unread(ReadProblem::ReaderCrashed),
        ))
    })
}

/// The report of a file left unread, for this reason.
pub(crate) fn skipped_report(f: &Found, problem: Problem) -> FileReport {
    settled(report_of(f), FileStatus::Skipped, problem)
}

/// The report of a file that could not be read, for this reason.
pub(crate) fn failed_report(f: &Found, problem: Problem) -> FileReport {
    settled(report_of(f), FileStatus::Failed, problem)
}

/// A file's report before anything is known of it: read, nothing counted.
fn report_of(f: &Found) -> FileReport {
    FileReport {
        path: f.rel.clone(),
        status: FileStatus::Read,
        reason: None,
        sha256: None,
        size: f.size,
        ledger: Ledger::default(),
    }
}

/// The report settled without rows: its status and why.
fn settled(mut report: FileReport, status: FileStatus, reason: Problem) -> FileReport {
    report.status = status;
    report.reason = Some(reason);
    report
}

/// Reads one file on its own: bytes, format, legacy repair, table recognition and rows.
pub(crate) fn read_one(vocabulary: &Vocabulary, f: &Found) -> FileRead {
    let report = report_of(f);
    let format = match &f.action {
        Action::Skip(p) => return FileRead::Done(settled(report, FileStatus::Skipped, p.clone())),
        Action::Fail(p) => return FileRead::Done(settled(report, FileStatus::Failed, p.clone())),
        Action::Read(format) => *format,
    };
    let grids = match crate::input::file::read(&f.path, format) {
        Ok(grids) => grids,
        Err(problem) => return FileRead::Done(settled(report, FileStatus::Failed, problem)),
    };
    let report = FileReport {
        sha256: Some(grids.sha256.clone()),
        ..report
    };
    let (mut sheets, web_page) = match grids.outcome {
        Outcome::Sheets(sheets) => (sheets, None),
        Outcome::WebPage(sheets) => {
            let tables = sheets.len();
            (sheets, Some(tables))
        }
        Outcome::OwnOutput => {
            return FileRead::Done(settled(
                report,
                FileStatus::Skipped,
                Problem::Found(FoundProblem::OwnOutput),
            ));
        }
        Outcome::Failed(p) => return FileRead::Done(settled(report, FileStatus::Failed, p)),
    };
    let repaired = profile::time(Stage::Legacy, || repair_legacy(&mut sheets));
    // A plan form the run did not take its plan from (another was named): listed as
    // such, not searched for classes it does not hold.
    if crate::plan_form::is_plan_form(&sheets) {
        let problem = Problem::Found(FoundProblem::PlanFormNotUsed);
        return FileRead::Done(settled(report, FileStatus::Skipped, problem));
    }
    let (looks, sheets) = profile::time(Stage::Recognise, || {
        recognise_sheets(vocabulary, &f.rel, sheets)
    });
    FileRead::Sheets {
        report,
        hash: grids.sha256,
        repaired,
        web_page,
        looks,
        sheets,
    }
}

/// Converts the text of every sheet written in a legacy encoding (TCVN3, VNI) to
/// Unicode, counting the cells converted.
fn repair_legacy(sheets: &mut [SheetGrid]) -> Repaired {
    let mut repaired = Repaired::default();
    for sheet in sheets {
        repaired.add(legacy::repair(&mut sheet.grid));
    }
    repaired
}

/// Recognises the table of each sheet not hidden and reads its rows; when the workbook
/// yields no row, also what it looks like.
fn recognise_sheets(
    vocabulary: &Vocabulary,
    rel: &str,
    sheets: Vec<SheetGrid>,
) -> (Option<WorkbookLooks>, Vec<SheetRead>) {
    let ctx = SheetContext {
        vocabulary,
        file: rel,
        file_subcommittee: file_subcommittee(&vocabulary.aliases, rel),
    };
    let results: Vec<Option<SheetResult>> = sheets
        .iter()
        .map(|sheet| (!sheet.hidden).then(|| read_sheet(&ctx, sheet)))
        .collect();
    let looks = looks_without_rows(&sheets, &results);
    let sheets = sheets
        .into_iter()
        .zip(results)
        .map(|(sheet, result)| sheet_read(sheet, result))
        .collect();
    (looks, sheets)
}

/// The sub-committee the file's path gives. The file's name and each folder above it
/// that names exactly one sub-committee are witnesses, and they must agree: a file
/// "phap-luat.xlsx" in a folder "kinh-te" gives none. A folder that names several
/// ("Tiểu ban kinh tế và pháp luật") says nothing of which one a file in it is.
fn file_subcommittee(aliases: &[(String, usize)], rel: &str) -> Option<usize> {
    let stem = Path::new(rel).with_extension("");
    let mut named =
        stem.iter().filter_map(
            |part| match match_subcommittee(aliases, &part.to_string_lossy()) {
                SubCommitteeMatch::One(i) => Some(i),
                _ => None,
            },
        );
    let first = named.next()?;
    named.all(|i| i == first).then_some(first)
}

/// What a workbook that yields no row looks like, None when it yields some. A workbook
/// without rows is skipped (unless it is an empty monthly report, which the merge
/// decides): this is worked out while its grids are at hand.
fn looks_without_rows(
    sheets: &[SheetGrid],
    results: &[Option<SheetResult>],
) -> Option<WorkbookLooks> {
    let yields_rows = results
        .iter()
        .flatten()
        .any(|r| r.table_found && !r.rows.is_empty());
    let empty_table = results.iter().enumerate().find_map(|(i, r)| {
        let r = r.as_ref().filter(|r| r.table_found)?;
        Some((i, r.header_row?))
    });
    (!yields_rows).then(|| crate::input::looks::classify(sheets, empty_table))
}

/// A sheet's reading, without its grid: the period its title announces, whether it
/// was blank, and the duplicate key of each row.
fn sheet_read(sheet: SheetGrid, result: Option<SheetResult>) -> SheetRead {
    let keys = keys_of(result.as_ref());
    let title_period = result
        .as_ref()
        .and_then(|r| r.header_row)
        .and_then(|h| title_period(&sheet.grid, h));
    SheetRead {
        title_period,
        blank: sheet
            .grid
            .rows
            .iter()
            .all(|r| r.iter().all(|c| c.is_blank())),
        result,
        keys,
        name: sheet.name,
        hidden: sheet.hidden,
    }
}

/// The duplicate keys of a sheet's rows.
fn keys_of(result: Option<&SheetResult>) -> Vec<RowKey> {
    result
        .iter()
        .flat_map(|r| r.rows.iter().map(RowKey::of))
        .collect()
}

/// The period the title lines above a table's header row announce.
fn title_period(grid: &Grid, header_row: usize) -> Option<Period> {
    let lines = grid
        .rows
        .iter()
        .take(header_row)
        .flatten()
        .filter_map(|v| v.as_text());
    period_in_title(lines)
}

/// Why [`read_workbook`] gave no sheets; worded by [`ReadError::message`] (Vietnamese
/// when displayed, like every message of the tool).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// What went wrong, as a whole-folder run would report it for the file.
    pub problem: Problem,
}

impl ReadError {
    /// The reason in the user's language.
    pub fn message(&self, lang: crate::labels::Lang) -> String {
        self.problem.message(lang)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::labels::Lang::Vi))
    }
}

impl std::error::Error for ReadError {}

/// Reads every sheet of the workbook at `path` (.xlsx, .xlsm, .xls, .ods, or a web page
/// saved under one of those names, its tables then being the sheets), as a whole-folder
/// run reads it: within the same limits, and with text written in a legacy Vietnamese
/// encoding (TCVN3, VNI) converted to Unicode. Hidden sheets are included (see
/// [`SheetGrid::hidden`]). The format is the one the file's name claims.
///
/// Err when the name is no spreadsheet's, the file cannot be read or is damaged, or it
/// is the tool's own output.
///
/// ```
/// use tthtcd::CellValue;
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("kinh-te.xlsx");
/// let mut workbook = rust_xlsxwriter::Workbook::new();
/// workbook.add_worksheet().set_name("T3")?.write(0, 0, "Trồng lúa")?.write(0, 1, 25)?;
/// workbook.add_worksheet().set_name("T4")?;
/// workbook.save(&path)?;
///
/// let sheets = tthtcd::read_workbook(&path)?;
/// assert_eq!(sheets.len(), 2);
/// assert_eq!(sheets[0].name, "T3");
/// assert_eq!(sheets[0].grid.get(0, 0), &CellValue::Text("Trồng lúa".into()));
/// assert_eq!(sheets[0].grid.get(0, 1), &CellValue::Number(25.0));
///
/// assert!(tthtcd::read_workbook(&dir.path().join("notes.txt")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_workbook(path: &Path) -> Result<Vec<SheetGrid>, ReadError> {
    let Some(format) = Format::from_path(path) else {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        return Err(ReadError {
            problem: Problem::Found(FoundProblem::NotSpreadsheet {
                extension: extension.unwrap_or_default(),
            }),
        });
    };
    sheets_of(path, format).map_err(|problem| ReadError { problem })
}

/// Every sheet of a workbook in `format`, legacy text repaired.
fn sheets_of(path: &Path, format: Format) -> Result<Vec<SheetGrid>, Problem> {
    let grids = crate::input::file::read(path, format)?;
    let mut sheets = match grids.outcome {
        Outcome::Sheets(sheets) | Outcome::WebPage(sheets) => sheets,
        Outcome::OwnOutput => return Err(Problem::Found(FoundProblem::OwnOutput)),
        Outcome::Failed(problem) => return Err(problem),
    };
    repair_legacy(&mut sheets);
    Ok(sheets)
}

/// A worker's reading of a plan-form candidate (see [`Reading::PlanForm`]): its sheets
/// as [`read_workbook`] gives them. A panic in the reading is the file's failure.
pub(crate) fn read_sheets_request(request: &Request) -> Result<Vec<SheetGrid>, Problem> {
    std::panic::catch_unwind(|| sheets_of(&request.path, request.format))
        .unwrap_or(Err(Problem::Unread(ReadProblem::ReaderCrashed)))
}

/// What a folder holds of plan forms (see [`find_plan_form`]).
#[derive(Debug)]
pub enum PlanForms {
    None,
    /// One: its path, its path relative to the folder, and the plan read from it (or
    /// why it was refused, each fault at its cell).
    One {
        path: std::path::PathBuf,
        rel: String,
        plan: Result<crate::plan::Plan, crate::plan::PlanError>,
    },
    /// Two or more: the first two, relative to the folder. Which one holds the year's
    /// plan is the secretary's choice, not the tool's.
    Several(String, String),
}

/// The plan form in `folder` or below: a workbook whose name starts with "ke hoach"
/// (folded) and which has the form's Kế hoạch and Tiểu ban sheets. A file so named
/// that is not a plan form (a "kế hoạch mở lớp" registration) is left to be read as
/// the report it is.
///
/// With a `sandbox`, the candidates are read as a run reads every workbook: in worker
/// processes, within its limits (a crafted file named ke-hoach.xlsx costs a worker,
/// not the caller). A candidate that cannot be read — damaged, or past the limits — is
/// not taken for a plan form: it is left to the run, which lists it as failed. Without
/// one they are read in this process, for files the caller trusts. Nothing is started
/// when no file has a plan form's name. Err when the folder cannot be listed or, with
/// a sandbox, no worker can be started.
///
/// ```
/// use tthtcd::PlanForms;
///
/// let dir = tempfile::tempdir()?;
/// let mut workbook = rust_xlsxwriter::Workbook::new();
/// workbook.add_worksheet().write(0, 0, "Lớp")?;
/// workbook.save(dir.path().join("ke-hoach-mo-lop.xlsx"))?;
///
/// // Named like a plan form, but no Kế hoạch and Tiểu ban sheets: a report.
/// let found = tthtcd::find_plan_form(dir.path(), None)?;
/// assert!(matches!(found, PlanForms::None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_plan_form(folder: &Path, sandbox: Option<&Sandbox>) -> std::io::Result<PlanForms> {
    let candidates = plan_form_candidates(folder)?;
    if candidates.is_empty() {
        return Ok(PlanForms::None);
    }
    // The workers recognise no report here: they need no plan.
    let pool = sandbox.map(|s| Pool::start(s, &[])).transpose()?;
    let sheets = plan_form_sheets(&candidates, pool.as_ref());
    Ok(plan_forms_among(candidates, sheets))
}

/// The files of `folder` (and below) named like a plan form, to be read.
pub(crate) fn plan_form_candidates(folder: &Path) -> std::io::Result<Vec<Found>> {
    Ok(crate::input::discover::discover(folder, None)?
        .into_iter()
        .filter(|f| {
            let name = f.rel.rsplit('/').next().unwrap_or(&f.rel);
            matches!(f.action, Action::Read(_)) && crate::plan_form::is_plan_form_name(name)
        })
        .collect())
}

/// What the candidates, with the sheets [`plan_form_sheets`] gave each, hold of plan
/// forms.
pub(crate) fn plan_forms_among(
    candidates: Vec<Found>,
    sheets: Vec<Option<Vec<SheetGrid>>>,
) -> PlanForms {
    let mut forms = candidates
        .into_iter()
        .zip(sheets)
        .filter_map(|(f, sheets)| Some((f, sheets?)));
    match (forms.next(), forms.next()) {
        (None, _) => PlanForms::None,
        (Some((f, sheets)), None) => PlanForms::One {
            path: f.path,
            rel: f.rel,
            plan: crate::plan_form::from_sheets(&sheets),
        },
        (Some((a, _)), Some((b, _))) => PlanForms::Several(a.rel, b.rel),
    }
}

/// Each candidate's sheets when they are a plan form's: read by the `pool`'s workers,
/// or in this process without one. None for the others, and for one whose worker was
/// lost or whose reading failed.
pub(crate) fn plan_form_sheets(
    candidates: &[Found],
    pool: Option<&Pool>,
) -> Vec<Option<Vec<SheetGrid>>> {
    let Some(pool) = pool else {
        return candidates.iter().map(plan_form_here).collect();
    };
    let request = |f: &Found| {
        request_for(f).map(|r| Request {
            reading: Reading::PlanForm,
            ..r
        })
    };
    let reply = |_: &Found, answer: Result<Result<Vec<SheetGrid>, Problem>, Lost>| {
        answer
            .ok()?
            .ok()
            .filter(|sheets| crate::plan_form::is_plan_form(sheets))
    };
    pool.read_all(candidates, request, |_| None, reply)
}

/// A candidate's sheets when they are a plan form's, read in this process.
fn plan_form_here(f: &Found) -> Option<Vec<SheetGrid>> {
    let Action::Read(format) = f.action else {
        return None;
    };
    // A reader's panic on a damaged file is that file's failure, not the caller's.
    std::panic::catch_unwind(|| sheets_of(&f.path, format))
        .ok()?
        .ok()
        .filter(|sheets| crate::plan_form::is_plan_form(sheets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_s_path_names_its_sub_committee_when_its_witnesses_agree() {
        let aliases = crate::plan::Plan::embedded().folded_aliases();
        let of = |rel: &str| file_subcommittee(&aliases, rel);
        // Kinh tế is 0, pháp luật 1 in the embedded plan.
        assert_eq!(of("kinh-te/thang-03.xlsx"), Some(0));
        assert_eq!(of("2019/thang 3/phap-luat.xlsx"), Some(1));
        assert_eq!(of("kinh-te/kinh tế tháng 3.xlsx"), Some(0));
        // A folder naming two says nothing; the file's own name decides.
        assert_eq!(
            of("Tiểu ban kinh tế và tiểu ban pháp luật/Quý II/kinh-tế.xlsx"),
            Some(0)
        );
        assert_eq!(of("Tiểu ban kinh tế và pháp luật/thang-4.xlsx"), None);
        // Two that disagree, or a name naming two: no sub-committee.
        assert_eq!(of("kinh-te/phap-luat-thang-3.xlsx"), None);
        assert_eq!(of("kinh-te-va-phap-luat.xlsx"), None);
        assert_eq!(of("thang-03.xlsx"), None);
    }
}
