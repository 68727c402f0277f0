//! One consolidation, start to finish: find the files, read each once (on its own, see
//! [`crate::read`]; in worker processes when sandboxed), merge what each gave in folder
//! order (copies, repeated rows, the ledger), and check the classes against the plan.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use thiserror::Error;

use crate::check::{AsOf, summary::summarise};
use crate::classes::{ClassRow, CriterionEntry, PlannedClass};
use crate::consolidation::{Consolidation, FileReport, FileStatus, Inputs, ReadOrder};
use crate::diagnostics::{
    Diagnostic, FoundProblem, Ledger, Problem, RowProblem, TableProblem, WorkbookLooks,
};
use crate::input::discover::{Found, discover};
use crate::normalise::legacy::{Legacy, Repaired};
use crate::plan::Plan;
use crate::profile::{self, Stage};
use crate::read::{FileRead, SheetRead, failed_report, read_one, request_for};
use crate::recognise::{RowOutcome, Vocabulary};
use crate::repeats::{Firsts, RowKey};
use crate::sandbox::{Pool, Request};

/// What to consolidate, for [`run`]: a folder, read with its sub-folders, and the plan
/// its classes are checked against.
pub struct Config<'a> {
    /// The folder of workbooks.
    pub folder: PathBuf,
    /// The commune's yearly plan ([`Plan::embedded`] or [`Plan::from_toml`]).
    pub plan: Plan,
    /// Where the plan came from; a plan form found in the folder is listed there as the
    /// plan, not read as a report.
    pub plan_source: crate::plan::PlanSource,
    /// None: the plan year's last day.
    pub as_of: Option<NaiveDate>,
    /// The output being written, skipped if it lies inside the folder.
    pub output: Option<PathBuf>,
    /// Called after each file with (files done, files total).
    pub progress: Option<&'a (dyn Fn(usize, usize) + Sync)>,
    /// Read the workbooks in worker processes under these limits; None reads them in
    /// this process (for trusted files and tests of the stages themselves).
    pub sandbox: Option<crate::sandbox::Sandbox>,
}

/// Why a run could not start; worded by [`RunError::message`] (Vietnamese when
/// displayed).
#[derive(Debug, Error)]
pub enum RunError {
    #[error("{}", self.message(crate::labels::Lang::Vi))]
    Folder { path: String, err: std::io::Error },
    #[error("{}", self.message(crate::labels::Lang::Vi))]
    AsOf(#[from] crate::check::asof::AsOfError),
    #[error("{}", self.message(crate::labels::Lang::Vi))]
    Sandbox(std::io::Error),
}

impl RunError {
    /// The reason in the user's language (the words are in `labels::command`).
    pub fn message(&self, lang: crate::labels::Lang) -> String {
        use crate::labels::{command as w, io_kind_or_text};
        match self {
            RunError::Folder { path, err } => {
                w::folder_not_opened(path, &io_kind_or_text(err, lang), lang)
            }
            RunError::AsOf(e) => e.message(lang),
            RunError::Sandbox(err) => w::readers_not_started(&io_kind_or_text(err, lang), lang),
        }
    }
}

/// Files read between two merges: enough to keep every core busy, few enough that
/// the rows waiting to be merged stay a small part of the memory.
const BATCH: usize = 256;

/// Runs the whole consolidation: find the files, read and merge them, check the
/// classes against the plan.
///
/// A folder of two monthly reports for March, one a sub-committee (the file's name
/// names it): "kinh-te.xlsx" with a class of 25 learners, "phap-luat.xlsx" with one of
/// 30, consolidated with the embedded plan (year 2019) → 2 classes, 55 learners:
///
/// ```
/// use tthtcd::{Config, FileStatus, Plan};
///
/// let dir = tempfile::tempdir()?;
/// for (file, topic, learners) in [("kinh-te", "Trồng lúa", 25), ("phap-luat", "Luật đất đai", 30)] {
///     let mut workbook = rust_xlsxwriter::Workbook::new();
///     let sheet = workbook.add_worksheet().set_name("T3")?;
///     sheet.write_row(0, 0, ["STT", "Tên chuyên đề", "Ngày mở lớp", "Số học viên"])?;
///     sheet.write_row(1, 0, ["1", topic, "05/03/2019"])?.write(1, 3, learners)?;
///     workbook.save(dir.path().join(format!("{file}.xlsx")))?;
/// }
///
/// let c = tthtcd::run(&Config {
///     folder: dir.path().to_path_buf(),
///     plan: Plan::embedded(), plan_source: Default::default(),
///     as_of: None,
///     output: None,
///     progress: None,
///     sandbox: None,
/// })?;
/// assert!(c.files.iter().all(|f| f.status == FileStatus::Read));
/// assert_eq!(c.classes.len(), 2);
/// assert_eq!(c.summary.classes.actual, 2);
/// assert_eq!(c.summary.learners.actual, 55);
/// let subs: Vec<&str> = c.classes.iter().map(|k| c.plan.subcommittees[k.subcommittee].id.as_str()).collect();
/// assert_eq!(subs, ["kinh-te", "phap-luat"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run(config: &Config) -> Result<Consolidation, RunError> {
    let mut job = Job::prepare(config)?;
    let pool = start_pool(config.sandbox.as_ref(), std::slice::from_ref(&config.plan))?;
    read_jobs(
        &mut [&mut job],
        pool.as_ref(),
        config.progress,
        &mut |_, _| {},
    );
    Ok(job.finish())
}

