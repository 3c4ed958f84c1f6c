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
        /// The outer reply when this one was unwrapped from it (`554 5.3.0`).
        wrapper: Option<String>,
    },
    Enhanced {
        input: String,
        code: EnhancedCode,
        /// The text around a code given without a reply code (`dsn=5.1.1, stat=…`).
        text: Option<String>,
        inferred: Option<Context>,
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
                wrapper: None,
            },
            Err(reason) => Parsed::Invalid { input, reason },
        };
    }
    if s.contains('.') {
        return match EnhancedCode::parse(s) {
            Some(code) => Parsed::Enhanced {
                input,
                code,
                text: None,
                inferred: None,
            },
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
    /// The command a transcript line (`>>> DATA`) named just before this reply.
    transcript: Option<Context>,
}

impl Pending {
    /// `before`: the text before the reply, read for a context only when the reply's own
    /// lines and a transcript name none.
    fn finish(self, before: &str) -> Parsed {
        let raw = self.raw.join("\n");
        let mut joined = collapse(&self.texts.join(" "), self.code);
        let mut enhanced = self.enhanced;
        if enhanced.is_none() {
            // A wrapped bounce may put the enhanced code on the next line ("said: 421⏎4.7.0").
            let (e, rest) = strip_enhanced(&joined, self.code);
            if e.is_some() {
                enhanced = e;
                joined = rest.to_string();
            }
        }
        // Postfix's own "(in reply to … command)", the ")" closing its "status=… (" and the
        // "; from=<…> to=<…> proto=… helo=<…>" after its own refusals are not the server's
        // words.
        if let Some(i) = joined.rfind("(in reply to ") {
            joined.truncate(i);
        }
        joined.truncate(without_postfix_envelope(&joined).len());
        while joined.ends_with(')') && joined.matches(')').count() > joined.matches('(').count() {
            joined.pop();
        }
        let joined = joined.trim_end().to_string();
        let enhanced = enhanced
            .or_else(|| hash_enhanced(&joined, self.code))
            .or_else(|| enhanced_anywhere(&self.raw.join(" "), self.code));
        let inferred = infer_context(&raw)
            .or(self.transcript)
            .or_else(|| infer_context(before));
        let input = escape(&raw);
        let code = match basic_code(&format!("{:03}", self.code)) {
            Ok(code) => code,
            Err(reason) => return Parsed::Invalid { input, reason },
        };
        // Exchange wraps the remote server's reply in its own:
        // `554 5.3.0 < #5.3.0 smtp; 550 5.1.1 user unknown>`; the inner one is the answer.
        if let Some((icode, ienh, itext)) = nested(&joined) {
            let wrapper = match enhanced {
                Some(e) => format!("{code} {e}"),
                None => code.to_string(),
            };
            return Parsed::Reply {
                input,
                code: icode,
                enhanced: ienh,
                text: (!itext.is_empty()).then(|| escape(&itext)),
                inferred,
                wrapper: Some(wrapper),
            };
        }
        let text = joined.trim().to_string();
        Parsed::Reply {
            input,
            code,
            enhanced,
            text: (!text.is_empty()).then(|| escape(&text)),
            inferred,
            wrapper: None,
        }
    }
}

/// A reply inside the text of another (`… smtp; 550 5.1.1 …`): its code, enhanced code
/// and text (the wrapper's closing `>` or `'` removed).
fn nested(text: &str) -> Option<(u16, Option<EnhancedCode>, String)> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("smtp;")?;
    let inner = text.get(at + 5..)?.trim_start();
    let (code, _, rest) = code_at(inner, 0)?;
    if !(2..=5).contains(&(code / 100)) {
        return None;
    }
    let (enh, rest) = strip_enhanced(rest, code);
    let rest = rest.trim().trim_end_matches(['>', '\'', ']']).trim();
    Some((code, enh, collapse(rest, code)))
}

/// Removes the continuation markers of a multi-line reply that a log joined into one line
/// (`… Please try 550-5.1.1 double-checking …`), and collapses whitespace.
fn collapse(text: &str, code: u16) -> String {
    let prefix = format!("{code}-");
    // Nothing to remove and nothing to collapse: the common case.
    if !text.contains(&prefix)
        && !text.contains(&format!("{code} "))
        && !text.contains(['\n', '\r', '\t'])
        && !text.contains("  ")
    {
        return text.trim().to_string();
    }
    let bare = code.to_string();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.starts_with(&prefix) && EnhancedCode::parse(&w[prefix.len()..]).is_some()
            || w == prefix
        {
            i += 1;
            continue;
        }
        if w == bare
            && words
                .get(i + 1)
                .is_some_and(|n| EnhancedCode::parse(n).is_some())
        {
            i += 2;
            continue;
        }
        out.push(w);
        i += 1;
    }
    out.join(" ")
}

