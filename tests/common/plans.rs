//! Valid plans, generated for property tests: any plan here must load, and survive a
//! round trip through either form of the plan (the TOML file, the plan workbook).
//!
//! What a plan's text may hold is what both forms keep: letters with Vietnamese marks
//! (composed, as typed), quotes, backslashes, `#`, `=` and other punctuation; never a
//! ";" in a name (the workbook joins a sub-committee's other names with it), never a
//! space at either end (a cell is trimmed), never a control character (a workbook
//! cell cannot hold most of them).
//!
//! Sub-committees must not share a name once folded (`text::fold`: case, marks and
//! punctuation dropped), so each name and alias ends with its own token: `tb3x` for
//! sub-committee 3's name, `tb3x1` for its first other name. Folding keeps that last
//! token whole, and it differs between sub-committees whatever comes before it; ids are
//! letters and dashes only, so they never fold like a name.

use proptest::prelude::*;
use tthtcd::plan::{Comparison, Criterion, Indicator, IndicatorKind, Plan, SubCommittee, Target};

/// Vietnamese syllables as plans write them (marks composed, some capitalised): the text
/// of a real plan. Random letters are not: a string such as "Aã" is no Vietnamese word
/// but a TCVN3 spelling of "Aó", and a workbook's text is read as a secretary's file is,
/// legacy encodings converted (`normalise::legacy`), so only real words round-trip.
const SYLLABLES: &[&str] = &[
    "Tiểu",
    "ban",
    "phát",
    "triển",
    "kinh",
    "tế",
    "Pháp",
    "luật",
    "văn",
    "hóa",
    "xã",
    "hội",
    "chăm",
    "sóc",
    "sức",
    "khỏe",
    "Môi",
    "trường",
    "các",
    "chương",
    "trình",
    "khác",
    "Nông",
    "nghiệp",
    "Tin",
    "học",
    "Ngoại",
    "ngữ",
    "kỹ",
    "năng",
    "sống",
    "Trẻ",
    "em",
    "dưới",
    "tuổi",
    "đến",
    "nhà",
    "trẻ",
    "Huy",
    "động",
    "mẫu",
    "giáo",
    "Đông",
    "Triều",
    "Hồng",
    "Thái",
    "Tây",
    "thôn",
    "Yên",
    "Bình",
    "người",
    "lớp",
    "Ủy",
    "Quảng",
    "Ninh",
    "ĐOÀN",
    "THANH",
    "NIÊN",
    "gia",
    "đình",
    "dòng",
    "họ",
];

/// The characters of a word that is not a syllable: digits and the punctuation that
/// needs escaping in TOML or that folding drops.
const MARKS: &str = "0123456789\"'\\#=,-()./:&%";

/// One word: a syllable, a syllable with punctuation after it, or 1 to 4 of [`MARKS`].
fn word() -> impl Strategy<Value = String> {
    let marks: Vec<char> = MARKS.chars().collect();
    let tail = prop::collection::vec(prop::sample::select(marks.clone()), 0..=2);
    prop_oneof![
        3 => (prop::sample::select(SYLLABLES), tail)
            .prop_map(|(s, t)| format!("{s}{}", t.into_iter().collect::<String>())),
        1 => prop::collection::vec(prop::sample::select(marks), 1..=4)
            .prop_map(|cs| cs.into_iter().collect()),
    ]
}

/// 1 to 5 words, one space between: no space at either end.
pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..=5).prop_map(|ws| ws.join(" "))
}

/// A yearly or quarterly target.
pub fn target() -> impl Strategy<Value = Target> {
    (0u32..=100_000, 0u32..=100_000).prop_map(|(classes, learners)| Target { classes, learners })
}

/// 1 to 20 sub-committees (the most a plan holds), with distinct ids and names that
/// fold apart (see the module's comment), 0 to 4 other names each.
pub fn subcommittees() -> impl Strategy<Value = Vec<SubCommittee>> {
    let one = (
        prop::collection::vec("[a-z]{1,8}", 1..=2),
        text(),
        prop::collection::vec(text(), 0..=4),
        target(),
    );
    prop::collection::vec(one, 1..=20).prop_map(|subs| {
        subs.into_iter()
            .enumerate()
            .map(|(i, (id, name, aliases, target))| SubCommittee {
                // The last segment, a letter of its own, keeps the ids apart.
                id: format!("{}-{}", id.join("-"), char::from(b'a' + i as u8)),
                name: format!("{name} tb{i}x"),
                aliases: aliases
                    .into_iter()
                    .enumerate()
                    .map(|(j, a)| format!("{a} tb{i}x{j}"))
                    .collect(),
                target,
            })
            .collect()
    })
}

fn comparison() -> impl Strategy<Value = Comparison> {
    prop::sample::select(vec![
        Comparison::AtLeast,
        Comparison::MoreThan,
        Comparison::AtMost,
        Comparison::LessThan,
        Comparison::Equal,
    ])
}

/// A threshold in percent, 0 to 100: whole (as plans mostly write them), tenths, or
/// any f64 of the range.
fn threshold() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..=100).prop_map(f64::from),
        (0u32..=1000).prop_map(|n| f64::from(n) / 10.0),
        0.0f64..=100.0,
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let kind = prop_oneof![
        Just(IndicatorKind::YesNo),
        (comparison(), threshold())
            .prop_map(|(op, threshold)| IndicatorKind::Percent { op, threshold }),
    ];
    (text(), kind).prop_map(|(name, kind)| Indicator { name, kind })
}

/// 0 to 16 criteria numbered 1 to n, each with 1 to 3 indicators.
pub fn criteria() -> impl Strategy<Value = Vec<Criterion>> {
    let one = (text(), prop::collection::vec(indicator(), 1..=3));
    prop::collection::vec(one, 0..=16).prop_map(|cs| {
        cs.into_iter()
            .zip(1..)
            .map(|((name, indicators), number)| Criterion {
                number,
                name,
                indicators,
            })
            .collect()
    })
}

/// A valid plan: every field in its range (year 2000–2100, a population of 1 to 10
/// million, a participation rate of any precision in [0, 1], deadline 1–28, class
/// limit 1–1000).
pub fn plan() -> impl Strategy<Value = Plan> {
    let figures = (
        text(),
        text(),
        2000i32..=2100,
        1u32..=10_000_000,
        0.0f64..=1.0,
        prop::collection::vec(text(), 0..=10),
        prop::option::of(0u32..=200),
        1u32..=28,
        1u32..=1000,
    );
    let lists = (subcommittees(), prop::array::uniform4(target()), criteria());
    (figures, lists).prop_map(
        |(
            (unit, centre, year, population, participation, villages, village_count, day, max),
            (subcommittees, quarters, criteria),
        )| Plan {
            unit,
            centre,
            year,
            population_15_plus: population,
            participation_target: participation,
            villages,
            village_count,
            report_deadline_day: day,
            max_learners_per_class: max,
            subcommittees,
            quarters,
            criteria,
        },
    )
}
