//! `smtpprobe explain`: the knowledge base on the command line, offline.
//!
//! Accepts basic codes (`252`), enhanced codes (`5.1.1`), both (`550 5.1.1`), and reply lines
//! pasted from logs, multi-line replies included (`250-mx Hello\n250 SIZE`), with common log
//! prefixes (`S: `, `<<< `, syslog headers, `said: `) skipped. `--after COMMAND` gives the
//! context; without it, a context is taken from log phrases such as "in reply to RCPT TO
//! command" when present.
//!
//! Exit codes (documented in `docs/knowledge.md`):
//! - [`EXIT_RECOGNISED`] (0): every input was found in the tables;
//! - [`EXIT_FALLBACK`] (1): some input was only interpreted by its class or subject
//!   (e.g. `299`, `5.7.606`);
//! - [`EXIT_MALFORMED`] (3): some input is not a code at all (`999`, `7.1.1`, `hello`), or
//!   `--after` names no known command.
//!
//! Nothing here touches the network, DNS or the clock; output goes to the given writer only.
//! Text taken from the input is echoed with control characters escaped.

use crate::cli::ExplainArgs;
use crate::knowledge::{self, Context, Meaning, codes, enhanced};
use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

pub const EXIT_RECOGNISED: i32 = 0;
pub const EXIT_FALLBACK: i32 = 1;
pub const EXIT_MALFORMED: i32 = crate::exit::USAGE;

/// Version of the JSON document below; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

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
}

/// How well an input was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recognition {
    /// In the tables.
    Known,
    /// Interpreted by class (basic) or subject/class (enhanced) only.
    Fallback,
    /// Not a code.
    Invalid,
}

/// One explained input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// `exact`, `subject` (X.Y.*) or `class` (X.*.*).
    pub precision: String,
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

/// Runs `explain`, writing to `out`; returns the process exit code.
pub fn run(args: &ExplainArgs, out: &mut dyn std::io::Write) -> i32 {
    let explanation = explain(&args.input, args.after.as_deref());
    let rendered = if args.json {
        match serde_json::to_string_pretty(&explanation) {
            Ok(mut s) => {
                s.push('\n');
                s
            }
            Err(e) => format!("{{\"error\": \"cannot serialise: {e}\"}}\n"),
        }
    } else {
        render_human(&explanation)
    };
    // A closed pipe is not an error worth a different exit code.
    let _ = out.write_all(rendered.as_bytes());
    let _ = out.flush();
    explanation.exit_code
}

/// Builds the explanation for `inputs` (the CLI arguments) and an optional `--after`.
pub fn explain(inputs: &[String], after: Option<&str>) -> Explanation {
    let ctx = match after {
        None => None,
        Some(verb) => match Context::from_verb(verb.trim()) {
            Some(c) => Some(c),
            None => {
                return Explanation {
                    version: JSON_VERSION,
                    after: None,
                    items: Vec::new(),
                    comparison: None,
                    exit_code: EXIT_MALFORMED,
                    error: Some(format!(
                        "unknown command for --after: {:?}; use one of GREETING, EHLO, HELO, MAIL, RCPT, VRFY, EXPN, RSET, NOOP, STARTTLS, AUTH, QUIT, NONE",
                        escape(verb)
                    )),
                };
            }
        },
    };
    let items: Vec<Item> = parse_inputs(inputs)
        .into_iter()
        .map(|p| build_item(p, ctx))
        .collect();
    let exit_code =
        if items.is_empty() || items.iter().any(|i| i.recognition == Recognition::Invalid) {
            EXIT_MALFORMED
        } else if items.iter().any(|i| i.recognition == Recognition::Fallback) {
            EXIT_FALLBACK
        } else {
            EXIT_RECOGNISED
        };
    let valid: Vec<&Item> = items
        .iter()
        .filter(|i| i.recognition != Recognition::Invalid)
        .collect();
    let comparison = (valid.len() >= 2).then(|| compare(&valid));
    Explanation {
        version: JSON_VERSION,
        after: ctx,
        items,
        comparison,
        exit_code,
        error: None,
    }
}

// ---------------------------------------------------------------------------------------
// Input parsing