/// `text` without the `; from=<…> to=<…> proto=… helo=<…>` that Postfix appends to the
/// refusals it logs (`NOQUEUE: reject: RCPT from …: 554 5.7.1 …; from=<a> to=<b>
/// proto=ESMTP helo=<c>`): the envelope of the refused transaction, not the reply's words.
pub(super) fn without_postfix_envelope(text: &str) -> &str {
    match text.rfind("; from=<") {
        Some(j) if text[j..].ends_with('>') && text[j..].contains(" proto=") => &text[..j],
        _ => text,
    }
}

/// An enhanced code written `#5.1.1` or `(#5.1.1)` (qmail, Exchange) in the text, of the
/// class of `code`.
fn hash_enhanced(text: &str, code: u16) -> Option<EnhancedCode> {
    text.match_indices('#').find_map(|(i, _)| {
        let tail = text.get(i + 1..)?;
        let end = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len());
        let e = EnhancedCode::parse(&tail[..end])?;
        (u16::from(e.class) == code / 100).then_some(e)
    })
}

/// An enhanced status code given without a reply code: `dsn=5.1.1` (Postfix, Sendmail),
/// `Status: 5.1.1` (a DSN), `(#5.1.1)` (qmail), or one at the start of a line.
fn enhanced_only(block: &str) -> Option<EnhancedCode> {
    let lower = block.to_ascii_lowercase();
    for key in ["dsn=", "status: ", "(#", "#"] {
        for (i, _) in lower.match_indices(key) {
            let tail = &block[i + key.len()..];
            let end = tail
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(tail.len());
            if let Some(e) = EnhancedCode::parse(tail[..end].trim_end_matches('.')) {
                return Some(e);
            }
        }
    }
    block
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '\'' | '"'))
        .find_map(|w| EnhancedCode::parse(w.trim_end_matches([',', ':', '.'])))
}

