//! `tthtcd watch FOLDER -o OUT.xlsx`: consolidates once, then again each time a file in
//! the folder is added, changed or removed. Events are debounced (a copy of ten files is
//! one run, a file still being written is not read), lock files, hidden files and the
//! tool's own outputs (the workbook and the JSON, also inside the folder) never trigger
//! a run, and an output held open by Excel is reported and retried on the next change.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use chrono::{Datelike, Local, NaiveDate};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, new_debouncer};

use tthtcd::Consolidation;
use tthtcd::labels::{Lang, cli, command};
use tthtcd::report::workbook;

use super::{Common, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The consolidated workbook to keep up to date.
    #[arg(short, long, value_name = "OUT.xlsx", default_value = "tong-hop.xlsx")]
    pub output: PathBuf,
}

/// notify-debouncer-full's timeout. It hands on a file's events once they are this old:
/// one event a file and kind, a series of writes as one Modify once they have stopped
/// this long, a rename as one event. It looks every quarter of it.
const SETTLE: Duration = Duration::from_millis(500);

/// How long the changes must stop before a run starts: no change handed on by the
/// debouncer and no changed file growing or rewritten. The debouncer hands on a new
/// file's Create once it is `SETTLE` old even while the file is still being written
/// (the writes of that time go with it), so the loop also looks at the files
/// themselves. Longer than `SETTLE` and one look, so the Modify that follows such a
/// write joins the same run; the files of a copy that settle in the same stretch make
/// one run.
const QUIET: Duration = Duration::from_millis(1000);

