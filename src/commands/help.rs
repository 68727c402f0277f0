//! clap's help and argument errors in the user's language. clap has no translations,
//! so the language is read from the raw arguments first (`--lang en` anywhere), the
//! `Command` the derive builds is walked once and its words replaced from
//! `labels::help` by clap id, and the errors clap returns are worded again from their
//! kind and context. What clap hard-codes and cannot be replaced (a kind of error this
//! does not know) stays in clap's English.

use std::error::Error as _;
use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use tthtcd::labels::help::{self as w, lookup};
use tthtcd::labels::{Lang, cli};

use super::{BadValue, exit};

/// Parses `args` (the program's name first) as `C`, with the help and the errors in
/// the language they ask for; on help, version or an error, the exit code after
/// printing it (help and version on stdout, errors on stderr).
pub fn parse<C: clap::Parser>(args: &[OsString]) -> Result<C, u8> {
    let lang = lang_of(args);
    let args = &for_help_command(args);
    let mut cmd = localised(C::command(), lang);
    let matches = cmd
        .try_get_matches_from_mut(args)
        .map_err(|e| report(&e, &cmd, args, lang))?;
    C::from_arg_matches(&matches).map_err(|e| report(&e.format(&mut cmd), &cmd, args, lang))
}

/// `tthtcd help consolidate --lang en`: clap's `help` command takes command names only,
/// so `--lang`, already read, is taken out of its arguments.
fn for_help_command(args: &[OsString]) -> Vec<OsString> {
    if args.get(1).is_none_or(|a| a != "help") {
        return args.to_vec();
    }
    let mut kept = Vec::with_capacity(args.len());
    let mut words = args.iter().peekable();
    while let Some(word) = words.next() {
        let text = word.to_str().unwrap_or("");
        if text == "--lang" {
            words.next_if(|v| !v.to_str().unwrap_or("").starts_with('-'));
        } else if !text.starts_with("--lang=") {
            kept.push(word.clone());
        }
    }
    kept
}

/// English when the arguments say `--lang en` (or `--lang=en`), the last one counting;
/// Vietnamese otherwise. Read before parsing, so that clap's own messages about these
/// very arguments can be in that language.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::Vi;
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_str().unwrap_or(""))
        .peekable();
    while let Some(word) = words.next() {
        let value = match word {
            "--" => break,
            // As clap reads it: a word that starts with a dash is not the value.
            "--lang" => words.next_if(|v| !v.starts_with('-')).unwrap_or(""),
            _ => match word.strip_prefix("--lang=") {
                Some(v) => v,
                None => continue,
            },
        };
        lang = if value == "en" { Lang::En } else { Lang::Vi };
    }
    lang
}

/// The command with every word the user reads in `lang`: the descriptions and the
/// placeholders first, then (once clap has added them) its own `--help`, `--version`
/// and `help` command, the headings and the usage lines.
///
/// Every change goes through `mut_args` and `mut_subcommands`, which keep the order:
/// `mut_arg` puts the argument last, and once clap has built the command (and indexed
/// its flags by position) that would leave `--help` pointing at another argument.
pub fn localised(cmd: Command, lang: Lang) -> Command {
    let mut cmd = described(cmd, "", WIDTH, lang);
    cmd.build();
    finished(cmd, lang)
}

/// The key of a command in [`w::COMMANDS`]: its names below `tthtcd`; clap's `help`
/// command and the copies of the tree it holds go by the names without `help`
/// (`plan help export` is a copy of `plan export`, not of a top-level `export`).
fn command_key(path: &str) -> String {
    let names: Vec<&str> = path.split(' ').collect();
    match names.iter().rposition(|n| *n == "help") {
        Some(i) if i + 1 == names.len() => "help".to_string(),
        Some(i) => names[..i]
            .iter()
            .chain(&names[i + 1..])
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        None => path.to_string(),
    }
}

