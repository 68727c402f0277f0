//! One module a subcommand. Each takes its parsed arguments and returns the exit code;
//! `anyhow` carries the errors that stop a run to `main`, which prints them plainly.

/// `print!`, `println!`, `eprint!` and `eprintln!` that do not panic when nobody reads
/// any more (`tthtcd check … | head` closes the pipe): by then the workbook is written
/// and the exit code decided; the lines are a courtesy, never worth a crash.
macro_rules! say {
    (out, $($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($t)*);
    }};
    (outln, $($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
    (err, $($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($t)*);
    }};
    (errln, $($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($t)*);
    }};
}

pub mod appendix;
pub mod check;
pub mod console;
pub mod consolidate;
pub mod criteria;
pub mod district;
pub mod double_click;
pub mod help;
pub mod plan;
pub mod plan_new;
pub mod template;
pub mod watch;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use tthtcd::labels::{Lang, cli};
use tthtcd::plan::PlanSource;
use tthtcd::report::output;
use tthtcd::{Config, Consolidation, Plan, PlanForms};

/// Exit codes, decided in one place (see README).
pub mod exit {
    /// All counted; every sub-committee met or on track (check).
    pub const OK: u8 = 0;
    /// Some sub-committee is behind or short (check); the plan has a finding (plan check).
    pub const FALLS_SHORT: u8 = 1;
    /// A file failed or a row was rejected: something was not counted (check).
    pub const NOT_COUNTED: u8 = 2;
    /// The run could not be done: bad plan, missing folder, unwritable output, bad arguments.
    pub const CANNOT_RUN: u8 = 3;
}

/// Options shared by the commands that read a folder.
#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// Folder of sub-committee workbooks (.xlsx .xlsm .xlsb .xls .ods), read recursively.
    pub folder: PathBuf,
    /// A plan form (ke-hoach.xlsx) or TOML plan; default: the plan form in FOLDER, else
    /// the embedded 2019 plan of Hồng Thái Tây.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// Judge the figures as of this date (YYYY-MM-DD); default: the plan year's last day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Also write the summary as JSON to FILE ("-" for standard output).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Language of the workbook, the JSON messages and the terminal: vi (default) or en.
    #[arg(long, value_enum, default_value_t = Language::Vi)]
    pub lang: Language,
    /// Memory (MB) the processes that read the workbooks may use together; a workbook
    /// that needs more is listed as failed.
    #[arg(long, value_name = "MB", default_value_t = 1024,
          value_parser = at_least::<32>)]
    pub max_memory: u64,
    /// Seconds one workbook may take to read; one that takes longer is listed as failed.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = at_least::<1>)]
    pub max_seconds: u64,
}

impl Common {
    /// Workers of this binary under the limits asked for.
    fn sandbox(&self) -> anyhow::Result<tthtcd::sandbox::Sandbox> {
        sandbox(self.lang.into(), self.max_memory, self.max_seconds)
    }
}

/// Workers of this binary, `max_memory` MB for all of them, `max_seconds` a workbook.
fn sandbox(
    lang: Lang,
    max_memory: u64,
    max_seconds: u64,
) -> anyhow::Result<tthtcd::sandbox::Sandbox> {
    let mut sandbox =
        tthtcd::sandbox::Sandbox::current_exe().context(cli::SANDBOX_EXE.get(lang))?;
    sandbox.limits.memory_bytes = max_memory.saturating_mul(1 << 20);
    sandbox.limits.per_file = Duration::from_secs(max_seconds);
    Ok(sandbox)
}

/// Output language.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<Language> for Lang {
    fn from(l: Language) -> Lang {
        match l {
            Language::Vi => Lang::Vi,
            Language::En => Lang::En,
        }
    }
}

/// A value an argument's parser refuses. The words come later, from labels, in the
/// language the arguments ask for (see `help`): a parser does not know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    NotADate,
    NotAWholeNumber,
    TooLarge,
    Below(u64),
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason(Lang::En))
    }
}

impl std::error::Error for BadValue {}

