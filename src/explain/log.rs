//! `smtpprobe explain --log FILE|-`: every deferral and bounce in a Postfix, Exim,
//! Sendmail, OpenSMTPD or qmail log or an Exchange message tracking log, and every refusal our own Postfix gave, grouped by side, provider, reason
//! and bounce type, with a count, an example reply and the advice.
//!
//! Streams in constant memory: the log is read in chunks of [`CHUNK`] bytes; a line longer
//! than [`MAX_LINE`] is cut; there is one row per group (closed lists, so a bounded number),
//! and a bounded memo of classified records ([`MEMO_ENTRIES`] of at most [`MEMO_RECORD`]
//! bytes).
//!
//! Fast because most lines of a mail log are not events: each chunk is searched for the
//! few markers an event line carries (`status=deferred`, `reject: `, Exim's ` ** `, …) with
//! SIMD substring search, and only the lines holding one are decoded and parsed. An event
//! is first reduced to its [`record`] (without the syslog header, queue id, recipient and
//! delays, which differ from one message to the next and say nothing about why), so that
//! the queue's retries of one message, which repeat its reply, are classified once; then
//! the per-message ids, addresses and clients in it are [`masked`], so that one refusal
//! hitting many messages is classified once too.
//!
//! The caller opens the file (`main.rs`) and hands a reader; nothing here touches files.

use super::input::{Parsed, parse_inputs, without_postfix_envelope};
use crate::knowledge::classify::{self, Bounce, Reason, Side};
use crate::knowledge::providers;
use crate::report::explain::{
    LOG_JSON_VERSION, LogRow, LogSummary, render_log_human, render_log_json,
};
use crate::smtp::context::Context;
use crate::smtp::reply::EnhancedCode;
use memchr::memmem::Finder;
use memchr::{memchr, memchr_iter, memrchr};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};

/// How long an example reply may be in the table (characters).
const EXAMPLE_CHARS: usize = 200;
/// Bytes read at a time.
const CHUNK: usize = 1 << 18;
/// The longest line kept whole; the rest of a longer one is counted but not read.
const MAX_LINE: usize = 1 << 16;
/// How many classified records are remembered (then the memo starts over).
const MEMO_ENTRIES: usize = 4096;
/// The longest record remembered.
const MEMO_RECORD: usize = 1024;

/// Reads the log from `reader` and writes the summary; returns the exit code (0, or 3 when
/// the log cannot be read).
pub fn run(
    source: &str,
    json: bool,
    reader: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match summarise(reader) {
        Ok(summary) => {
            let _ = if json {
                render_log_json(&summary, out)
            } else {
                render_log_human(&summary, out)
            };
            let _ = out.flush();
            0
        }
        Err(e) => {
            let _ = writeln!(err, "smtpprobe: error: cannot read the log {source}: {e}");
            crate::exit::USAGE
        }
    }
}

/// Byte strings one of which every event line holds (the full test is [`is_event`]).
const MARKERS: [&str; 15] = [
    "status=deferred",
    "status=bounced",
    "status=expired",
    "reject: ",
    " ** ",
    " == ",
    "stat=",
    " rejected ",
    "reject=",
    "result=\"",
    "failed-command ",
    ": deferral: ",
    ": failure: ",
    ",FAIL,",
    ",DEFER,",
];

/// How Exim's main log writes a refusal its own ACLs gave (`H=client [ip] F=<sender>
/// rejected RCPT <rcpt>: …`, `temporarily rejected RCPT`, `rejected after DATA: …`,
/// `rejected connection in "connect" ACL: …`; spec chapter "Log files",
/// https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html).
const EXIM_REFUSALS: [&str; 6] = [
    " rejected RCPT ",
    " rejected MAIL ",
    " rejected after DATA",
    " rejected EHLO ",
    " rejected HELO ",
    " rejected connection ",
];

/// Whether a log line reports a deferral or a bounce: Postfix `status=deferred|bounced`
/// (and qmgr's `status=expired, returned to sender`, a message that aged out of the queue),
/// Exim `**` (failed) and `==` (deferred), Sendmail `dsn=4.x`/`dsn=5.x` with `stat=`,
/// OpenSMTPD `mta delivery … result="TempFail"|"PermFail"`, qmail-send `delivery N:
/// deferral|failure: …`, an Exchange message tracking FAIL or DEFER event; or, on a receiving server, a
/// refusal it gave: Postfix `NOQUEUE: reject:`, a cleanup `QUEUEID: reject:` (header or
/// body checks) and `milter-reject:`, Exim's [`EXIM_REFUSALS`], Sendmail's
/// `ruleset=check_… reject=…` and `Milter: … reject=…`, OpenSMTPD's `smtp failed-command`
/// (the Monday question on an MX is also "what did we refuse, and why").
fn is_event(line: &str) -> bool {
    line.contains("status=deferred")
        || line.contains("status=bounced")
        || line.contains("status=expired")
        || line.contains(": reject: ")
        || line.contains("milter-reject: ")
        || line.contains(" ** ")
        || line.contains(" == ")
        || (line.contains("stat=") && (line.contains("dsn=4.") || line.contains("dsn=5.")))
        || EXIM_REFUSALS.iter().any(|m| line.contains(m))
        || (line.contains("reject=")
            && (line.contains("ruleset=check_") || line.contains("Milter: ")))
        || (line.contains(" mta delivery ")
            && (line.contains("result=\"TempFail\"") || line.contains("result=\"PermFail\"")))
        || line.contains(" smtp failed-command ")
        || qmail_delivery(line).is_some()
        || exchange_tracking_status(line).is_some()
}

