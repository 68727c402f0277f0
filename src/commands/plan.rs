//! `tthtcd plan check [--plan FILE]`: the plan's own consistency, before anyone files it.
//! `tthtcd plan export FILE -o plan.toml`: a plan, from whichever form it was read,
//! written as a plan file.
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
        /// The plan to check: a plan form (ke-hoach.xlsx) or a TOML plan.
        #[arg(value_name = "FILE", conflicts_with = "plan")]
        file: Option<PathBuf>,
        /// A plan form (ke-hoach.xlsx) or TOML plan instead of the embedded 2019 plan.
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// Language of the findings: vi (default) or en.
        #[arg(long, value_enum, default_value_t = super::Language::Vi)]
        lang: super::Language,
    },
    /// Write the plan in FILE as a plan file (TOML) that `--plan` reads: the plan form
    /// kept in the seed file's shape, to compare, keep or edit.
    Export {
        /// The plan to read (any form `--plan` reads).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The plan file (TOML) to write.
        #[arg(short, long, value_name = "OUT.toml")]
        output: PathBuf,
        /// Replace OUT.toml if it exists (it may be an edited plan: off by default).
        #[arg(long)]
        force: bool,
        /// Language of the messages and of the file's comments: vi (default) or en.
        #[arg(long, value_enum, default_value_t = super::Language::Vi)]
        lang: super::Language,
    },
    /// Write the plan as a workbook to fill in (ke-hoach.xlsx), filled with the plan.
    Template(TemplateArgs),
    /// Next year's plan form from this year's: the same sub-committees, other names and
    /// villages; each target kept, or raised to what the year's reports achieved.
    New(super::plan_new::NewArgs),
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
pub(super) fn parse_year(s: &str) -> Result<i32, BadValue> {
    let year = super::at_least::<2000>(s)?;
    i32::try_from(year)
        .ok()
        .filter(|y| *y <= 2100)
        .ok_or(BadValue::TooLarge)
}

impl PlanCommand {
    /// The language the user asked for.
    pub fn lang(&self) -> super::Language {
        match self {
            PlanCommand::Check { lang, .. } | PlanCommand::Export { lang, .. } => *lang,
            PlanCommand::Template(args) => args.lang,
            PlanCommand::New(args) => args.lang,
        }
    }
}

pub fn run(cmd: &PlanCommand) -> anyhow::Result<u8> {
    match cmd {
        PlanCommand::Check { file, plan, lang } => {
            check(file.as_deref().or(plan.as_deref()), (*lang).into())
        }
        PlanCommand::Export {
            file,
            output,
            force,
            lang,
        } => export(file, output, *force, (*lang).into()),
        PlanCommand::Template(args) => template(args),
        PlanCommand::New(args) => super::plan_new::run(args),
    }
}

/// The plan's findings, one a line; a plan form's faults (each at its cell) are findings
/// too, so the secretary sees them all and the exit code is 1.
fn check(path: Option<&std::path::Path>, lang: Lang) -> anyhow::Result<u8> {
    let findings: Vec<String> = match super::load_plan_or_faults(path, lang)? {
        super::Loaded::FormFaults(faults) => faults.iter().map(|e| e.message(lang)).collect(),
        super::Loaded::Plan(plan) => plan_check::check(&plan)
            .iter()
            .map(|f| f.message(lang))
            .collect(),
    };
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
        say!(outln, "- {f}");
    }
    Ok(exit::FALLS_SHORT)
}

/// Reads the plan, then writes it whole or not at all (through a temporary file). An
/// existing file is replaced only with --force; without it, neither is one that
/// appears while the plan is read.
fn export(file: &Path, out: &Path, force: bool, lang: Lang) -> anyhow::Result<u8> {
    super::remove_temporaries_on_interrupt();
    // Refused before the plan is read: the answer does not depend on it.
    if out.exists() && !force {
        anyhow::bail!(command::plan_output_exists(out, lang));
    }
    let plan = super::load_plan(Some(file), lang)?;
    let text = tthtcd::plan::to_toml_in(&plan, lang);
    output::write_file(out, text.as_bytes(), force).map_err(|e| super::output_error(e, lang))?;
    say!(outln, "{} {}", cli::WROTE.get(lang), out.display());
    Ok(exit::OK)
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
    write_form(&plan, &args.output, args.force, lang)?;
    Ok(exit::OK)
}

/// Writes `plan` as the plan form at `path`, whole or not at all; an existing file is
/// replaced only with `force`.
pub(super) fn write_form(
    plan: &tthtcd::Plan,
    path: &Path,
    force: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    // Partial files left by a killed run go first.
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => output::remove_stale(dir),
        None => output::remove_stale(Path::new(".")),
    }
    if path.exists() && !force {
        anyhow::bail!(command::form_file_exists(path, lang));
    }
    let bytes = tthtcd::report::plan_form::form_bytes(plan, lang)
        .map_err(|e| anyhow::anyhow!(WorkbookError::from(e).message(lang)))?;
    // A file that appears meanwhile is not replaced either, unless --force.
    output::write_file(path, &bytes, force).map_err(|e| super::output_error(e, lang))?;
    say!(outln, "{} {}", cli::WROTE.get(lang), path.display());
    Ok(())
}