impl BadValue {
    /// Why the value was refused, in `lang`.
    pub fn reason(self, lang: Lang) -> String {
        use tthtcd::labels::help as w;
        match self {
            BadValue::NotADate => w::NOT_A_DATE.get(lang).to_string(),
            BadValue::NotAWholeNumber => w::NOT_A_WHOLE_NUMBER.get(lang).to_string(),
            BadValue::TooLarge => w::TOO_LARGE.get(lang).to_string(),
            BadValue::Below(min) => w::below(min, lang),
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, BadValue> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| BadValue::NotADate)
}

/// A whole number of at least `MIN` (megabytes, seconds).
fn at_least<const MIN: u64>(s: &str) -> Result<u64, BadValue> {
    use std::num::IntErrorKind;
    let n: u64 = s.trim().parse().map_err(|e: std::num::ParseIntError| {
        if *e.kind() == IntErrorKind::PosOverflow {
            BadValue::TooLarge
        } else {
            BadValue::NotAWholeNumber
        }
    })?;
    if n < MIN {
        return Err(BadValue::Below(MIN));
    }
    Ok(n)
}

/// Colour on the terminal only: not when piped, not when NO_COLOR is set.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && console::understands_escapes()
}

/// Loads the plan: the embedded one, or a file — a TOML plan or a plan form (a
/// workbook: .xlsx, .xls, .ods), told apart by the file's extension. A plan form's
/// faults refuse it, all of them listed under the file's name.
pub fn load_plan(path: Option<&Path>, lang: Lang) -> anyhow::Result<Plan> {
    match load_plan_or_faults(path, lang)? {
        Loaded::Plan(plan) => Ok(plan),
        Loaded::FormFaults(errors) => {
            let p = path.unwrap_or(Path::new(""));
            let e = tthtcd::plan::PlanError::Form(errors);
            Err(anyhow::anyhow!(e.message(lang))
                .context(tthtcd::labels::command::plan_invalid(p, lang)))
        }
    }
}

/// A plan read, or a plan form's faults, each at its cell: `plan check` lists those as
/// findings, every other command refuses the form for them.
pub enum Loaded {
    Plan(Plan),
    FormFaults(Vec<tthtcd::plan::FormError>),
}

/// [`load_plan`], with a plan form's faults given back rather than refused; the file is
/// read once either way.
pub fn load_plan_or_faults(path: Option<&Path>, lang: Lang) -> anyhow::Result<Loaded> {
    use tthtcd::labels::command as w;
    let Some(p) = path else {
        return Ok(Loaded::Plan(Plan::embedded()));
    };
    let invalid = |e: tthtcd::plan::PlanError| {
        anyhow::anyhow!(e.message(lang)).context(w::plan_invalid(p, lang))
    };
    if tthtcd::input::discover::Format::from_path(p).is_some() {
        let sheets = tthtcd::read_workbook(p)
            .map_err(|e| anyhow::anyhow!(w::plan_unreadable(p, &e.message(lang), lang)))?;
        return match tthtcd::plan_form::from_sheets(&sheets) {
            Ok(plan) => Ok(Loaded::Plan(plan)),
            Err(tthtcd::plan::PlanError::Form(errors)) => Ok(Loaded::FormFaults(errors)),
            Err(e) => Err(invalid(e)),
        };
    }
    let text = std::fs::read_to_string(p).map_err(|e| {
        let reason = tthtcd::labels::io_kind_or_text(&e, lang);
        anyhow::anyhow!(w::plan_unreadable(p, &reason, lang))
    })?;
    // The reason in the command's language, after the file it is about.
    Plan::from_toml(&text).map(Loaded::Plan).map_err(invalid)
}