/// One input after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parsed {
    Reply {
        input: String,
        code: u16,
        enhanced: Option<EnhancedCode>,
        text: Option<String>,
        inferred: Option<Context>,
    },
    Enhanced {
        input: String,
        code: EnhancedCode,
    },
    Invalid {
        input: String,
        reason: String,
    },
}

fn parse_inputs(args: &[String]) -> Vec<Parsed> {
    let mut out: Vec<Parsed> = Vec::new();
    for arg in args {
        let trimmed = arg.trim();
        if trimmed.contains(char::is_whitespace) {
            out.extend(parse_block(trimmed));
            continue;
        }
        let token = parse_token(trimmed);
        // `explain 550 5.1.1` unquoted: a basic code followed by an enhanced code of the
        // same class is one reply.
        if let Parsed::Enhanced { code: e, .. } = &token
            && let Some(Parsed::Reply {
                code,
                enhanced: enh @ None,
                input,
                text: None,
                ..
            }) = out.last_mut()
            && u16::from(e.class) == *code / 100
        {
            *enh = Some(*e);
            input.push(' ');
            input.push_str(&escape(trimmed));
            continue;
        }
        // `explain 550 5.7.1 Relaying denied` unquoted: words after a code are its text.
        if let Parsed::Invalid { .. } = &token
            && !trimmed.is_empty()
            && !looks_like_code(trimmed)
            && let Some(Parsed::Reply { text, input, .. }) = out.last_mut()
        {
            let t = text.get_or_insert_with(String::new);
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&escape(trimmed));
            input.push(' ');
            input.push_str(&escape(trimmed));
            continue;
        }
        out.push(token);
    }
    out
}

/// Whether a word is an attempt at a code (digits and dots only), as opposed to text.
fn looks_like_code(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// A single word: a basic code, an enhanced code, or something invalid (with the reason).
fn parse_token(s: &str) -> Parsed {
    let input = escape(s);
    if s.is_empty() {
        return Parsed::Invalid {
            input,
            reason: "empty input".into(),
        };
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match basic_code(s) {
            Ok(code) => Parsed::Reply {
                input,
                code,
                enhanced: None,
                text: None,
                inferred: None,
            },
            Err(reason) => Parsed::Invalid { input, reason },
        };
    }
    if s.contains('.') {
        return match EnhancedCode::parse(s) {
            Some(code) => Parsed::Enhanced { input, code },
            None => Parsed::Invalid {
                reason: enhanced_error(s),
                input,
            },
        };
    }
    Parsed::Invalid {
        input,
        reason: "not a reply code: give a three-digit code (e.g. 550), an enhanced status code (e.g. 5.1.1) or a reply line".into(),
    }
}

/// Validates a three-digit basic code (RFC 5321 §4.2: first digit 2–5).
fn basic_code(s: &str) -> Result<u16, String> {
    if s.len() != 3 {
        return Err(format!(
            "{s:?} is not a reply code: reply codes have exactly three digits (RFC 5321 §4.2)"
        ));
    }
    let code: u16 = s.parse().map_err(|_| "not a number".to_string())?;
    let first = code / 100;
    if !(2..=5).contains(&first) {
        return Err(format!(
            "{code} is not a valid reply code: its first digit, {first}, is outside 2-5. RFC 5321 §4.2.1 defines only 2 (positive completion), 3 (positive intermediate), 4 (transient negative) and 5 (permanent negative)."
        ));
    }
    Ok(code)
}

fn enhanced_error(s: &str) -> String {
    let parts: Vec<&str> = s.split('.').collect();
    let digits = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.len() != 3 {
        return format!(
            "{:?} is not an enhanced status code: those have three parts, class.subject.detail (RFC 3463 §2)",
            escape(s)
        );
    }
    if digits(parts[0], 1) && !matches!(parts[0], "2" | "4" | "5") {
        return format!(
            "{} is not a valid enhanced status code: its class, {}, must be 2 (success), 4 (persistent transient failure) or 5 (permanent failure) (RFC 3463 §2)",
            escape(s),
            parts[0]
        );
    }
    format!(
        "{:?} is not an enhanced status code: the class is one digit and subject and detail have one to three digits each (RFC 3463 §2)",
        escape(s)
    )
}

/// A reply being assembled from the lines of a pasted block.
struct Pending {
    code: u16,
    enhanced: Option<EnhancedCode>,
    texts: Vec<String>,
    /// The last line had a hyphen after the code: more lines follow (RFC 5321 §4.2.1).
    more: bool,
    raw: Vec<String>,
}

impl Pending {
    fn finish(self, inferred: Option<Context>) -> Parsed {
        let text = self.texts.join(" ").trim().to_string();
        let input = escape(&self.raw.join("\n"));
        match basic_code(&format!("{:03}", self.code)) {
            Ok(code) => Parsed::Reply {
                input,
                code,
                enhanced: self.enhanced,
                text: (!text.is_empty()).then(|| escape(&text)),
                inferred,
            },
            Err(reason) => Parsed::Invalid { input, reason },
        }
    }
}

/// A pasted block: one or more replies, possibly multi-line, possibly with log prefixes.
fn parse_block(block: &str) -> Vec<Parsed> {
    let inferred = infer_context(block);
    let mut out: Vec<Parsed> = Vec::new();
    let mut current: Option<Pending> = None;
    for line in block
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match find_code(line) {
            Some((code, sep, rest)) => match current.as_mut() {
                Some(p) if p.more && p.code == code => {
                    p.texts.push(strip_enhanced(rest, code).1.to_string());
                    p.more = sep == '-';
                    p.raw.push(line.to_string());
                }
                _ => {
                    if let Some(p) = current.take() {
                        out.push(p.finish(inferred));
                    }
                    let (enhanced, text) = strip_enhanced(rest, code);
                    current = Some(Pending {
                        code,
                        enhanced,
                        texts: vec![text.to_string()],
                        more: sep == '-',
                        raw: vec![line.to_string()],
                    });
                }
            },
            None => match current.as_mut() {
                // A wrapped continuation of the reply text (bounce messages wrap lines).
                Some(p) => {
                    p.texts.push(line.to_string());
                    p.raw.push(line.to_string());
                }
                None if out.is_empty() && looks_like_code(line) => out.push(parse_token(line)),
                None => {}
            },
        }
    }
    if let Some(p) = current.take() {
        out.push(p.finish(inferred));
    }
    if out.is_empty() {
        // A lone word with stray spaces, or text without any code.
        let words: Vec<&str> = block.split_whitespace().collect();
        if words.len() == 1 {
            return vec![parse_token(words[0])];
        }
        out.push(Parsed::Invalid {
            input: escape(block),
            reason: "no SMTP reply code found in this text: a reply line starts with a three-digit code such as 250 or 550".into(),
        });
    }
    out
}

