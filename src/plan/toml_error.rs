//! What the toml crate said, as a `PlanError`: its English message read for the kind of
//! mistake, its byte span turned into a line, a column, the key set on that line and the
//! line as written. Nothing here is worded: the words are in `labels::plan`.

use super::error::{Place, PlanError, PlanFault, SyntaxMistake};

/// The plan error a toml error stands for, placed in `text`.
pub(super) fn plan_error(e: &toml::de::Error, text: &str) -> PlanError {
    let msg = e.message().trim();
    let start = e.span().map(|s| s.start.min(text.len()));
    let value = e.span().map_or(String::new(), |s| value_at(text, s));
    if let Some(fault) = fault(msg, &value) {
        let key = start
            .and_then(|s| key_at(text, s))
            .filter(|k| !fault.names(k));
        return PlanError::Invalid {
            line: start.map(|s| line_at(text, s)),
            key,
            fault,
        };
    }
    PlanError::Syntax {
        place: start.map(|s| place(text, s)),
        mistake: mistake(msg, &value),
    }
}

/// A serde message (a key missing or unknown, a value of the wrong kind or size), or
/// None for a mistake of TOML itself.
fn fault(msg: &str, value: &str) -> Option<PlanFault> {
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let key = rest.trim_matches('`').to_string();
        return Some(PlanFault::MissingKey { key });
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        // "`clases`, expected one of `id`, `name`" / "…, expected `id`" / "…, there are
        // no fields": the names between backticks, the unknown one first.
        let mut names = rest.split('`').skip(1).step_by(2).map(str::to_string);
        let key = names.next().unwrap_or_default();
        let allowed = names.collect();
        return Some(PlanFault::UnknownKey { key, allowed });
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        return Some(wrong_kind(rest, value, msg));
    }
    if msg.starts_with("invalid value: integer `-") {
        let value = msg.split('`').nth(1).unwrap_or_default().to_string();
        return Some(PlanFault::Negative { value });
    }
    // A whole number past what the key holds (a target above 4294967295, a quarter above
    // 255): refused, never wrapped or cut.
    if let Some(rest) = msg.strip_prefix("invalid value: integer `") {
        let value = rest.split('`').next().unwrap_or_default().to_string();
        let most = match msg.rsplit("expected ").next().unwrap_or_default() {
            "u8" => u64::from(u8::MAX),
            "i32" => i32::MAX as u64,
            _ => u64::from(u32::MAX),
        };
        return Some(PlanFault::TooLarge {
            value,
            most: Some(most),
        });
    }
    // Past even what toml holds (20 digits): a number, too large, when it is digits.
    let digits = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit() || c == '_');
    if digits && (msg.contains("overflowed") || msg.contains("too large")) {
        let value = value.to_string();
        return Some(PlanFault::TooLarge { value, most: None });
    }
    [
        "invalid value",
        "invalid length",
        "unknown variant",
        "duplicate field",
    ]
    .iter()
    .any(|p| msg.starts_with(p))
    .then(|| PlanFault::UnexpectedValue {
        value: value.to_string(),
        detail: msg.to_string(),
    })
}

/// "invalid type: string \"47%\", expected f64": a value of another kind than the key's.
fn wrong_kind(rest: &str, value: &str, msg: &str) -> PlanFault {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
    let value = value.to_string();
    match expected {
        "f64" | "f32" | "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => {
            PlanFault::NotANumber { value }
        }
        "a string" => PlanFault::NotText { value },
        // `[subcommittee]` for a table that repeats: the value is the table's header.
        "a sequence" if found == "map" && value.starts_with('[') => PlanFault::TableNotRepeated {
            table: value.trim_matches(['[', ']', ' ']).to_string(),
        },
        "a sequence" => PlanFault::NotAList { value },
        _ => PlanFault::UnexpectedValue {
            value,
            detail: msg.to_string(),
        },
    }
}