/// Several folders, each to be consolidated against its own plan, ready to be read in
/// one go ([`Prepared::read`]): a district run's communes. Each folder's files are
/// found and its date checked against its plan year when prepared, so which folders
/// will be consolidated, and on what date, is known before any file is read.
pub struct Prepared<'c> {
    jobs: Vec<Result<Job<'c>, RunError>>,
}

impl<'c> Prepared<'c> {
    /// Finds each folder's files.
    pub fn new(configs: &'c [Config<'c>]) -> Prepared<'c> {
        Prepared {
            jobs: configs.iter().map(Job::prepare).collect(),
        }
    }

    /// The date each folder will be judged on; None for one that cannot be
    /// consolidated (its reason comes with [`Prepared::read`]). Once prepared, a
    /// folder is always consolidated.
    pub fn dates(&self) -> Vec<Option<NaiveDate>> {
        self.jobs
            .iter()
            .map(|j| j.as_ref().ok().map(|j| j.as_of.date))
            .collect()
    }

    /// Reads every folder's files with one pool of workers started once (each worker
    /// knowing every plan, each file read with its folder's), so the cores stay busy
    /// across folders and no worker is started per folder. Each folder's files are
    /// merged in its own order into its own consolidation, so a class two folders both
    /// hold is two classes, and each result is the one [`run`] gives for its folder.
    ///
    /// `done` is given each folder's index and result in folder order, each as soon as
    /// its last file is merged, while later folders are still being read. `progress`
    /// is called with (files done, files in all folders). Err only when the workers
    /// cannot be started.
    pub fn read(
        self,
        sandbox: Option<&crate::sandbox::Sandbox>,
        progress: Option<&(dyn Fn(usize, usize) + Sync)>,
        done: &mut (dyn FnMut(usize, Result<Consolidation, RunError>) + Send),
    ) -> Result<(), RunError> {
        let plans: Vec<Plan> = self
            .jobs
            .iter()
            .flatten()
            .map(|j| j.config.plan.clone())
            .collect();
        // No folder to read, no worker to start.
        let pool = match plans.is_empty() {
            true => None,
            false => start_pool(sandbox, &plans)?,
        };
        let mut failed: Vec<(usize, RunError)> = Vec::new();
        let mut jobs: Vec<(usize, Job)> = Vec::new();
        for (i, job) in self.jobs.into_iter().enumerate() {
            match job {
                Ok(job) => jobs.push((i, job)),
                Err(e) => failed.push((i, e)),
            }
        }
        let mut failed = failed.into_iter().peekable();
        // Gives the folders that failed before `upto`, in order.
        let mut give_failed = |upto: usize, done: &mut dyn FnMut(usize, _)| {
            while let Some((i, e)) = failed.next_if(|(i, _)| *i < upto) {
                done(i, Err(e));
            }
        };
        let (at, mut jobs): (Vec<usize>, Vec<Job>) = jobs.into_iter().unzip();
        let mut refs: Vec<&mut Job> = jobs.iter_mut().collect();
        let metas: Vec<(&Config, AsOf)> = refs.iter().map(|j| (j.config, j.as_of)).collect();
        read_jobs(&mut refs, pool.as_ref(), progress, &mut |k, state| {
            let Some((&i, (config, as_of))) = at.get(k).zip(metas.get(k)) else {
                return;
            };
            give_failed(i, done);
            done(i, Ok(finish(config, std::mem::take(state), *as_of)));
        });
        give_failed(usize::MAX, done);
        Ok(())
    }
}

