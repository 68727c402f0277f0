//! `tthtcd plan new --year 2020 [--from ke-hoach-2019.xlsx] [--results FOLDER]`: next
//! year's plan form from this year's, for the secretary to adjust. The sub-committees,
//! their other names and the villages stay; each target stays, or, given the year's
//! reports, becomes the larger of the target and what the sub-committee achieved
//! (`Plan::next_year`).

use std::path::PathBuf;

use tthtcd::labels::{Lang, cli};
use tthtcd::plan::Target;

use super::exit;

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The new plan's year.
    #[arg(long, value_name = "YYYY", value_parser = super::plan::parse_year)]
    pub year: i32,
    /// This year's plan (a plan form or TOML) instead of the embedded 2019 plan.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// This year's reports: each target is raised to what was achieved, if more.
    #[arg(long, value_name = "FOLDER")]
    pub results: Option<PathBuf>,
    /// The plan form to write; default ke-hoach-YYYY.xlsx.
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists (it may have been filled in: off by default).
    #[arg(long)]
    pub force: bool,
    /// Language of the messages and of the form's notes: vi (default) or en.
    #[arg(long, value_enum, default_value_t = super::Language::Vi)]
    pub lang: super::Language,
}

pub fn run(args: &NewArgs) -> anyhow::Result<u8> {
    super::remove_temporaries_on_interrupt();
    let lang: Lang = args.lang.into();
    let plan = super::load_plan(args.from.as_deref(), lang)?;
    let achieved = match &args.results {
        Some(folder) => Some(achieved(args, folder)?),
        None => None,
    };
    let next = plan.next_year(args.year, achieved.as_deref());
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("ke-hoach-{}.xlsx", args.year)));
    super::plan::write_form(&next, &path, args.force, lang)?;
    for (old, new) in plan.subcommittees.iter().zip(&next.subcommittees) {
        if old.target != new.target {
            say!(
                outln,
                "- {}",
                cli::target_raised(&new.name, pair(old.target), pair(new.target), lang)
            );
        }
    }
    Ok(exit::OK)
}

fn pair(t: Target) -> (u32, u32) {
    (t.classes, t.learners)
}

/// What each sub-committee achieved in the plan's year (at its end), in plan order: the
/// folder consolidated as `check` would, against the plan `--from` names (or the plan
/// form in the folder, or the embedded plan).
fn achieved(args: &NewArgs, folder: &std::path::Path) -> anyhow::Result<Vec<Target>> {
    let common = super::Common {
        folder: folder.to_path_buf(),
        plan: args.from.clone(),
        as_of: None,
        json: None,
        lang: args.lang,
        max_memory: 1024,
        max_seconds: 30,
    };
    let c = super::consolidate(&common, None)?;
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(c.summary
        .subcommittees
        .iter()
        .map(|s| Target {
            classes: clamp(s.classes.actual),
            learners: clamp(s.learners.actual),
        })
        .collect())
}
