//! The `tthtcd` command: parses arguments, runs one command, maps the outcome to an
//! exit code. Errors that stop a run are printed as plain sentences, never a backtrace.

// No function longer than a screen (the threshold is in clippy.toml): a long one is a
// sequence of named steps waiting to be written.
#![warn(clippy::too_many_lines)]

mod commands;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::exit;

/// mimalloc instead of the system allocator: a run allocates millions of small
/// strings on several threads at once (cells, keys, the writer's rows), where glibc's
/// malloc and free took a sixth of the time. Every refused allocation is noted for the
/// reading workers (`sandbox::worker::ALLOCATION_REFUSED`).
#[global_allocator]
static ALLOCATOR: Noted = Noted(mimalloc::MiMalloc);

struct Noted(mimalloc::MiMalloc);

impl Noted {
    fn noted(p: *mut u8) -> *mut u8 {
        if p.is_null() {
            tthtcd::sandbox::worker::ALLOCATION_REFUSED
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        p
    }
}

// SAFETY: every call is mimalloc's, with the same arguments; only a null result is
// noted, with an atomic store that does not allocate.
unsafe impl std::alloc::GlobalAlloc for Noted {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        Self::noted(unsafe { self.0.alloc(layout) })
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as above.
        Self::noted(unsafe { self.0.alloc_zeroed(layout) })
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        // SAFETY: as above.
        Self::noted(unsafe { self.0.realloc(ptr, layout, size) })
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: as above.
        unsafe { self.0.dealloc(ptr, layout) }
    }
}

/// Tổng hợp báo cáo các lớp của Trung tâm học tập cộng đồng và đối chiếu với kế hoạch năm.
///
/// Consolidates the monthly class reports of a commune Community Learning Centre and
/// checks them against the yearly plan.
#[derive(Parser, Debug)]
#[command(name = "tthtcd", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read every workbook in FOLDER and write one consolidated workbook.
    Consolidate(commands::consolidate::Args),
    /// Read and check FOLDER without writing a workbook; the exit code tells the state.
    Check(commands::check::Args),
    /// Write the plan's appendix (detailed class plan) from the registration forms in FOLDER.
    Appendix(commands::appendix::Args),
    /// Consolidate FOLDER, then again each time a file in it changes (Ctrl-C to stop).
    Watch(commands::watch::Args),
    /// Review the criteria from the criteria forms in FOLDER (exit 1 unless all are met).
    Criteria(commands::criteria::Args),
    /// The district office's roll-up: each commune folder of FOLDER against its own plan.
    District(commands::district::Args),
    /// The plan itself: `plan check` tells whether it adds up, `plan template` writes it
    /// as a form to fill in, `plan export` as a plan file.
    #[command(subcommand)]
    Plan(commands::plan::PlanCommand),
    /// Write blank fill-in forms (monthly report, registration) for every sub-committee,
    /// the criteria form and the plan form.
    Template(commands::template::Args),
}

fn main() -> ExitCode {
    // A reading worker (src/sandbox): no arguments to parse, no words to print.
    if std::env::args_os().nth(1).as_deref() == Some(tthtcd::sandbox::WORKER_ARG.as_ref()) {
        return tthtcd::sandbox::worker::serve();
    }
    commands::console::prepare();
    // clap's help and errors in the language the arguments ask for.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // No arguments: a double-click on the program in the reports folder.
    if args.len() <= 1 {
        return ExitCode::from(commands::double_click::start());
    }
    let cli = match commands::help::parse::<Cli>(&args) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    let result = match &cli.command {
        Command::Consolidate(args) => commands::consolidate::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Appendix(args) => commands::appendix::run(args),
        Command::Template(args) => commands::template::run(args),
        Command::Plan(cmd) => commands::plan::run(cmd),
        Command::Criteria(args) => commands::criteria::run(args),
        Command::District(args) => commands::district::run(args),
        Command::Watch(args) => commands::watch::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let lang = cli.command.lang();
            let error = tthtcd::labels::cli::ERROR.get(lang);
            let _ = writeln!(std::io::stderr().lock(), "{error}: {e:#}");
            ExitCode::from(exit::CANNOT_RUN)
        }
    }
}

impl Command {
    /// The language the user asked for, for the words of an error that stops the run.
    fn lang(&self) -> tthtcd::labels::Lang {
        match self {
            Command::Consolidate(a) => a.common.lang,
            Command::Check(a) => a.common.lang,
            Command::Appendix(a) => a.common.lang,
            Command::Criteria(a) => a.common.lang,
            Command::District(a) => a.lang,
            Command::Watch(a) => a.common.lang,
            Command::Template(a) => a.lang,
            Command::Plan(cmd) => cmd.lang(),
        }
        .into()
    }
}