/// The workers of a sandboxed run, knowing `plans`; None reads in this process.
fn start_pool(
    sandbox: Option<&crate::sandbox::Sandbox>,
    plans: &[Plan],
) -> Result<Option<Pool>, RunError> {
    sandbox
        .map(|s| Pool::start(s, plans))
        .transpose()
        .map_err(RunError::Sandbox)
}

/// One folder to consolidate: its files found, its date, what its files gave so far.
struct Job<'c> {
    config: &'c Config<'c>,
    found: Vec<Found>,
    as_of: AsOf,
    state: State,
}

impl<'c> Job<'c> {
    /// The date checked against the plan year, the folder's files found.
    fn prepare(config: &'c Config<'c>) -> Result<Job<'c>, RunError> {
        let as_of = AsOf::new(config.as_of, config.plan.year)?;
        let folder = &config.folder;
        let found = profile::time(Stage::Discover, || {
            discover(folder, config.output.as_deref())
        })
        .map_err(|err| RunError::Folder {
            path: folder.display().to_string(),
            err,
        })?;
        Ok(Job {
            config,
            found: mark_plan_form(found, &config.plan_source),
            as_of,
            state: State::default(),
        })
    }

    /// The merged rows checked against the plan.
    fn finish(self) -> Consolidation {
        finish(self.config, self.state, self.as_of)
    }
}

/// A folder's merged rows checked against its plan, the time it took counted.
fn finish(config: &Config, state: State, as_of: AsOf) -> Consolidation {
    let checking = std::time::Instant::now();
    let c = check(config, state, as_of);
    profile::add(Stage::Check, checking.elapsed());
    c
}

/// The plan form the plan came from is listed as such, not read as a report.
fn mark_plan_form(mut found: Vec<Found>, source: &crate::plan::PlanSource) -> Vec<Found> {
    if let crate::plan::PlanSource::InFolder(rel) = source {
        for f in found.iter_mut().filter(|f| &f.rel == rel) {
            f.action = crate::input::discover::Action::Skip(FoundProblem::PlanForm.into());
        }
    }
    found
}

/// Reads every file of every job and merges what each gave into its job, in each
/// job's folder order; `finished` is given each job's index and merged state, in job
/// order, once its last file is merged (it may take the state).
///
/// Files are read in parallel, each on its own, a batch at a time; each batch is
/// merged in order while the next one is read. Merging thus overlaps the reading
/// without a thread of its own competing for the cores, and only two batches of read
/// files are held at once however large the folders.
fn read_jobs(
    jobs: &mut [&mut Job],
    pool: Option<&Pool>,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
    finished: &mut (dyn FnMut(usize, &mut State) + Send),
) {
    profile::time(Stage::Reading, || {
        // Every job's files in turn, each with its job's index (its plan's, for the
        // workers).
        let files: Vec<(usize, Found)> = jobs
            .iter_mut()
            .enumerate()
            .flat_map(|(i, j)| {
                std::mem::take(&mut j.found)
                    .into_iter()
                    .map(move |f| (i, f))
            })
            .collect();
        let vocabularies: Vec<Vocabulary> = jobs
            .iter()
            .map(|j| Vocabulary::from(&j.config.plan))
            .collect();
        let mut merger = Merger {
            states: jobs.iter_mut().map(|j| &mut j.state).collect(),
            finished,
            next: 0,
        };
        read_and_merge(&files, &vocabularies, &mut merger, pool, progress);
        merger.finish_before(usize::MAX);
    });
}