/// The human part of a code-less log line: Sendmail's `stat=…`, Postfix's `(…)` after
/// `status=`, else the whole text.
fn enhanced_only_text(block: &str) -> String {
    let lower = block.to_ascii_lowercase();
    if let Some(i) = lower.find("stat=") {
        return block[i + 5..].trim().to_string();
    }
    if let Some(i) = lower.find("status=")
        && let Some(open) = block[i..].find('(')
    {
        let t = &block[i + open + 1..];
        return t.trim().trim_end_matches(')').to_string();
    }
    block
        .split_whitespace()
        .filter(|w| EnhancedCode::parse(w).is_none())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pasted block: one or more replies, possibly multi-line, possibly with log prefixes.
/// Codes are looked for strictly first (line start, known prefixes); only when that finds
/// no reply at all, loosely (after a quote, a space, `=>`, `code:` …), as application logs
/// write them (`Expected response code 354 but got code "503"`, `Error 550 5.1.1 …`).
fn parse_block(block: &str) -> Vec<Parsed> {
    let strict = parse_block_in(block, false);
    if strict.iter().any(|p| matches!(p, Parsed::Reply { .. })) {
        return strict;
    }
    let loose = parse_block_in(block, true);
    if loose.iter().any(|p| matches!(p, Parsed::Reply { .. })) {
        loose
    } else {
        strict
    }
}

fn parse_block_in(block: &str, loose: bool) -> Vec<Parsed> {
    let exim = block
        .to_ascii_lowercase()
        .contains("smtp error from remote mail");
    let mut out: Vec<Parsed> = Vec::new();
    let mut current: Option<Pending> = None;
    let mut transcript: Option<Context> = None;
    // Lines before a reply that name what it answered (qmail's "does not like recipient").
    let mut before = String::new();
    for line in block
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if let Some(cmd) = transcript_command(line) {
            if let Some(p) = current.take() {
                out.push(p.finish(&before));
                before.clear();
            }
            transcript = Some(cmd);
            continue;
        }
        // A code found only after a colon inside a reply being read is part of its text
        // ("… need fully-qualified hostname: 504 5.5.2 …" quoting itself).
        let found = find_code(line, exim, loose)
            .filter(|(_, _, rest)| current.is_none() || strong_position(line, rest));
        match found {
            Some((code, sep, rest)) => match current.as_mut() {
                Some(p) if p.code == code && (p.more || line_starts_with_code(line)) => {
                    let (e, t) = strip_enhanced(rest, code);
                    p.enhanced = p.enhanced.or(e);
                    p.texts.push(t.to_string());
                    p.more = sep == '-';
                    p.raw.push(line.to_string());
                }
                _ => {
                    if let Some(p) = current.take() {
                        out.push(p.finish(&before));
                        before.clear();
                    }
                    let (enhanced, text) = strip_enhanced(rest, code);
                    let lead = line.get(..line.len() - rest.len()).unwrap_or("");
                    before.push(' ');
                    before.push_str(lead);
                    current = Some(Pending {
                        code,
                        enhanced,
                        texts: vec![text.to_string()],
                        more: sep == '-',
                        raw: vec![line.to_string()],
                        transcript: transcript.take(),
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
                None => {
                    before.push(' ');
                    before.push_str(line);
                }
            },
        }
    }
    if let Some(p) = current.take() {
        out.push(p.finish(&before));
    }
    if out.is_empty() {
        // A lone word with stray spaces, or text without any code.
        let words: Vec<&str> = block.split_whitespace().collect();
        if words.len() == 1 {
            return vec![parse_token(words[0])];
        }
        if let Some(code) = enhanced_only(block) {
            let text = enhanced_only_text(block);
            return vec![Parsed::Enhanced {
                input: escape(block),
                code,
                text: (!text.is_empty()).then(|| escape(&text)),
                inferred: infer_context(block).or(transcript),
            }];
        }
        out.push(Parsed::Invalid {
            input: escape(block),
            reason: "no SMTP reply code found in this text: a reply line starts with a three-digit code such as 250 or 550".into(),
        });
    }
    out
}

/// A Sendmail transcript line naming the command sent (`>>> RCPT To:<…>`, `>>> DATA`,
/// `>>> .` for the end of the message).
fn transcript_command(line: &str) -> Option<Context> {
    let rest = line
        .strip_prefix(">>>")
        .or_else(|| line.strip_prefix("C:"))?
        .trim();
    if rest == "." {
        return Some(Context::EndOfData);
    }
    let verb: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    Context::from_verb(&verb)
}

fn line_starts_with_code(line: &str) -> bool {
    code_at(line, 0).is_some()
}

/// Whether the code that `rest` follows stands at the start of the line, after a known
/// prefix or after a host's `[address]:`, rather than only after some colon.
fn strong_position(line: &str, rest: &str) -> bool {
    let end = line.len().saturating_sub(rest.len());
    let before = line
        .get(..end.saturating_sub(4))
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    before.is_empty()
        || before.ends_with("]:")
        || PREFIXES.iter().any(|p| before.ends_with(p))
        || before.contains("smtp error from remote mail")
}

/// Three digits at byte `i` of `line` followed by a space, a hyphen or the end.
pub(super) fn code_at(line: &str, i: usize) -> Option<(u16, char, &str)> {
    let b = line.as_bytes();
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
}

/// What may come right before a reply code in a log or bounce line (lower case, compared
/// with the text before the code, trailing spaces removed).
const PREFIXES: &[&str] = &[
    "said:",
    "replied:",
    "refused to talk to me:",
    "<<",
    "s:",
    "smtp;",
    "returned '",
    "returned \"",
    "returned was:",
    "response was:",
    "remote server returned:",
    "deferred:",
    "reply=",
    "<-",
    "<**",
    "#",
];

/// Finds the reply code in a log line: at the start, or right after a known prefix
/// (`said:`, `<<<`, `smtp;`, …), after the `[address]:` of a host, or, in an Exim
/// "SMTP error from remote mail server after …:" line, after a colon. Never inside other
/// fields (Exim's `X=TLS1.3:…:256` is not a reply 256). Returns the code, the separator
/// (' ', '-' or '\0' at end of line) and the rest of the line.
pub(super) fn find_code(line: &str, exim: bool, loose: bool) -> Option<(u16, char, &str)> {
    // At the start of the line, any three digits are taken (so that 999 is reported),
    // unless a valid code follows ("759   SMTP<< 504 …" is a counter, then the reply).
    let start = code_at(line, 0).or_else(|| loose.then(|| loose_code_at(line, 0)).flatten());
    if let Some(found) = start
        && (2..=5).contains(&(found.0 / 100))
    {
        return Some(found);
    }
    let later = find_later_code(line, exim, loose);
    later.or(start)
}

/// Three digits at `i` followed by a space, `-`, `:` or `;` then a space or an enhanced code,
/// or the end (`550: 5.7.1`, `550; 5.7.515`): the loose form of [`code_at`].
fn loose_code_at(line: &str, i: usize) -> Option<(u16, char, &str)> {
    if let Some(found) = code_at(line, i) {
        return Some(found);
    }
    let b = line.as_bytes();
    let digits = b.get(i..i + 3)?;
    if !digits.iter().all(u8::is_ascii_digit) || !matches!(b.get(i + 3), Some(b':' | b';')) {
        return None;
    }
    if b.get(i + 4) != Some(&b' ') {
        return None;
    }
    let code = line.get(i..i + 3)?.parse().ok()?;
    Some((code, ' ', line.get(i + 5..).unwrap_or("")))
}

/// A reply code after the start of the line (see [`find_code`]); in loose mode also after
/// a space, a quote, `(`, `=`, `>`, `*` or a word's colon (`msg:530`).
fn find_later_code(line: &str, exim: bool, loose: bool) -> Option<(u16, char, &str)> {
    let lower = line.to_ascii_lowercase();
    let exim_from = exim
        .then(|| lower.find("smtp error from remote mail"))
        .flatten();
    let b = line.as_bytes();
    (1..b.len()).find_map(|i| {
        if !(b'2'..=b'5').contains(&b[i]) || !line.is_char_boundary(i) {
            return None;
        }
        // Strictly, only three digits and a separator can be a code: test that first (a
        // log line has many digits: times, addresses, queue ids).
        if !loose && code_at(line, i).is_none() {
            return None;
        }
        let before = lower[..i].trim_end();
        let spaced = before.len() < i;
        let after_prefix = PREFIXES.iter().any(|p| before.ends_with(p));
        let after_host = spaced && (before.ends_with("]:") || before.ends_with(">:"));
        let after_exim = spaced && before.ends_with(':') && exim_from.is_some_and(|a| a < i);
        // "…Exception: 451 5.7.3 …", "Message failed: 450 4.2.1 …": after a colon only when
        // an enhanced code follows, so that "Subject: 500 ways" is not a reply.
        let after_colon = spaced
            && before.ends_with(':')
            && code_at(line, i).is_some_and(|(_, _, rest)| {
                rest.split_whitespace()
                    .next()
                    .is_some_and(|w| EnhancedCode::parse(w).is_some())
            });
        if after_prefix || after_host || after_exim || after_colon {
            code_at(line, i)
        } else if loose {
            let prev = b[i - 1];
            let word_colon = prev == b':' && i >= 2 && b[i - 2].is_ascii_alphabetic();
            let opener = matches!(prev, b'\'' | b'"' | b'(' | b'=' | b'>' | b'*');
            // After a space only when the word before says a code follows ("Error 550",
            // "with code 550", "Output: 530"), not "Greylisted for 300 seconds"; and never
            // the code a client expected ("Expected response code 354 but got …").
            let prev_word = before.rsplit(' ').next().unwrap_or("");
            let spoken = prev == b' '
                && (prev_word.ends_with([':', '>', '='])
                    || matches!(
                        prev_word,
                        "error" | "code" | "response" | "reply" | "status" | "smtp"
                    ));
            let expected = before.ends_with("expected response code")
                || before.ends_with("expected response code \"");
            ((opener || word_colon || spoken) && !expected)
                .then(|| loose_code_at(line, i))
                .flatten()
                .filter(|(c, _, _)| (2..=5).contains(&(c / 100)))
        } else {
            None
        }
    })
}

/// Splits a leading enhanced code (of the same class as `code`, RFC 2034 §4) off `rest`.
///
/// A repeated code (`550 550 5.1.1`, `550-550 5.1.10`) or one vendor tag before the
/// enhanced code (Barracuda's `cuda_nsu 5.1.1`) is skipped over.
pub(super) fn strip_enhanced(rest: &str, code: u16) -> (Option<EnhancedCode>, &str) {
    let rest = rest.trim_start();
    let (first, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    if let Some(e) = EnhancedCode::parse(first.trim_start_matches('#'))
        && u16::from(e.class) == code / 100
    {
        return (Some(e), tail.trim_start());
    }
    let c = code.to_string();
    let repeated = first == c || first.strip_prefix(&c).is_some_and(|r| r.starts_with('-'));
    let tag = first.contains('_')
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if (repeated || tag) && !tail.is_empty() {
        let (e, after) = strip_enhanced(tail, code);
        if e.is_some() {
            return if repeated { (e, after) } else { (e, rest) };
        }
    }
    (None, rest)
}

/// An enhanced code of `code`'s class anywhere in the text (a word of its own, punctuation
/// around it trimmed), or from a `dsn=` field whatever its class: the last resort when
/// the reply itself carries none.
fn enhanced_anywhere(raw: &str, code: u16) -> Option<EnhancedCode> {
    let words = raw.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '\'' | '"' | '[' | ']')
    });
    words
        .filter_map(|w| EnhancedCode::parse(w.trim_matches(|c: char| !c.is_ascii_digit())))
        .find(|e| u16::from(e.class) == code / 100)
        .or_else(|| dsn_field(raw))
}

/// The enhanced code of a Postfix or Sendmail `dsn=` field.
fn dsn_field(raw: &str) -> Option<EnhancedCode> {
    let i = raw.to_ascii_lowercase().find("dsn=")?;
    let tail = &raw[i + 4..];
    let end = tail
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(tail.len());
    EnhancedCode::parse(tail[..end].trim_end_matches('.'))
}

/// The command a log line says the reply answered ("in reply to RCPT TO command",
/// Exim's "after RCPT TO:", Postfix's "reject: RCPT from", qmail's "does not like
/// recipient").
fn infer_context(block: &str) -> Option<Context> {
    // Bounces wrap "(in reply to⏎RCPT TO command)": compare with whitespace collapsed.
    let l = if block.contains(['\n', '\r', '\t']) || block.contains("  ") {
        block
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase()
    } else {
        block.to_ascii_lowercase()
    };
    const HINTS: &[(&str, Context)] = &[
        ("in reply to end of data", Context::EndOfData),
        ("after end of data", Context::EndOfData),
        ("after pipelined end of data", Context::EndOfData),
        ("failed after i sent the message", Context::EndOfData),
        ("did not like our final data", Context::EndOfData),
        ("reject: end-of-message from", Context::EndOfData),
        ("milter-reject: end-of-message", Context::EndOfData),
        ("reject: header ", Context::EndOfData),
        ("reject: body ", Context::EndOfData),
        ("in reply to data", Context::Data),
        ("rejected command 'data'", Context::Data),
        ("expected response code 354", Context::Data),
        ("after data", Context::Data),
        ("after pipelined data", Context::Data),
        ("reject: data from", Context::Data),
        ("in reply to bdat", Context::Bdat),
        ("after bdat", Context::Bdat),
        ("in reply to rcpt to", Context::Rcpt),
        ("[rcpt_to]", Context::Rcpt),
        ("\"rcpt to:", Context::Rcpt),
        ("failed to add recipient", Context::Rcpt),
        ("[outbound] recipient", Context::Rcpt),
        ("after rcpt to", Context::Rcpt),
        ("after pipelined rcpt to", Context::Rcpt),
        ("reject: rcpt from", Context::Rcpt),
        ("does not like recipient", Context::Rcpt),
        ("in reply to mail from", Context::Mail),
        ("after mail from", Context::Mail),
        ("after pipelined mail from", Context::Mail),
        ("reject: mail from", Context::Mail),
        ("does not like sender", Context::Mail),
        ("in reply to ehlo", Context::Ehlo),
        ("after ehlo", Context::Ehlo),
        ("reject: ehlo from", Context::Ehlo),
        ("in reply to helo", Context::Helo),
        ("after helo", Context::Helo),
        ("reject: helo from", Context::Helo),
        ("in reply to starttls", Context::StartTls),
        ("after starttls", Context::StartTls),
        ("in reply to auth", Context::Auth),
        ("invalid login", Context::Auth),
        ("password command failed", Context::Auth),
        ("authentication failed", Context::Auth),
        ("command: 'auth", Context::Auth),
        ("badcredentials", Context::Auth),
        ("sasl authentication failed", Context::Auth),
        ("after auth", Context::Auth),
        ("in reply to vrfy", Context::Vrfy),
        ("reject: vrfy from", Context::Vrfy),
        ("in reply to quit", Context::Quit),
        ("refused to talk to me", Context::Greeting),
        ("invalid greeting", Context::Greeting),
        ("after initial connection", Context::Greeting),
        ("reject: connect from", Context::Greeting),
        (
            "while receiving the initial server greeting",
            Context::Greeting,
        ),
        ("connected to remote host", Context::Greeting),
    ];
    let pairs = crate::knowledge::classify::Pairs::of(&l);
    HINTS
        .iter()
        .find(|(h, _)| pairs.may_contain(h) && l.contains(h))
        .map(|(_, c)| *c)
}

/// Escapes control characters and bidi overrides so that pasted text cannot drive a
/// terminal, keeping line breaks (the same escaping the probe report uses).
pub(super) fn escape(s: &str) -> String {
    // Printable ASCII needs no escaping (the common case, and a hot path for --log).
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\n') {
        return s.to_owned();
    }
    s.split('\n')
        .map(crate::report::human::escape)
        .collect::<Vec<_>>()
        .join("\n")
}
