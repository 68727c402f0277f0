//! `tthtcd plan check [--plan FILE]`: the plan's own consistency, before anyone files it.
//! `tthtcd plan template [-o ke-hoach.xlsx]`: the plan as a form the secretary fills in.

use std::path::{Path, PathBuf};

use tthtcd::check::plan_check;
use tthtcd::labels::{Lang, cli, command, plan_form};
use tthtcd::report::output;
use tthtcd::report::workbook::WorkbookError;

use super::{BadValue, exit};

#[derive(clap::Subcommand, Debug)]
pub enum PlanCommand {
    /// Check that the plan adds up: sub-committees against quarters, participation,
    /// thresholds. Exits 1 on any finding.
    Check {
        /// Plan file (TOML) instead of the embedded 2019 plan of Hồng Thái Tây.
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// Language of the findings: vi (default) or en.
        #[arg(long, value_enum, default_value_t = super::Language::Vi)]
        lang: super::Language,
    },
    /// Write the plan as a workbook to fill in (ke-hoach.xlsx), filled with the plan.
    Template(TemplateArgs),
}

#[derive(clap::Args, Debug)]
pub struct TemplateArgs {
    /// The workbook to write.
    #[arg(short, long, value_name = "OUT.xlsx", default_value = plan_form::FILE_NAME)]
    pub output: PathBuf,
    /// Plan file instead of the embedded 2019 plan of Hồng Thái Tây.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The form's year instead of the plan's (the next year's plan starts from this one).
    #[arg(long, value_name = "YYYY", value_parser = parse_year)]
    pub year: Option<i32>,
    /// Replace the file if it exists (it may have been filled in: off by default).
    #[arg(long)]
    pub force: bool,
    /// Language of the form's notes and instructions: vi (default) or en.
    #[arg(long, value_enum, default_value_t = super::Language::Vi)]
    pub lang: super::Language,
}

/// A year the form's Năm cell accepts: 2000 to 2100.
fn parse_year(s: &str) -> Result<i32, BadValue> {
    let year = super::at_least::<2000>(s)?;
    i32::try_from(year)
        .ok()
        .filter(|y| *y <= 2100)
        .ok_or(BadValue::TooLarge)
}

pub fn run(cmd: &PlanCommand) -> anyhow::Result<u8> {
    match cmd {
        PlanCommand::Check { plan, lang } => check(plan.as_deref(), (*lang).into()),
        PlanCommand::Template(args) => template(args),
    }
}

fn check(plan: Option<&Path>, lang: Lang) -> anyhow::Result<u8> {
    let plan = super::load_plan(plan, lang)?;
    let findings = plan_check::check(&plan);
    if findings.is_empty() {
        say!(outln, "{}", cli::PLAN_OK.get(lang));
        return Ok(exit::OK);
    }
    say!(
        outln,
        "{} ({}):",
        cli::PLAN_FINDINGS.get(lang),
        findings.len()
    );
    for f in &findings {
        say!(outln, "- {}", f.message(lang));
    }
    Ok(exit::FALLS_SHORT)
}

/// Writes the form alone; a file already there may have been filled in, so it is
/// replaced only with --force.
fn template(args: &TemplateArgs) -> anyhow::Result<u8> {
    super::remove_temporaries_on_interrupt();
    let lang: Lang = args.lang.into();
    let mut plan = super::load_plan(args.plan.as_deref(), lang)?;
    if let Some(year) = args.year {
        plan.year = year;
    }
    let path = &args.output;
    // Partial files left by a killed run go first.
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => output::remove_stale(dir),
        None => output::remove_stale(Path::new(".")),
    }
    if path.exists() && !args.force {
        anyhow::bail!(command::form_file_exists(path, lang));
    }
    let bytes = tthtcd::report::plan_form::form_bytes(&plan, lang)
        .map_err(|e| anyhow::anyhow!(WorkbookError::from(e).message(lang)))?;
    // A file that appears meanwhile is not replaced either, unless --force.
    output::write_file(path, &bytes, args.force).map_err(|e| super::output_error(e, lang))?;
    say!(outln, "{} {}", cli::WROTE.get(lang), path.display());
    Ok(exit::OK)
}