/// The run's plan and where it came from: `--plan` when given; otherwise the plan form
/// in the folder (two are refused, naming both); otherwise the embedded plan.
fn resolve_plan(common: &Common, lang: Lang) -> anyhow::Result<(Plan, PlanSource)> {
    use tthtcd::labels::command as w;
    if let Some(p) = &common.plan {
        let plan = load_plan(Some(p), lang)?;
        // A plan form inside the folder is listed there as the plan, not read as a report.
        let inside = tthtcd::input::discover::canonical(p).ok().and_then(|p| {
            let folder = tthtcd::input::discover::canonical(&common.folder).ok()?;
            let rel = p.strip_prefix(folder).ok()?;
            let parts: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
            Some(parts.join("/"))
        });
        let source = match inside {
            Some(rel) => PlanSource::InFolder(rel),
            None => PlanSource::File(p.display().to_string()),
        };
        return Ok((plan, source));
    }
    // The candidates are read in workers under the run's limits, like every workbook.
    // A folder that cannot be listed, or workers that cannot start, are the run's own
    // errors, worded there.
    match tthtcd::find_plan_form(&common.folder, Some(&common.sandbox()?)) {
        Ok(PlanForms::One { path, rel, plan }) => {
            let plan = plan.map_err(|e| {
                anyhow::anyhow!(e.message(lang)).context(w::plan_invalid(&path, lang))
            })?;
            Ok((plan, PlanSource::InFolder(rel)))
        }
        Ok(PlanForms::Several(a, b)) => anyhow::bail!(w::two_plan_forms(&a, &b, lang)),
        Ok(PlanForms::None) | Err(_) => Ok((Plan::embedded(), PlanSource::Embedded)),
    }
}

/// Refuses a JSON path that is (or looks like) a spreadsheet, one that holds a file
/// the tool did not write (an input, the plan), and an unwritable folder.
fn preflight_json(path: &Path, lang: Lang) -> anyhow::Result<()> {
    if path == Path::new("-") {
        return Ok(());
    }
    if tthtcd::input::discover::Format::from_path(path).is_some() {
        anyhow::bail!(tthtcd::labels::command::json_named_like_a_workbook(
            path, lang
        ));
    }
    output::preflight(path, output::Kind::Json).map_err(|e| output_error(e, lang))?;
    Ok(())
}

/// An output error as a sentence in the user's language.
pub fn output_error(e: output::OutputError, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(e.message(lang))
}

/// Writes a workbook of the tool's at `path` and says on the terminal (stderr) when a
/// corrected earlier one was kept under a new name, or when the one at `path` was open
/// in Excel and the new one went under another name. The path written.
pub fn write_workbook(path: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<PathBuf> {
    let written = output::write(path, bytes, output::Kind::Workbook, lang)
        .map_err(|e| output_error(e, lang))?;
    if let Some(kept) = &written.kept {
        say!(errln, "{}", tthtcd::labels::kept_message(path, kept, lang));
    }
    if let Some(instead) = &written.instead {
        say!(
            errln,
            "{}",
            tthtcd::labels::instead_message(path, instead, lang)
        );
    }
    Ok(written.instead.unwrap_or_else(|| path.to_path_buf()))
}

/// On Ctrl-C, removes the temporary file being written (if any) and exits as an
/// interrupted program does (130). `watch` sets its own handler first (it stops after
/// the run under way, whose temporary file its guard removes); this one then stays out.
pub fn remove_temporaries_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        output::remove_temporaries();
        std::process::exit(130);
    });
}

/// When the run began: the progress bar and the writing line appear only once a run
/// has taken more than a second, so a commune's few files never flash a bar.
pub static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

fn long_run_on_terminal() -> bool {
    std::io::stderr().is_terminal()
        && STARTED.get_or_init(Instant::now).elapsed() > Duration::from_secs(1)
}