/// The mistake of TOML a toml parse message names ("unclosed table, expected `]`").
fn mistake(msg: &str, value: &str) -> SyntaxMistake {
    let (what, expected) = msg.split_once(", expected ").unwrap_or((msg, ""));
    // What toml expected, when it is one thing in backticks: "`]`" → "]".
    let literal = || {
        expected
            .strip_prefix('`')
            .and_then(|e| e.strip_suffix('`'))
            .filter(|e| !e.contains('`'))
            .map(str::to_string)
    };
    if what.ends_with(" string") && what.starts_with("invalid") {
        return match literal() {
            Some(quote) if what.contains("multi-line") => SyntaxMistake::UnclosedText {
                quote: quote.repeat(3),
            },
            Some(quote) => SyntaxMistake::UnclosedText { quote },
            None => SyntaxMistake::BadText,
        };
    }
    if what.starts_with("unclosed") {
        let close = literal().unwrap_or_else(|| "]".into());
        return SyntaxMistake::UnclosedBracket { close };
    }
    if what.starts_with("missing") && what.contains("open") {
        let fallback = if what.contains("quote") { "\"" } else { "[" };
        let open = literal().unwrap_or_else(|| fallback.into());
        return SyntaxMistake::MissingOpening { open };
    }
    // `year =` with nothing after it: toml asks for quotes around nothing.
    if what == "string values must be quoted" && value.is_empty() {
        return SyntaxMistake::NoValue;
    }
    named_mistake(what).unwrap_or_else(|| SyntaxMistake::Other {
        detail: msg.to_string(),
    })
}

/// The mistakes toml names in fixed words.
fn named_mistake(what: &str) -> Option<SyntaxMistake> {
    Some(match what {
        "missing escaped value" | "too few unicode value digits" => SyntaxMistake::BadEscape,
        "string values must be quoted" => SyntaxMistake::UnquotedText,
        "missing comma between array elements" | "missing comma between key-value pairs" => {
            SyntaxMistake::MissingComma
        }
        "extra comma in array" | "extra comma in inline table" => SyntaxMistake::ExtraComma,
        "duplicate key" => SyntaxMistake::DuplicateKey,
        "key with no value" | "missing assignment between key-value pairs" => {
            SyntaxMistake::NoEquals
        }
        "missing value" | "missing value for key" => SyntaxMistake::NoValue,
        "unquoted keys cannot be empty" | "missing key for inline table element" => {
            SyntaxMistake::NoKeyName
        }
        "invalid unquoted key" => SyntaxMistake::BadKeyName,
        "unexpected key or value" | "unexpected content" => SyntaxMistake::TrailingText,
        "unexpected leading zero"
        | "`_` may only go between digits"
        | "redundant numeric sign"
        | "unexpected sign"
        | "redundant integer number prefix"
        | "integers with a radix cannot be signed"
        | "radix must be lowercase"
        | "invalid mantissa"
        | "invalid fraction"
        | "invalid exponent"
        | "integer number overflowed"
        | "floating-point number overflowed" => SyntaxMistake::BadNumber,
        w if w.starts_with("invalid") && (w.contains("number") || w.contains("float")) => {
            SyntaxMistake::BadNumber
        }
        w if w.starts_with("invalid date") || w.starts_with("invalid time") => {
            SyntaxMistake::BadDate
        }
        _ => return None,
    })
}

/// Line, column (in characters) and the line itself, at a byte offset.
fn place(text: &str, offset: usize) -> Place {
    let begin = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let column = text.get(begin..offset).map_or(0, |t| t.chars().count()) + 1;
    let excerpt = text
        .get(begin..)
        .and_then(|t| t.lines().next())
        .unwrap_or_default()
        .trim()
        .to_string();
    Place {
        line: line_at(text, offset),
        column,
        excerpt,
    }
}

/// The value a span covers, as written: its first line, trimmed, at most 60 characters.
fn value_at(text: &str, span: std::ops::Range<usize>) -> String {
    let written = text.get(span).unwrap_or_default();
    let first = written.lines().next().unwrap_or_default().trim();
    if first.chars().count() > 60 {
        format!("{}…", first.chars().take(59).collect::<String>())
    } else {
        first.to_string()
    }
}

