//! `tthtcd template -o DIR [--plan FILE]`: blank fill-in workbooks for every
//! sub-committee — a monthly report and a registration form — made from the plan, the
//! criteria form, and the plan itself as a form (`ke-hoach.xlsx`).

use std::path::PathBuf;

use anyhow::Context;
use tthtcd::labels::{Lang, cli, command, plan_form};
use tthtcd::report::output;
use tthtcd::report::template::{Form, criteria_form_bytes, form_bytes};
use tthtcd::report::workbook::WorkbookError;

use super::exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to write the forms into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// A plan form (ke-hoach.xlsx) or TOML plan instead of the embedded 2019 plan.
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
            let name = format!("{prefix}-{id}.xlsx");
            written.push(write_form(args, &name, || {
                form_bytes(&plan, i, form, lang)
            })?);
        }
    }
    written.push(write_form(args, "tieu-chi.xlsx", || {
        criteria_form_bytes(&plan, lang)
    })?);
    written.push(write_form(args, plan_form::FILE_NAME, || {
        tthtcd::report::plan_form::form_bytes(&plan, lang)
    })?);
    for p in &written {
        say!(outln, "{} {}", cli::WROTE.get(lang), p.display());
    }
    Ok(exit::OK)
}

/// Writes the form `name` in the output folder with the bytes `make` gives; refuses a
/// form already there (it may have been filled in) unless --force.
fn write_form(
    args: &Args,
    name: &str,
    make: impl FnOnce() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
) -> anyhow::Result<PathBuf> {
    let lang: Lang = args.lang.into();
    let path = args.output.join(name);
    if path.exists() && !args.force {
        anyhow::bail!(command::form_exists(&path, lang));
    }
    let bytes = make().map_err(|e| anyhow::anyhow!(WorkbookError::from(e).message(lang)))?;
    // A form that appears meanwhile is not replaced either, unless --force.
    output::write_file(&path, &bytes, args.force).map_err(|e| super::output_error(e, lang))?;
    Ok(path)
}
