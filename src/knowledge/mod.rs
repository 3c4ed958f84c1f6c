//! The reference: what SMTP reply codes and enhanced status codes mean, as data, and the
//! context rules that turn (command answered, code, enhanced code, text) into a meaning
//! *here*.
//!
//! Nothing in this module does I/O. Tables are sorted `const` data guarded by tests; rules
//! are data too, matched in order. See `docs/knowledge.md` for how to add an entry.

pub mod certificates;
pub mod classify;
pub mod client_sentences;
pub mod codes;
pub mod enhanced;
pub mod identity;
pub mod limits;
pub mod providers;
pub mod relay;
pub mod rule;
pub mod rules;
pub mod sequences;
pub mod similar;
pub mod status_rows;
pub mod vendors;

use crate::exit::Status;
use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};

/// Which command a reply answered (defined with the protocol, used here as a key).
pub use crate::smtp::Context;

/// What a reply means in its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meaning {
    /// One or two sentences: what this reply means here.
    pub summary: String,
    /// What to do about it (empty when nothing needs doing).
    pub advice: String,
    /// The summary for a pasted line, when the rule has one of its own (see
    /// `rule::Rule::pasted`); not part of the JSON.
    #[serde(skip)]
    pub pasted: Option<String>,
    /// How a health check should judge this reply in this context.
    pub status: Status,
    /// Which rule or table entry produced this meaning (e.g. `"vrfy_252"`, `"code:550"`,
    /// `"class:5"`).
    pub rule: String,
    /// A recognised server implementation or provider, when the text identifies one.
    pub server_hint: Option<String>,
    /// The basic code's title (`"Cannot verify, will accept"`), or its class when the code is
    /// not in the table.
    #[serde(default)]
    pub title: String,
    /// The enhanced code's title, from the most specific registry level that knows it.
    #[serde(default)]
    pub enhanced_title: Option<String>,
    /// Where the basic code is defined (e.g. `"RFC 5321 §3.5.3, §4.2.3"`).
    #[serde(default)]
    pub standard: String,
}

/// Every rule, in tie-break order: the context rules, then the server texts.
const RULE_TABLES: &[&[rule::Rule]] = &[rules::RULES, vendors::SERVER_TEXTS];

/// The meaning of a reply in context: the most specific rule of [`rules::RULES`] or
/// [`vendors::SERVER_TEXTS`] that matches, combined with the basic-code and enhanced-code
/// entries. Codes no rule covers are interpreted from the tables, then by class
/// (RFC 5321 §4.2.1: a client that does not know a code acts on its first digit).
pub fn meaning(ctx: Context, code: u16, enhanced: Option<EnhancedCode>, text: &str) -> Meaning {
    meaning_where(ctx, code, enhanced, text, &|_| true)
}

/// Like [`meaning`], choosing only among rules `accept` allows: a session that knows more
/// (the server's identity, what it answered before) rules some out.
pub fn meaning_where(
    ctx: Context,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    accept: &dyn Fn(&rule::Rule) -> bool,
) -> Meaning {
    meaning_in(Some(ctx), code, enhanced, text, accept)
        .unwrap_or_else(|| fallback(ctx, code, enhanced))
}

