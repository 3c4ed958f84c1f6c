//! Incremental SMTP reply parser (RFC 5321 §4.2, RFC 2034 / RFC 3463 enhanced codes).
//!
//! Feed it whatever bytes arrived; ask it for complete replies. It never panics and never
//! grows without bound: a hostile server can make it record anomalies or fail with a
//! [`ParseError`], nothing more. No I/O and no clock live here.

use std::fmt;

/// Limits on what a server may send us. RFC 5321 §4.5.3.1.5 allows 512 octets per reply line;
/// real servers exceed that, so we are tolerant but finite.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest line kept, in bytes (excluding the line ending). Longer lines are truncated.
    pub max_line: usize,
    /// Most lines in one reply.
    pub max_lines: usize,
    /// Most bytes in one reply, line endings included.
    pub max_reply_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line: 4096,
            max_lines: 256,
            max_reply_bytes: 64 * 1024,
        }
    }
}

/// An enhanced status code `class.subject.detail` (RFC 3463 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

/// The code of a multi-line reply's continuation marker pasted inside a line, a code, a
/// hyphen and an enhanced code as one word ("421-4.7.28" → "421", RFC 5321 §4.2.1 with RFC
/// 3463's code repeated on each line): the three digits, or `None` for any other word.
pub fn continuation_marker(word: &str) -> Option<&str> {
    let (code, enhanced) = word.split_once('-')?;
    (code.len() == 3
        && code.bytes().all(|b| b.is_ascii_digit())
        && EnhancedCode::parse(enhanced).is_some())
    .then_some(code)
}

impl EnhancedCode {
    /// Parses `2.1.5` style text. Class must be 2, 4 or 5; subject and detail have 1–3 digits
    /// (RFC 3463 §2: "subject ::= 1*3digit", "detail ::= 1*3digit").
    pub fn parse(s: &str) -> Option<EnhancedCode> {
        let mut parts = s.split('.');
        let class = parts.next()?;
        let subject = parts.next()?;
        let detail = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let digits = |p: &str, max: usize| {
            !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
        };
        if !(digits(class, 1) && digits(subject, 3) && digits(detail, 3)) {
            return None;
        }
        let class: u8 = class.parse().ok()?;
        if !matches!(class, 2 | 4 | 5) {
            return None;
        }
        Some(EnhancedCode {
            class,
            subject: subject.parse().ok()?,
            detail: detail.parse().ok()?,
        })
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// Something odd about a reply that did not stop us from reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anomaly {
    /// A line ended in LF without CR (RFC 5321 §2.3.8 requires CRLF).
    BareLf,
    /// A line was longer than the limit and was truncated.
    LongLine { length: usize },
    /// A continuation line carried another code than the first line (RFC 5321 §4.2.1).
    MixedCodes { first: u16, found: String },
    /// Bytes that are not UTF-8; replaced by U+FFFD in the text we keep.
    NonUtf8,
    /// A line that does not start with a three-digit code inside a multi-line reply.
    Garbage,
    /// A code whose first digit is not 2–5 or whose second is not 0–5 (RFC 5321 §4.2).
    OddCode { code: u16 },
    /// The character after the code is neither space nor hyphen.
    BadSeparator,
    /// The reply never ended: the server closed (`closed`) or went quiet after `lines`
    /// complete lines; what arrived is kept.
    Truncated { lines: usize, closed: bool },
}

impl fmt::Display for Anomaly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anomaly::BareLf => write!(f, "line ended in bare LF instead of CRLF"),
            Anomaly::LongLine { length } => {
                write!(f, "over-long line ({length} bytes, truncated)")
            }
            Anomaly::MixedCodes { first, found } => write!(
                f,
                "continuation line starts with {found:?}, not the reply's code {first}"
            ),
            Anomaly::NonUtf8 => write!(f, "bytes that are not UTF-8"),
            Anomaly::Garbage => write!(f, "line without a reply code inside a multi-line reply"),
            Anomaly::OddCode { code } => write!(f, "code {code} is outside RFC 5321's range"),
            Anomaly::BadSeparator => write!(f, "code not followed by space or hyphen"),
            Anomaly::Truncated { lines, closed } => write!(
                f,
                "truncated: {} mid-reply after {lines} complete line(s)",
                if *closed {
                    "the server closed"
                } else {
                    "nothing more arrived in time"
                }
            ),
        }
    }
}

