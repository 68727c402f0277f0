//! `tthtcd district FOLDER`: the district office's roll-up. Each commune folder of FOLDER
//! is consolidated on its own, against its own plan; the table (and the JSON) compare
//! them. The exit code: 0 every commune counted and on track, 1 some commune behind or
//! short, 2 a commune or a file could not be counted.

use std::path::PathBuf;

use chrono::NaiveDate;
use tthtcd::district::District;
use tthtcd::district_run::{DistrictConfig, run_district_into};
use tthtcd::labels::{Lang, cli};
use tthtcd::report::district::Streamed;
use tthtcd::report::terminal;

use super::{Language, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of commune folders, each with its plan and its reports.
    pub folder: PathBuf,
    /// The district workbook to write.
    #[arg(short, long, value_name = "OUT.xlsx", default_value = "huyen.xlsx")]
    pub output: PathBuf,
    /// The district's name, for the heading "UBND HUYỆN …" (a line to fill otherwise).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Judge every commune as of this date (YYYY-MM-DD); default: each plan year's end.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Also write the district summary as JSON to FILE ("-" for standard output).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Language of the table, the JSON messages and the workbook: vi (default) or en.
    #[arg(long, value_enum, default_value_t = Language::Vi)]
    pub lang: Language,
    /// Memory (MB) the reading processes may use together.
    #[arg(long, value_name = "MB", default_value_t = 1024,
          value_parser = super::at_least::<32>)]
    pub max_memory: u64,
    /// Seconds one workbook may take to read.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = super::at_least::<1>)]
    pub max_seconds: u64,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    super::STARTED.get_or_init(std::time::Instant::now);
    super::remove_temporaries_on_interrupt();
    let lang: Lang = args.lang.into();
    if let Some(j) = &args.json {
        super::preflight_json(j, lang)?;
    }
    tthtcd::report::output::preflight(&args.output, tthtcd::report::output::Kind::Workbook)
        .map_err(|e| super::output_error(e, lang))?;
    let bar = super::reading_bar(lang);
    let progress = super::show_on(&bar);
    let config = DistrictConfig {
        folder: args.folder.clone(),
        name: args.name.clone(),
        as_of: args.as_of,
        output: Some(args.output.clone()),
        progress: Some(&progress),
        sandbox: Some(super::sandbox(lang, args.max_memory, args.max_seconds)?),
    };
    // The workbook's class list is filled while the communes are read.
    let mut workbook = Streamed::new(args.name.clone(), args.as_of, lang);
    let run = run_district_into(&config, lang, &mut workbook);
    bar.finish_and_clear();
    let d = run.map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    let busy = super::Busy::writing(&args.output, lang);
    // The JSON and the table are made while the workbook's last sheets are filled.
    let ((json, text), bytes) = std::thread::scope(|s| {
        let beside = s.spawn(|| {
            let json = args
                .json
                .as_ref()
                .map(|_| tthtcd::report::district_json::district_summary(&d, lang));
            (
                json,
                terminal::render_district(&d, lang, super::use_color()),
            )
        });
        let bytes = tthtcd::profile::time(tthtcd::profile::Stage::Save, || workbook.finish(&d));
        let made = beside
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (made, bytes)
    });
    if let (Some(j), Some(value)) = (&args.json, &json) {
        super::write_json_value(value, j, lang)?;
    }
    let bytes = bytes.map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    let written = super::write_workbook(&args.output, &bytes, lang)?;
    drop(busy);
    tthtcd::profile::print_if_asked();
    let wrote = format!("{} {}", cli::WROTE.get(lang), written.display());
    if args.json.as_deref() == Some(std::path::Path::new("-")) {
        say!(err, "{text}");
        say!(errln, "\n{wrote}");
    } else {
        say!(out, "{text}");
        say!(outln, "\n{wrote}");
    }
    Ok(exit_code(&d))
}

/// 2 when a commune or a file was not counted (a file outside every commune too), 1
/// when a commune falls short, else 0.
fn exit_code(d: &District) -> u8 {
    let failed = d.done().count() < d.communes.len() || !d.loose.is_empty();
    if failed || d.done().any(|(_, c)| c.has_losses()) {
        exit::NOT_COUNTED
    } else if d.done().any(|(_, c)| c.summary.status().falls_short()) {
        exit::FALLS_SHORT
    } else {
        exit::OK
    }
}
