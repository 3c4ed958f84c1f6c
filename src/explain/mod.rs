//! `smtpprobe explain`: the knowledge base on the command line, offline.
//!
//! Accepts basic codes (`252`), enhanced codes (`5.1.1`), both (`550 5.1.1`), and reply lines
//! pasted from logs, multi-line replies included (`250-mx Hello\n250 SIZE`), with common log
//! prefixes (`S: `, `<<< `, syslog headers, `said: `) skipped. `--after COMMAND` gives the
//! context; without it, a context is taken from log phrases such as "in reply to RCPT TO
//! command" when present.
//!
//! This module turns the parsed input (`input.rs`) into an [`Explanation`]: each code's
//! entries from the tables, its meaning in context from [`knowledge::meaning`], and for two
//! or more codes a comparison (`compare.rs`). The model and its human and JSON renderings
//! live in [`crate::report::explain`] and are re-exported here.
//!
//! Never here: writing prose layouts or JSON (that is the renderer's), knowledge data (that
//! is `knowledge/`'s), or anything that touches the network, DNS, files or the clock; output
//! goes to the given writer only.
//!
//! Exit codes (documented in `docs/knowledge.md`):
//! - [`EXIT_RECOGNISED`] (0): every input was found in the tables;
//! - [`EXIT_FALLBACK`] (1): some input was only interpreted by its class or subject
//!   (e.g. `299`, `5.7.606`), or, a text without any reply code, by its words;
//! - [`EXIT_MALFORMED`] (3): some input is not a code at all (`999`, `7.1.1`, `hello`), or
//!   `--after` names no known command.

mod compare;
mod input;
pub mod log;
mod paste;
mod plain;

pub use crate::report::explain::{
    BasicInfo, Comparison, EXIT_FALLBACK, EXIT_MALFORMED, EXIT_RECOGNISED, EnhancedInfo,
    Explanation, Item, JSON_VERSION, MAX_PASTED_REPLIES, Recognition,
};

use crate::cli::ExplainArgs;
use crate::knowledge::enhanced::Precision;
use crate::knowledge::{self, Context, classify, codes, enhanced};
use crate::report::explain as render;
use crate::smtp::reply::EnhancedCode;
use input::{Parsed, escape, parse_inputs};

/// Runs `explain`, writing to `out`; returns the process exit code. Standard input is not
/// read (see [`run_with`]).
pub fn run(args: &ExplainArgs, out: &mut dyn std::io::Write) -> i32 {
    run_with(args, &mut std::io::empty(), out, &mut std::io::sink())
}

/// Runs `explain` with the given standard input (read for `explain -` and
/// `explain --log -`), output and error writers; returns the process exit code. A usage
/// problem goes to `err` (the human report stays empty); `--json` keeps it in the document.
pub fn run_with(
    args: &ExplainArgs,
    stdin: &mut dyn std::io::BufRead,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    if let Some(source) = &args.log {
        return log::run(source, args.json, stdin, out, err);
    }
    let pasted = if args.input.len() == 1 && args.input[0] == "-" {
        let mut bytes = Vec::new();
        let limit = u64::try_from(MAX_PASTED_BYTES).unwrap_or(u64::MAX);
        if let Err(e) =
            std::io::Read::read_to_end(&mut std::io::Read::take(&mut *stdin, limit + 1), &mut bytes)
        {
            let _ = writeln!(err, "smtpprobe: error: cannot read standard input: {e}");
            return EXIT_MALFORMED;
        }
        if bytes.len() > MAX_PASTED_BYTES {
            let _ = writeln!(
                err,
                "smtpprobe: error: standard input is over {} MiB: `explain -` reads pasted replies \
                 and bounce messages; for a mail log use `smtpprobe explain --log -`",
                MAX_PASTED_BYTES >> 20
            );
            return EXIT_MALFORMED;
        }
        Some(paste::read(&pasted_text(&bytes)))
    } else {
        None
    };
    let explanation = match pasted {
        Some(mut p) => {
            let cut = at_most(&mut p, MAX_PASTED_REPLIES);
            let mut explanation = explain_pasted(&p, args.after.as_deref());
            explanation.not_explained = cut;
            explanation
        }
        None => explain(&args.input, args.after.as_deref()),
    };
    if !args.json
        && let Some(e) = &explanation.error
    {
        let _ = writeln!(err, "smtpprobe: error: {e}");
        return explanation.exit_code;
    }
    let color = args
        .color
        .enabled(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    render(&explanation, args.json, color, out)
}

/// The most `explain -` reads from standard input: a pasted bounce with its returned
/// message and attachments fits; a mail log goes to `--log`, which streams.
const MAX_PASTED_BYTES: usize = 64 << 20;

/// Pasted text as characters: UTF-8 where it is, and each byte that is not read as
/// ISO-8859-1, as old bounces and logs written in Latin-1 are (`M\xfcller` is "Müller"),
/// instead of refusing the paste. Control characters are escaped when shown.
pub(crate) fn decoded(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(chunk.invalid().iter().map(|&b| char::from(b)));
    }
    std::borrow::Cow::Owned(text)
}