fn joined(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The width clap lays its help out in when it cannot know the terminal's. Without its
/// `wrap_help` feature clap never wraps a line, so the words are wrapped here to it.
const WIDTH: usize = 100;
/// Where clap starts an argument's help on the line below the argument.
const NEXT_LINE_INDENT: usize = 10;

/// The descriptions of `cmd` (at `path`), of its arguments and of its subcommands; its
/// own description wrapped to `about_width`. A command with arguments has each one's
/// help on the line below it, so that every help wraps at the same column.
fn described(cmd: Command, path: &str, about_width: usize, lang: Lang) -> Command {
    let about = if path.is_empty() {
        Some(w::ABOUT)
    } else {
        lookup(w::COMMANDS, &command_key(path))
    };
    let cmd = match about {
        Some(about) => cmd
            .about(wrapped(about.get(lang), about_width))
            .long_about(None),
        None => cmd,
    };
    let cmd = if path.is_empty() {
        cmd.after_help(wrapped(w::NO_COMMAND.get(lang), WIDTH))
    } else {
        cmd
    };
    let cmd = if cmd.get_arguments().next().is_some() {
        cmd.next_line_help(true)
    } else {
        cmd
    };
    // The subcommands' descriptions start after the longest name (clap's `help` too).
    let names = cmd
        .get_subcommands()
        .map(|sc| sc.get_name().chars().count());
    let column = names.chain(["help".len()]).max().unwrap_or(0) + 4;
    cmd.mut_args(|a| argument(a, path, lang))
        .mut_subcommands(|sc| {
            let path = joined(path, sc.get_name());
            described(sc, &path, WIDTH - column, lang)
        })
}

/// `text` with line breaks between its words, so that no line is longer than `width`
/// characters (clap indents the lines after the first to the help's column).
fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line = 0;
    for word in text.split(' ') {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out
}

/// The help of an argument of the command at `path`, if the table has it.
fn argument_words(path: &str, id: &str) -> Option<tthtcd::labels::Label> {
    lookup(w::ARGS, &joined(&command_key(path), id)).or_else(|| lookup(w::ARGS, id))
}

/// An argument's help from the table, its default value after it ("[mặc định: vi]",
/// since clap's "[default: vi]" and "[possible values: …]" are English), its heading
/// and its placeholder in `lang`.
fn argument(arg: Arg, path: &str, lang: Lang) -> Arg {
    let Some(words) = argument_words(path, arg.get_id().as_str()) else {
        return arg;
    };
    let mut help = words.get(lang).to_string();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help.push_str(&format!(
            " [{}: {}]",
            w::DEFAULT.get(lang),
            defaults.join(", ")
        ));
    }
    let help = wrapped(&help, WIDTH - NEXT_LINE_INDENT);
    let heading = if arg.is_positional() {
        w::ARGUMENTS_HEADING
    } else {
        w::OPTIONS_HEADING
    };
    let placeholder = arg
        .get_value_names()
        .and_then(|names| names.first())
        .and_then(|name| value_name(name.as_str(), lang));
    let arg = arg
        .help(help)
        .long_help(None)
        .help_heading(heading.get(lang));
    let arg = if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    };
    match placeholder {
        Some(name) => arg.value_name(name),
        None => arg,
    }
}

/// A placeholder in `lang`; one the table lacks (a test sees to that) stays as it is.
fn value_name(name: &str, lang: Lang) -> Option<&'static str> {
    lookup(w::VALUE_NAMES, name).map(|l| l.get(lang))
}

/// What only exists once clap has built the command: its `--help` and `--version`,
/// its `help` command; and the headings and usage lines, in `lang`, all down the tree.
fn finished(cmd: Command, lang: Lang) -> Command {
    let cmd = cmd
        .mut_args(|a| builtin_flag(a, lang))
        .subcommand_help_heading(w::COMMANDS_HEADING.get(lang))
        .subcommand_value_name(w::COMMAND_PLACEHOLDER.get(lang))
        .mut_subcommands(|sc| {
            let sc = if sc.get_name() == "help" {
                sc.about(lookup(w::COMMANDS, "help").map(|l| l.get(lang)))
            } else {
                sc
            };
            finished(sc, lang)
        });
    // The whole usage line, in errors too (clap would shorten it there), with the
    // "[OPTIONS]" clap writes whatever the words around it in `lang`.
    let mut cmd = with_template(cmd, lang);
    let usage = usage_text(&cmd.render_usage());
    cmd.override_usage(usage.replace("[OPTIONS]", w::OPTIONS_PLACEHOLDER.get(lang)))
}

