//! `tthtcd` started with no arguments: on Windows, a double-click on tthtcd.exe put in
//! or beside the reports folder, by someone who never opens a terminal.
//!
//! It consolidates the folder the program stands in — or its "Báo cáo" sub-folder
//! when it has one — against the plan form found there (or beside the program) or the
//! plan built in, and says which. It writes tong-hop.xlsx beside the program and prints
//! the table and the problems in Vietnamese. Then, in a console window, it opens the
//! workbook with its default program and waits for Enter, so the window does not close
//! before it is read. Not in a console (a script, a test), it neither opens nor waits.

use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Parser;
use tthtcd::PlanForms;
use tthtcd::labels::{Lang, cli, double_click as w};
use tthtcd::plan::PlanSource;

use super::exit;

/// The workbook written beside the program.
const OUTPUT: &str = "tong-hop.xlsx";

/// The consolidate command's arguments, parsed from those a double-click implies.
#[derive(Parser)]
#[command(name = "tthtcd")]
struct Here {
    #[command(flatten)]
    args: super::consolidate::Args,
}

/// Runs, then opens the workbook and waits for Enter when in a console window; the
/// exit code.
pub fn start() -> u8 {
    let lang = Lang::Vi;
    let console = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let code = match run(lang) {
        Ok(written) => {
            if console {
                open(&written);
            }
            exit::OK
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr().lock(), "{}: {e:#}", cli::ERROR.get(lang));
            exit::CANNOT_RUN
        }
    };
    if console {
        say!(outln, "\n{}", w::PRESS_ENTER.get(lang));
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
    code
}

/// Consolidates the reports beside the program; the workbook written.
fn run(lang: Lang) -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe().context(cli::SANDBOX_EXE.get(lang))?;
    let home = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    let folder = tthtcd::input::discover::reports_subfolder(&home).unwrap_or(home.clone());
    let output = home.join(OUTPUT);
    let shown = folder.display().to_string();
    say!(outln, "{}\n", w::reading(&shown, lang));
    // Started where it was downloaded, it would write a workbook of zeros: say where
    // it belongs instead.
    let found = tthtcd::input::discover::discover(&folder, Some(&output)).map_err(|e| {
        let reason = tthtcd::labels::io_kind_or_text(&e, lang);
        anyhow::anyhow!(tthtcd::labels::command::folder_not_opened(
            &shown, &reason, lang
        ))
    })?;
    if !found
        .iter()
        .any(|f| matches!(f.action, tthtcd::input::discover::Action::Read(_)))
    {
        anyhow::bail!(w::no_workbooks(&shown, lang));
    }
    let argv: [OsString; 4] = [
        "tthtcd".into(),
        folder.clone().into(),
        "-o".into(),
        output.clone().into(),
    ];
    let mut here = Here::try_parse_from(argv)?;
    here.args.common.plan = plan_beside(&home, &folder, &here.args.common)?;
    let (c, written) = super::consolidate::consolidated(&here.args)?;
    let file = match &c.plan_source {
        PlanSource::Embedded => None,
        PlanSource::File(f) | PlanSource::InFolder(f) => Some(f.as_str()),
    };
    say!(
        outln,
        "{}",
        w::plan_used(file, (&c.plan.unit, c.plan.year), lang)
    );
    Ok(written)
}

/// The plan form beside the program, when the reports are in a sub-folder that has
/// none of its own (the run finds one in the folder it reads by itself).
fn plan_beside(
    home: &Path,
    folder: &Path,
    common: &super::Common,
) -> anyhow::Result<Option<PathBuf>> {
    if folder == home {
        return Ok(None);
    }
    let sandbox = common.sandbox()?;
    if !matches!(
        tthtcd::find_plan_form(folder, Some(&sandbox))?,
        PlanForms::None
    ) {
        return Ok(None);
    }
    Ok(match tthtcd::find_plan_form(home, Some(&sandbox))? {
        PlanForms::One { path, .. } => Some(path),
        _ => None,
    })
}

/// Opens the workbook with the program the system opens it with (Excel, LibreOffice).
/// A convenience: without one, the path printed says where the workbook is.
#[cfg(windows)]
fn open(path: &Path) {
    use std::os::windows::ffi::OsStrExt;
    #[link(name = "shell32")]
    unsafe extern "system" {
        fn ShellExecuteW(
            window: *mut std::ffi::c_void,
            verb: *const u16,
            file: *const u16,
            parameters: *const u16,
            directory: *const u16,
            show: i32,
        ) -> *mut std::ffi::c_void;
    }
    const SHOW_NORMAL: i32 = 1;
    let wide = |s: &std::ffi::OsStr| s.encode_wide().chain([0]).collect::<Vec<u16>>();
    let (verb, file) = (wide("open".as_ref()), wide(path.as_os_str()));
    // Straight to the shell, not through `cmd /C start`, which would read a "&" or "%"
    // in a folder's name as its own syntax. SAFETY: NUL-terminated wide strings that
    // outlive the call; no window, parameters or folder (null is allowed for each).
    unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SHOW_NORMAL,
        );
    }
}

/// Opens the workbook with the program the system opens it with (LibreOffice).
#[cfg(not(windows))]
fn open(path: &Path) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    use std::process::Stdio;
    let _ = std::process::Command::new(opener)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}
