//! Reading what the user gave `explain`: each argument becomes a basic code, an enhanced
//! code, a reply (code, enhanced code, text, and the context a log line names), or an
//! invalid input with the reason.
//!
//! Handles unquoted `550 5.1.1 User unknown` (one reply across arguments), pasted blocks of
//! one or more replies, multi-line replies (RFC 5321 §4.2.1 hyphen continuation), wrapped
//! bounce lines, and log prefixes (`S: `, `<<< `, syslog headers, `said: `). Every piece of
//! input text kept is escaped here, once.
//!
//! Never here: knowledge lookups, meanings, exit codes, or rendering.

use crate::knowledge::Context;
use crate::smtp::reply::EnhancedCode;

/// One input after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Parsed {
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

/// Every argument parsed, in order. Arguments with spaces are pasted blocks; across
/// unquoted arguments, a code followed by an enhanced code of its class, or by words, is one
/// reply.
pub(super) fn parse_inputs(args: &[String]) -> Vec<Parsed> {
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
pub(super) fn escape(s: &str) -> String {
    s.split('\n')
        .map(crate::report::human::escape)
        .collect::<Vec<_>>()
        .join("\n")
}