/// Finds the reply code in a log line: at the start, or after a prefix such as `S: `,
/// `<<< `, a syslog header or `said: `. Returns the code, the separator (' ', '-' or '\0'
/// at end of line) and the rest of the line.
fn find_code(line: &str) -> Option<(u16, char, &str)> {
    let b = line.as_bytes();
    let at = |i: usize| -> Option<(u16, char, &str)> {
        let digits = b.get(i..i + 3)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let sep = match b.get(i + 3) {
            None => '\0',
            Some(b' ') => ' ',
            Some(b'-') => '-',
            _ => return None,
        };
        let code = line.get(i..i + 3)?.parse().ok()?;
        Some((code, sep, line.get(i + 4..).unwrap_or("")))
    };
    // At the start of the line, any three digits are taken (so that 999 is reported).
    if let Some(found) = at(0) {
        return Some(found);
    }
    (1..b.len()).find_map(|i| {
        let prev = b[i - 1];
        if prev.is_ascii_alphanumeric() || prev == b'.' || !(b'2'..=b'5').contains(&b[i]) {
            return None;
        }
        at(i)
    })
}

/// Splits a leading enhanced code (of the same class as `code`, RFC 2034 §4) off `rest`.
fn strip_enhanced(rest: &str, code: u16) -> (Option<EnhancedCode>, &str) {
    let rest = rest.trim_start();
    let (first, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    // Some logs write "#5.1.1" or "(#5.1.1)"; only the plain form is taken here.
    match EnhancedCode::parse(first) {
        Some(e) if u16::from(e.class) == code / 100 => (Some(e), tail.trim_start()),
        _ => (None, rest),
    }
}

/// The command a log line says the reply answered ("in reply to RCPT TO command",
/// Exim's "after RCPT TO:", Postfix's "reject: RCPT from").
fn infer_context(block: &str) -> Option<Context> {
    let l = block.to_lowercase();
    const HINTS: &[(&str, Context)] = &[
        ("in reply to rcpt to", Context::Rcpt),
        ("after rcpt to", Context::Rcpt),
        ("reject: rcpt from", Context::Rcpt),
        ("in reply to mail from", Context::Mail),
        ("after mail from", Context::Mail),
        ("in reply to ehlo", Context::Ehlo),
        ("in reply to helo", Context::Helo),
        ("in reply to starttls", Context::StartTls),
        ("in reply to vrfy", Context::Vrfy),
        ("in reply to quit", Context::Quit),
        ("refused to talk to me", Context::Greeting),
        ("after initial connection", Context::Greeting),
    ];
    HINTS.iter().find(|(h, _)| l.contains(h)).map(|(_, c)| *c)
}

/// Escapes control characters and bidi overrides so that pasted text cannot drive a
/// terminal, keeping line breaks (the same escaping the probe report uses).
pub fn escape(s: &str) -> String {
    s.split('\n')
        .map(crate::report::human::escape)
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------
// Building items

fn basic_info(code: u16) -> Option<BasicInfo> {
    let class = codes::reply_class(code)?;
    let category = codes::reply_category(code)
        .map(|c| format!("x{}x {}: {}", c.digit, c.title, c.description));
    Some(match codes::basic(code) {
        Some(b) => BasicInfo {
            code,
            known: true,
            class: class.title.into(),
            class_description: class.description.into(),
            category,
            title: b.title.into(),
            description: b.description.into(),
            when: b.when.into(),
            fix: b.fix.into(),
            operator: b.operator.into(),
            standard: b.standard.into(),
        },
        None => BasicInfo {
            code,
            known: false,
            class: class.title.into(),
            class_description: class.description.into(),
            category,
            title: format!("Unknown code in class {}xx", class.digit),
            description: format!(
                "{code} is not defined by RFC 5321 or its extensions. RFC 5321 §4.2.1 tells a client to act on the first digit: {}",
                class.description
            ),
            when: "From servers that use private codes, or garbled replies.".into(),
            fix: match class.digit {
                2 | 3 => "Treat it as success and read the text.".into(),
                4 => "Treat it as a temporary failure: retry later.".into(),
                _ => "Treat it as a permanent failure and read the text.".into(),
            },
            operator: "Use the codes RFC 5321 defines.".into(),
            standard: "RFC 5321 §4.2.1, §4.3.2".into(),
        },
    })
}

fn enhanced_info(code: EnhancedCode) -> Option<EnhancedInfo> {
    let l = enhanced::lookup(code)?;
    let subject = l
        .subject
        .map(|s| format!("{} {}: {}", s.number, s.title, s.description));
    let class = format!(
        "{} {}: {}",
        l.class.number, l.class.title, l.class.description
    );
    Some(match (l.entry, l.subject) {
        (Some(e), _) => EnhancedInfo {
            code: code.to_string(),
            precision: l.precision.label().into(),
            class,
            subject,
            title: e.title.into(),
            description: e.description.into(),
            when: e.when.into(),
            fix: e.fix.into(),
            standard: e.standard.into(),
        },
        (None, Some(s)) => EnhancedInfo {
            code: code.to_string(),
            precision: l.precision.label().into(),
            class,
            subject,
            title: format!("{} (detail {} not in the registry)", s.title, code.detail),
            description: format!(
                "{code} is not in the IANA registry; providers define such details themselves. Its subject says: {}",
                s.description
            ),
            when: "From providers with their own codes (e.g. Microsoft's 5.7.6xx blocks).".into(),
            fix: "Read the reply text and the provider's documentation for this code.".into(),
            standard: format!("{} (subject); provider-specific detail", s.standard),
        },
        (None, None) => EnhancedInfo {
            code: code.to_string(),
            precision: l.precision.label().into(),
            class,
            subject: None,
            title: format!("{} (subject {} not defined)", l.class.title, code.subject),
            description: format!(
                "Subject {} is not defined (RFC 3463 defines 0-7); only the class is meaningful: {}",
                code.subject, l.class.description
            ),
            when: "From non-standard servers.".into(),
            fix: "Read the reply text.".into(),
            standard: "RFC 3463 §2".into(),
        },
    })
}

fn build_item(p: Parsed, after: Option<Context>) -> Item {
    match p {
        Parsed::Invalid { input, reason } => Item {
            input,
            recognition: Recognition::Invalid,
            code: None,
            enhanced: None,
            text: None,
            context: after,
            basic: None,
            enhanced_info: None,
            meaning: None,
            error: Some(reason),
        },
        Parsed::Enhanced { input, code } => {
            let info = enhanced_info(code);
            let exact = info.as_ref().is_some_and(|i| i.precision == "exact");
            Item {
                input,
                recognition: if exact {
                    Recognition::Known
                } else {
                    Recognition::Fallback
                },
                code: None,
                enhanced: Some(code.to_string()),
                text: None,
                context: after,
                basic: None,
                enhanced_info: info,
                meaning: None,
                error: None,
            }
        }
        Parsed::Reply {
            input,
            code,
            enhanced,
            text,
            inferred,
        } => {
            let basic = basic_info(code);
            let einfo = enhanced.and_then(enhanced_info);
            let fallback = !basic.as_ref().is_some_and(|b| b.known)
                || einfo.as_ref().is_some_and(|e| e.precision != "exact");
            let context = after.or(inferred);
            let t = text.as_deref().unwrap_or("");
            let meaning = match context {
                Some(ctx) => Some(knowledge::meaning(ctx, code, enhanced, t)),
                None => knowledge::meaning_without_context(code, enhanced, t),
            };
            Item {
                input,
                recognition: if fallback {
                    Recognition::Fallback
                } else {
                    Recognition::Known
                },
                code: Some(code),
                enhanced: enhanced.map(|e| e.to_string()),
                text,
                context,
                basic,
                enhanced_info: einfo,
                meaning,
                error: None,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Comparison

/// Curated notes on codes people confuse; shown when both appear in one comparison.
#[rustfmt::skip]
const PAIR_NOTES: &[(&str, &str, &str)] = &[
    ("221", "421", "221 is a goodbye: after QUIT it is the normal end. 421 is a refusal: the server cannot go on and the client should retry later."),
    ("221", "252", "221 ends the session; 252 is an answer to VRFY that keeps the session going but gives no verdict on the user."),
    ("250", "252", "To VRFY, 250 confirms the user exists; 252 refuses to say either way. Only 250 (from a server that does not say it for everyone) is evidence."),
    ("251", "252", "251 says the user exists elsewhere and mail will be forwarded; 252 says nothing about the user at all."),
    ("252", "550", "To VRFY, 252 is \"I won't tell\" and 550 is \"no such user\" (or a refusal). A server that answers 252 for real users and 550 for made-up ones does tell users apart."),
    ("252", "502", "Both mean VRFY will not verify anyone: 502 refuses the command outright, 252 accepts it but declines to answer."),
    ("500", "502", "500: the server does not recognise the command. 502: it recognises it but does not carry it out (not implemented or disabled)."),
    ("502", "504", "502 is about the whole command; 504 is about one parameter of a command the server otherwise supports."),
    ("500", "504", "500 rejects an unknown command; 504 accepts the command but not one of its parameters."),
    ("500", "501", "500: the command itself is unknown or the line is garbled. 501: the command is known but its argument is malformed."),
    ("450", "550", "Same meaning, different permanence: 450 is temporary (retry later, e.g. greylisting); 550 is final."),
    ("451", "550", "451 is a temporary failure on the server's side (retry); 550 is a permanent refusal of the mailbox or by policy."),
    ("421", "554", "421 at the greeting means \"not now\" (retry later); 554 at the greeting means \"no service for you here\"."),
    ("521", "554", "521 says the host never accepts mail; 554 at the greeting refuses this client or this session."),
    ("521", "556", "521 is a host saying it accepts no mail; 556 is a relay saying the destination domain accepts none."),
    ("550", "553", "550: the mailbox is unavailable (unknown or refused). 553: the address itself is not allowed (syntax, or ambiguous)."),
    ("550", "554", "After RCPT both are permanent refusals; 550 leans to mailbox problems, 554 to policy. The enhanced code says which."),
    ("5.1.1", "5.7.1", "5.1.1: the mailbox does not exist. 5.7.1: the server will not deliver for you (relaying denied, blocked). Fix the address for one, the route or reputation for the other."),
    ("4.7.1", "5.7.1", "Both are policy refusals; 4.7.1 is temporary (often greylisting: retry), 5.7.1 is final."),
    ("5.1.1", "5.1.10", "5.1.1: no such user. 5.1.10: the whole domain takes no mail (null MX) — though Microsoft also uses 5.1.10 for unknown users."),
    ("5.2.2", "5.3.4", "5.2.2: this mailbox is full. 5.3.4: the message is too big for the whole system."),
];

fn key_of(item: &Item) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(c) = item.code {
        keys.push(c.to_string());
    }
    if let Some(e) = &item.enhanced {
        keys.push(e.clone());
    }
    keys
}

fn class_phrase(item: &Item) -> String {
    match (&item.basic, &item.enhanced_info) {
        (Some(b), _) => format!("{} is {} ({})", label(item), b.class, b.title),
        (None, Some(e)) => {
            let class = e.class.split(':').next().unwrap_or("");
            format!("{} is class {} ({})", label(item), class, e.title)
        }
        _ => label(item),
    }
}

fn label(item: &Item) -> String {
    match (item.code, &item.enhanced) {
        (Some(c), Some(e)) => format!("{c} {e}"),
        (Some(c), None) => c.to_string(),
        (None, Some(e)) => e.clone(),
        (None, None) => item.input.clone(),
    }
}

fn compare(items: &[&Item]) -> Comparison {
    let mut key_differences = Vec::new();
    key_differences.push(format!(
        "Classes: {}.",
        items
            .iter()
            .map(|i| class_phrase(i))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    let first_digits: Vec<u16> = items
        .iter()
        .filter_map(|i| {
            i.code
                .map(|c| c / 100)
                .or(i.enhanced_info.as_ref().and_then(|_| {
                    i.enhanced
                        .as_deref()
                        .and_then(EnhancedCode::parse)
                        .map(|e| u16::from(e.class))
                }))
        })
        .collect();
    if first_digits.contains(&4) && first_digits.contains(&5) {
        key_differences.push(
            "Temporary vs permanent: a 4 means try again later and the same request may succeed; a 5 means it will fail again until something changes.".into(),
        );
    }
    if first_digits.contains(&2) && first_digits.iter().any(|d| *d >= 4) {
        key_differences.push(
            "Success vs failure: the 2 code means the command was accepted; the others refused it."
                .into(),
        );
    }
    let keys: Vec<Vec<String>> = items.iter().map(|i| key_of(i)).collect();
    for (a, b, note) in PAIR_NOTES {
        let has = |k: &str| keys.iter().any(|ks| ks.iter().any(|x| x == k));
        let same_item = keys
            .iter()
            .any(|ks| ks.iter().any(|x| x == a) && ks.iter().any(|x| x == b));
        if has(a) && has(b) && !same_item {
            key_differences.push((*note).to_string());
        }
    }
    let which_when = items
        .iter()
        .map(|i| {
            let when = i
                .basic
                .as_ref()
                .map(|b| b.when.clone())
                .or_else(|| i.enhanced_info.as_ref().map(|e| e.when.clone()))
                .unwrap_or_default();
            match &i.meaning {
                Some(m) => format!("{}: {} Here: {}", label(i), when, m.summary),
                None => format!("{}: {}", label(i), when),
            }
        })
        .collect();
    Comparison {
        key_differences,
        which_when,
    }
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

fn context_name(ctx: Context) -> &'static str {
    match ctx {
        Context::Greeting => "the greeting",
        Context::Ehlo => "EHLO",
        Context::Helo => "HELO",
        Context::Mail => "MAIL FROM",
        Context::Rcpt => "RCPT TO",
        Context::Vrfy => "VRFY",
        Context::Expn => "EXPN",
        Context::Rset => "RSET",
        Context::Noop => "NOOP",
        Context::StartTls => "STARTTLS",
        Context::Auth => "AUTH",
        Context::Quit => "QUIT",
        Context::Unsolicited => "no command (unsolicited)",
    }
}

fn render_item(out: &mut String, item: &Item, full: bool) {
    let heading = match (&item.basic, &item.enhanced_info) {
        _ if item.recognition == Recognition::Invalid => {
            format!("{}  (not a valid code)", item.input)
        }
        (Some(b), Some(e)) => format!("{} {}  {} / {}", b.code, e.code, b.title, e.title),
        (Some(b), None) => format!("{}  {}", b.code, b.title),
        (None, Some(e)) => format!("{}  {}", e.code, e.title),
        (None, None) => item.input.clone(),
    };
    let _ = writeln!(out, "{heading}");
    if let Some(err) = &item.error {
        field(out, "Problem", err);
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
    if let Some(m) = &item.meaning {
        let here = match item.context {
            Some(ctx) => format!("After {}", context_name(ctx)),
            None => "In any context".to_string(),
        };
        let _ = writeln!(out, "  {here}: {} (rule {})", m.status.label(), m.rule);
        if let Some(s) = &m.server_hint {
            field(out, "Server", s);
        }
        field(out, "Meaning", &m.summary);
        field(out, "Advice", &m.advice);
    } else if item.context.is_none() && item.code.is_some() && full {
        field(
            out,
            "Context",
            "What a reply means depends on the command it answered: add --after COMMAND (e.g. --after VRFY).",
        );
    }
}

fn render_human(ex: &Explanation) -> String {
    let mut out = String::new();
    if let Some(err) = &ex.error {
        let _ = writeln!(out, "error: {err}");
        return out;
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
    match ex.exit_code {
        EXIT_FALLBACK => {
            let _ = writeln!(
                out,
                "\nNote: some input is not in the tables and was interpreted by its class or subject only."
            );
        }
        EXIT_MALFORMED => {
            let _ = writeln!(out, "\nNote: some input is not a valid SMTP code.");
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(input: &[&str], after: Option<&str>, json: bool) -> (i32, String) {
        let args = ExplainArgs {
            input: input.iter().map(|s| s.to_string()).collect(),
            after: after.map(str::to_string),
            json,
        };
        let mut out: Vec<u8> = Vec::new();
        let code = run(&args, &mut out);
        (
            code,
            String::from_utf8(out).unwrap_or_else(|e| panic!("not UTF-8: {e}")),
        )
    }

    #[test]
    fn single_code_gets_a_full_explanation() {
        let (code, out) = run_args(&["252"], None, false);
        assert_eq!(code, EXIT_RECOGNISED);
        for needle in [
            "252",
            "Class",
            "2xx positive completion",
            "Description",
            "When you see",
            "How to fix",
            "RFC 5321",
            "--after",
        ] {
            assert!(out.contains(needle), "missing {needle:?} in\n{out}");
        }
    }

    #[test]
    fn after_gives_the_meaning_in_context() {
        let (code, out) = run_args(&["252"], Some("VRFY"), false);
        assert_eq!(code, EXIT_RECOGNISED);
        assert!(out.contains("After VRFY: OK (rule vrfy_252)"), "{out}");
        assert!(out.contains("neither confirm nor deny"), "{out}");
        let (_, out) = run_args(&["550 5.7.1 Relaying denied"], Some("rcpt"), false);
        assert!(out.contains("rule rcpt_550_571"), "{out}");
        assert!(out.contains("Relaying denied"), "{out}");
    }

    #[test]
    fn unknown_after_is_a_usage_error() {
        let (code, out) = run_args(&["250"], Some("DATA"), false);
        assert_eq!(code, EXIT_MALFORMED);
        assert!(out.contains("unknown command for --after"), "{out}");
    }

    #[test]
    fn two_codes_are_compared() {
        let (code, out) = run_args(&["221", "252"], None, false);
        assert_eq!(code, EXIT_RECOGNISED);
        assert!(out.contains("Key differences"), "{out}");
        assert!(out.contains("Which to expect when"), "{out}");
        assert!(out.contains("221 ends the session"), "{out}");
        let (_, out) = run_args(&["5.1.1", "5.7.1"], None, false);
        assert!(out.contains("the mailbox does not exist"), "{out}");
    }

    #[test]
    fn json_is_the_same_as_data() {
        let (code, out) = run_args(&["421", "5.7.606"], Some("GREETING"), true);
        assert_eq!(code, EXIT_FALLBACK);
        let ex: Explanation = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(ex.version, JSON_VERSION);
        assert_eq!(ex.exit_code, EXIT_FALLBACK);
        assert_eq!(ex.after, Some(Context::Greeting));
        assert_eq!(ex.items.len(), 2);
        assert_eq!(ex.items[0].code, Some(421));
        assert_eq!(
            ex.items[0].meaning.as_ref().map(|m| m.rule.as_str()),
            Some("greeting_421")
        );
        assert_eq!(ex.items[1].recognition, Recognition::Fallback);
        assert_eq!(
            ex.items[1]
                .enhanced_info
                .as_ref()
                .map(|e| e.precision.as_str()),
            Some("subject")
        );
        assert!(ex.comparison.is_some());
    }

    #[test]
    fn code_999_is_invalid_with_the_first_digit_explained() {
        let (code, out) = run_args(&["999"], None, false);
        assert_eq!(code, EXIT_MALFORMED);
        assert!(out.contains("first digit, 9, is outside 2-5"), "{out}");
    }

    #[test]
    fn code_299_is_interpreted_by_class() {
        let (code, out) = run_args(&["299"], None, false);
        assert_eq!(code, EXIT_FALLBACK);
        assert!(out.contains("2xx positive completion"), "{out}");
        assert!(out.contains("RFC 5321 §4.2.1"), "{out}");
    }

    #[test]
    fn enhanced_7_1_1_is_invalid_class() {
        let (code, out) = run_args(&["7.1.1"], None, false);
        assert_eq!(code, EXIT_MALFORMED);
        assert!(out.contains("class, 7, must be 2"), "{out}");
    }

    #[test]
    fn hello_is_not_a_code() {
        let (code, out) = run_args(&["hello"], None, false);
        assert_eq!(code, EXIT_MALFORMED);
        assert!(out.contains("not a reply code"), "{out}");
    }

    #[test]
    fn multi_line_paste_is_one_reply() {
        let (code, out) = run_args(
            &["250-mx.example.org Hello\n250-PIPELINING\n250 SIZE 1000"],
            Some("EHLO"),
            true,
        );
        assert_eq!(code, EXIT_RECOGNISED);
        let ex: Explanation = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(ex.items.len(), 1);
        assert_eq!(ex.items[0].code, Some(250));
        assert_eq!(
            ex.items[0].text.as_deref(),
            Some("mx.example.org Hello PIPELINING SIZE 1000")
        );
        assert_eq!(
            ex.items[0].meaning.as_ref().map(|m| m.rule.as_str()),
            Some("ehlo_250")
        );
    }

    #[test]
    fn log_prefixes_are_skipped_and_context_inferred() {
        let line = "May 22 10:45:17 mx postfix/smtpd[2768]: NOQUEUE: reject: RCPT from unknown[192.0.2.99]: 554 5.7.1 <a@example.net>: Relay access denied; from=<b@example.org>";
        let ex = explain(&[line.to_string()], None);
        assert_eq!(ex.items.len(), 1);
        let item = &ex.items[0];
        assert_eq!(item.code, Some(554));
        assert_eq!(item.enhanced.as_deref(), Some("5.7.1"));
        assert_eq!(item.context, Some(Context::Rcpt));
        assert_eq!(
            item.meaning.as_ref().and_then(|m| m.server_hint.as_deref()),
            Some("Postfix")
        );
        let ex = explain(
            &["S: 221 2.0.0 Bye".to_string(), "<<< 250 OK".to_string()],
            None,
        );
        assert_eq!(
            ex.items.iter().map(|i| i.code).collect::<Vec<_>>(),
            [Some(221), Some(250)]
        );
    }

    #[test]
    fn unquoted_code_pairs_and_words_join_one_reply() {
        let args: Vec<String> = ["550", "5.1.1", "User", "unknown"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ex = explain(&args, Some("RCPT"));
        assert_eq!(ex.items.len(), 1);
        assert_eq!(ex.items[0].enhanced.as_deref(), Some("5.1.1"));
        assert_eq!(ex.items[0].text.as_deref(), Some("User unknown"));
        assert_eq!(
            ex.items[0].meaning.as_ref().map(|m| m.rule.as_str()),
            Some("rcpt_550_511")
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let (_, out) = run_args(&["550 5.1.1 evil\u{1b}[31m text"], None, false);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("\\x1b[31m"), "{out}");
    }
}
