//! `tthtcd plan check [--plan FILE]`: the plan's own consistency, before anyone files it.

use std::path::PathBuf;

use tthtcd::check::plan_check;
use tthtcd::labels::{Lang, cli};

use super::exit;

#[derive(clap::Subcommand, Debug)]
pub enum PlanCommand {
    /// Check that the plan adds up: sub-committees against quarters, participation,
    /// thresholds. Exits 1 on any finding.
    Check {
        /// The plan to check: a plan form (ke-hoach.xlsx) or a TOML plan.
        #[arg(value_name = "FILE", conflicts_with = "plan")]
        file: Option<PathBuf>,
        /// Plan file (TOML) instead of the embedded 2019 plan of Hồng Thái Tây.
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// Language of the findings: vi (default) or en.
        #[arg(long, value_enum, default_value_t = super::Language::Vi)]
        lang: super::Language,
    },
}

pub fn run(cmd: &PlanCommand) -> anyhow::Result<u8> {
    match cmd {
        PlanCommand::Check { file, plan, lang } => {
            let lang: Lang = (*lang).into();
            check(file.as_deref().or(plan.as_deref()), lang)
        }
    }
}

/// The plan's findings, one a line; a plan form's faults (each at its cell) are findings
/// too, so the secretary sees them all and the exit code is 1.
fn check(path: Option<&std::path::Path>, lang: Lang) -> anyhow::Result<u8> {
    let findings: Vec<String> = match path.map(|p| (p, form_faults(p, lang))) {
        Some((_, Some(faults))) => faults,
        _ => {
            let plan = super::load_plan(path, lang)?;
            plan_check::check(&plan)
                .iter()
                .map(|f| f.message(lang))
                .collect()
        }
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

/// The faults of a plan form, in words; None when `path` is no plan form with faults
/// (a TOML plan, a sound form, a file that cannot be read: `load_plan` words those).
fn form_faults(path: &std::path::Path, lang: Lang) -> Option<Vec<String>> {
    tthtcd::input::discover::Format::from_path(path)?;
    let sheets = tthtcd::read_workbook(path).ok()?;
    match tthtcd::plan_form::from_sheets(&sheets) {
        Err(tthtcd::plan::PlanError::Form(errors)) => {
            Some(errors.iter().map(|e| e.message(lang)).collect())
        }
        _ => None,
    }
}
