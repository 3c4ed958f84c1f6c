//! What the fuzz targets share: the oracles (written here independently of the code under
//! test, so that a bug in the crate's own list of unsafe characters cannot hide itself) and
//! the reply-parsing loop.

use smtpprobe::smtp::reply::{Limits, ParseError, Reply, ReplyParser};

/// A character no output may contain raw: any control character but the line feed that
/// ends lines (C0, DEL, C1 — U+009B is the 8-bit CSI some terminals obey), or a bidi
/// formatting character (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
/// marks U+200E, U+200F, U+061C).
pub fn forbidden(c: char) -> bool {
    let control = matches!(u32::from(c), 0x00..=0x09 | 0x0b..=0x1f | 0x7f..=0x9f);
    let bidi = matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    );
    control || bidi
}

/// Panics, naming the output and the character, when `text` holds a [`forbidden`] one.
pub fn assert_clean(what: &str, text: &str) {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what}: raw U+{:04X} at byte {at}, after {:?}",
            u32::from(c),
            &text[from..at]
        );
    }
}

/// Panics unless `text` is one valid JSON document; returns it parsed.
pub fn assert_json(what: &str, text: &str) -> serde_json::Value {
    match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("{what}: invalid JSON ({e}):\n{text}"),
    }
}

/// Everything a parser gives for `input` fed in the pieces `sizes` cuts it into (the
/// sizes repeat; 0 counts as 1), asking for replies after every piece; stops at the
/// first error, as the driver does.
pub fn parse_chunked(
    limits: Limits,
    input: &[u8],
    sizes: &mut dyn Iterator<Item = usize>,
) -> (Vec<Reply>, Option<ParseError>) {
    let mut p = ReplyParser::new(limits);
    let mut out = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        let n = sizes.next().unwrap_or(rest.len()).clamp(1, rest.len());
        let (piece, tail) = rest.split_at(n);
        rest = tail;
        p.feed(piece);
        if let Err(e) = drain(&mut p, &mut out) {
            return (out, Some(e));
        }
    }
    (out, None)
}

/// Every complete reply buffered in `p`, appended to `out`.
pub fn drain(p: &mut ReplyParser, out: &mut Vec<Reply>) -> Result<(), ParseError> {
    while let Some(r) = p.next_reply()? {
        out.push(r);
    }
    Ok(())
}

/// A small deterministic generator (xorshift64), seeded from the input.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Checks one sample line of the Prometheus text format (0.0.4) as a strict reader
/// would: `name{label="value",…} number`, with only `\\`, `\"` and `\n` escapes in values.
pub fn check_prometheus_sample(line: &str) -> Result<(), String> {
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let (name, rest) = line.split_once('{').ok_or("no label set")?;
    if name.is_empty() || !name.chars().all(name_char) {
        return Err(format!("bad metric name {name:?}"));
    }
    let mut chars = rest.chars();
    loop {
        let mut label = String::new();
        let after = loop {
            match chars.next() {
                Some(c) if name_char(c) && c != ':' => label.push(c),
                other => break other,
            }
        };
        if label.is_empty() || after != Some('=') || chars.next() != Some('"') {
            return Err(format!("bad label near {label:?}"));
        }
        loop {
            match chars.next() {
                None => return Err("unterminated label value".into()),
                Some('\\') => match chars.next() {
                    Some('\\' | '"' | 'n') => {}
                    other => return Err(format!("invalid escape \\{other:?}")),
                },
                Some('"') => break,
                Some('\n') => return Err("line feed in a label value".into()),
                Some(_) => {}
            }
        }
        match chars.next() {
            Some(',') => {}
            Some('}') => break,
            other => return Err(format!("expected , or }} after a label, got {other:?}")),
        }
    }
    let value = chars.as_str();
    match value.strip_prefix(' ').map(str::parse::<f64>) {
        Some(Ok(_)) => Ok(()),
        _ => Err(format!("bad sample value {value:?}")),
    }
}
