//! `tthtcd appendix FOLDER -o phu-luc.xlsx`: the plan's appendix from the
//! sub-committees' registration forms, with every gap against the plan's targets.

use std::path::PathBuf;

use tthtcd::labels::{Lang, appendix as a, cli};
use tthtcd::report::appendix;

use super::{Common, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The appendix workbook to write.
    #[arg(short, long, value_name = "OUT.xlsx", default_value = "phu-luc.xlsx")]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let c = super::consolidate(&args.common, Some(&args.output))?;
    let lang: Lang = args.common.lang.into();
    let busy = super::Busy::writing(&args.output, lang);
    let bytes = appendix::appendix_bytes(&c, lang).map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    let written = super::write_workbook(&args.output, &bytes, lang)?;
    drop(busy);
    let mut text = String::new();
    let gaps = c.registration.gaps();
    if c.planned.is_empty() {
        text.push_str(a::NO_REGISTRATIONS.get(lang));
        text.push('\n');
    } else {
        let n = c.planned.len();
        // In u64: registered learners are typed by people and may add up past a u32.
        let learners: u64 = c.planned.iter().map(|p| u64::from(p.learners)).sum();
        text.push_str(&format!(
            "{n} {} / {learners} {}\n",
            a::CLASSES_WORD.get(lang),
            a::LEARNERS_WORD.get(lang)
        ));
        if gaps.is_empty() {
            text.push_str(a::NO_GAPS.get(lang));
            text.push('\n');
        }
        for g in &gaps {
            text.push_str(&format!("- {}\n", g.message(&c.plan, lang)));
        }
    }
    text.push_str(&format!("{} {}\n", cli::WROTE.get(lang), written.display()));
    if args.common.json.as_deref() == Some(std::path::Path::new("-")) {
        say!(err, "{text}");
    } else {
        say!(out, "{text}");
    }
    Ok(exit::OK)
}