/// clap's `-h, --help` and `-V, --version`, which it adds while building.
fn builtin_flag(arg: Arg, lang: Lang) -> Arg {
    let heading = w::OPTIONS_HEADING.get(lang);
    match arg.get_action() {
        ArgAction::Help => {
            let print = lookup(w::ARGS, "help").map_or("", |l| l.get(lang));
            let arg = arg.help_heading(heading);
            // clap gives -h and --help each a pointer to the other when they differ.
            if arg.get_long_help().is_some() {
                arg.help(format!("{print} ({})", w::SEE_MORE.get(lang)))
                    .long_help(format!("{print} ({})", w::SEE_SUMMARY.get(lang)))
            } else {
                arg.help(print)
            }
        }
        ArgAction::Version => {
            let words = lookup(w::ARGS, "version").map_or("", |l| l.get(lang));
            arg.help_heading(heading).help(words)
        }
        _ => arg,
    }
}

/// clap's help layout with the usage heading in `lang` ("Cách dùng:"), styled as clap
/// styles its own.
fn with_template(cmd: Command, lang: Lang) -> Command {
    let style = cmd.get_styles().get_usage();
    let heading = format!("{style}{}:{style:#}", w::USAGE.get(lang));
    let has_list = cmd.get_arguments().any(|a| !a.is_hide_set())
        || cmd.get_subcommands().any(|s| !s.is_hide_set());
    let template = if has_list {
        format!(
            "{{before-help}}{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}"
        )
    } else {
        format!("{{before-help}}{{about-with-newline}}\n{heading} {{usage}}{{after-help}}")
    };
    cmd.help_template(template)
}

/// A usage line without clap's "Usage: " before it.
fn usage_text(usage: &StyledStr) -> String {
    let text = usage.to_string();
    match text.split_once("Usage: ") {
        Some((_, rest)) => rest.trim_end().to_string(),
        None => text.trim_end().to_string(),
    }
}

/// Prints what clap returned instead of matches and gives the exit code: help and
/// version on stdout (0); an error on stderr (3), worded in `lang` when its kind is
/// one this knows, in clap's words otherwise.
fn report(e: &clap::Error, cmd: &Command, args: &[OsString], lang: Lang) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return exit::OK;
        }
        // `tthtcd` or `tthtcd plan` alone: the help (already in `lang`), as an error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return exit::CANNOT_RUN;
        }
        _ => {}
    }
    match sentence(e, lang) {
        Some(text) => say!(err, "{}", message(e, &text, &command_path(cmd, args), lang)),
        None => {
            let _ = e.print();
        }
    }
    exit::CANNOT_RUN
}

