//! The `explain` answer: its model, which `--json` prints as it is, and its human rendering.
//!
//! [`Explanation`] is built by the `explain` module from the user's input and the knowledge
//! base; this module only turns it into text. [`render_human`] and [`render_json`] write to
//! the writer they are given; the JSON document is a versioned contract (`docs/knowledge.md`).
//!
//! Never here: parsing input, knowledge lookups, deciding what an input means or which exit
//! code it gets, clap types, or I/O other than writing to the given writer. The model lives
//! here rather than in `explain/` so that `explain` (which builds and prints it) depends on
//! `report`, never the other way round.
//!
//! Text in the model that came from the input is already escaped (see `explain::input`).

use crate::knowledge::classify::{Acts, Bounce, Reason, Side};
use crate::knowledge::enhanced::Precision;
use crate::knowledge::similar::SimilarLine;
use crate::knowledge::{Context, Meaning};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Exit code: every input was found in the tables.
pub const EXIT_RECOGNISED: i32 = 0;
/// Exit code: some input was only interpreted by its class or subject (`299`, `5.7.606`).
pub const EXIT_FALLBACK: i32 = 1;
/// Exit code: some input is not a code at all, or `--after` names no known command.
pub const EXIT_MALFORMED: i32 = crate::exit::USAGE;

/// Version of the JSON document below; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

/// The most replies `explain -` explains from one input; the rest are counted
/// ([`Explanation::not_explained`]) and the report points to `--log`. Each explained reply
/// holds a few KiB of prose until the report is written, so this bounds memory (about
/// 130 MiB) whatever is piped in.
pub const MAX_PASTED_REPLIES: usize = 10_000;

/// The whole answer, as `--json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub version: u32,
    /// The context given with `--after`, if any.
    pub after: Option<Context>,
    pub items: Vec<Item>,
    /// Present when two or more inputs were recognised as codes.
    pub comparison: Option<Comparison>,
    pub exit_code: i32,
    /// A usage problem (e.g. an unknown `--after` command).
    #[serde(default)]
    pub error: Option<String>,
    /// For a whole bounce message pasted (`explain -`): its parts that carry no reply
    /// (explanatory prose, bookkeeping fields), not explained.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// For a whole bounce message pasted: its parts not read (the returned original message,
    /// an HTML copy of a text part, attachments).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub parts_left_out: usize,
    /// For `explain -`: the replies after the first 10,000 of the input, not explained (a
    /// mail log belongs to `explain --log`, which streams).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub not_explained: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How well an input was recognised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recognition {
    /// In the tables.
    Known,
    /// Interpreted by class (basic) or subject/class (enhanced) only.
    Fallback,
    /// Not a code.
    #[default]
    Invalid,
}

/// One explained input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The input as given (control characters escaped).
    pub input: String,
    pub recognition: Recognition,
    pub code: Option<u16>,
    pub enhanced: Option<String>,
    /// Reply text after the codes, when a reply line was given (escaped).
    pub text: Option<String>,
    /// The context used for `meaning`: `--after`, or inferred from a log line.
    pub context: Option<Context>,
    pub basic: Option<BasicInfo>,
    pub enhanced_info: Option<EnhancedInfo>,
    /// The meaning in context (with `--after`, an inferred context, or a rule that holds
    /// everywhere such as a known server text).
    pub meaning: Option<Meaning>,
    /// Why the input is invalid.
    pub error: Option<String>,
    /// The outer reply this one was unwrapped from (Exchange's `554 5.3.0` around the
    /// remote server's `550 5.1.1`), or null.
    #[serde(default)]
    pub wrapper: Option<String>,
    /// Why the mail was refused, in Sisimai 5's names (`userunknown`), plus `greylisting`;
    /// `delivered` for a success after the message; null when there is nothing to say.
    #[serde(default)]
    pub reason: Option<Reason>,
    /// `hard` or `soft`, following what the provider means; null for a success.
    #[serde(default)]
    pub bounce: Option<Bounce>,
    /// Who must act: `sender`, `receiver` or `recipient`; null for a success.
    #[serde(default)]
    pub acts: Option<Acts>,
    /// The provider that answered (closed list of ids, `docs/knowledge.md`), or null.
    #[serde(default)]
    pub provider: Option<String>,
    /// The DNS blocklist the reply names (closed list of ids), or null.
    #[serde(default)]
    pub blocklist: Option<String>,
    /// A provider's code that contradicts its meaning, or a standards note, said plainly.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What the reader of the line should do, written for the side the line comes from
    /// (the sender's for `host … said:`, the receiver's for `NOQUEUE: reject:`); null
    /// when there is nothing to do.
    #[serde(default)]
    pub advice: Option<String>,
    /// Whose refusal the line reports: `sender` (a remote server refused our mail, or a
    /// bounce) or `receiver` (our own server refused someone); the advice is written for
    /// that side's administrator.
    #[serde(default)]
    pub side: Side,
    /// When no rule placed the reply, the labelled real reply it is most like, whose
    /// `reason` it took: `{reason, similarity (per cent), text, source, id}`; else null.
    #[serde(default)]
    pub similar_to: Option<SimilarLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicInfo {
    pub code: u16,
    /// Whether the code is in the table (else only its class is known).
    pub known: bool,
    pub class: String,
    pub class_description: String,
    /// What the second digit says (RFC 5321 §4.2.1), when it names a category.
    pub category: Option<String>,
    pub title: String,
    pub description: String,
    pub when: String,
    pub fix: String,
    pub operator: String,
    pub standard: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnhancedInfo {
    pub code: String,
    /// How much of the code the registry knows: the exact code, its subject (X.Y.*) or only
    /// its class (X.*.*).
    pub precision: Precision,
    pub class: String,
    pub subject: Option<String>,
    pub title: String,
    pub description: String,
    pub when: String,
    pub fix: String,
    pub standard: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub key_differences: Vec<String>,
    pub which_when: Vec<String>,
}

/// Version of the `explain --log --json` document.
pub const LOG_JSON_VERSION: u32 = 1;

/// `explain --log`: the deferrals, bounces and refusals of a mail log, grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogSummary {
    pub version: u32,
    /// Lines read.
    pub lines: u64,
    /// Deferral and bounce lines among them.
    pub events: u64,
    /// One row per (side, provider, reason, bounce), most frequent first.
    pub rows: Vec<LogRow>,
}