/// The reply of a FAIL or DEFER event in Exchange's message tracking log (one CSV row per
/// event: date-time first, then … `source`, `event-id`, …, `recipient-address`,
/// `recipient-status`, …; https://learn.microsoft.com/en-us/exchange/mail-flow/transport-logs/message-tracking):
/// the first field after the event id that starts with a reply code, its recipient-status
/// ("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"). Found by its form, not its
/// column, which differs between Exchange versions.
fn exchange_tracking_status(line: &str) -> Option<&str> {
    let date = line.as_bytes().get(..11)?;
    if !(date[..4].iter().all(u8::is_ascii_digit) && date[4] == b'-' && date[10] == b'T') {
        return None;
    }
    let mut fields = csv_fields(line);
    fields.by_ref().find(|f| *f == "FAIL" || *f == "DEFER")?;
    fields.find(|f| {
        let b = f.as_bytes();
        b.len() > 4
            && matches!(b[0], b'4' | b'5')
            && b[1..3].iter().all(u8::is_ascii_digit)
            && b[3] == b' '
    })
}

/// The fields of a CSV row, a quoted one without its quotes (a doubled quote inside stays
/// doubled: the reply's words are read, not rewritten).
fn csv_fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let r = rest?;
        if let Some(quoted) = r.strip_prefix('"') {
            let mut end = 0;
            let b = quoted.as_bytes();
            while end < b.len() {
                if b[end] == b'"' {
                    if b.get(end + 1) == Some(&b'"') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end += 1;
            }
            let field = &quoted[..end.min(quoted.len())];
            rest = quoted.get(end + 1..).and_then(|t| t.strip_prefix(','));
            Some(field)
        } else {
            match r.find(',') {
                Some(i) => {
                    rest = Some(&r[i + 1..]);
                    Some(&r[..i])
                }
                None => {
                    rest = None;
                    Some(r)
                }
            }
        }
    })
}

/// Where the status word of qmail-send's `delivery N: deferral: …` or `delivery N:
/// failure: …` line starts (qmail-log(5): "delivery *d*: success/failure/deferral:
/// *report*", the report with its spaces written `_`), when the line is one.
fn qmail_delivery(line: &str) -> Option<usize> {
    line.match_indices("delivery ").find_map(|(at, word)| {
        let tail = &line[at + word.len()..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let status = &tail[digits..];
        (digits > 0 && (status.starts_with(": deferral: ") || status.starts_with(": failure: ")))
            .then_some(at + word.len() + digits + 2)
    })
}

/// A group: whose refusal it was, who answered, why, and whether it will be retried.
type Key = (Side, Option<&'static str>, Option<Reason>, Option<Bounce>);

/// The summary being built.
struct Summariser {
    markers: Vec<Finder<'static>>,
    /// Where the candidate lines of the current chunk start (reused).
    starts: Vec<usize>,
    groups: HashMap<Key, (u64, String)>,
    memo: HashMap<Box<str>, Key>,
    lines: u64,
    events: u64,
}

/// Summarises a log: counts per (side, provider, reason, bounce), most frequent first.
pub fn summarise(reader: &mut dyn BufRead) -> std::io::Result<LogSummary> {
    // Larger reads than the caller's buffer go straight through it.
    let mut reader = BufReader::with_capacity(CHUNK, reader as &mut dyn Read);
    let mut s = Summariser {
        markers: MARKERS.iter().map(|m| Finder::new(m.as_bytes())).collect(),
        starts: Vec::new(),
        groups: HashMap::new(),
        memo: HashMap::new(),
        lines: 0,
        events: 0,
    };
    // The start of a line that a chunk cut (at most MAX_LINE bytes of it).
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let chunk = reader.fill_buf()?;
        let n = chunk.len();
        if n == 0 {
            break;
        }
        let Some(last) = memrchr(b'\n', chunk) else {
            keep(&mut carry, chunk);
            reader.consume(n);
            continue;
        };
        let (mut whole, rest) = chunk.split_at(last + 1);
        if !carry.is_empty() {
            let end = memchr(b'\n', whole).map_or(whole.len(), |e| e + 1);
            keep(&mut carry, &whole[..end]);
            if carry.last() != Some(&b'\n') {
                carry.push(b'\n');
            }
            s.chunk(&carry);
            carry.clear();
            whole = &whole[end..];
        }
        s.chunk(whole);
        keep(&mut carry, rest);
        reader.consume(n);
    }
    if !carry.is_empty() {
        s.chunk(&carry);
        s.lines += 1;
    }
    Ok(s.finish())
}

/// Appends to the cut line what fits in [`MAX_LINE`].
fn keep(carry: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_LINE.saturating_sub(carry.len());
    carry.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

impl Summariser {
    /// Whole lines (each ending in `\n`, but for the log's last one).
    fn chunk(&mut self, bytes: &[u8]) {
        self.lines += memchr_iter(b'\n', bytes).count() as u64;
        self.starts.clear();
        for m in &self.markers {
            for at in m.find_iter(bytes) {
                self.starts
                    .push(memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1));
            }
        }
        self.starts.sort_unstable();
        self.starts.dedup();
        for i in 0..self.starts.len() {
            let start = self.starts[i];
            let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e);
            self.line(&bytes[start..end.min(start + MAX_LINE)]);
        }
    }

    fn line(&mut self, bytes: &[u8]) {
        let text = super::decoded(bytes);
        let line = text.trim_end();
        if !is_event(line) {
            return;
        }
        self.events += 1;
        let record = record(line);
        let masked = masked(&record);
        if let Some(key) = self.memo.get(masked.as_ref()) {
            if let Some(group) = self.groups.get_mut(key) {
                group.0 += 1;
            }
            return;
        }
        // The group is what the masked record says (so that the memo is exact); the
        // example is the first record as the log wrote it (read again only when masking
        // changed it, and only for a new group: a few dozen times a log).
        let reply = reply_of(&masked);
        let key = group_of(&masked, &reply);
        self.groups
            .entry(key)
            .or_insert_with(|| {
                let example = match masked {
                    Cow::Borrowed(_) => example_of(&reply),
                    Cow::Owned(_) => example_of(&reply_of(&record)),
                };
                (0, example)
            })
            .0 += 1;
        if masked.len() <= MEMO_RECORD {
            if self.memo.len() >= MEMO_ENTRIES {
                self.memo.clear();
            }
            self.memo.insert(masked.into(), key);
        }
    }

    fn finish(self) -> LogSummary {
        let mut rows: Vec<LogRow> = self
            .groups
            .into_iter()
            .map(
                |((side, provider, reason, bounce), (count, example))| LogRow {
                    count,
                    side,
                    provider: provider.map(str::to_string),
                    reason,
                    bounce,
                    example,
                    advice: reason
                        .map(|r| classify::advice(r, side).to_string())
                        .unwrap_or_default(),
                },
            )
            .collect();
        rows.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.example.cmp(&b.example))
        });
        LogSummary {
            version: LOG_JSON_VERSION,
            lines: self.lines,
            events: self.events,
            rows,
        }
    }
}