/// The whole error: "Lỗi: …", the tips, the usage line and where to read more.
fn message(e: &clap::Error, sentence: &str, path: &str, lang: Lang) -> String {
    let mut text = format!("{}: {sentence}\n", cli::ERROR.get(lang));
    for tip in tips(e, lang) {
        text.push_str(&format!("  {tip}\n"));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        text.push_str(&format!(
            "\n{}: {}\n",
            w::USAGE.get(lang),
            usage_text(usage)
        ));
    }
    text.push_str(&format!("\n{}\n", w::see_help(path, lang)));
    text
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<&str> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The error's first line in `lang`, for the kinds of error this knows.
fn sentence(e: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    Some(match e.kind() {
        ErrorKind::UnknownArgument if arg?.starts_with('-') => w::unknown_option(arg?, lang),
        ErrorKind::UnknownArgument => w::unexpected_value(arg?, lang),
        ErrorKind::InvalidValue if value?.is_empty() => w::value_missing(arg?, lang),
        ErrorKind::InvalidValue => w::invalid_value(value?, arg?, lang),
        ErrorKind::ValueValidation => {
            let bad = e.source()?.downcast_ref::<BadValue>()?;
            w::refused_value(value?, arg?, &bad.reason(lang), lang)
        }
        ErrorKind::MissingRequiredArgument => {
            w::missing_required(&strings(e, ContextKind::InvalidArg), lang)
        }
        ErrorKind::MissingSubcommand => w::missing_command(
            string(e, ContextKind::InvalidSubcommand)?,
            &strings(e, ContextKind::ValidSubcommand),
            lang,
        ),
        ErrorKind::InvalidSubcommand => {
            w::unknown_command(string(e, ContextKind::InvalidSubcommand)?, lang)
        }
        ErrorKind::ArgumentConflict => {
            let (arg, others) = (arg?, strings(e, ContextKind::PriorArg));
            if others.iter().any(|o| o == arg) {
                w::used_twice(arg, lang)
            } else {
                w::conflict(arg, &others, lang)
            }
        }
        ErrorKind::TooManyValues => w::too_many_values(value?, arg?, lang),
        _ => return None,
    })
}

/// The lines under the error: the values allowed, the names meant, how to pass a value
/// that starts with a dash, the quotes a folder name with spaces needs, and where
/// `--lang` goes.
fn tips(e: &clap::Error, lang: Lang) -> Vec<String> {
    let mut tips = Vec::new();
    let valid = strings(e, ContextKind::ValidValue);
    if e.kind() == ErrorKind::InvalidValue && !valid.is_empty() {
        tips.push(w::possible_values(&valid, lang));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        tips.extend(strings(e, kind).iter().map(|s| w::did_you_mean(s, lang)));
    }
    if let Some(ContextValue::StyledStrs(suggested)) = e.get(ContextKind::Suggested) {
        for s in suggested.iter().map(StyledStr::to_string) {
            if s.starts_with("to pass ") {
                let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
                tips.push(w::as_value_tip(arg, lang));
            } else if let Some(usage) = s.strip_suffix("' exists") {
                tips.push(w::exists_elsewhere(usage.trim_start_matches('\''), lang));
            }
        }
    }
    let arg = string(e, ContextKind::InvalidArg).unwrap_or("-");
    if e.kind() == ErrorKind::UnknownArgument {
        if !arg.starts_with('-') {
            tips.push(w::SPACES_TIP.get(lang).to_string());
        } else if arg == "--lang" || arg.starts_with("--lang=") {
            tips.push(w::LANG_AFTER_COMMAND.get(lang).to_string());
        }
    }
    tips
}

/// The command the arguments reached ("tthtcd plan check"), for "--help" to be asked of.
fn command_path(cmd: &Command, args: &[OsString]) -> String {
    let mut path = cmd.get_name().to_string();
    let mut at = cmd;
    for word in args.iter().skip(1).filter_map(|a| a.to_str()) {
        match at.find_subcommand(word) {
            Some(sc) if sc.get_name() != "help" => {
                path = joined(&path, sc.get_name());
                at = sc;
            }
            _ => break,
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::Cli;

    /// Every command and argument of the real tree, with its path.
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        out.push((path.to_string(), None));
        for a in cmd.get_arguments() {
            out.push((path.to_string(), Some(a.get_id().to_string())));
        }
        for sc in cmd.get_subcommands() {
            walk(sc, &joined(path, sc.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_words_in_the_table() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut all = Vec::new();
        walk(&cmd, "", &mut all);
        let mut missing = Vec::new();
        for (path, arg) in &all {
            let found = match arg {
                None if path.is_empty() => true,
                None => lookup(w::COMMANDS, &command_key(path)).is_some(),
                Some(id) => argument_words(path, id).is_some(),
            };
            if !found {
                missing.push(format!("{path} {}", arg.as_deref().unwrap_or("")));
            }
        }
        assert!(
            missing.is_empty(),
            "no words in labels::help for {missing:?}"
        );
        // A flag's value name (clap gives --force one) is never shown.
        for a in all_arguments(&cmd)
            .iter()
            .filter(|a| a.get_action().takes_values())
        {
            for name in a.get_value_names().unwrap_or_default() {
                assert!(
                    lookup(w::VALUE_NAMES, name.as_str()).is_some(),
                    "no words for the placeholder {name}"
                );
            }
        }
    }

    /// clap aligns the help by counting characters: a letter and its marks must be one.
    #[test]
    fn the_words_are_composed_so_that_the_columns_line_up() {
        let labels = w::COMMANDS.iter().chain(w::ARGS).chain(w::VALUE_NAMES);
        for (key, label) in labels {
            for text in [label.vi, label.en] {
                assert!(unicode_normalization::is_nfc(text), "{key}: {text}");
            }
        }
    }

    fn all_arguments(cmd: &Command) -> Vec<&Arg> {
        let mut args: Vec<&Arg> = cmd.get_arguments().collect();
        for sc in cmd.get_subcommands() {
            args.extend(all_arguments(sc));
        }
        args
    }

    #[test]
    fn the_table_has_no_words_for_what_is_gone() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut all = Vec::new();
        walk(&cmd, "", &mut all);
        for (key, _) in w::COMMANDS {
            assert!(all.iter().any(|(p, a)| a.is_none() && p == key), "{key}");
        }
        for (key, _) in w::ARGS {
            let (path, id) = key.rsplit_once(' ').unwrap_or(("", key));
            assert!(
                all.iter()
                    .any(|(p, a)| a.as_deref() == Some(id) && (path.is_empty() || p == path)),
                "{key}"
            );
        }
    }

    #[test]
    fn the_localised_commands_pass_clap_s_own_checks() {
        for lang in [Lang::Vi, Lang::En] {
            let mut cmd = localised(Cli::command(), lang);
            let _ = cmd.render_long_help();
            cmd.debug_assert();
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let lang = |args: &[&str]| {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            lang_of(&args)
        };
        assert_eq!(lang(&["tthtcd", "--help"]), Lang::Vi);
        assert_eq!(lang(&["tthtcd", "check", "d", "--lang", "en"]), Lang::En);
        assert_eq!(lang(&["tthtcd", "--lang=en", "check"]), Lang::En);
        assert_eq!(lang(&["tthtcd", "check", "--lang", "vi"]), Lang::Vi);
        assert_eq!(lang(&["tthtcd", "check", "--lang", "fr"]), Lang::Vi);
        assert_eq!(lang(&["tthtcd", "check", "--lang"]), Lang::Vi);
        assert_eq!(lang(&["tthtcd", "check", "--", "--lang", "en"]), Lang::Vi);
    }

    #[test]
    fn clap_s_help_command_is_given_no_lang() {
        let help = |args: &[&str]| {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            for_help_command(&args)
        };
        assert_eq!(
            help(&["tthtcd", "help", "check", "--lang", "en"]),
            ["tthtcd", "help", "check"]
        );
        assert_eq!(
            help(&["tthtcd", "help", "--lang=en", "plan"]),
            ["tthtcd", "help", "plan"]
        );
        // Other commands parse --lang themselves.
        let args = ["tthtcd", "check", "d", "--lang", "en"];
        assert_eq!(help(&args), args);
    }

    #[test]
    fn clap_s_help_command_and_its_copies_go_by_the_names_without_help() {
        assert_eq!(command_key("help"), "help");
        assert_eq!(command_key("plan help"), "help");
        assert_eq!(command_key("help plan check"), "plan check");
        assert_eq!(command_key("help help"), "help");
        assert_eq!(command_key("plan check"), "plan check");
        // Under `plan help`, the copies are plan's own commands.
        assert_eq!(command_key("plan help export"), "plan export");
        assert_eq!(command_key("plan help check"), "plan check");
    }
}