/// Standard input as text: after a byte order mark, UTF-16 (a file Windows Notepad saved as
/// "Unicode") or UTF-8 without the mark; otherwise [`decoded`].
fn pasted_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        std::borrow::Cow::Owned(text)
    };
    match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => decoded(rest),
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => decoded(bytes),
    }
}

/// Keeps the first `max` items (or events) of a paste; returns how many were dropped.
fn at_most(pasted: &mut paste::Pasted, max: usize) -> usize {
    let events = pasted.events.len();
    if events > 0 {
        pasted.events.truncate(max);
        return events - pasted.events.len();
    }
    let items = pasted.items.len();
    pasted.items.truncate(max);
    items - pasted.items.len()
}

fn render(explanation: &Explanation, json: bool, color: bool, out: &mut dyn std::io::Write) -> i32 {
    // A closed pipe is not an error worth a different exit code.
    let _ = if json {
        render::render_json(explanation, out)
    } else {
        render::render_human(explanation, color, out)
    };
    let _ = out.flush();
    explanation.exit_code
}

/// Explains a payload's events: each on its own (one payload's recipients are not codes to
/// compare side by side), the service's verdict carried over the reading of the reply.
fn explain_events(events: &[paste::Event], after: Option<&str>) -> Explanation {
    let mut items = Vec::with_capacity(events.len());
    let mut ctx = None;
    for event in events {
        let (built, c) = match built_items(std::slice::from_ref(&event.text), after) {
            Ok(built) => built,
            Err(error) => return usage(error),
        };
        ctx = c;
        for mut item in built {
            if let Some(v) = &event.verdict {
                with_verdict(&mut item, v);
            }
            items.push(item);
        }
    }
    finish(items, ctx, false)
}

/// The service's hard/soft verdict on a failure, noted, over what the reply alone reads.
fn with_verdict(item: &mut Item, v: &paste::Verdict) {
    let success =
        item.code.is_some_and(|c| c < 400) || item.reason == Some(classify::Reason::Delivered);
    if success {
        return;
    }
    let note = match item.bounce {
        Some(b) if b != v.bounce => format!(
            "{}: read as {} here, although the reply alone reads {}.",
            v.said,
            v.bounce.name(),
            b.name()
        ),
        _ => format!("{}: read as {}.", v.said, v.bounce.name()),
    };
    item.notes.push(note);
    item.bounce = Some(v.bounce);
}

/// Builds the explanation for `inputs` (the CLI arguments) and an optional `--after`.
pub fn explain(inputs: &[String], after: Option<&str>) -> Explanation {
    // One input that is a sending service's event payload is read by its fields, as the
    // same text pasted on standard input is.
    if let [one] = inputs
        && let Some(events) = paste::events(one)
    {
        return explain_events(&events, after);
    }
    // What copying added to an argument is undone once, here, as `paste::read` does for
    // standard input and `paste::events` for a payload's fields.
    let inputs: Vec<String> = inputs
        .iter()
        .map(|i| plain::plain(i).into_owned())
        .collect();
    explain_items(&inputs, after)
}

/// [`explain`] of items already known not to be an event payload (a paste's, which
/// [`paste::read`] has looked at).
fn explain_items(inputs: &[String], after: Option<&str>) -> Explanation {
    match built_items(inputs, after) {
        Ok((items, ctx)) => finish(items, ctx, true),
        Err(error) => usage(error),
    }
}

