//! `tthtcd check FOLDER`: read and check without writing a workbook. The exit code says
//! whether the month is in order: 0 all counted and on track, 1 some sub-committee
//! behind or short, 2 something was not counted.

use tthtcd::labels::Lang;
use tthtcd::report::terminal;

use super::{Common, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let c = super::consolidate(&args.common, None)?;
    let lang: Lang = args.common.lang.into();
    let text = terminal::render(&c, lang, super::use_color());
    if args.common.json.as_deref() == Some(std::path::Path::new("-")) {
        say!(err, "{text}");
    } else {
        say!(out, "{text}");
    }
    Ok(if c.has_losses() {
        exit::NOT_COUNTED
    } else if c.falls_short() {
        exit::FALLS_SHORT
    } else {
        exit::OK
    })
}