/// The merging side of [`read_jobs`]: each job's state, and which job is the first
/// not yet finished.
struct Merger<'m, 's> {
    states: Vec<&'s mut State>,
    finished: &'m mut (dyn FnMut(usize, &mut State) + Send),
    next: usize,
}

impl Merger<'_, '_> {
    fn merge_batch(&mut self, batch: &[(usize, Found)], reads: Vec<FileRead>) {
        profile::time(Stage::Merge, || {
            for ((j, f), read) in batch.iter().zip(reads) {
                // Files come job by job: a file of a later job means the earlier
                // jobs have all their files merged.
                self.finish_before(*j);
                if let Some(state) = self.states.get_mut(*j) {
                    merge(f, read, state);
                }
            }
        });
    }

    /// Finishes every job before job `j` not yet finished.
    fn finish_before(&mut self, j: usize) {
        while self.next < j.min(self.states.len()) {
            if let Some(state) = self.states.get_mut(self.next) {
                (self.finished)(self.next, state);
            }
            self.next += 1;
        }
    }
}

/// The reading and merging of [`read_jobs`]: `files` each with the index of its
/// vocabulary and its job.
fn read_and_merge(
    files: &[(usize, Found)],
    vocabularies: &[Vocabulary],
    merger: &mut Merger,
    pool: Option<&Pool>,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) {
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tick = || {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(p) = progress {
            p(n, total);
        }
    };
    let read_here = |(j, f): &(usize, Found)| {
        let read = match vocabularies.get(*j) {
            Some(vocabulary) => read_one(vocabulary, f),
            None => FileRead::Done(failed_report(
                f,
                Problem::Unread(crate::diagnostics::ReadProblem::ReaderAborted),
            )),
        };
        tick();
        read
    };
    let request = |(j, f): &(usize, Found)| request_for(f).map(|r| Request { plan: *j, ..r });
    let read_batch = |batch: &[(usize, Found)]| -> Vec<FileRead> {
        match pool {
            // A file to skip or refuse is settled here without a byte read; every
            // workbook goes to a worker.
            Some(pool) => pool.read_all(batch, request, read_here, |(_, f), answer| {
                tick();
                answer.unwrap_or_else(|lost| {
                    FileRead::Done(failed_report(
                        f,
                        crate::sandbox::problem(lost, pool.limits()),
                    ))
                })
            }),
            None => batch.par_iter().map(read_here).collect(),
        }
    };
    let mut previous: (&[(usize, Found)], Vec<FileRead>) = (&[], Vec::new());
    for batch in files.chunks(BATCH) {
        let (prev_batch, prev_reads) = std::mem::take(&mut previous);
        let ((), reads) = rayon::join(
            || merger.merge_batch(prev_batch, prev_reads),
            || read_batch(batch),
        );
        previous = (batch, reads);
    }
    merger.merge_batch(previous.0, previous.1);
}

/// The merged rows checked against the plan, as of the date.
fn check(config: &Config, state: State, as_of: AsOf) -> Consolidation {
    let inputs = Inputs {
        files: state.files,
        classes: state.classes.into_rows(),
        note_at: state.note_at,
        planned: state.planned.into_rows(),
        entries: state.entries.into_rows(),
        received: state.received,
        diagnostics: state.diagnostics,
    };
    judge(
        config.plan.clone(),
        config.plan_source.clone(),
        config.folder.clone(),
        inputs,
        as_of,
    )
}