/// The explanation of a usage error: no items, exit code 3.
fn usage(error: String) -> Explanation {
    Explanation {
        version: JSON_VERSION,
        after: None,
        items: Vec::new(),
        comparison: None,
        exit_code: EXIT_MALFORMED,
        skipped: 0,
        parts_left_out: 0,
        not_explained: 0,
        error: Some(error),
    }
}

/// The items of `inputs` read in the context `--after` names, or the usage error when it
/// names no command.
fn built_items(
    inputs: &[String],
    after: Option<&str>,
) -> Result<(Vec<Item>, Option<Context>), String> {
    let ctx = match after {
        None => None,
        Some(verb) => match Context::from_verb(verb.trim()) {
            Some(c) => Some(c),
            None => {
                return Err(format!(
                    "unknown command for --after: {:?}; use one of GREETING, EHLO, HELO, MAIL, RCPT, VRFY, EXPN, RSET, NOOP, STARTTLS, AUTH, DATA, END_OF_DATA, BDAT, QUIT, NONE",
                    escape(verb)
                ));
            }
        },
    };
    let items = parse_inputs(inputs)
        .into_iter()
        .map(|p| build_item(p, ctx))
        .collect();
    Ok((items, ctx))
}

/// Explains a pasted text. For a whole bounce message, the parts that carry no reply
/// (explanatory prose, the delivery report's bookkeeping fields) are counted, not explained,
/// and a reply the message states twice (in its text and in its delivery report) is
/// explained once.
fn explain_pasted(pasted: &paste::Pasted, after: Option<&str>) -> Explanation {
    if !pasted.events.is_empty() {
        return explain_events(&pasted.events, after);
    }
    if !pasted.message {
        return explain_items(&pasted.items, after);
    }
    let (items, ctx) = match built_items(&pasted.items, after) {
        Ok(built) => built,
        Err(error) => return usage(error),
    };
    let total = items.len();
    let coded = items
        .iter()
        .any(|i| i.code.is_some() || i.enhanced.is_some());
    let replies: Vec<Item> = items
        .into_iter()
        .filter(|i| carries_reply(i, coded))
        .collect();
    let skipped = total - replies.len();
    // One bounce's recipients are not codes to compare side by side.
    let mut out = finish(without_consequences(once_each(replies)), ctx, false);
    out.skipped = skipped;
    out.parts_left_out = pasted.parts_left_out;
    out
}

/// Whether an item of a bounce message says something about delivery: a reply code or an
/// enhanced status code; or a reason read from its words (`connect to …: Connection timed
/// out`) on a recipient's line, or anywhere when no part of the message has a code (when
/// one has, the words around it are the bounce's prose about that reply: Gmail's "Your
/// message wasn't delivered … Learn more here").
fn carries_reply(item: &Item, coded: bool) -> bool {
    let reasoned = item
        .reason
        .is_some_and(|r| r != classify::Reason::Undefined);
    item.code.is_some()
        || item.enhanced.is_some()
        || (reasoned && (!coded || paste::recipient_line(&item.input)))
}

/// Items with the same reply said once: the later copy goes, unless only it knows the
/// command answered, and the one kept says the message repeats it.
fn once_each(items: Vec<Item>) -> Vec<Item> {
    let mut kept: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        let Some(at) = kept.iter().position(|k| same_reply(k, &item)) else {
            kept.push(item);
            continue;
        };
        if kept[at].context.is_none() && item.context.is_some() {
            kept[at] = item;
        }
        let note = "The bounce states this reply twice (in its text and in its delivery report); it is explained once.";
        if !kept[at].notes.iter().any(|n| n == note) {
            kept[at].notes.push(note.to_string());
        }
    }
    kept
}

/// Items without the `503 … Need RCPT` a server gives to DATA after refusing every recipient
/// (Sendmail's transcripts show it after the refusal): a consequence of the RCPT refusal,
/// noted on it rather than explained as a failure of its own.
fn without_consequences(items: Vec<Item>) -> Vec<Item> {
    let refused = |i: &Item| i.context == Some(Context::Rcpt) && i.code.is_some_and(|c| c >= 400);
    let consequence = |i: &Item| {
        i.code == Some(503)
            && matches!(i.context, None | Some(Context::Data))
            && i.text.as_deref().is_some_and(|t| {
                let t = t.to_ascii_lowercase();
                t.contains("rcpt") || t.contains("recipient")
            })
    };
    let Some(first) = items.iter().position(refused) else {
        return items;
    };
    if !items.iter().any(consequence) {
        return items;
    }
    let mut kept: Vec<Item> = Vec::with_capacity(items.len());
    for (i, mut item) in items.into_iter().enumerate() {
        if consequence(&item) {
            continue;
        }
        if i == first {
            item.notes.push(
                "The server then answered DATA with 503 (no valid recipient): a consequence of this refusal, not another failure.".to_string(),
            );
        }
        kept.push(item);
    }
    kept
}