/// The line (from 1) of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// The key set on the line holding `offset`, when that line is `key = value`.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let begin = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(begin..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{DEFAULT_PLAN_TOML, Plan};

    /// The default plan with `from` written as `to`: its refusal, and the line holding
    /// `to`.
    fn refusal(from: &str, to: &str) -> (PlanError, usize) {
        let text = DEFAULT_PLAN_TOML.replacen(from, to, 1);
        assert_ne!(text, DEFAULT_PLAN_TOML, "{from}");
        let first = to.lines().next().unwrap_or_default();
        let line = text.lines().position(|l| l.contains(first)).unwrap() + 1;
        match Plan::from_toml(&text) {
            Ok(_) => panic!("accepted: {to}"),
            Err(e) => (e, line),
        }
    }

    fn syntax(line: usize, column: usize, excerpt: &str, mistake: SyntaxMistake) -> PlanError {
        PlanError::Syntax {
            place: Some(Place {
                line,
                column,
                excerpt: excerpt.into(),
            }),
            mistake,
        }
    }

    #[test]
    fn a_mistake_of_toml_is_named_with_its_line_column_and_text() {
        // Opened, never closed: the column is just past the line's 24 characters.
        let to = "unit = \"Xã Hồng Thái Tây";
        let (e, line) = refusal("unit = \"Xã Hồng Thái Tây\"", to);
        let quote = "\"".to_string();
        assert_eq!(
            e,
            syntax(line, 25, to, SyntaxMistake::UnclosedText { quote })
        );
        // A decimal comma: what follows "0" is more than one value.
        let to = "participation_target = 0,783";
        let (e, line) = refusal("participation_target = 0.783", to);
        assert_eq!(e, syntax(line, 25, to, SyntaxMistake::TrailingText));
        let to = "[[subcommittee]";
        let (e, line) = refusal("[[subcommittee]]", to);
        let close = "]".to_string();
        assert_eq!(
            e,
            syntax(line, 16, to, SyntaxMistake::UnclosedBracket { close })
        );
        // A key in Vietnamese: TOML takes unaccented letters only, unless quoted.
        let (e, line) = refusal("year = 2019", "năm = 2019");
        assert_eq!(e, syntax(line, 2, "năm = 2019", SyntaxMistake::BadKeyName));
        let (e, line) = refusal("year = 2019", "year =");
        assert_eq!(e, syntax(line, 7, "year =", SyntaxMistake::NoValue));
        let (e, line) = refusal("year = 2019", "year = 2019\nyear = 2020");
        assert_eq!(
            e,
            syntax(line + 1, 1, "year = 2020", SyntaxMistake::DuplicateKey)
        );
    }

    #[test]
    fn a_key_or_value_that_does_not_fit_is_a_fault_with_its_line() {
        let (e, _) = refusal("classes = 8\n", "classes = 8\nclases = 9\n");
        let PlanError::Invalid {
            line: Some(_),
            key: None,
            fault: PlanFault::UnknownKey { key, allowed },
        } = e
        else {
            panic!("{e:?}");
        };
        assert_eq!(key, "clases");
        assert_eq!(allowed, ["id", "name", "aliases", "classes", "learners"]);
        // The value as the file writes it, not as serde names its kind.
        let (e, line) = refusal("threshold = 47", "threshold = \"47%\"");
        let value = "\"47%\"".to_string();
        let expected = PlanError::Invalid {
            line: Some(line),
            key: None,
            fault: PlanFault::NotANumber { value },
        };
        assert_eq!(e, expected);
        let (e, line) = refusal("year = 2019", "year = 2019-01-01");
        let expected = PlanError::Invalid {
            line: Some(line),
            key: Some("year".into()),
            fault: PlanFault::NotANumber {
                value: "2019-01-01".into(),
            },
        };
        assert_eq!(e, expected);
    }

    #[test]
    fn a_repeating_table_written_once_with_single_brackets_is_named() {
        let text = "unit = \"x\"\ncentre = \"y\"\nyear = 2019\npopulation_15_plus = 10\n\
                    participation_target = 0.5\n\n[subcommittee]\nid = \"a\"\nname = \"b\"\n\
                    classes = 1\nlearners = 5\n";
        let e = Plan::from_toml(text).unwrap_err();
        let expected = PlanError::Invalid {
            line: Some(7),
            key: None,
            fault: PlanFault::TableNotRepeated {
                table: "subcommittee".into(),
            },
        };
        assert_eq!(e, expected);
    }
}