/// What a run merged, judged against the plan as of the date: the whole of the check,
/// from the run's own merge or from the inputs a consolidated workbook carries (read
/// back at another date, it gives the figures the reports would give at that date).
pub(crate) fn judge(
    plan: Plan,
    plan_source: crate::plan::PlanSource,
    folder: PathBuf,
    inputs: Inputs,
    as_of: AsOf,
) -> Consolidation {
    let diagnostics = with_later_notes(
        inputs.diagnostics,
        &inputs.classes,
        &inputs.note_at,
        as_of.date,
    );
    // Classes opened after the as-of date were valid rows (accepted in the ledger) but
    // are not yet due to be counted: held apart from every figure.
    let later_at: Vec<u32> = (0u32..)
        .zip(&inputs.classes)
        .filter(|(_, c)| c.date > as_of.date)
        .map(|(i, _)| i)
        .collect();
    let (classes, later): (Vec<ClassRow>, _) = inputs
        .classes
        .into_iter()
        .partition(|c| c.date <= as_of.date);
    let planned = inputs.planned;
    Consolidation {
        summary: summarise(&plan, &classes, as_of),
        registration: crate::check::registration::check(&plan, &planned),
        plan_vs_held: crate::check::plan_vs_held::match_classes(&planned, &classes, as_of),
        criteria: crate::check::criteria::evaluate(&plan, &inputs.entries),
        completeness: crate::check::completeness::assess(
            plan.subcommittees.len(),
            &inputs.received,
            as_of,
            plan.report_deadline_day,
        ),
        computed: crate::check::criteria::computed(&plan, &classes),
        plan,
        plan_source,
        folder,
        files: inputs.files,
        classes,
        later,
        planned,
        diagnostics,
        entries: inputs.entries,
        received: inputs.received,
        order: ReadOrder {
            note_at: inputs.note_at,
            later_at,
        },
    }
}

/// The run's diagnostics with the note on each class opened after the as-of date at
/// its place: where the merge would have put it, among its sheet's problems in row
/// order. A place past the end is the end.
fn with_later_notes(
    diagnostics: Vec<Diagnostic>,
    classes: &[ClassRow],
    note_at: &[u32],
    as_of: NaiveDate,
) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(diagnostics.len());
    let mut rest = diagnostics.into_iter();
    let mut placed = 0usize;
    let places = note_at
        .iter()
        .map(|&at| at as usize)
        .chain(std::iter::repeat(usize::MAX));
    for (class, at) in classes.iter().zip(places) {
        if class.date <= as_of {
            continue;
        }
        while placed < at {
            let Some(d) = rest.next() else { break };
            out.push(d);
            placed += 1;
        }
        out.push(after_as_of(class, as_of));
    }
    out.extend(rest);
    out
}

#[derive(Default)]
struct State {
    files: Vec<FileReport>,
    /// The first report of each class.
    classes: Firsts<ClassRow>,
    /// For each class taken, where its note goes among `diagnostics` should it be
    /// opened after the as-of date (see [`Inputs::note_at`]).
    note_at: Vec<u32>,
    diagnostics: Vec<Diagnostic>,
    /// SHA-256 → the first file with those bytes.
    hashes: HashMap<String, String>,
    /// Monthly reports found: which sub-committee, which month, when.
    received: Vec<crate::check::completeness::Received>,
    /// Criteria figures, in the order read: the first for each indicator.
    entries: Firsts<CriterionEntry>,
    /// Registered classes, in the order read: the first registration of each.
    planned: Firsts<PlannedClass>,
}

fn file_diag(rel: &str, problem: Problem) -> Diagnostic {
    Diagnostic {
        problem,
        file: Some(rel.to_string()),
        sheet: None,
        cell: None,
    }
}

