//! Which sub-committee a piece of text names: a cell of the Tiểu ban column, a title line,
//! a sheet name or a file path, matched through the plan's aliases as whole words after
//! folding. Text that names two different sub-committees is ambiguous, never a guess.

use crate::text::{contains_words, fold};

/// The outcome of matching one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCommitteeMatch {
    /// Index into the plan's sub-committees.
    One(usize),
    None,
    /// Indexes of the sub-committees named equally well.
    Ambiguous(Vec<usize>),
}

/// Matches `text` against `(folded alias, index)` pairs from [`crate::plan::Plan::folded_aliases`].
pub fn match_subcommittee(aliases: &[(String, usize)], text: &str) -> SubCommitteeMatch {
    let folded = fold(text);
    let hits: Vec<&(String, usize)> = aliases
        .iter()
        .filter(|(a, _)| contains_words(&folded, a))
        .collect();
    // An alias inside a longer alias of another sub-committee is part of that name,
    // not a second name ("Văn hóa" inside "Văn hóa xã hội").
    let mut found: Vec<usize> = hits
        .iter()
        .filter(|(a, i)| {
            !hits
                .iter()
                .any(|(b, j)| j != i && b.len() > a.len() && contains_words(b, a))
        })
        .map(|(_, i)| *i)
        .collect();
    found.sort_unstable();
    found.dedup();
    match found.as_slice() {
        [] => SubCommitteeMatch::None,
        [one] => SubCommitteeMatch::One(*one),
        _ => SubCommitteeMatch::Ambiguous(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    fn m(text: &str) -> SubCommitteeMatch {
        match_subcommittee(&Plan::embedded().folded_aliases(), text)
    }

    #[test]
    fn names_titles_and_paths_match() {
        assert_eq!(m("Tiểu ban: Pháp luật"), SubCommitteeMatch::One(1));
        assert_eq!(m("kinh-te/thang-03"), SubCommitteeMatch::One(0));
        assert_eq!(m("VHXH"), SubCommitteeMatch::One(2));
        assert_eq!(m("Văn hoá - Xã hội"), SubCommitteeMatch::One(2));
        assert_eq!(m("TIỂU BAN CHĂM SÓC SỨC KHOẺ"), SubCommitteeMatch::One(3));
        assert_eq!(m("Y tế - Sức khỏe"), SubCommitteeMatch::One(3));
        assert_eq!(m("BVMT"), SubCommitteeMatch::One(4));
        assert_eq!(m("Các chương trình khác"), SubCommitteeMatch::One(5));
    }

    #[test]
    fn unknown_and_ambiguous() {
        assert_eq!(m("Tiểu ban quốc phòng"), SubCommitteeMatch::None);
        assert_eq!(m("khach hang"), SubCommitteeMatch::None);
        assert_eq!(
            m("Kinh tế và Pháp luật"),
            SubCommitteeMatch::Ambiguous(vec![0, 1])
        );
    }
}