/// What an event line says happened, without what differs from one message to the next
/// and says nothing about why: the syslog header, the queue id, the recipient and the
/// delays of a Postfix or Sendmail delivery line (`relay=…, dsn=…, status=… (…)` is
/// kept), Exim's date and message id, and the `; from=<…> to=<…> proto=… helo=<…>` that
/// Postfix appends to its own refusals (not the reply's words).
fn record(line: &str) -> Cow<'_, str> {
    // Exchange's tracking event: its recipient-status.
    if let Some(status) = exchange_tracking_status(line) {
        return Cow::Borrowed(status);
    }
    // qmail-send's: the status and report with its spaces back, under one delivery number
    // (each delivery has its own; the example shows the report without it).
    if let Some(status) = qmail_delivery(line) {
        return Cow::Owned(format!(
            "{QMAIL_DELIVERY}{}",
            line[status..].replace('_', " ")
        ));
    }
    if let Some(r) = line.find("relay=") {
        let tail = &line[r..];
        if let (Some(relay_end), Some(dsn)) = (tail.find(", "), tail.find(", dsn="))
            && dsn >= relay_end
        {
            return Cow::Owned(format!("{}, {}", &tail[..relay_end], &tail[dsn + 2..]));
        }
    }
    if let Some(i) = line.find(" ** ").or_else(|| line.find(" == ")) {
        return Cow::Borrowed(&line[i + 1..]);
    }
    // OpenSMTPD's delivery line: the relay and the result, not the envelope and delay.
    if let (Some(r), Some(res)) = (line.find("relay=\""), line.find(" result=\""))
        && let Some(q) = line[r + 7..].find('"')
        && res > r
    {
        return Cow::Owned(format!("{} {}", &line[r..r + 7 + q + 1], &line[res + 1..]));
    }
    // Exim's own refusal: from the verb on (the client and sender differ per message).
    if let Some(m) = EXIM_REFUSALS.iter().find_map(|m| line.find(m)) {
        let from = line[..m]
            .strip_suffix(" temporarily")
            .map_or(m, |kept| kept.len());
        return Cow::Borrowed(&line[from..]);
    }
    // Sendmail's: the ruleset (which names the command) and the reply it gave.
    if let (Some(rs), Some(rej)) = (line.find("ruleset=check_"), line.find(", reject="))
        && rej > rs
    {
        let ruleset = line[rs..].split(',').next().unwrap_or_default();
        return Cow::Owned(format!("{ruleset}, {}", &line[rej + 2..]));
    }
    let refusal = line
        .find("NOQUEUE: ")
        .or_else(|| line.find("milter-reject: "))
        .or_else(|| line.find(": reject: ").map(|i| i + 2));
    if let Some(i) = refusal {
        return Cow::Borrowed(without_postfix_envelope(&line[i..]));
    }
    Cow::Borrowed(line.find("]: ").map_or(line, |i| &line[i + 3..]))
}