/// Adds one file's reading to the run, in folder order: byte-identical copies, repeated
/// classes and the ledger are decided here, where every earlier file is known. A file
/// gives Cảnh báo at most one line for each kind of note (sheets passed over, columns
/// not used, legacy text, web page), never one per sheet; a file that yields nothing is
/// skipped with one line saying what it looks like.
fn merge(f: &Found, read: FileRead, st: &mut State) {
    let (mut report, hash, repaired, web_page, looks, sheets) = match read {
        FileRead::Done(report) if report.status == FileStatus::Failed => return fail(st, report),
        // A plan form the run did not take its plan from may hold the plan meant: a
        // warning in Cảnh báo too; the other skips are listed in Nguồn only.
        FileRead::Done(report)
            if report.reason == Some(Problem::Found(FoundProblem::PlanFormNotUsed)) =>
        {
            return fail(st, report);
        }
        FileRead::Done(report) => return st.files.push(report),
        FileRead::Sheets {
            report,
            hash,
            repaired,
            web_page,
            looks,
            sheets,
        } => (report, hash, repaired, web_page, looks, sheets),
    };
    if let Some(original) = st.hashes.get(&hash) {
        report.status = FileStatus::Duplicate;
        report.reason = Some(Problem::Found(FoundProblem::DuplicateFile {
            original: original.clone(),
        }));
        st.files.push(report);
        return;
    }
    // Only a readable spreadsheet's bytes make later copies duplicates.
    st.hashes.insert(hash, f.rel.clone());
    file_notes(&f.rel, &repaired, web_page, &mut st.diagnostics);
    // Where this file's sheet notes start, dropped if the file turns out to be skipped.
    let notes_from = st.diagnostics.len();
    let received_before = st.received.len();
    let passed = merge_sheets(f, sheets, &mut report.ledger, st);
    // Nothing read, and no empty monthly report counted for its month: the file is
    // skipped, with what it looks like as the reason and the one line in Cảnh báo.
    let empty_report = st.received.len() > received_before;
    if report.ledger.read == 0 && !empty_report {
        st.diagnostics.truncate(notes_from);
        skip_without_rows(f, report, looks, st);
        return;
    }
    st.diagnostics.extend(passed.notes(&f.rel));
    st.files.push(report);
}

/// The notes on the file as a whole: text converted from a legacy encoding, a web page
/// read as a workbook.
fn file_notes(
    rel: &str,
    repaired: &Repaired,
    web_page: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (encoding, cells) in [(Legacy::Tcvn3, repaired.tcvn3), (Legacy::Vni, repaired.vni)] {
        if cells > 0 {
            diagnostics.push(file_diag(
                rel,
                Problem::Table(TableProblem::LegacyConverted { encoding, cells }),
            ));
        }
    }
    if let Some(tables) = web_page {
        diagnostics.push(file_diag(
            rel,
            Problem::Table(TableProblem::WebPage { tables }),
        ));
    }
}

/// What a file's sheets passed over, for one line of each kind in Cảnh báo.
#[derive(Default)]
struct PassedOver {
    /// Sheets holding something, but no table.
    without_table: Vec<String>,
    hidden: Vec<String>,
    /// Headings of the columns not used, each once, in the order met.
    ignored: indexmap::IndexSet<String>,
}

impl PassedOver {
    /// The file's lines on the sheets and columns passed over, if any.
    fn notes(self, rel: &str) -> Vec<Diagnostic> {
        let mut notes = Vec::new();
        if !self.without_table.is_empty() || !self.hidden.is_empty() {
            notes.push(file_diag(
                rel,
                Problem::Table(TableProblem::SheetsSkipped {
                    without_table: self.without_table,
                    hidden: self.hidden,
                }),
            ));
        }
        if !self.ignored.is_empty() {
            let names = self.ignored.into_iter().collect();
            notes.push(file_diag(
                rel,
                Problem::Table(TableProblem::ColumnsIgnored { names }),
            ));
        }
        notes
    }
}