/// One group of deferrals or bounces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRow {
    pub count: u64,
    /// `sender`: deferrals and bounces of mail we sent; `receiver`: refusals our own
    /// server gave.
    #[serde(default)]
    pub side: Side,
    pub provider: Option<String>,
    pub reason: Option<Reason>,
    pub bounce: Option<Bounce>,
    /// The first reply of the group (escaped, cut at 200 characters).
    pub example: String,
    /// What the postmaster of `side` should do.
    pub advice: String,
}

/// Writes the log summary as a table, the advice under each row.
pub fn render_log_human(s: &LogSummary, out: &mut dyn Write) -> io::Result<()> {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{} deferrals, bounces and refusals in {} log lines",
        s.events, s.lines
    );
    for (side, title) in [
        (Side::Sender, "Deferred and bounced (mail this server sent)"),
        (Side::Receiver, "Refused by this server (mail it was sent)"),
    ] {
        let rows: Vec<&LogRow> = s.rows.iter().filter(|r| r.side == side).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(t, "\n{title}:");
        let _ = writeln!(
            t,
            "{:>7}  {:<6}  {:<11}  {:<15}  EXAMPLE",
            "COUNT", "BOUNCE", "PROVIDER", "REASON"
        );
        for r in rows {
            log_row(&mut t, r);
        }
    }
    out.write_all(t.as_bytes())
}

fn log_row(t: &mut String, r: &LogRow) {
    let bounce = r.bounce.map_or("-", Bounce::name);
    let _ = writeln!(
        t,
        "{:>7}  {:<6}  {:<11}  {:<15}  {}",
        r.count,
        bounce,
        r.provider.as_deref().unwrap_or("-"),
        r.reason.map_or("-", Reason::name),
        r.example
    );
    if !r.advice.is_empty() {
        let _ = writeln!(t, "{:>7}  → {}", "", r.advice);
    }
}

/// Writes the log summary as JSON (pretty, one trailing newline).
pub fn render_log_json(s: &LogSummary, out: &mut dyn Write) -> io::Result<()> {
    let rendered = match serde_json::to_string_pretty(s) {
        Ok(mut j) => {
            j.push('\n');
            j
        }
        Err(e) => format!("{{\"error\": \"cannot serialise: {e}\"}}\n"),
    };
    out.write_all(rendered.as_bytes())
}

/// Writes the explanation as people read it: one block per input, then the comparison.
/// With `color`, each status judgement ("After RCPT TO: WARNING") is coloured as in the
/// probe's report (only this renderer's own words; server text is escaped already).
pub fn render_human(ex: &Explanation, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let text = human(ex);
    if !color {
        return out.write_all(text.as_bytes());
    }
    for line in text.split_inclusive('\n') {
        out.write_all(colored(line).as_bytes())?;
    }
    Ok(())
}