/// The reading's progress bar: files done of all files and the rate, with numbers
/// grouped as the language writes them ("8.052/12.240 tệp  3.901 tệp/giây  2s").
pub fn reading_bar(lang: Lang) -> ProgressBar {
    use indicatif::ProgressState;
    use std::fmt::Write;
    let grouped = move |n: u64| tthtcd::labels::count(n, lang);
    let style = ProgressStyle::with_template(&format!(
        "{{bar:30}} {{done}}/{{all}} {}  {{rate}}  {{elapsed}}",
        cli::PROGRESS_FILES.get(lang)
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key("done", move |s: &ProgressState, w: &mut dyn Write| {
        let _ = w.write_str(&grouped(s.pos()));
    })
    .with_key("all", move |s: &ProgressState, w: &mut dyn Write| {
        let _ = w.write_str(&grouped(s.len().unwrap_or(0)));
    })
    .with_key("rate", move |s: &ProgressState, w: &mut dyn Write| {
        let per_sec = s.per_sec();
        let rate = if per_sec.is_finite() {
            per_sec.round() as u64
        } else {
            0
        };
        let _ = write!(w, "{} {}", grouped(rate), cli::PROGRESS_RATE.get(lang));
    });
    let bar = ProgressBar::hidden();
    bar.set_style(style);
    bar
}

/// The progress of a reading, (files done, files in all), shown on `bar` once the run
/// has taken more than a second on a terminal.
pub fn show_on(bar: &ProgressBar) -> impl Fn(usize, usize) + Sync + '_ {
    move |done: usize, total: usize| {
        // The length is set once: setting it redraws the bar unthrottled.
        if bar.length() != Some(total as u64) {
            bar.set_length(total as u64);
        }
        bar.set_position(done as u64);
        if bar.is_hidden() && long_run_on_terminal() {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
        }
    }
}

/// A spinning "Đang ghi tong-hop.xlsx…" on stderr while a long run writes its
/// workbook (a province's takes a couple of seconds); cleared when dropped.
pub struct Busy(Option<ProgressBar>);

impl Busy {
    pub fn writing(path: &Path, lang: Lang) -> Busy {
        if !long_run_on_terminal() {
            return Busy(None);
        }
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.set_message(format!("{} {}…", cli::WRITING.get(lang), path.display()));
        spinner.enable_steady_tick(Duration::from_millis(120));
        Busy(Some(spinner))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Some(s) = &self.0 {
            s.finish_and_clear();
        }
    }
}

/// Runs the pipeline with a progress bar on stderr that appears only on a terminal and
/// only once the run has taken more than a second.
pub fn consolidate(common: &Common, output: Option<&Path>) -> anyhow::Result<Consolidation> {
    STARTED.get_or_init(Instant::now);
    remove_temporaries_on_interrupt();
    let lang: Lang = common.lang.into();
    if let Some(j) = &common.json {
        preflight_json(j, lang)?;
    }
    let existing = match output {
        Some(o) => {
            Some(output::preflight(o, output::Kind::Workbook).map_err(|e| output_error(e, lang))?)
        }
        None => None,
    };
    let (plan, plan_source) = resolve_plan(common, lang)?;
    let bar = reading_bar(lang);
    let progress = show_on(&bar);
    let config = Config {
        folder: common.folder.clone(),
        plan,
        plan_source,
        as_of: common.as_of,
        output: output.map(Path::to_path_buf),
        progress: Some(&progress),
        sandbox: Some(common.sandbox()?),
    };
    let result = tthtcd::run(&config);
    bar.finish_and_clear();
    let mut c = result.map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    if let (Some(o), Some(output::Existing::Corrected { modified })) = (output, existing) {
        c.diagnostics.insert(0, corrected_kept(o, modified, lang));
    }
    if let Some(j) = &common.json {
        write_json(&c, j, lang)?;
    }
    Ok(c)
}

/// The line of Cảnh báo (and the JSON) saying that the output at `path`, corrected by
/// hand, is about to be kept under a new name.
fn corrected_kept(
    path: &Path,
    modified: Option<std::time::SystemTime>,
    lang: Lang,
) -> tthtcd::diagnostics::Diagnostic {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    tthtcd::diagnostics::Diagnostic {
        problem: tthtcd::diagnostics::FoundProblem::CorrectedOutputKept {
            output: name(path),
            kept: name(&output::kept_name(path, modified, lang)),
        }
        .into(),
        file: None,
        sheet: None,
        cell: None,
    }
}

fn write_json(c: &Consolidation, path: &Path, lang: Lang) -> anyhow::Result<()> {
    write_json_value(&tthtcd::report::json::summary(c, lang), path, lang)
}

/// Writes a summary (`-`: standard output), whole or not at all.
fn write_json_value(value: &serde_json::Value, path: &Path, lang: Lang) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    if path == Path::new("-") {
        use std::io::Write;
        std::io::stdout().write_all(text.as_bytes())?;
    } else {
        output::write(path, text.as_bytes(), output::Kind::Json, lang)
            .map_err(|e| output_error(e, lang))?;
    }
    Ok(())
}