/// One complete reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    /// Enhanced status code from the first line's text, when it has one whose class matches
    /// the basic code's first digit (RFC 2034 §4).
    pub enhanced: Option<EnhancedCode>,
    /// The lines as received, line endings stripped, non-UTF-8 replaced. Untrusted: escape
    /// before printing to a terminal.
    pub lines: Vec<String>,
    pub anomalies: Vec<Anomaly>,
    /// Each line's bytes as received (up to the line limit), for renderers that show
    /// invalid bytes as they were (`\xNN`) rather than replaced.
    pub raw: Vec<Vec<u8>>,
    /// Each line's length as received, in bytes, before any truncation at the limit.
    pub lengths: Vec<usize>,
}

impl Reply {
    /// The text of each line after the code, separator and (when present) the enhanced code.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(|line| {
            let rest = line.get(4..).unwrap_or("");
            match self.enhanced {
                Some(_) => match rest.split_once(' ') {
                    Some((first, tail)) if EnhancedCode::parse(first).is_some() => tail,
                    _ if EnhancedCode::parse(rest).is_some() => "",
                    _ => rest,
                },
                None => rest,
            }
        })
    }

    /// All text joined by spaces, for matching known server phrases.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, t) in self.texts().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    pub fn class(&self) -> u16 {
        self.code / 100
    }

    pub fn is_positive(&self) -> bool {
        self.class() == 2
    }
}

/// What had arrived of a reply that never ended (the server closed, or time ran out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    /// The reply as far as it went — its complete lines, then the unterminated rest — or
    /// `None` when not even a reply code arrived.
    pub reply: Option<Reply>,
    /// Complete lines received.
    pub lines: usize,
    /// Bytes of the last line, which never ended.
    pub partial_bytes: usize,
    /// A CR not followed by LF (RFC 5321 §2.3.8: lines end in CRLF).
    pub bare_cr: bool,
}

/// Why the byte stream cannot be read as SMTP replies any more.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the server sent something that is not an SMTP reply: {line:?}")]
    NotSmtp { line: String },
    #[error("reply exceeded {limit} lines")]
    TooManyLines { limit: usize },
    #[error("reply exceeded {limit} bytes")]
    TooLarge { limit: usize },
}

/// Incremental parser. Feed bytes with [`ReplyParser::feed`], then call
/// [`ReplyParser::next_reply`] until it returns `Ok(None)`.
#[derive(Debug, Default)]
pub struct ReplyParser {
    limits: Limits,
    /// Bytes of the current, incomplete line (at most `max_line` kept).
    line: Vec<u8>,
    /// Length of the current line as received, including what was dropped.
    line_len: usize,
    /// Complete lines not yet assembled into a reply.
    pending: std::collections::VecDeque<RawLine>,
    /// The reply being assembled.
    current: Option<Partial>,
    /// Bytes consumed into the current reply (for the size limit).
    reply_bytes: usize,
    failed: Option<ParseError>,
}

#[derive(Debug)]
struct RawLine {
    bytes: Vec<u8>,
    bare_lf: bool,
    truncated_from: Option<usize>,
}

#[derive(Debug)]
struct Partial {
    code: u16,
    code_text: [u8; 3],
    lines: Vec<String>,
    anomalies: Vec<Anomaly>,
    raw: Vec<Vec<u8>>,
    lengths: Vec<usize>,
}

impl ReplyParser {
    pub fn new(limits: Limits) -> Self {
        ReplyParser {
            limits,
            ..ReplyParser::default()
        }
    }

    /// Accepts bytes from the server. Bytes are split into lines at once; replies are built
    /// on demand.
    pub fn feed(&mut self, bytes: &[u8]) {
        // A line at a time, copied in one piece: a line's buffer is allocated once, not
        // grown byte by byte (bulk runs parse a dozen lines a probe).
        let mut rest = bytes;
        while !rest.is_empty() {
            let end = rest.iter().position(|&b| b == b'\n');
            let part = &rest[..end.unwrap_or(rest.len())];
            self.line_len += part.len();
            let room = self.limits.max_line.saturating_sub(self.line.len());
            self.line.extend_from_slice(&part[..part.len().min(room)]);
            let Some(end) = end else { break };
            rest = &rest[end + 1..];
            let mut data = std::mem::take(&mut self.line);
            let truncated = self.line_len > self.limits.max_line;
            let bare_lf = !truncated && data.last() != Some(&b'\r');
            if data.last() == Some(&b'\r') {
                data.pop();
            }
            self.pending.push_back(RawLine {
                bytes: data,
                bare_lf,
                truncated_from: truncated.then_some(self.line_len),
            });
            self.line_len = 0;
        }
    }