/// Whether two items of one bounce are the same reply: the same codes, and one text
/// within the other once case and spacing are set aside (a delivery report's
/// `Diagnostic-Code:` repeats the reply without the bounce's "(in reply to …)"), or a
/// `Status:` alone that repeats an earlier reply's enhanced code.
fn same_reply(a: &Item, b: &Item) -> bool {
    if a.enhanced != b.enhanced {
        return false;
    }
    let words = |t: &Option<String>| -> String {
        t.as_deref()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (ta, tb) = (words(&a.text), words(&b.text));
    if b.code.is_none() && tb.is_empty() {
        return b.enhanced.is_some();
    }
    a.code == b.code && !ta.is_empty() && !tb.is_empty() && (ta.contains(&tb) || tb.contains(&ta))
}

/// The explanation of built items: exit code and, with `side_by_side`, the comparison of two or
/// more recognised codes.
fn finish(items: Vec<Item>, ctx: Option<Context>, side_by_side: bool) -> Explanation {
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
        .filter(|i| {
            side_by_side
                && i.recognition != Recognition::Invalid
                && (i.code.is_some() || i.enhanced.is_some())
        })
        .collect();
    let comparison = (valid.len() >= 2).then(|| compare::compare(&valid));
    Explanation {
        version: JSON_VERSION,
        after: ctx,
        items,
        comparison,
        exit_code,
        error: None,
        skipped: 0,
        parts_left_out: 0,
        not_explained: 0,
    }
}

fn basic_info(code: u16) -> Option<BasicInfo> {
    let class = codes::reply_class(code)?;
    // 221 is a success after which nothing more can be sent (RFC 5321 §4.2.2, §3.8).
    let class_description = if code == 221 {
        "The command succeeded; after 221 the server closes the connection, so no further command can be sent.".to_string()
    } else {
        class.description.to_string()
    };
    let category = codes::reply_category(code)
        .map(|c| format!("x{}x {}: {}", c.digit, c.title, c.description));
    Some(match codes::basic(code) {
        Some(b) => BasicInfo {
            code,
            known: true,
            class: class.title.into(),
            class_description: class_description.clone(),
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
            class_description: class_description.clone(),
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
            precision: l.precision,
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
            precision: l.precision,
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
            precision: l.precision,
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
    // The server a line before the reply named as its sender is read with the reply.
    let remote = match &p {
        Parsed::Reply { remote, .. } | Parsed::Invalid { remote, .. } => remote.clone(),
        Parsed::Enhanced { .. } => None,
    };
    let mut item = base_item(p, after);
    // A pasted text without any code ("stat=Deferred: Connection refused") can still say
    // why; a single word cannot, unless it is a sentence of a script written without spaces
    // (QQ Mail's "该用户不存在").
    // A log's status token ("SNDRIP=ERDNS", XMail) is a pasted field as well.
    // So is a compact JSON event a sending service or an app logs (`{"status":"rejected",
    // "reject_reason":"hard-bounce"}` without spaces).
    let pasted = item.input.contains(char::is_whitespace)
        || item.input.chars().any(classify::unspaced_script)
        || item.input.contains('=')
        // A Markdown code span around it too ("`{"status":"400",…}`").
        || item.input.trim_start_matches('`').starts_with(['{', '[']);
    if item.recognition != Recognition::Invalid || pasted {
        let enhanced = item.enhanced.as_deref().and_then(EnhancedCode::parse);
        let c = classify::classify(
            item.context,
            item.code,
            enhanced,
            item.text.as_deref().unwrap_or(&item.input),
            &match &remote {
                Some(host) => format!("{} (remote host {host})", item.input),
                None => item.input.clone(),
            },
        );
        item.reason = c.reason;
        // A pasted success the classifier left without a reason (a transcript's "RCPT
        // TO:<…>" then "250 2.1.5 OK"): the knowledge layer's reading of pasted successes.
        if item.reason.is_none() && pasted {
            item.reason = classify::pasted_success(item.context, item.code);
        }
        item.bounce = c.bounce;
        item.acts = c.acts;
        item.provider = c.provider;
        item.blocklist = c.blocklist;
        // Only a bounce's framing, without the reply it frames: the problem to report is
        // where the reason is, not that a code is missing.
        if item.recognition == Recognition::Invalid && c.rule == "framing_only" {
            item.error = c.note;
        } else {
            item.notes.extend(c.note);
        }
        item.similar_to = c.similar;
        item.side = classify::Side::of(&item.input);
        if let Some(r) = item.reason {
            let a = classify::advice(r, item.side);
            item.advice = (!a.is_empty()).then(|| a.to_string());
        }
        // A text without a reply code whose words say why (a sending service's own refusal,
        // a server's log line, "stat=Deferred: Connection refused") is explained, by its
        // words only: interpreted, not malformed.
        if item.recognition == Recognition::Invalid && pasted && item.reason.is_some() {
            item.recognition = Recognition::Fallback;
            item.error = None;
        }
    }
    if let (Some(ctx), Some(code)) = (item.context, item.code) {
        item.notes.extend(knowledge::sequences::notes(ctx, code));
    }
    // A pasted line is about someone's mail, not a probe run: advice written for the probe
    // ("the probe's IP", "--mail-from"), or for the sender when our own server refused
    // someone, gives way to the advice for the line's reader.
    if item.text.is_some()
        && let Some(m) = item.meaning.as_mut()
        && (item.side == classify::Side::Receiver
            || m.advice.to_ascii_lowercase().contains("probe")
            || m.advice.contains("--mail-from"))
    {
        m.advice = item.advice.clone().unwrap_or_default();
    }
    // A summary that speaks of the probe's own session has a pasted-line form. A bare code
    // (`--after MAIL 550`) keeps the probe's wording; either way the pasted form is used up
    // here, so that the explanation is the same as its JSON read back.
    let pasted_form = item.meaning.as_mut().and_then(|m| m.pasted.take());
    if item.text.is_some()
        && let Some(m) = item.meaning.as_mut()
        && let Some(p) = pasted_form
    {
        m.summary = match item.enhanced {
            Some(_) if m.summary.contains(" Enhanced code ") => {
                let tail = m
                    .summary
                    .find(" Enhanced code ")
                    .map_or("", |i| &m.summary[i..]);
                format!("{p}{tail}")
            }
            _ => p,
        };
    }
    item
}

fn base_item(p: Parsed, after: Option<Context>) -> Item {
    match p {
        Parsed::Invalid {
            input,
            reason,
            inferred,
            ..
        } => Item {
            input,
            recognition: Recognition::Invalid,
            code: None,
            enhanced: None,
            text: None,
            context: after.or(inferred),
            basic: None,
            enhanced_info: None,
            meaning: None,
            error: Some(reason),
            ..Item::default()
        },
        Parsed::Enhanced {
            input,
            code,
            text,
            inferred,
        } => {
            let info = enhanced_info(code);
            let exact = info
                .as_ref()
                .is_some_and(|i| i.precision == Precision::Exact);
            Item {
                input,
                recognition: if exact {
                    Recognition::Known
                } else {
                    Recognition::Fallback
                },
                code: None,
                enhanced: Some(code.to_string()),
                text,
                context: after.or(inferred),
                basic: None,
                enhanced_info: info,
                meaning: None,
                error: None,
                ..Item::default()
            }
        }
        Parsed::Reply {
            input,
            code,
            enhanced,
            text,
            inferred,
            wrapper,
            ..
        } => {
            let basic = basic_info(code);
            let einfo = enhanced.and_then(enhanced_info);
            let fallback = !basic.as_ref().is_some_and(|b| b.known)
                || einfo
                    .as_ref()
                    .is_some_and(|e| e.precision != Precision::Exact);
            let context = after
                .or(inferred)
                .or_else(|| knowledge::codes::sole_command(code));
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
                wrapper,
                ..Item::default()
            }
        }
    }
}

#[cfg(test)]
mod real_lines;
#[cfg(test)]
mod tests;
#[cfg(test)]
use tests as tests_support;
