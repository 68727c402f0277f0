//! `tthtcd template -o DIR [--plan FILE]`: blank fill-in workbooks for every
//! sub-committee — a monthly report and a registration form — made from the plan.

use std::path::PathBuf;

use anyhow::Context;
use tthtcd::labels::{Lang, cli, command};
use tthtcd::report::output;
use tthtcd::report::template::{Form, form_bytes};

use super::exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to write the forms into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Plan file (TOML) instead of the embedded 2019 plan of Hồng Thái Tây.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// Replace forms already in DIR (they may have been filled in: off by default).
    #[arg(long)]
    pub force: bool,
    /// Language of the forms: vi (default) or en.
    #[arg(long, value_enum, default_value_t = super::Language::Vi)]
    pub lang: super::Language,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    super::remove_temporaries_on_interrupt();
    let lang: Lang = args.lang.into();
    let plan = super::load_plan(args.plan.as_deref(), lang)?;
    std::fs::create_dir_all(&args.output)
        .with_context(|| command::folder_not_created(&args.output, lang))?;
    // Partial forms left by a killed run go first.
    output::remove_stale(&args.output);
    let mut written = Vec::new();
    // One pair per sub-committee, and a shared pair with a Tiểu ban column.
    let subs = plan
        .subcommittees
        .iter()
        .enumerate()
        .map(|(i, sc)| (Some(i), sc.id.as_str()))
        .chain([(None, "chung")]);
    for (i, id) in subs {
        for (form, prefix) in [
            (Form::Report, "bao-cao-thang"),
            (Form::Registration, "dang-ky"),
        ] {
            let path = args.output.join(format!("{prefix}-{id}.xlsx"));
            if path.exists() && !args.force {
                anyhow::bail!(command::form_exists(&path, lang));
            }
            let bytes = form_bytes(&plan, i, form, lang)?;
            // A form that appears meanwhile is not replaced either, unless --force.
            output::write_file(&path, &bytes, args.force)
                .map_err(|e| super::output_error(e, lang))?;
            written.push(path);
        }
    }
    let path = args.output.join("tieu-chi.xlsx");
    if path.exists() && !args.force {
        anyhow::bail!(command::form_exists(&path, lang));
    }
    output::write_file(
        &path,
        &tthtcd::report::template::criteria_form_bytes(&plan, lang)?,
        args.force,
    )
    .map_err(|e| super::output_error(e, lang))?;
    written.push(path);
    for p in &written {
        say!(outln, "{} {}", cli::WROTE.get(lang), p.display());
    }
    Ok(exit::OK)
}
