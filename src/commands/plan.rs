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
        PlanCommand::Check { plan, lang } => {
            let lang: Lang = (*lang).into();
            let plan = super::load_plan(plan.as_deref(), lang)?;
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
    }
}