    /// True when bytes are buffered that do not yet form a complete reply. After a 220 to
    /// STARTTLS this must be false: anything buffered was sent before the handshake and must
    /// be discarded (RFC 3207 §5, the CVE-2011-0411 class of bug).
    pub fn has_buffered(&self) -> bool {
        self.line_len > 0 || !self.pending.is_empty() || self.current.is_some()
    }

    /// Drops everything buffered and returns how many bytes (approximately, for reporting)
    /// were discarded.
    pub fn discard_buffered(&mut self) -> usize {
        let mut n = self.line_len;
        n += self
            .pending
            .iter()
            .map(|l| l.bytes.len() + 2)
            .sum::<usize>();
        if let Some(p) = self.current.take() {
            n += p.lines.iter().map(|l| l.len() + 2).sum::<usize>();
        }
        self.line.clear();
        self.line_len = 0;
        self.pending.clear();
        self.reply_bytes = 0;
        n
    }

    /// What is buffered of a reply that has not ended, after [`ReplyParser::next_reply`]
    /// returned `Ok(None)`; `None` when nothing is. `closed`: the stream ended (else time
    /// ran out), for the [`Anomaly::Truncated`] recorded on the kept reply.
    pub fn unfinished(&self, closed: bool) -> Option<Unfinished> {
        if !self.has_buffered() {
            return None;
        }
        let partial_bytes = self.line.strip_suffix(b"\r").unwrap_or(&self.line);
        let partial_text =
            (!self.line.is_empty()).then(|| String::from_utf8_lossy(partial_bytes).into_owned());
        let bare_cr = self.line.contains(&b'\r');
        let complete = self.current.as_ref().map_or(0, |p| p.lines.len());
        let reply = match &self.current {
            Some(p) => {
                let mut lines = p.lines.clone();
                let mut raw = p.raw.clone();
                let mut lengths = p.lengths.clone();
                if let Some(t) = partial_text {
                    lines.push(t);
                    raw.push(partial_bytes.to_vec());
                    lengths.push(self.line_len);
                }
                let mut anomalies = p.anomalies.clone();
                anomalies.push(Anomaly::Truncated {
                    lines: complete,
                    closed,
                });
                Some(Reply {
                    code: p.code,
                    enhanced: None,
                    lines,
                    anomalies,
                    raw,
                    lengths,
                })
            }
            None => partial_text.and_then(|t| {
                let digits = t
                    .get(..3)
                    .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
                Some(Reply {
                    code: digits.parse().ok()?,
                    enhanced: None,
                    lines: vec![t],
                    anomalies: vec![Anomaly::Truncated { lines: 0, closed }],
                    raw: vec![partial_bytes.to_vec()],
                    lengths: vec![self.line_len],
                })
            }),
        };
        Some(Unfinished {
            reply,
            lines: complete,
            partial_bytes: self.line_len,
            bare_cr,
        })
    }

    /// The next complete reply, `Ok(None)` when more bytes are needed.
    pub fn next_reply(&mut self) -> Result<Option<Reply>, ParseError> {
        if let Some(err) = &self.failed {
            return Err(err.clone());
        }
        while let Some(raw) = self.pending.pop_front() {
            match self.take_line(raw) {
                Ok(Some(reply)) => return Ok(Some(reply)),
                Ok(None) => {}
                Err(err) => {
                    self.failed = Some(err.clone());
                    return Err(err);
                }
            }
        }
        Ok(None)
    }

