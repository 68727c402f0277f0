//! `tthtcd criteria FOLDER`: the quarterly review of the criteria from the criteria
//! forms in the folder, on the terminal (and in the JSON). Exits 0 when every criterion
//! is met, 1 otherwise.

use tthtcd::check::criteria::{CriterionStatus, margin_text};
use tthtcd::labels::{Lang, criteria as k};
use tthtcd::report::sheets::criteria::{criterion_word, indicator_word, threshold_text};

use super::{Common, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let c = super::consolidate(&args.common, None)?;
    let lang: Lang = args.common.lang.into();
    let mut text = String::new();
    if c.criteria.is_empty() {
        text.push_str(k::NONE_IN_PLAN.get(lang));
        text.push('\n');
    }
    for cr in &c.criteria {
        text.push_str(&format!(
            "{}. {} — {}\n",
            cr.number,
            cr.name,
            criterion_word(cr.status).get(lang)
        ));
        for i in &cr.indicators {
            let detail = match margin_text(i, lang) {
                m if m.is_empty() => indicator_word(i.status).get(lang).to_string(),
                m => m,
            };
            text.push_str(&format!(
                "   - {} [{}]: {detail}\n",
                i.name,
                threshold_text(i.kind, lang)
            ));
        }
    }
    let met = c
        .criteria
        .iter()
        .filter(|cr| cr.status == CriterionStatus::Met)
        .count();
    text.push_str(&format!(
        "\n{}: {met} / {}\n",
        k::MET.get(lang),
        c.criteria.len()
    ));
    if args.common.json.as_deref() == Some(std::path::Path::new("-")) {
        say!(err, "{text}");
    } else {
        say!(out, "{text}");
    }
    Ok(if met == c.criteria.len() {
        exit::OK
    } else {
        exit::FALLS_SHORT
    })
}