/// A line with its status judgement (`: WARNING (rule …)`) coloured, if it has one.
fn colored(line: &str) -> String {
    use crate::exit::Status;
    use anstyle::{AnsiColor, Style};
    let judged = line.starts_with("  After ") || line.starts_with("  In any context: ");
    if !judged {
        return line.to_owned();
    }
    for status in [
        Status::Ok,
        Status::Warning,
        Status::Critical,
        Status::Unknown,
    ] {
        let label = status.label();
        let needle = format!(": {label} (rule ");
        if let Some(at) = line.find(&needle) {
            let color = match status {
                Status::Ok => AnsiColor::Green,
                Status::Warning => AnsiColor::Yellow,
                Status::Critical => AnsiColor::Red,
                Status::Unknown => AnsiColor::Magenta,
            };
            let style = Style::new().bold().fg_color(Some(color.into()));
            let start = at + 2;
            return format!(
                "{}{style}{label}{style:#}{}",
                &line[..start],
                &line[start + label.len()..]
            );
        }
    }
    line.to_owned()
}

/// Writes the explanation as the JSON document `--json` prints (pretty, one trailing
/// newline).
pub fn render_json(ex: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    let rendered = match serde_json::to_string_pretty(ex) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": \"cannot serialise: {e}\"}}\n"),
    };
    out.write_all(rendered.as_bytes())
}

// ---------------------------------------------------------------------------------------
// Human rendering

const WIDTH: usize = 88;
const LABEL: usize = 14;