    fn take_line(&mut self, raw: RawLine) -> Result<Option<Reply>, ParseError> {
        self.reply_bytes += raw.truncated_from.unwrap_or(raw.bytes.len()) + 2;
        if self.reply_bytes > self.limits.max_reply_bytes {
            return Err(ParseError::TooLarge {
                limit: self.limits.max_reply_bytes,
            });
        }
        let mut anomalies = Vec::new();
        if raw.bare_lf {
            anomalies.push(Anomaly::BareLf);
        }
        if let Some(length) = raw.truncated_from {
            anomalies.push(Anomaly::LongLine { length });
        }
        let length = raw.truncated_from.unwrap_or(raw.bytes.len());
        let bytes_kept = raw.bytes.clone();
        let text = match String::from_utf8(raw.bytes) {
            Ok(s) => s,
            Err(e) => {
                anomalies.push(Anomaly::NonUtf8);
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let bytes = text.as_bytes();
        let code_text: Option<[u8; 3]> = match bytes {
            [a, b, c, ..] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
                Some([*a, *b, *c])
            }
            _ => None,
        };
        // What follows the code: ' ' or end of line is the last line, '-' continues.
        let last = match bytes.get(3) {
            None | Some(b' ') => true,
            Some(b'-') => false,
            Some(_) => {
                if code_text.is_some() {
                    anomalies.push(Anomaly::BadSeparator);
                }
                true
            }
        };

        match (self.current.as_mut(), code_text) {
            (None, None) => {
                return Err(ParseError::NotSmtp {
                    line: text.chars().take(120).collect(),
                });
            }
            (None, Some(code_text)) => {
                let code = u16::from(code_text[0] - b'0') * 100
                    + u16::from(code_text[1] - b'0') * 10
                    + u16::from(code_text[2] - b'0');
                if !(2..=5).contains(&(code / 100)) || (code / 10) % 10 > 5 {
                    anomalies.push(Anomaly::OddCode { code });
                }
                // Room for a few lines at once (an EHLO reply has a dozen), not one by one.
                let mut lines = Vec::with_capacity(4);
                let mut raw = Vec::with_capacity(4);
                let mut lengths = Vec::with_capacity(4);
                lines.push(text);
                raw.push(bytes_kept);
                lengths.push(length);
                self.current = Some(Partial {
                    code,
                    code_text,
                    lines,
                    anomalies,
                    raw,
                    lengths,
                });
            }
            (Some(partial), found) => {
                if found != Some(partial.code_text) {
                    anomalies.push(match found {
                        Some(_) => Anomaly::MixedCodes {
                            first: partial.code,
                            found: text.chars().take(3).collect(),
                        },
                        None => Anomaly::Garbage,
                    });
                }
                partial.lines.push(text);
                partial.raw.push(bytes_kept);
                partial.lengths.push(length);
                partial.anomalies.extend(anomalies);
                if partial.lines.len() > self.limits.max_lines {
                    return Err(ParseError::TooManyLines {
                        limit: self.limits.max_lines,
                    });
                }
            }
        }
        // A garbage line inside a multi-line reply does not end it; a coded line decides.
        let ends = last && code_text.is_some();
        if ends && let Some(partial) = self.current.take() {
            self.reply_bytes = 0;
            return Ok(Some(finish(partial)));
        }
        Ok(None)
    }
}

fn finish(mut partial: Partial) -> Reply {
    let enhanced = partial
        .lines
        .first()
        .and_then(|l| l.get(4..))
        .and_then(|rest| rest.split(' ').next())
        .and_then(EnhancedCode::parse)
        .filter(|e| u16::from(e.class) == partial.code / 100);
    partial.anomalies.dedup();
    Reply {
        code: partial.code,
        enhanced,
        lines: partial.lines,
        anomalies: partial.anomalies,
        raw: partial.raw,
        lengths: partial.lengths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_reply_keeps_what_arrived() {
        let mut p = ReplyParser::new(Limits::default());
        p.feed(b"250-alice\r\n250-bob\r\n250 car");
        assert_eq!(p.next_reply(), Ok(None));
        let u = p.unfinished(true).expect("buffered");
        assert_eq!((u.lines, u.partial_bytes, u.bare_cr), (2, 7, false));
        let r = u.reply.expect("a reply code arrived");
        assert_eq!(r.code, 250);
        assert_eq!(r.lines, vec!["250-alice", "250-bob", "250 car"]);
        assert!(r.anomalies.contains(&Anomaly::Truncated {
            lines: 2,
            closed: true
        }));
        let mut p = ReplyParser::new(Limits::default());
        p.feed(b"220 hello\rstill no line feed");
        assert_eq!(p.next_reply(), Ok(None));
        let u = p.unfinished(false).expect("buffered");
        assert!(u.bare_cr);
        assert_eq!(u.lines, 0);
        assert_eq!(u.reply.map(|r| r.code), Some(220));
        let p = ReplyParser::new(Limits::default());
        assert!(p.unfinished(true).is_none());
    }

    fn parse_all(input: &[u8], chunk: usize) -> (Vec<Reply>, Option<ParseError>) {
        let mut p = ReplyParser::new(Limits::default());
        let mut out = Vec::new();
        for part in input.chunks(chunk.max(1)) {
            p.feed(part);
            loop {
                match p.next_reply() {
                    Ok(Some(r)) => out.push(r),
                    Ok(None) => break,
                    Err(e) => return (out, Some(e)),
                }
            }
        }
        (out, None)
    }

    #[test]
    fn single_line_reply_with_enhanced_code() {
        let (r, e) = parse_all(b"250 2.1.5 Ok\r\n", 64);
        assert!(e.is_none());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code, 250);
        assert_eq!(
            r[0].enhanced.map(|e| e.to_string()).as_deref(),
            Some("2.1.5")
        );
        assert_eq!(r[0].text(), "Ok");
        assert!(r[0].anomalies.is_empty());
    }

    #[test]
    fn enhanced_code_of_other_class_is_not_taken() {
        let (r, _) = parse_all(b"250 5.1.1 odd\r\n", 64);
        assert_eq!(r[0].enhanced, None);
        assert_eq!(r[0].text(), "5.1.1 odd");
    }

    #[test]
    fn multiline_reply_every_chunk_size_and_line_ending() {
        let base = "220-mx.example.com ESMTP\r\n220-second line\r\n220 last\r\n250 2.0.0 ok\r\n";
        for ending in ["\r\n", "\n"] {
            let input = base.replace("\r\n", ending);
            for chunk in 1..=input.len() {
                let (r, e) = parse_all(input.as_bytes(), chunk);
                assert!(e.is_none(), "chunk {chunk}");
                assert_eq!(r.len(), 2, "chunk {chunk}");
                assert_eq!(r[0].code, 220);
                assert_eq!(r[0].lines.len(), 3);
                assert_eq!(r[1].code, 250);
                let bare = r[0].anomalies.contains(&Anomaly::BareLf);
                assert_eq!(bare, ending == "\n");
            }
        }
    }

    #[test]
    fn mixed_codes_are_recorded_not_merged_silently() {
        let (r, e) = parse_all(b"250-first\r\n550 second\r\n", 64);
        assert!(e.is_none());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code, 250);
        assert!(matches!(
            r[0].anomalies[0],
            Anomaly::MixedCodes { first: 250, .. }
        ));
    }

