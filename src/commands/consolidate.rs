//! `tthtcd consolidate FOLDER -o OUT.xlsx`: the main job. Reads every workbook, checks
//! the classes against the plan and writes one formatted workbook (and the JSON).

use std::path::PathBuf;

use tthtcd::labels::{Lang, cli};
use tthtcd::report::{terminal, workbook};

use super::{Common, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The consolidated workbook to write.
    #[arg(short, long, value_name = "OUT.xlsx", default_value = "tong-hop.xlsx")]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    consolidated(args).map(|_| exit::OK)
}

/// [`run`], giving the consolidation it wrote and printed, and where the workbook went
/// (another name when the output was open in Excel).
pub fn consolidated(args: &Args) -> anyhow::Result<(tthtcd::Consolidation, PathBuf)> {
    let c = super::consolidate(&args.common, Some(&args.output))?;
    let lang: Lang = args.common.lang.into();
    let busy = super::Busy::writing(&args.output, lang);
    let bytes = workbook::workbook_bytes(&c, lang).map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    let written = tthtcd::profile::time(tthtcd::profile::Stage::Save, || {
        super::write_workbook(&args.output, &bytes, lang)
    })?;
    drop(busy);
    tthtcd::profile::print_if_asked();
    // With --json -, standard output is the JSON's alone; the table goes to stderr.
    let text = terminal::render(&c, lang, super::use_color());
    let wrote = format!("{} {}", cli::WROTE.get(lang), written.display());
    if args.common.json.as_deref() == Some(std::path::Path::new("-")) {
        say!(err, "{text}");
        say!(errln, "\n{wrote}");
    } else {
        say!(out, "{text}");
        say!(outln, "\n{wrote}");
    }
    Ok((c, written))
}