fn field(out: &mut String, label: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let indent = " ".repeat(LABEL + 2);
    let mut line = format!("  {label:<LABEL$}");
    let mut first = true;
    for paragraph in text.split('\n') {
        if !first {
            let _ = writeln!(out, "{}", line.trim_end());
            line = indent.clone();
        }
        first = false;
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
                let _ = writeln!(out, "{}", line.trim_end());
                line = indent.clone();
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

/// A wrapped list item: "  - text", continuation lines indented under the text.
fn bullet(out: &mut String, text: &str) {
    let mut line = String::from("  -");
    for word in text.split_whitespace() {
        if line.len() > 3 && line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{line}");
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(word);
    }
    let _ = writeln!(out, "{line}");
}

fn render_item(out: &mut String, item: &Item, full: bool) {
    let heading = match (&item.basic, &item.enhanced_info) {
        _ if item.recognition == Recognition::Invalid => {
            format!("{}  (not a valid code)", item.input)
        }
        (Some(b), Some(e)) => format!("{} {}  {} / {}", b.code, e.code, b.title, e.title),
        (Some(b), None) => format!("{}  {}", b.code, b.title),
        (None, Some(e)) => format!("{}  {}", e.code, e.title),
        // A text without a reply code, explained by its words (its input follows).
        (None, None) if item.input.contains(char::is_whitespace) => {
            "No reply code: read by its words".to_string()
        }
        (None, None) => item.input.clone(),
    };
    let _ = writeln!(out, "{heading}");
    if let Some(err) = &item.error {
        field(out, "Problem", err);
        // A pasted sentence without a code ("stat=Deferred: Connection refused", a
        // translated bounce) may still say why: its reason and advice, as in the JSON.
        if item.reason.is_some() {
            render_classification(out, item);
        }
        return;
    }
    if item.input.contains(char::is_whitespace) {
        field(out, "Input", &item.input);
    }
    if let Some(b) = &item.basic {
        field(
            out,
            "Class",
            &format!("{}: {}", b.class, b.class_description),
        );
        if full && let Some(c) = &b.category {
            field(out, "Category", c);
        }
        field(out, "Description", &b.description);
        field(out, "When you see", &b.when);
        field(out, "How to fix", &b.fix);
        if full {
            field(out, "Operator", &b.operator);
        }
        field(out, "Standard", &b.standard);
    }
    if let Some(e) = &item.enhanced_info {
        if item.basic.is_some() {
            let _ = writeln!(out, "  Enhanced code {}  {}", e.code, e.title);
        }
        if full || item.basic.is_none() {
            field(out, "Class", &e.class);
            if let Some(s) = &e.subject {
                field(out, "Subject", s);
            }
        }
        field(out, "Description", &e.description);
        field(out, "When you see", &e.when);
        field(out, "How to fix", &e.fix);
        field(out, "Standard", &e.standard);
    }
    if let Some(t) = &item.text {
        field(out, "Reply text", t);
    }
    render_classification(out, item);
    if let Some(m) = &item.meaning {
        let here = match item.context {
            Some(ctx) => format!("After {}", ctx.label()),
            None => "In any context".to_string(),
        };
        let _ = writeln!(out, "  {here}: {} (rule {})", m.status.label(), m.rule);
        if let Some(s) = &m.server_hint {
            field(out, "Server", s);
        }
        field(out, "Meaning", &m.summary);
        // Said once: the line's own advice ("What to do") is often the same text.
        if item.advice.as_deref() != Some(m.advice.as_str()) {
            field(out, "Advice", &m.advice);
        }
    } else if item.context.is_none() && item.code.is_some() && full {
        field(
            out,
            "Context",
            "What a reply means depends on the command it answered: add --after COMMAND (e.g. --after VRFY).",
        );
    }
}

/// Wrapper, reason, bounce, who acts, provider, blocklist and notes.
fn render_classification(out: &mut String, item: &Item) {
    if let Some(w) = &item.wrapper {
        field(
            out,
            "Wrapped in",
            &format!("{w} (the reporting server's own reply; the one explained is inside it)"),
        );
    }
    if let Some(r) = item.reason {
        let mut line = r.name().to_string();
        if let Some(b) = item.bounce {
            line.push_str(match b {
                Bounce::Hard => ", hard bounce",
                Bounce::Soft => ", soft bounce (retry)",
            });
        }
        if let Some(a) = item.acts {
            line.push_str(match a {
                Acts::Sender => "; the sender's side must act",
                Acts::Receiver => "; the receiving side must act",
                Acts::Recipient => "; the recipient must act",
            });
        }
        field(out, "Reason", &line);
    }
    if let Some(s) = &item.similar_to {
        // Our own labelled data, but printed on a terminal all the same: one line, none of
        // the characters no renderer writes raw, at most 160 characters of it.
        let text: String = s
            .text
            .chars()
            .map(|c| if super::human::is_unsafe(c) { ' ' } else { c })
            .take(160)
            .collect();
        let more = if s.text.chars().count() > 160 {
            "…"
        } else {
            ""
        };
        let like = if s.voters > 1 {
            format!(
                "no rule matched this wording; the reason is the one the {} most like labelled real replies weigh most ({} of them; the nearest at likeness {:.2}), the most like of those (likeness {:.2})",
                s.voters,
                s.votes,
                f64::from(s.nearest_similarity) / 100.0,
                f64::from(s.similarity) / 100.0,
            )
        } else {
            format!(
                "no rule matched this wording; the reason is that of the most like labelled real reply (likeness {:.2})",
                f64::from(s.similarity) / 100.0,
            )
        };
        field(
            out,
            "Like",
            &format!("{like}: \"{text}{more}\" ({})", s.source),
        );
    }
    if let Some(p) = &item.provider {
        field(out, "Provider", p);
    }
    if let Some(b) = &item.blocklist {
        field(out, "Blocklist", b);
    }
    if let Some(a) = &item.advice {
        field(out, "What to do", a);
    }
    for n in &item.notes {
        field(out, "Note", n);
    }
}

/// The human form, as one string (the functions above append to it).
fn human(ex: &Explanation) -> String {
    let mut out = String::new();
    if let Some(err) = &ex.error {
        let _ = writeln!(out, "error: {err}");
        return out;
    }
    if ex.items.is_empty() {
        let _ = writeln!(
            out,
            "Nothing to explain: no SMTP reply, enhanced status code or delivery failure found in the input."
        );
    }
    let full = ex.items.len() == 1;
    for (i, item) in ex.items.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_item(&mut out, item, full);
    }
    if let Some(c) = &ex.comparison {
        let _ = writeln!(out, "\nKey differences");
        for d in &c.key_differences {
            bullet(&mut out, d);
        }
        let _ = writeln!(out, "\nWhich to expect when");
        for w in &c.which_when {
            bullet(&mut out, w);
        }
    }
    if ex.skipped > 0 || ex.parts_left_out > 0 {
        let _ = writeln!(out, "\nRead as a whole bounce message");
        if ex.skipped > 0 {
            bullet(
                &mut out,
                &format!(
                    "{} of its paragraphs carry no reply (explanatory text, report fields): not explained.",
                    ex.skipped
                ),
            );
        }
        if ex.parts_left_out > 0 {
            bullet(
                &mut out,
                &format!(
                    "{} of its parts left out: the returned original message, HTML copies, attachments (its headers are never read).",
                    ex.parts_left_out
                ),
            );
        }
    }
    if ex.not_explained > 0 {
        let _ = writeln!(
            out,
            "\nNote: the last {} replies of the input were not explained: `explain -` explains at most {MAX_PASTED_REPLIES}; for a mail log use `smtpprobe explain --log -`, which summarises any size.",
            ex.not_explained
        );
    }
    match ex.exit_code {
        EXIT_FALLBACK => {
            let _ = writeln!(
                out,
                "\nNote: some input is not in the tables and was interpreted by its class or subject only, or has no reply code and was read by its words."
            );
        }
        EXIT_MALFORMED => {
            let _ = writeln!(out, "\nNote: some input is not a valid SMTP code.");
        }
        _ => {}
    }
    out
}