    #[test]
    fn garbage_first_line_is_not_smtp() {
        let (r, e) = parse_all(b"SSH-2.0-OpenSSH_9.2\r\n", 64);
        assert!(r.is_empty());
        assert!(matches!(e, Some(ParseError::NotSmtp { .. })));
    }

    #[test]
    fn over_long_line_is_truncated_and_flagged() {
        let mut input = b"250 ".to_vec();
        input.extend(std::iter::repeat_n(b'x', 100_000));
        input.extend(b"\r\n");
        let mut p = ReplyParser::new(Limits {
            max_reply_bytes: 1 << 20,
            ..Limits::default()
        });
        p.feed(&input);
        let r = p.next_reply().unwrap().unwrap();
        assert_eq!(r.lines[0].len(), 4096);
        assert!(matches!(r.anomalies[0], Anomaly::LongLine { .. }));
    }

    #[test]
    fn endless_multiline_reply_is_bounded() {
        let mut p = ReplyParser::new(Limits::default());
        for _ in 0..1000 {
            p.feed(b"250-more\r\n");
        }
        assert!(matches!(
            p.next_reply(),
            Err(ParseError::TooManyLines { .. })
        ));
    }

    #[test]
    fn non_utf8_and_odd_codes_do_not_panic() {
        let (r, e) = parse_all(b"199 \xff\xfe hi\r\n250\r\n", 3);
        assert!(e.is_none());
        assert_eq!(r[0].code, 199);
        assert!(r[0].anomalies.contains(&Anomaly::NonUtf8));
        assert!(r[0].anomalies.contains(&Anomaly::OddCode { code: 199 }));
        assert_eq!(r[1].code, 250);
        assert_eq!(r[1].text(), "");
    }

    #[test]
    fn leftover_bytes_are_visible_for_starttls() {
        let mut p = ReplyParser::new(Limits::default());
        p.feed(b"220 2.0.0 Ready to start TLS\r\n250 injected\r\n");
        assert_eq!(p.next_reply().unwrap().unwrap().code, 220);
        assert!(p.has_buffered());
        assert!(p.discard_buffered() > 0);
        assert!(!p.has_buffered());
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A cheap deterministic fuzz: every byte value in many positions and chunkings.
        let mut seed: u32 = 0x1234_5678;
        for _ in 0..2000 {
            let mut input = Vec::new();
            for _ in 0..(seed % 64) {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let b = (seed >> 24) as u8;
                input.push(match b % 7 {
                    0 => b'\n',
                    1 => b'2',
                    2 => b'-',
                    3 => b' ',
                    _ => b,
                });
            }
            let _ = parse_all(&input, (seed % 7 + 1) as usize);
        }
    }
}
