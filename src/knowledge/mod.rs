//! The reference: what SMTP reply codes and enhanced status codes mean, as data, and the
//! context rules that turn (command answered, code, enhanced code, text) into a meaning
//! *here*.
//!
//! Nothing in this module does I/O. Tables are sorted `const` data guarded by tests; rules
//! are data too, matched in order. See `docs/knowledge.md` for how to add an entry.

pub mod outcome;

use crate::exit::Status;
use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};

/// Which command a reply answered: the context that decides what a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Greeting,
    Ehlo,
    Helo,
    Mail,
    Rcpt,
    Vrfy,
    Expn,
    Rset,
    Noop,
    StartTls,
    Auth,
    Quit,
    /// A reply nobody asked for (e.g. a 421 sent before the server hangs up).
    Unsolicited,
}

impl Context {
    /// The context for a command verb as reports name it (`"VRFY"`), case-insensitive.
    pub fn from_verb(verb: &str) -> Option<Context> {
        Some(match verb.to_ascii_uppercase().as_str() {
            "GREETING" | "BANNER" | "CONNECT" => Context::Greeting,
            "EHLO" => Context::Ehlo,
            "HELO" => Context::Helo,
            "MAIL" | "MAIL FROM" => Context::Mail,
            "RCPT" | "RCPT TO" => Context::Rcpt,
            "VRFY" => Context::Vrfy,
            "EXPN" => Context::Expn,
            "RSET" => Context::Rset,
            "NOOP" => Context::Noop,
            "STARTTLS" => Context::StartTls,
            "AUTH" => Context::Auth,
            "QUIT" => Context::Quit,
            "NONE" | "UNSOLICITED" => Context::Unsolicited,
            _ => return None,
        })
    }
}

/// What a reply means in its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meaning {
    /// One sentence: what this reply means here.
    pub summary: String,
    /// What to do about it (empty when nothing needs doing).
    pub advice: String,
    /// How a health check should judge this reply in this context.
    pub status: Status,
    /// Which rule or table entry produced this meaning (e.g. `"vrfy_252"`, `"code:550"`).
    pub rule: String,
    /// A recognised server implementation or provider, when the text identifies one.
    pub server_hint: Option<String>,
}

/// The meaning of a reply in context.
pub fn meaning(ctx: Context, code: u16, enhanced: Option<EnhancedCode>, text: &str) -> Meaning {
    let _ = (enhanced, text);
    let class = code / 100;
    let status = match (ctx, class) {
        (_, 2) | (_, 3) => Status::Ok,
        (Context::Vrfy | Context::Expn, _) => Status::Ok,
        (Context::Ehlo, _) if matches!(code, 500 | 502 | 504 | 550) => Status::Ok,
        (Context::Rcpt, 5) => Status::Warning,
        (_, 4) => Status::Warning,
        _ => Status::Critical,
    };
    Meaning {
        summary: format!("reply {code} (class {class}xx)"),
        advice: String::new(),
        status,
        rule: format!("class:{class}"),
        server_hint: None,
    }
}