/// Like [`meaning`], for when the command is not known (`explain` without `--after`): only
/// rules that hold in every context, and server texts, apply. `None` when none matches.
pub fn meaning_without_context(
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Option<Meaning> {
    meaning_in(None, code, enhanced, text, &|_| true)
}

fn meaning_in(
    ctx: Option<Context>,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    accept: &dyn Fn(&rule::Rule) -> bool,
) -> Option<Meaning> {
    let rule = rule::best(RULE_TABLES, ctx, code, enhanced, text, accept)?;
    let mut m = skeleton(code, enhanced);
    m.summary = rule.summary.to_string();
    // A rule that does not pin the exact enhanced code leaves its detail to the registry.
    if !matches!(rule.enhanced, Some(rule::EnhPat::Exact(..))) {
        append_enhanced(&mut m.summary, enhanced);
    }
    m.advice = rule.advice.to_string();
    m.pasted = (!rule.pasted.is_empty()).then(|| rule.pasted.to_string());
    m.status = rule.status;
    m.rule = rule.id.to_string();
    m.server_hint = rule.server.map(str::to_string);
    Some(m)
}

/// Title, enhanced title and standard, with an empty meaning.
fn skeleton(code: u16, enhanced: Option<EnhancedCode>) -> Meaning {
    let (title, standard) = match codes::basic(code) {
        Some(b) => (b.title.to_string(), b.standard.to_string()),
        None => match codes::reply_class(code) {
            Some(c) => (c.title.to_string(), "RFC 5321 §4.2.1".to_string()),
            None => (
                "not a valid SMTP reply code".to_string(),
                "RFC 5321 §4.2".to_string(),
            ),
        },
    };
    Meaning {
        summary: String::new(),
        advice: String::new(),
        pasted: None,
        status: Status::Ok,
        rule: String::new(),
        server_hint: None,
        title,
        enhanced_title: enhanced
            .and_then(enhanced::lookup)
            .map(|l| l.title().to_string()),
        standard,
    }
}

fn append_enhanced(summary: &mut String, enhanced: Option<EnhancedCode>) {
    // X.0.0 ("other undefined status") adds nothing to what the basic code said. In a
    // success (class 2) most registry titles name failures: Sendmail's "252 2.5.2 Cannot
    // VRFY user" is no "Syntax error". Only the titles that read as a success are added.
    let enhanced = enhanced
        .filter(|e| !(e.subject == 0 && e.detail == 0))
        .filter(|e| e.class != 2 || matches!((e.subject, e.detail), (1, 0 | 5) | (5 | 7, 0)));
    if let Some(l) = enhanced.and_then(enhanced::lookup) {
        let what = match l.precision {
            enhanced::Precision::Exact => l.title().to_string(),
            enhanced::Precision::Subject => format!("{} (detail not in the registry)", l.title()),
            enhanced::Precision::Class => format!("{} (subject not in the registry)", l.title()),
        };
        summary.push_str(&format!(" Enhanced code {}: {what}.", l.code));
    }
}

/// No rule matched: interpret from the tables and the class.
fn fallback(ctx: Context, code: u16, enhanced: Option<EnhancedCode>) -> Meaning {
    let mut m = skeleton(code, enhanced);
    match (codes::basic(code), codes::reply_class(code)) {
        (Some(b), _) => {
            m.summary = format!("{}: {}", b.title, b.description);
            m.advice = b.fix.to_string();
            m.rule = format!("code:{code}");
        }
        (None, Some(c)) => {
            m.summary = format!(
                "{code} is not a code the standards define; by its first digit it is a {}: {}",
                c.title,
                c.description.to_lowercase()
            );
            m.rule = format!("class:{}", c.digit);
        }
        (None, None) => {
            m.summary = format!(
                "{code} is not a valid SMTP reply code: the first digit must be 2, 3, 4 or 5 (RFC 5321 §4.2)."
            );
            m.advice = "Operator: the server is sending malformed replies.".to_string();
            m.rule = "invalid".to_string();
        }
    }
    append_enhanced(&mut m.summary, enhanced);
    m.status = default_status(ctx, code);
    m
}

/// How a health check judges a reply no rule covers, by context and class.
fn default_status(ctx: Context, code: u16) -> Status {
    match (ctx, code / 100) {
        (Context::Quit, _) if code != 221 => Status::Warning,
        (_, 2 | 3) => Status::Ok,
        (Context::Greeting | Context::Ehlo | Context::Helo, 4 | 5) => Status::Critical,
        (Context::Vrfy | Context::Expn, 5) => Status::Ok,
        (_, 4 | 5) => Status::Warning,
        _ => Status::Warning,
    }
}

#[cfg(test)]
mod tests;