/// Merges the rows of each sheet with a table, counting them in the file's ledger, and
/// notes the sheets and columns passed over.
fn merge_sheets(
    f: &Found,
    sheets: Vec<SheetRead>,
    ledger: &mut Ledger,
    st: &mut State,
) -> PassedOver {
    let mut passed = PassedOver::default();
    for sheet in sheets {
        let result = match sheet.result {
            _ if sheet.hidden => {
                passed.hidden.push(sheet.name);
                continue;
            }
            Some(r) if r.table_found => r,
            _ => {
                if !sheet.blank {
                    passed.without_table.push(sheet.name);
                }
                continue;
            }
        };
        st.received.extend(crate::check::completeness::received(
            &result,
            sheet.title_period,
            &f.path,
            &f.rel,
        ));
        passed.ignored.extend(result.ignored_columns);
        let from = st.diagnostics.len();
        let classes_from = st.classes.rows().len();
        st.diagnostics.extend(result.diagnostics);
        for (outcome, key) in result.rows.into_iter().zip(sheet.keys) {
            merge_row(outcome, key, ledger, st);
        }
        // Duplicates are found after the sheet's own problems; list them all in row order.
        if let Some(sheet_diags) = st.diagnostics.get_mut(from..) {
            sheet_diags.sort_by_key(|d| d.cell.as_deref().map(row_of));
        }
        note_places(st, from, classes_from);
    }
    passed
}

/// Where the note on each class the sheet gave goes, should the class be opened after
/// the as-of date: after the sheet's problems on its row and the rows above (in row
/// order, as the sheet's problems are sorted), before those below. Worked out here for
/// every class, whatever the date, so that the run can be judged at any date.
fn note_places(st: &mut State, from: usize, classes_from: usize) {
    let sheet_diags = st.diagnostics.get(from..).unwrap_or_default();
    for class in st.classes.rows().get(classes_from..).unwrap_or_default() {
        let row = Some(row_of(&class.source.cell));
        let at = from + sheet_diags.partition_point(|d| d.cell.as_deref().map(row_of) <= row);
        st.note_at.push(u32::try_from(at).unwrap_or(u32::MAX));
    }
}

/// Counts one row read and takes it among the classes, registrations or criteria
/// figures, unless it was rejected or repeats an earlier one.
fn merge_row(outcome: RowOutcome, key: RowKey, ledger: &mut Ledger, st: &mut State) {
    ledger.read += 1;
    match outcome {
        RowOutcome::Rejected => ledger.rejected += 1,
        // A class opened after the as-of date is accepted (it is a valid row); the
        // check holds it apart from the figures and notes it as not counted yet.
        RowOutcome::Accepted(class) => {
            st.classes.accept(*class, key, ledger, &mut st.diagnostics);
        }
        // The same registration twice (same sub-committee, topic, period and village)
        // counts once.
        RowOutcome::Planned(class) => {
            st.planned.accept(*class, key, ledger, &mut st.diagnostics);
        }
        // A second figure for the same indicator is a duplicate: the first one counts.
        RowOutcome::Criterion(entry) => {
            st.entries.accept(*entry, key, ledger, &mut st.diagnostics);
        }
    }
}

/// Skips a file that yields no row, with what it looks like as the reason and its one
/// line in Cảnh báo.
fn skip_without_rows(
    f: &Found,
    mut report: FileReport,
    looks: Option<WorkbookLooks>,
    st: &mut State,
) {
    let looks = looks.unwrap_or(WorkbookLooks::Other {
        headings: Vec::new(),
    });
    let problem = Problem::Table(TableProblem::NoClassTable { looks });
    st.diagnostics.push(file_diag(&f.rel, problem.clone()));
    report.status = FileStatus::Skipped;
    report.reason = Some(problem);
    st.files.push(report);
}

fn fail(st: &mut State, report: FileReport) {
    if let Some(p) = &report.reason {
        st.diagnostics.push(file_diag(&report.path, p.clone()));
    }
    st.files.push(report);
}

/// The note on a class opened after the as-of date, at its row's topic cell.
fn after_as_of(class: &ClassRow, as_of: NaiveDate) -> Diagnostic {
    Diagnostic {
        problem: Problem::Row(RowProblem::DateAfterAsOf {
            date: class.date.format("%d/%m/%Y").to_string(),
            as_of: as_of.format("%d/%m/%Y").to_string(),
        }),
        file: Some(class.source.file.clone()),
        sheet: Some(class.source.sheet.clone()),
        cell: Some(class.source.cell.clone()),
    }
}

/// The row number of an A1 address ("C12" → 12).
fn row_of(cell: &str) -> u32 {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap_or(0)
}
