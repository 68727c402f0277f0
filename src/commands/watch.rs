//! `tthtcd watch FOLDER -o OUT.xlsx`: consolidates once, then again each time a file in
//! the folder is added, changed or removed. Events are debounced (a copy of ten files is
//! one run), lock files, hidden files and the tool's own output never trigger a run,
//! and an output held open by Excel is reported and retried on the next change.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use chrono::{Datelike, Local, NaiveDate};
use notify::{EventKind, RecursiveMode, Watcher};

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

/// Quiet time after the last event before a run starts.
const DEBOUNCE: Duration = Duration::from_millis(800);

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let lang: Lang = args.common.lang.into();
    let mut common = args.common.clone();
    if common.as_of.is_none() {
        common.as_of = Some(today_in_plan_year(&super::load_plan(
            common.plan.as_deref(),
            lang,
        )?));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).context("Ctrl-C")?;
    let (tx, rx) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(tx).with_context(|| command::folder_not_watched(None, lang))?;
    watcher
        .watch(&common.folder, RecursiveMode::Recursive)
        .with_context(|| command::folder_not_watched(Some(&common.folder), lang))?;
    println!(
        "{} {} {}",
        cli::WATCHING.get(lang),
        common.folder.display(),
        cli::WATCH_STOP.get(lang)
    );
    let output = std::fs::canonicalize(&args.output).unwrap_or_else(|_| args.output.clone());
    let mut seen: HashSet<String> = HashSet::new();
    once(&common, &args.output, lang, &mut seen);
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(event)) if relevant(&event, &output) => {
                // Let a copy of many files, or a file still being saved, settle first.
                while let Ok(_more) = rx.recv_timeout(DEBOUNCE) {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                }
                once(&common, &args.output, lang, &mut seen);
            }
            Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    println!("{}", cli::WATCH_STOPPED.get(lang));
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

/// A change worth a run: not the output, not a lock, hidden or temporary file.
fn relevant(event: &notify::Event, output: &Path) -> bool {
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
            let ours = std::fs::canonicalize(p)
                .map(|c| c == output)
                .unwrap_or(p == output);
            !ours && !name.starts_with('.') && !name.starts_with("~$")
        })
}

/// One run and its one line.
fn once(common: &Common, out: &Path, lang: Lang, seen: &mut HashSet<String>) {
    let time = Local::now().format("%H:%M:%S");
    let c = match super::consolidate(common, Some(out)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{time} {e:#}");
            return;
        }
    };
    let written = workbook::workbook_bytes(&c, lang)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))
        .and_then(|b| super::write_workbook(out, &b, lang));
    println!("{time} {}", line(&c, lang, seen));
    if let Err(e) = written {
        eprintln!(
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