/// The record with what differs from one message, client or host address to the next and
/// says nothing about why replaced by a fixed stand-in, so that the memo recognises the
/// same refusal in every message it hit (a real log repeats a few dozen replies with a new
/// Gmail message id, Microsoft front-end name, recipient or client each time):
///
/// * an address literal in brackets (`[192.0.2.1]`, `[2a00:1450::1a]`, `[IPv6:…]`) or after
///   a `/` (`…/query/ip/192.0.2.1`) becomes `0.0.0.0` or `::`;
/// * a mailbox's local part (`<anna@example.net>` becomes `<@example.net>`; the domain,
///   which can name the provider, stays);
/// * an id: a word of 8 or more letters and digits that switches between them at least three
///   times (`a640c23a62f3a`, `BN8NAM12FT012`, `F024DAA029B`), the digits after its dot
///   (Gmail's `….137`), and any run of 6 or more digits, become `ID` / `0`;
/// * the client of a Postfix refusal (`reject: RCPT from mail-x.example[…]:`), whose name
///   is the sender's, not why it was refused.
///
/// What a rule reads stays: reply and enhanced codes, Yahoo's `4.16.55.1`, provider codes
/// (`S3150`, `[TSS04]`, `SBL123456`), host names. The log's groups are the masked record's
/// classification, and a test holds the masked and the unmasked line to the same group for
/// every labelled real line.
fn masked(record: &str) -> Cow<'_, str> {
    let b = record.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `record` before `done` are in `out` (when it exists).
    let mut done = 0;
    let mut i = 0;
    let mut after_id = usize::MAX;
    let cut = |out: &mut Option<String>, done: &mut usize, from: usize, to: usize, with: &str| {
        let o = out.get_or_insert_with(|| String::with_capacity(record.len()));
        o.push_str(&record[*done..from]);
        o.push_str(with);
        *done = to;
    };
    if let Some(at) = record.find("reject: ")
        && let Some(from) = record[at..].find(" from ").map(|f| at + f + 6)
        && let Some(open) = record[from..].find('[').map(|o| from + o)
        && !record[from..open].contains(' ')
        && open > from
    {
        cut(&mut out, &mut done, from, open, "");
    }
    while i < b.len() {
        let c = b[i];
        if (c == b'[' || c == b'/') && i + 1 < b.len() {
            let lit = address_literal(&b[i + 1..]);
            if lit > 0 && i + 1 >= done {
                let v6 = b[i + 1..i + 1 + lit].contains(&b':');
                cut(
                    &mut out,
                    &mut done,
                    i + 1,
                    i + 1 + lit,
                    if v6 { "::" } else { "0.0.0.0" },
                );
                i += 1 + lit;
                continue;
            }
        }
        if c == b'@' && i >= done {
            let start = b[..i]
                .iter()
                .rposition(|&x| !(x.is_ascii_alphanumeric() || b"._%+-=".contains(&x)))
                .map_or(0, |p| p + 1)
                .max(done);
            if start < i {
                cut(&mut out, &mut done, start, i, "");
            }
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            let end = b[i..]
                .iter()
                .position(|x| !x.is_ascii_alphanumeric())
                .map_or(b.len(), |e| i + e);
            let word = &b[i..end];
            let digits = word.iter().all(u8::is_ascii_digit);
            if i >= done {
                if is_id(word) {
                    // Gmail's receiving servers' session id names the provider: a stand-in
                    // of the same shape keeps that ("7si1500815nfv.35" → "0si000000aaa.0").
                    let token = record[i..]
                        .split(char::is_whitespace)
                        .next()
                        .unwrap_or_default();
                    let stand_in =
                        if b.get(end) == Some(&b'.') && providers::google_session_id(token) {
                            GMAIL_ID_STAND_IN
                        } else {
                            "ID"
                        };
                    cut(&mut out, &mut done, i, end, stand_in);
                    after_id = end;
                } else if digits
                    && (word.len() >= 6
                        || (after_id.checked_add(1) == Some(i) && b[after_id] == b'.'))
                {
                    cut(&mut out, &mut done, i, end, "0");
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
    match out {
        None => Cow::Borrowed(record),
        Some(mut o) => {
            o.push_str(&record[done..]);
            Cow::Owned(o)
        }
    }
}

/// The length of the IPv4 or IPv6 address literal `b` starts with (`IPv6:` prefix
/// included), 0 when it starts with none. IPv4 needs four dotted numbers and an end that is
/// not a digit, dot or letter (so that `4.16.55.1;` after a dash is not one, nor
/// `1.2.3.4.5`); IPv6 needs two colons and stops at `]`.
fn address_literal(b: &[u8]) -> usize {
    let prefix = if b.len() > 5 && b[..5].eq_ignore_ascii_case(b"IPv6:") {
        5
    } else {
        0
    };
    let rest = &b[prefix..];
    let v6_len = rest
        .iter()
        .position(|x| !(x.is_ascii_hexdigit() || *x == b':' || *x == b'.'))
        .unwrap_or(rest.len());
    if rest[..v6_len].iter().filter(|&&x| x == b':').count() >= 2 && rest.get(v6_len) == Some(&b']')
    {
        return prefix + v6_len;
    }
    if prefix > 0 {
        return 0;
    }
    let mut at = 0;
    for part in 0..4 {
        let n = b[at..].iter().take_while(|x| x.is_ascii_digit()).count();
        if n == 0 || n > 3 {
            return 0;
        }
        at += n;
        if part < 3 {
            if b.get(at) != Some(&b'.') {
                return 0;
            }
            at += 1;
        }
    }
    match b.get(at) {
        Some(x) if x.is_ascii_alphanumeric() || *x == b'.' => 0,
        _ => at,
    }
}

/// What a Gmail session id is masked to: one of the same shape
/// ([`providers::google_session_id`]), so that the masked record names the same provider.
const GMAIL_ID_STAND_IN: &str = "0si000000aaa";

/// A per-message id: 8 or more letters and digits, switching between the two at least
/// three times, and not a `0x…` number (Outlook's client error codes are knowledge).
fn is_id(word: &[u8]) -> bool {
    if word.len() < 8 || word.starts_with(b"0x") || word.starts_with(b"0X") {
        return false;
    }
    word.windows(2)
        .filter(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit())
        .count()
        >= 3
}

/// What an event record's reply says: the command it answered, its codes and its text.
struct Reply {
    ctx: Option<Context>,
    code: Option<u16>,
    enhanced: Option<EnhancedCode>,
    text: String,
}

/// The reply in one event record (the record itself, escaped, when it holds no code).
fn reply_of(record: &str) -> Reply {
    let parsed = parse_inputs(&[record.to_string()]);
    let first = parsed
        .iter()
        .find(|p| !matches!(p, Parsed::Invalid { .. }))
        .or(parsed.first());
    let (ctx, code, enhanced, text) = match first {
        Some(Parsed::Reply {
            code,
            enhanced,
            text,
            inferred,
            ..
        }) => (*inferred, Some(*code), *enhanced, text.clone()),
        Some(Parsed::Enhanced {
            code,
            text,
            inferred,
            ..
        }) => (*inferred, None, Some(*code), text.clone()),
        _ => (None, None, None, None),
    };
    Reply {
        ctx,
        code,
        enhanced,
        text: text.unwrap_or_else(|| super::input::escape(record)),
    }
}

/// The group of one event record whose reply is `reply`.
fn group_of(record: &str, reply: &Reply) -> Key {
    let c = classify::classify(reply.ctx, reply.code, reply.enhanced, &reply.text, record);
    let provider = c.provider.as_deref().and_then(static_provider);
    (Side::of(record), provider, c.reason, c.bounce)
}

/// How [`record`] writes qmail-send's delivery line: one delivery number for all.
const QMAIL_DELIVERY: &str = "delivery 1: ";

/// The reply as the table's example: its codes and text, at most [`EXAMPLE_CHARS`].
fn example_of(reply: &Reply) -> String {
    let text = reply
        .text
        .strip_prefix(QMAIL_DELIVERY)
        .unwrap_or(&reply.text);
    let mut example = match (reply.code, reply.enhanced) {
        (Some(c), Some(e)) => format!("{c} {e} {text}"),
        (Some(c), None) => format!("{c} {text}"),
        (None, Some(e)) => format!("{e} {text}"),
        (None, None) => text.to_string(),
    };
    if example.chars().count() > EXAMPLE_CHARS {
        example = example.chars().take(EXAMPLE_CHARS).collect::<String>() + "…";
    }
    example
}

/// The provider id as the closed list's own `&'static str` (so that a group key borrows
/// nothing from the line).
fn static_provider(id: &str) -> Option<&'static str> {
    crate::knowledge::providers::PROVIDERS
        .iter()
        .map(|p| p.id)
        .chain(crate::knowledge::providers::PROVIDER_BLOCKLISTS)
        .find(|p| *p == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTFIX: &str = "\
Apr 21 08:45:22 mail postfix/smtp[1283]: F024DAA029B: to=<jfm79@aol.com>, relay=mx-aol.mail.gm0.yahoodns.net[98.136.96.92]:25, delay=59235, delays=59232/0.06/2.3/0.13, dsn=4.7.0, status=deferred (host mx-aol.mail.gm0.yahoodns.net[98.136.96.92] said: 421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command))
Apr 21 08:45:22 mail postfix/smtp[1295]: BC495AA0516: lost connection with mta7.am0.yahoodns.net[67.195.228.110] while sending RCPT TO
Apr 21 08:46:22 mail postfix/smtp[1267]: 71575AA03E5: to=<x@yahoo.com.mx>, relay=mta5.am0.yahoodns.net[67.195.228.106]:25, delay=54790, delays=54787/0.09/2.5/0.17, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[67.195.228.106] said: 421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command))
Dec 24 01:08:07 mail postfix/smtp[1322]: A4978C12E6: to=<mygmail@gmail.com>, relay=gmail-smtp-in.l.google.com[66.102.1.27]:25, delay=3.5, delays=3.1/0.02/0.19/0.16, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[66.102.1.27] said: 550-5.7.26 Unauthenticated email from domain.com is not accepted due to domain's 550-5.7.26 DMARC policy. - gsmtp (in reply to end of DATA command))
Dec 24 01:08:07 mail postfix/qmgr[1319]: A4978C12E6: removed
2024-01-01 10:00:00 1abcDE-000123-AB ** bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.1] X=TLS1.3:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<bob@example.net>: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown
Oct  3 15:40:38 host sendmail[9468]: 093DecpD009468: to=<a@b.example>, delay=00:00:01, mailer=esmtp, pri=120, relay=mx.b.example. [192.0.2.9], dsn=4.0.0, stat=Deferred: Connection refused by mx.b.example.
";

    #[test]
    fn postfix_exim_and_sendmail_lines_are_grouped() {
        let s = summarise(&mut POSTFIX.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (7, 5));
        let top = &s.rows[0];
        assert_eq!(top.count, 2);
        assert_eq!(top.provider.as_deref(), Some("yahoo"));
        assert_eq!(top.reason, Some(Reason::BadReputation));
        assert_eq!(top.bounce, Some(Bounce::Soft));
        assert!(
            top.example.starts_with("421 4.7.0 [TSS04]"),
            "{}",
            top.example
        );
        assert!(!top.advice.is_empty());
        let reasons: Vec<_> = s.rows.iter().map(|r| r.reason).collect();
        assert!(reasons.contains(&Some(Reason::AuthFailure)), "{reasons:?}");
        assert!(reasons.contains(&Some(Reason::UserUnknown)), "{reasons:?}");
        assert!(reasons.contains(&Some(Reason::NetworkError)), "{reasons:?}");
    }

    #[test]
    fn a_message_that_aged_out_of_the_queue_is_a_bounce() {
        let log = "Sep 30 20:46:08 mx postfix/qmgr[31214]: 23EBE3D5C0: from=<a@example.com>, status=expired, returned to sender\n\
Sep 30 20:47:08 mx postfix/qmgr[31214]: 9F8E7D6C5B: from=<b@example.com>, status=expired, returned to sender\n\
Sep 30 20:47:09 mx postfix/qmgr[31214]: 9F8E7D6C5B: removed\n";
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (3, 2));
        assert_eq!(s.rows.len(), 1, "{:?}", s.rows);
        assert_eq!(s.rows[0].reason, Some(Reason::Expired));
        assert_eq!(s.rows[0].bounce, Some(Bounce::Hard));
    }

    #[test]
    fn a_receiving_servers_refusals_are_counted() {
        // Lines as this project's real-server bed (Postfix 3.7.11) writes them.
        let log = "Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: connect from unknown[127.0.0.1]\n\
Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <someone@other.test>: Relay access denied; from=<> to=<someone@other.test> proto=ESMTP helo=<[127.0.0.1]>\n\
Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 550 5.1.1 <nx@mx1.test>: Recipient address rejected: User unknown in local recipient table; from=<> to=<nx@mx1.test> proto=ESMTP helo=<[127.0.0.1]>\n";
        let summary = summarise(&mut log.as_bytes()).expect("reads");
        let total: u64 = summary.rows.iter().map(|r| r.count).sum();
        assert_eq!(total, 2, "{:?}", summary.rows);
    }

    #[test]
    fn exim_sendmail_and_opensmtpd_refusals_and_deliveries_are_counted() {
        // Formats as each MTA's documentation and the log samples in fixtures/bounces show
        // them (Exim's "Log files" chapter; Sendmail's op guide; OpenSMTPD's smtp_session.c
        // and mta_session.c).
        let log = "\
2024-01-15 10:23:45 H=mail.example.com [192.0.2.1] F=<a@example.com> rejected RCPT <u@ours.example>: relay not permitted
2024-01-15 10:23:46 H=other.example [192.0.2.7] F=<b@example.net> rejected RCPT <v@ours.example>: relay not permitted
2024-01-15 10:23:47 H=(helo.example) [192.0.2.2] F=<c@b.example> temporarily rejected RCPT <w@ours.example>: greylisted
2024-01-15 10:23:48 H=x.example [192.0.2.3] F=<> rejected after DATA: This message contains a virus (Eicar-Test-Signature).
2024-01-15 10:23:49 1rPx9A-0003Xb-2K <= a@example.com H=x.example [192.0.2.3] P=esmtp S=1234
Dec  4 04:37:23 host sm-mta[123]: 0B44bN12345: ruleset=check_rcpt, arg1=<x@y.example>, relay=foo.example [192.0.2.5], reject=550 5.7.1 <x@y.example>... Relaying denied
Dec  4 04:37:26 host sm-mta[126]: 0B44bN12348: Milter: data, reject=550 5.7.1 Blocked by SpamAssassin
Dec  4 04:37:27 host sm-mta[126]: 0B44bN12348: from=<a@example.com>, size=1234, class=0, nrcpts=1
Dec  4 04:37:29 host smtpd[1234]: 2b3c4d5e6f7a8b9c mta delivery evpid=1a2b3c4d5e6f7a8b from=<a@example.org> to=<b@example.com> rcpt=<-> source=\"192.0.2.1\" relay=\"192.0.2.25 (mx.example.com)\" delay=2s result=\"PermFail\" stat=\"550 5.1.1 <b@example.com>: Recipient address rejected: User unknown\"
Dec  4 04:37:30 host smtpd[1234]: 2b3c4d5e6f7a8b9d mta delivery evpid=1a2b3c4d5e6f7a8c from=<a@example.org> to=<c@example.com> rcpt=<-> source=\"192.0.2.1\" relay=\"192.0.2.25 (mx.example.com)\" delay=1s result=\"Ok\" stat=\"250 2.0.0 Ok: queued\"
Dec  4 04:37:31 host smtpd[1234]: 838802156d1f67f0 smtp failed-command command=\"DATA\" result=\"451 Try again later\"
";
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (11, 8), "{:?}", s.rows);
        let row = |reason| {
            s.rows
                .iter()
                .find(|r| r.reason == Some(reason))
                .unwrap_or_else(|| panic!("no {reason:?} row in {:?}", s.rows))
        };
        let relay = row(Reason::NoRelaying);
        assert_eq!((relay.count, relay.side), (3, Side::Receiver));
        assert_eq!(row(Reason::Greylisting).side, Side::Receiver);
        assert_eq!(row(Reason::Greylisting).count, 1);
        // OpenSMTPD's bare "451 Try again later" names no cause: a temporary refusal of ours.
        let later = row(Reason::SystemError);
        assert_eq!(
            (later.side, later.bounce),
            (Side::Receiver, Some(Bounce::Soft))
        );
        assert_eq!(later.example, "451 Try again later");
        assert_eq!(row(Reason::VirusDetected).side, Side::Receiver);
        assert_eq!(row(Reason::SpamDetected).side, Side::Receiver);
        let unknown = row(Reason::UserUnknown);
        assert_eq!(
            (unknown.side, unknown.bounce),
            (Side::Sender, Some(Bounce::Hard))
        );
        // What varies per message (client, sender, queue id, delay) is not in a record.
        for (n, start) in [
            (0, " rejected RCPT <u@ours.example>: relay not permitted"),
            (2, " temporarily rejected RCPT"),
            (
                5,
                "ruleset=check_rcpt, reject=550 5.7.1 <x@y.example>... Relaying denied",
            ),
            (
                8,
                "relay=\"192.0.2.25 (mx.example.com)\" result=\"PermFail\"",
            ),
        ] {
            let r = record(log.lines().nth(n).unwrap_or_default());
            assert!(r.starts_with(start), "line {n}: {r}");
        }
    }

    /// Gives at most `n` bytes per read, so that chunks cut lines anywhere.
    struct Trickle<'a>(&'a [u8], usize);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn qmail_deferrals_and_failures_are_counted() {
        // qmail-send's log through multilog (qmail-log(5); qmail-remote.c and qmail-local.c
        // write the reports).
        let log = "\
@400000005f1a2b3c0a1b2c3d new msg 12345
@400000005f1a2b3c0a1b2c3d starting delivery 12: msg 12345 to remote b@example.net
@400000005f1a2b3c0a1b2c3d delivery 12: deferral: Connected_to_192.0.2.4_but_greeting_failed./Remote_host_said:_421_too_many_connections_from_your_host/
@400000005f1a2b3c0a1b2c3e delivery 13: deferral: Connected_to_192.0.2.4_but_greeting_failed./Remote_host_said:_421_too_many_connections_from_your_host/
@400000005f1a2b3c0a1b2c3f delivery 14: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_<x@example.net>:_Recipient_address_rejected:_User_unknown_in_virtual_mailbox_table/Giving_up_on_192.0.2.1./
@400000005f1a2b3c0a1b2c40 delivery 15: success: 192.0.2.1_accepted_message./Remote_host_said:_250_ok_1606750475_qp_23690/
@400000005f1a2b3c0a1b2c41 delivery 16: deferral: Unable_to_chdir_to_maildir._(#4.2.1)/
@400000005f1a2b3c0a1b2c42 status: local 0/10 remote 1/20
";
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (8, 4), "{:?}", s.rows);
        let row = |reason| s.rows.iter().find(|r| r.reason == Some(reason));
        let busy = row(Reason::RateLimited).unwrap_or_else(|| panic!("{:?}", s.rows));
        assert_eq!((busy.count, busy.bounce), (2, Some(Bounce::Soft)));
        assert!(
            busy.example.starts_with("421 too many connections"),
            "{}",
            busy.example
        );
        let unknown = row(Reason::UserUnknown).unwrap_or_else(|| panic!("{:?}", s.rows));
        assert_eq!(
            (unknown.side, unknown.bounce),
            (Side::Sender, Some(Bounce::Hard))
        );
        let local = row(Reason::SystemError).unwrap_or_else(|| panic!("{:?}", s.rows));
        assert_eq!(
            local.example,
            "4.2.1 deferral: Unable to chdir to maildir. (#4.2.1)/"
        );
    }

    #[test]
    fn exchange_tracking_failures_and_deferrals_are_counted() {
        // Exchange 2016/2019 message tracking rows (fields as Microsoft documents them; a
        // field with commas is quoted).
        let log = "\
#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version
2023-01-10T10:00:00.123Z,,,,EX01,,,ROUTING,FAIL,12345678901,<abc@example.org>,7d2c1a5e-1111-2222-3333-444455556666,user@example.net,550 5.1.1 RESOLVER.ADR.RecipNotFound; not found,12345,1,,,Quarterly report,sender@example.org,sender@example.org,,Originating,,,,S:DeliveryPriority=Normal,Email,08DAF1234567890A,15.02.1118.020
2023-01-10T10:05:00.123Z,192.0.2.10,EX01.corp.example.org,203.0.113.5,mx.example.net,,Outbound to Internet,SMTP,DEFER,12345678902,<abd@example.org>,7d2c1a5e-1111-2222-3333-444455556667,user@gmail.com,\"451 4.7.0 Primary target IP address responded with: \"\"421 4.7.0 Try again later, closing connection.\"\" The last endpoint attempted was 203.0.113.5:25\",12345,1,,,Hello,sender@example.org,sender@example.org,,Originating,,,,,Email,08DAF1234567890B,15.02.1118.020
2023-01-10T10:06:00.123Z,,,,EX01,,,SMTP,SEND,12345678904,<abf@example.org>,guid,user@gmail.com,250 2.0.0 OK  1673344800 x1si123 - gsmtp,12345,1,,,Hello,sender@example.org,sender@example.org,,Originating,,,,,Email,08DAF1234567890D,15.02.1118.020
";
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (4, 2), "{:?}", s.rows);
        let unknown = s
            .rows
            .iter()
            .find(|r| r.reason == Some(Reason::UserUnknown));
        assert_eq!(
            unknown.map(|r| (r.side, r.bounce, r.example.as_str())),
            Some((
                Side::Sender,
                Some(Bounce::Hard),
                "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
            )),
            "{:?}",
            s.rows
        );
        let deferred = s.rows.iter().find(|r| r.bounce == Some(Bounce::Soft));
        assert!(
            deferred.is_some_and(|r| r.example.starts_with("451 4.7.0 Primary target")),
            "{:?}",
            s.rows
        );
    }

    #[test]
    fn lines_cut_between_reads_are_read_whole() {
        let whole = summarise(&mut POSTFIX.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        for n in [1, 7, 64, 333] {
            let mut r = std::io::BufReader::with_capacity(n, Trickle(POSTFIX.as_bytes(), n));
            let cut = summarise(&mut r).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(cut, whole, "reads of {n} bytes");
        }
    }

    #[test]
    fn the_last_line_counts_without_a_newline_and_an_overlong_line_is_cut() {
        let log = POSTFIX.trim_end();
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (7, 5));
        let long = format!(
            "{}{}\n{POSTFIX}",
            "x".repeat(3 * MAX_LINE),
            " status=bounced"
        );
        let s = summarise(&mut long.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        // The overlong line is one line; its marker lies past MAX_LINE, so it is not read.
        assert_eq!((s.lines, s.events), (8, 5));
    }

    #[test]
    fn a_record_keeps_why_and_drops_what_differs_per_message() {
        let line = POSTFIX.lines().next().unwrap_or_default();
        let r = record(line);
        assert!(r.starts_with("relay=mx-aol.mail.gm0.yahoodns.net[98.136.96.92]:25, dsn=4.7.0, status=deferred (host "), "{r}");
        assert!(!r.contains("to=<") && !r.contains("delay"), "{r}");
        let noqueue = "Nov 30 11:30:13 mx1 postfix/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <a@other.test>: Relay access denied; from=<> to=<a@other.test> proto=ESMTP helo=<[127.0.0.1]>";
        assert_eq!(
            record(noqueue),
            "NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <a@other.test>: Relay access denied"
        );
    }

    #[test]
    fn masking_replaces_what_varies_per_message_and_keeps_what_rules_read() {
        for (line, want) in [
            (
                "relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.26] said: 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a640c23a62f3a-a9e4f3b2c1dsi123456789ejc.456 - gsmtp (in reply to RCPT TO command))",
                "relay=gmail-smtp-in.l.google.com[0.0.0.0]:25, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[0.0.0.0] said: 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser ID-0si000000aaa.0 - gsmtp (in reply to RCPT TO command))",
            ),
            (
                "451 4.7.500 Server busy. (S77719) [BN8NAM12FT012.eop-nam12.prod.protection.outlook.com]",
                "451 4.7.500 Server busy. (S77719) [ID.eop-nam12.prod.protection.outlook.com]",
            ),
            (
                "NOQUEUE: reject: RCPT from mail-wm1-f54.sender.example[2a00:1450:4864:20::1a]: 550 5.1.1 <anna.b+x@example.com>: Recipient address rejected",
                "NOQUEUE: reject: RCPT from [::]: 550 5.1.1 <@example.com>: Recipient address rejected",
            ),
            (
                "554 5.7.1 Client host [IPv6:2001:db8::5] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7 SBL123456",
                "554 5.7.1 Client host [::] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/0.0.0.0 SBL123456",
            ),
            (
                "552 5.2.2 quota exceeded (10485760 bytes) 0x8004210b",
                "552 5.2.2 quota exceeded (0 bytes) 0x8004210b",
            ),
            (
                "Remote host said: 552 5.7.0 Illegal Attachment 7si1500815nfv.35",
                "Remote host said: 552 5.7.0 Illegal Attachment 0si000000aaa.0",
            ),
        ] {
            assert_eq!(masked(line), want);
        }
        // Nothing to mask: borrowed, untouched.
        for line in [
            "421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html",
            "550 5.7.606 Access denied, banned sending IP [1.2.3.4.5]. (AS3150)",
            "dsn=4.4.1, status=deferred (connect to mx[1.2.3]:25: Connection refused)",
        ] {
            assert!(matches!(masked(line), Cow::Borrowed(_)), "{line}");
        }
    }

    /// The memo's promise: a masked record is in the same group as the record itself, for
    /// every real line labelled in fixtures/bounces (a failure names the file and line).
    #[test]
    fn masking_never_changes_the_group_of_a_labelled_real_line() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bounces");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        let (mut lines, mut changed_text, mut changed_group) = (0, 0, Vec::new());
        for path in &files {
            let tsv = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
            for (n, row) in tsv.lines().enumerate().skip(1) {
                let text = row
                    .split('\t')
                    .next()
                    .unwrap_or_default()
                    .replace("\\n", "\n");
                let record = record(&text);
                let m = masked(&record);
                lines += 1;
                if m == record {
                    continue;
                }
                changed_text += 1;
                if group_of(&m, &reply_of(&m)) != group_of(&record, &reply_of(&record)) {
                    let name = path.file_name().map(|f| f.to_string_lossy().into_owned());
                    changed_group.push(format!("{}:{}", name.unwrap_or_default(), n + 1));
                }
            }
        }
        assert!(
            lines > 2000 && changed_text > 300,
            "{lines} lines, {changed_text} masked"
        );
        assert!(changed_group.is_empty(), "{changed_group:?}");
    }

    #[test]
    fn our_own_refusals_get_the_receivers_advice() {
        let log = "Nov 30 11:30:13 mx1 postfix/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <someone@other.test>: Relay access denied; from=<a@b.test> to=<someone@other.test> proto=ESMTP helo=<x>\n\
Nov 30 11:30:14 mx1 postfix/smtp[21144]: 1A2B3C: to=<x@example.net>, relay=mx.example.net[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.1] said: 554 5.7.1 <x@example.net>: Relay access denied (in reply to RCPT TO command))\n";
        let s = summarise(&mut log.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.rows.len(), 2, "{:?}", s.rows);
        let ours = s.rows.iter().find(|r| r.side == Side::Receiver);
        let theirs = s.rows.iter().find(|r| r.side == Side::Sender);
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            panic!("one row per side: {:?}", s.rows)
        };
        assert_eq!(ours.reason, Some(Reason::NoRelaying));
        assert!(ours.advice.contains("mynetworks"), "{}", ours.advice);
        assert!(ours.advice.contains("587"), "{}", ours.advice);
        assert_eq!(theirs.reason, Some(Reason::NoRelaying));
        assert!(!theirs.advice.contains("Your server"), "{}", theirs.advice);
        let mut human = Vec::new();
        render_log_human(&s, &mut human).unwrap_or_else(|e| panic!("{e}"));
        let human = String::from_utf8_lossy(&human);
        assert!(human.contains("Refused by this server"), "{human}");
        assert!(human.contains("Deferred and bounced"), "{human}");
    }

    #[test]
    fn json_rows_have_the_contract_fields() {
        let s = summarise(&mut POSTFIX.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        render_log_json(&s, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}"));
        let row = &v["rows"][0];
        for k in [
            "count", "side", "provider", "reason", "bounce", "example", "advice",
        ] {
            assert!(row.get(k).is_some(), "{k} missing in {row}");
        }
        assert_eq!(row["reason"], "badreputation");
    }
}