/// How often the loop looks at the Ctrl-C flag, and at the changed files, while it waits.
const POLL: Duration = Duration::from_millis(200);

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let lang: Lang = args.common.lang.into();
    let mut common = args.common.clone();
    if common.as_of.is_none() {
        // The plan each run takes: --plan, or the plan form in the folder.
        common.as_of = Some(today_in_plan_year(&super::resolve_plan(&common, lang)?.0));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context(cli::WATCH_NO_CTRL_C.get(lang))?;
    let (tx, rx) = mpsc::channel();
    let mut debouncer =
        new_debouncer(SETTLE, None, tx).with_context(|| command::folder_not_watched(None, lang))?;
    debouncer
        .watch(&common.folder, RecursiveMode::Recursive)
        .with_context(|| command::folder_not_watched(Some(&common.folder), lang))?;
    say!(
        outln,
        "{} {} {}",
        cli::WATCHING.get(lang),
        common.folder.display(),
        cli::WATCH_STOP.get(lang)
    );
    let ours = own_outputs(&common, &args.output);
    let mut seen: HashSet<String> = HashSet::new();
    once(&common, &args.output, lang, &mut seen);
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(POLL) {
            Ok(Ok(events)) => {
                if let Some(changed) = changes(&events, &ours) {
                    settle(&rx, &ours, &stop, changed);
                    once(&common, &args.output, lang, &mut seen);
                }
            }
            Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    say!(outln, "{}", cli::WATCH_STOPPED.get(lang));
    Ok(exit::OK)
}

/// Today, clamped into the plan year: the monthly view of a plan that is under way.
fn today_in_plan_year(plan: &tthtcd::Plan) -> NaiveDate {
    let today = Local::now().date_naive();
    let first = NaiveDate::from_ymd_opt(plan.year, 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(plan.year, 12, 31).unwrap_or(today);
    if today.year() == plan.year {
        today
    } else {
        today.clamp(first, last)
    }
}

/// Waits until the changes have stopped for `QUIET` (or Ctrl-C): no further change
/// handed on, and the changed files' sizes and times the same. Other events — the
/// folder's files opened for reading, by this tool's last run among others — neither
/// start a run nor put one off.
fn settle(
    rx: &mpsc::Receiver<DebounceEventResult>,
    ours: &[PathBuf],
    stop: &AtomicBool,
    changed: Vec<PathBuf>,
) {
    let mut files: BTreeSet<PathBuf> = changed.into_iter().collect();
    let mut before = looks(&files);
    let mut until = Instant::now() + QUIET;
    while !stop.load(Ordering::SeqCst) {
        let Some(left) = until.checked_duration_since(Instant::now()) else {
            return;
        };
        match rx.recv_timeout(left.min(POLL)) {
            Ok(Ok(events)) => {
                if let Some(more) = changes(&events, ours) {
                    files.extend(more);
                    until = Instant::now() + QUIET;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let now = looks(&files);
        if now != before {
            before = now;
            until = Instant::now() + QUIET;
        }
    }
}

/// Each file's size and modification time, or None once it is gone.
fn looks(files: &BTreeSet<PathBuf>) -> Vec<Option<(u64, Option<SystemTime>)>> {
    files
        .iter()
        .map(|f| {
            let m = std::fs::metadata(f).ok()?;
            Some((m.len(), m.modified().ok()))
        })
        .collect()
}

/// The files a batch of debounced events changes, when it holds a change worth a run
/// (none for the watcher's word that events were lost); None when it holds none.
fn changes(events: &[DebouncedEvent], ours: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let worth: Vec<&DebouncedEvent> = events.iter().filter(|e| relevant(e, ours)).collect();
    (!worth.is_empty()).then(|| worth.iter().flat_map(|e| e.paths.clone()).collect())
}

/// The tool's own outputs, the workbook and the JSON file, as `in_folder` names them.
fn own_outputs(common: &Common, output: &Path) -> Vec<PathBuf> {
    let json = common.json.as_deref().filter(|j| *j != Path::new("-"));
    [Some(output), json]
        .into_iter()
        .flatten()
        .map(in_folder)
        .collect()
}

/// A path named by its folder's canonical path and its file name: the same name whether
/// the file is there yet or not (the output is written after the watch starts), and
/// whichever way the folder was named.
fn in_folder(p: &Path) -> PathBuf {
    let folder = match p.parent() {
        Some(f) if !f.as_os_str().is_empty() => f,
        _ => Path::new("."),
    };
    match (tthtcd::input::discover::canonical(folder), p.file_name()) {
        (Ok(f), Some(name)) => f.join(name),
        _ => p.to_path_buf(),
    }
}

/// A change worth a run: not an output, not a lock, hidden or temporary file; or the
/// watcher's word that events were lost (its queue overflowed), when only a run can
/// tell what changed.
fn relevant(event: &DebouncedEvent, ours: &[PathBuf]) -> bool {
    if event.need_rescan() {
        return true;
    }
    let kind_ok = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    );
    kind_ok
        && event.paths.iter().any(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let own = ours.contains(&in_folder(p));
            !own && !name.starts_with('.') && !name.starts_with("~$")
        })
}

/// One run and its one line.
fn once(common: &Common, out: &Path, lang: Lang, seen: &mut HashSet<String>) {
    let time = Local::now().format("%H:%M:%S");
    let c = match super::consolidate(common, Some(out)) {
        Ok(c) => c,
        Err(e) => {
            say!(errln, "{time} {e:#}");
            return;
        }
    };
    let written = workbook::workbook_bytes(&c, lang)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))
        .and_then(|b| super::write_workbook(out, &b, lang));
    say!(outln, "{time} {}", line(&c, lang, seen));
    if let Err(e) = written {
        say!(
            errln,
            "{time} {} — {}: {e:#}",
            out.display(),
            cli::WATCH_WRITE_FAILED.get(lang)
        );
    }
}

fn line(c: &Consolidation, lang: Lang, seen: &mut HashSet<String>) -> String {
    let read = c
        .files
        .iter()
        .filter(|f| f.status == tthtcd::FileStatus::Read)
        .count();
    let behind = c
        .summary
        .subcommittees
        .iter()
        .filter(|s| s.status.falls_short())
        .count();
    let mut new = 0;
    for d in &c.diagnostics {
        let key = format!("{}|{:?}|{:?}|{:?}", d.code(), d.file, d.sheet, d.cell);
        if seen.insert(key) && d.severity() != tthtcd::diagnostics::Severity::Info {
            new += 1;
        }
    }
    format!(
        "{read} {}, {} {}, {} {}, {behind} {}, {new} {}",
        cli::WATCH_LINE_FILES.get(lang),
        c.summary.classes.actual,
        cli::WATCH_LINE_CLASSES.get(lang),
        c.summary.learners.actual,
        cli::WATCH_LINE_LEARNERS.get(lang),
        cli::WATCH_LINE_BEHIND.get(lang),
        cli::WATCH_LINE_NEW.get(lang),
    )
}
