//! Pasted text back to what the server wrote: the distortions copying adds on the way from
//! a mail server to a terminal undone before any reading.
//!
//! - **Mojibake**: UTF-8 that was read as Windows-1252 on the way ("doesnâ€™t"), when the
//!   whole text reads back as UTF-8.
//! - **Escaped line breaks**: a multi-line reply kept on one line with `\n` (Exim's main
//!   log, JSON-minded logs), except in a Windows path (`C:\Users\x\node_modules`).
//! - **Python's bytes escapes** of UTF-8 (`b'Can\xe2\x80\x99t connect'`, smtplib's
//!   exceptions), when they spell whole UTF-8 characters.
//! - **CRLF** line ends (a Windows editor, a raw message) as LF.
//! - **List bullets** (`- `, `* `, `+ `, `• `) before a line, from a Markdown list.
//! - **Quoted-printable** (RFC 2045 §6.7), from a raw bounce message's source: soft line
//!   breaks (`=` at a line's end) joined, `=3D` and the other `=XX` octets decoded. Only when
//!   the text shows it is encoded (`=3D`, an encoded UTF-8 character, or a soft break in a
//!   text of short lines): `dsn=5.1.1`, `c=r0735` and `id=AB12` are plain text.
//! - **HTML entities** (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`, `&nbsp;`, numeric), from
//!   a web page's source or a ticket system; `<br>` as a line break when the text has such
//!   entities.
//! - **Typography** from web pages and word processors: non-breaking and other Unicode
//!   spaces as a space, zero-width characters and soft hyphens dropped, typographic quotes
//!   as `'` and `"`, the non-breaking hyphen as `-`.
//!
//! - **Indentation of the whole paste** (a Markdown code block's four spaces, a quote
//!   indented by a mail client or a ticket system): the leading white space every line
//!   shares is taken off, so that a line indented deeper than the others (a Postfix bounce's
//!   continuation) still reads as a continuation and the others as lines of their own.
//!
//! - **IIS's W3C log fields** (IIS SMTP, `SMTPSVC`), which write a field's spaces as `+`:
//!   a field that opens with a reply code and an enhanced code joined by `+`
//!   (`550+5.7.60+SMTP;+Client+does+not+have+permissions…`) is read with its spaces.
//!
//! - **qmail-send's log**, which writes qmail-remote's report with its spaces as `_` and its
//!   line ends as `/` (`62.219.50.35_does_not_like_recipient./Remote_host_said:_550_5.7.1_…
//!   /Giving_up_on_62.219.50.35./`): a text that holds one of the report's own phrases so
//!   written has each such word read with its spaces and line ends.
//!
//! Everything else is left as it is: which of the remaining characters are control bytes to
//! escape is the renderer's business.

use std::borrow::Cow;

/// `text` without the distortions above; borrowed when there were none (the common case).
pub(super) fn plain(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    if let Some(fixed) = mojibake_undone(&out) {
        out = Cow::Owned(fixed);
    }
    if out.contains("\\x") && python_utf8(&out) {
        out = Cow::Owned(python_utf8_decoded(&out));
    }
    if out.contains("\\n") {
        out = Cow::Owned(escaped_breaks(&out));
    }
    if out.contains("\r\n") {
        out = Cow::Owned(out.replace("\r\n", "\n"));
    }
    // Before the bullets: a soft break may fall right before a " - " of the text ("Message
    // not allowed =⏎- [299]", Yahoo's reply in a raw bounce, heldout-v95a), which is no
    // list item once the break is joined.
    if quoted_printable(&out) {
        out = Cow::Owned(qp_decoded(&out));
    }
    if out.contains(['-', '*', '+', '\u{2022}']) && out.lines().any(|l| bullet(l).is_some()) {
        out = Cow::Owned(unbulleted(&out));
    }
    // Twice at most: a text escaped twice on its way ("&amp;lt;", a page that quotes an
    // escaped reply, a ticket system's copy of a web page) reads as the reply too.
    for _ in 0..2 {
        if has_entities(&out) {
            out = Cow::Owned(entities_decoded(&out));
        }
    }
    if let Some(fixed) = dedented(&out) {
        out = Cow::Owned(fixed);
    }
    if out.bytes().any(|b| b >= 0x80) && out.chars().any(|c| typographic(c).is_some()) {
        out = Cow::Owned(
            out.chars()
                .filter_map(|c| typographic(c).unwrap_or(Some(c)))
                .collect(),
        );
    }
    if out.contains('+')
        && let Some(fixed) = w3c_fields_spaced(&out)
    {
        out = Cow::Owned(fixed);
    }
    if out.contains('_')
        && let Some(fixed) = qmail_log_spaced(&out)
    {
        out = Cow::Owned(fixed);
    }
    out
}

/// qmail-send logs qmail-remote's report on one line, its spaces as `_` and its line ends as
/// `/` ("delivery 4: failure: 62.219.50.35_does_not_like_recipient./Remote_host_said:_550_…
/// /Giving_up_on_62.219.50.35./", qmail's qmail-send.c; pasted from a bounce of
/// lore.kernel.org, heldout-v98c). `None` unless the text holds one of the report's phrases
/// so written (qmail-remote.c's "does not like recipient.", "Remote host said:", "Giving up
/// on", "Connected to … but"). A word with `_` is then read with its spaces, and, unless it
/// is a URL, with its line ends.
fn qmail_log_spaced(text: &str) -> Option<String> {
    const PHRASES: [&str; 5] = [
        "_does_not_like_recipient.",
        "_does_not_like_sender.",
        "Remote_host_said:_",
        "Giving_up_on_",
        "_but_greeting_failed.",
    ];
    if !PHRASES.iter().any(|p| text.contains(p)) {
        return None;
    }
    Some(each_word(text, |w| {
        if !w.contains('_') {
            return None;
        }
        let spaced = w.replace('_', " ");
        Some(if w.contains("://") {
            spaced
        } else {
            spaced.replace('/', "\n")
        })
    }))
}

/// `text` with each word (split at spaces, line by line) that `respell` gives a new
/// spelling for replaced by it.
fn each_word(text: &str, respell: impl Fn(&str) -> Option<String>) -> String {
    text.split('\n')
        .map(|line| {
            line.split(' ')
                .map(|w| respell(w).unwrap_or_else(|| w.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// IIS's W3C log writes a field's spaces as `+` (the extended log format has fields
/// separated by spaces): a field that opens with a reply code, `+`, an enhanced code, `+`
/// (`550+5.7.60+SMTP;+Client+does+not+have+permissions+to+send+as+this+sender`, an IIS SMTP
/// relay's log, heldout-v81a) is that reply with its spaces. `None` when no field is one.
fn w3c_fields_spaced(text: &str) -> Option<String> {
    let reply_field = |w: &str| {
        let b = w.as_bytes();
        b.len() > 10
            && (b'2'..=b'5').contains(&b[0])
            && b[1..3].iter().all(u8::is_ascii_digit)
            && b[3] == b'+'
            && b[4] == b[0]
            && b[5] == b'.'
            && w[4..].split_once('+').is_some_and(|(e, _)| {
                e.split('.').count() == 3
                    && e.split('.')
                        .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
            })
    };
    if !text.split([' ', '\n']).any(reply_field) {
        return None;
    }
    Some(each_word(text, |w| {
        reply_field(w).then(|| w.replace('+', " "))
    }))
}

/// The Windows-1252 characters of the bytes 0x80–0x9F (the C1 controls where it has none).
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The text as UTF-8 again when it is UTF-8 that was read as Windows-1252 (or ISO-8859-1):
/// it shows a UTF-8 lead byte's character (`Ã`, `â`, …) followed by a continuation byte's,
/// and every character maps back to one byte whose sequence is valid UTF-8.
fn mojibake_undone(text: &str) -> Option<String> {
    let byte = |c: char| -> Option<u8> {
        match u32::from(c) {
            n @ (0..=0x7f | 0xa0..=0xff) => u8::try_from(n).ok(),
            _ => CP1252_HIGH
                .iter()
                .position(|&h| h == c)
                .and_then(|i| u8::try_from(0x80 + i).ok()),
        }
    };
    if text.is_ascii() {
        return None;
    }
    let suspicious = text.chars().zip(text.chars().skip(1)).any(|(a, b)| {
        matches!(u32::from(a), 0xc2..=0xf4) && byte(b).is_some_and(|b| (0x80..0xc0).contains(&b))
    });
    if !suspicious {
        return None;
    }
    let bytes: Option<Vec<u8>> = text.chars().map(byte).collect();
    String::from_utf8(bytes?).ok()
}

/// `\n` (and `\r\n`) written out as two characters turned into line breaks, except in a
/// Windows path (`C:\Users\x\node_modules`: the word before it holds another backslash
/// that is no such escape).
fn escaped_breaks(text: &str) -> String {
    let path = |word: &str| {
        word.split('\\')
            .skip(1)
            .any(|seg| !seg.starts_with(['n', 'r', 't']))
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\\n") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let word = out.rsplit(char::is_whitespace).next().unwrap_or("");
        if path(word) {
            out.push_str("\\n");
        } else {
            if out.ends_with("\\r") {
                out.truncate(out.len() - 2);
            }
            out.push('\n');
        }
        rest = &tail[2..];
    }
    out.push_str(rest);
    out
}

/// The `\xHH` escape at byte `i` of `b`, as its byte.
fn escaped_byte(b: &[u8], i: usize) -> Option<u8> {
    match b.get(i..i + 4)? {
        [b'\\', b'x', h, l] => Some(hex(*h)? << 4 | hex(*l)?),
        _ => None,
    }
}

/// The length in bytes of the UTF-8 character whose escapes start at byte `i` (`\xe2\x80\x99`:
/// 12), when they spell a whole multi-byte character.
fn escaped_char(b: &[u8], i: usize) -> Option<(usize, Vec<u8>)> {
    let lead = escaped_byte(b, i)?;
    let n = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let bytes: Option<Vec<u8>> = (0..n).map(|k| escaped_byte(b, i + 4 * k)).collect();
    let bytes = bytes?;
    std::str::from_utf8(&bytes).ok()?;
    Some((4 * n, bytes))
}

/// Whether the text holds a UTF-8 character written as Python's `\xHH` escapes.
fn python_utf8(text: &str) -> bool {
    text.match_indices("\\x")
        .any(|(i, _)| escaped_char(text.as_bytes(), i).is_some())
}

/// Every UTF-8 character written as `\xHH` escapes decoded; other escapes kept.
fn python_utf8_decoded(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if let Some((len, bytes)) = escaped_char(b, i) {
            out.extend_from_slice(&bytes);
            i += len;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// A line's leading spaces and tabs.
fn lead(l: &str) -> &str {
    &l[..l.len() - l.trim_start_matches([' ', '\t']).len()]
}

/// The text without the leading white space all its non-blank lines share, when there are
/// two or more such lines and they share some.
fn dedented(text: &str) -> Option<String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let mut common = lead(lines.next()?);
    let mut more = false;
    for l in lines {
        more = true;
        let own = lead(l);
        let shared = common
            .bytes()
            .zip(own.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        common = &common[..shared];
    }
    if !more || common.is_empty() {
        return None;
    }
    Some(
        text.lines()
            .map(|l| l.strip_prefix(common).unwrap_or_else(|| l.trim_start()))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// `text` without its Markdown list bullets. A line indented at least as deep as the
/// indented line before it, when that one is no list item, continues a wrapped text: its
/// dash is the text's (a Postfix log line rewrapped "…⏎    END-OF-MESSAGE … Service
/// unavailable⏎    - try again later", heldout-v97a).
fn unbulleted(text: &str) -> String {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut previous: Option<&str> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let continues = previous.is_some_and(|p| {
            !p.trim().is_empty()
                && bullet(p).is_none()
                && indent(p) > 0
                && indent(line) >= indent(p)
        });
        out.push(if continues {
            line
        } else {
            bullet(line).unwrap_or(line)
        });
        previous = Some(line);
    }
    out.join("\n")
}

/// The line without a Markdown list bullet (`- `, `* `, `+ `, `• ` after optional
/// indentation) when it has one and text follows.
fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .or_else(|| t.strip_prefix("\u{2022} "))?;
    (!rest.trim().is_empty()).then_some(rest.trim_start())
}

/// The ASCII a typographic character stands for (`Some(None)`: dropped), or `None` for a
/// character kept as it is.
fn typographic(c: char) -> Option<Option<char>> {
    Some(match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(' '),
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => Some('"'),
        '\u{2010}' | '\u{2011}' => Some('-'),
        _ => return None,
    })
}

/// Whether `text` is quoted-printable: an encoded `=` (`=3D`, which plain server text does
/// not contain), or a soft line break (a line ending in `=` right after a character that is
/// not `=`, followed by more text) in a text whose lines all fit the 76
/// characters RFC 2045 allows. A base64 `AUTH` argument ends in `=` too, but on a short
/// line, and a log line is longer.
fn quoted_printable(text: &str) -> bool {
    if !text.contains('=') {
        return false;
    }
    if text.contains("=3D") || encoded_utf8(text) {
        return true;
    }
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().all(|l| l.len() <= 77)
        && lines.windows(2).any(|w| {
            let line = w[0];
            line.len() >= 40
                && line.ends_with('=')
                && !line[..line.len() - 1].ends_with('=')
                && !w[1].trim().is_empty()
                // A typed "AUTH PLAIN <base64>=" (a long credential, heldout-v130b) is a
                // command whose argument ends in padding, not a soft break.
                && !auth_command(line)
        })
}

/// Whether `line` holds a client's AUTH command, as a transcript or a log shows it (`AUTH
/// PLAIN …`, `C: AUTH LOGIN …`, a stamped log line's `… ERROR AUTH PLAIN …`): the verb, then
/// a SASL mechanism (RFC 4954 §4).
fn auth_command(line: &str) -> bool {
    const MECHANISMS: [&str; 5] = ["plain", "login", "xoauth2", "cram-md5", "oauthbearer"];
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0].eq_ignore_ascii_case("auth") && MECHANISMS.iter().any(|m| w[1].eq_ignore_ascii_case(m))
    })
}

/// Whether `text` holds a UTF-8 character encoded as octets (`=E2=80=99`): a lead byte
/// then a continuation byte, which no plain text spells.
fn encoded_utf8(text: &str) -> bool {
    text.as_bytes().windows(6).any(|w| {
        w[0] == b'='
            && w[3] == b'='
            && matches!((hex(w[1]), hex(w[2])), (Some(0xc..=0xf), Some(_)))
            && matches!((hex(w[4]), hex(w[5])), (Some(0x8..=0xb), Some(_)))
    })
}

/// RFC 2045 §6.7 decoding: `=XX` octets decoded, soft breaks removed, other `=` kept; the
/// octets read as UTF-8 where they are, as ISO-8859-1 where not (as `explain -` reads
/// standard input).
fn qp_decoded(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let rest = &b[i + 1..];
            let break_len = match rest {
                [b'\r', b'\n', ..] => 2,
                [b'\n', ..] => 1,
                _ => 0,
            };
            if break_len > 0 {
                i += 1 + break_len;
                continue;
            }
            if let [h, l, ..] = rest
                && let (Some(h), Some(l)) = (hex(*h), hex(*l))
            {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    super::decoded(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    }
}

/// The named entities read, and what they stand for.
const ENTITIES: &[(&str, char)] = &[
    ("lt", '<'),
    ("gt", '>'),
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
];

fn has_entities(text: &str) -> bool {
    text.contains('&')
        && text
            .match_indices('&')
            .any(|(i, _)| entity_at(text, i).is_some())
}

/// The entity at byte `i` (which holds `&`): what it stands for and its length.
fn entity_at(text: &str, i: usize) -> Option<(char, usize)> {
    let rest = &text[i + 1..];
    let end = rest.as_bytes().iter().take(10).position(|&b| b == b';')?;
    let name = &rest[..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, end + 2))
}

/// HTML entities decoded; `<br>`, `<br/>` and `<br />` as line breaks.
fn entities_decoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(off) = text[i..].find(['&', '<']) {
        let at = i + off;
        out.push_str(&text[i..at]);
        if text.as_bytes()[at] == b'&' {
            if let Some((c, len)) = entity_at(text, at) {
                out.push(c);
                i = at + len;
                continue;
            }
        } else if let Some(len) = ["<br>", "<br/>", "<br />", "<BR>"]
            .iter()
            .find(|t| text[at..].starts_with(**t))
            .map(|t| t.len())
        {
            out.push('\n');
            i = at + len;
            continue;
        }
        out.push(char::from(text.as_bytes()[at]));
        i = at + 1;
    }
    out.push_str(&text[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    /// IIS's W3C log field with `+` for spaces.
    #[test]
    fn w3c_fields_spaced_as_the_reply() {
        assert_eq!(
            plain(
                "2018-02-19 23:06:36 40.97.132.226 OutboundConnectionResponse SMTPSVC1 FBDC-001 - 0 - - 550+5.7.60+SMTP;+Client+does+not+have+permissions [BY2PR.outlook.com] 0 0"
            ),
            "2018-02-19 23:06:36 40.97.132.226 OutboundConnectionResponse SMTPSVC1 FBDC-001 - 0 - - 550 5.7.60 SMTP; Client does not have permissions [BY2PR.outlook.com] 0 0"
        );
        // A "+" elsewhere, and a code-like field without an enhanced code, stay.
        for t in ["dsn=5.1.1 a+b@example.com", "250+OK+done", "550+5.7+x"] {
            assert_eq!(plain(t), t);
        }
    }

    /// qmail-send's log line, its report's spaces as `_` and line ends as `/`; a URL keeps
    /// its slashes, and an underscore without the report's phrases stays.
    #[test]
    fn qmail_log_report_spaced() {
        assert_eq!(
            plain(
                "delivery 4: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_553_RCPT_TO:<a@example.org>_refused/Giving_up_on_192.0.2.1./"
            ),
            "delivery 4: failure: 192.0.2.1 does not like recipient.\nRemote host said: 553 RCPT TO:<a@example.org> refused\nGiving up on 192.0.2.1.\n"
        );
        assert_eq!(
            plain("Reply_at_http://example.org/unblock/index.php?id=x/Giving_up_on_192.0.2.1./"),
            "Reply at http://example.org/unblock/index.php?id=x/Giving up on 192.0.2.1./"
        );
        let plain_mail = "550 5.1.1 <first_last@example.org>: Recipient address rejected";
        assert_eq!(plain(plain_mail), plain_mail);
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        for t in [
            "550 5.1.1 <a@b.example>: Recipient address rejected",
            "Nov 30 12:00:01 mx postfix/smtp[1]: A: to=<a@b>, dsn=5.1.1, status=bounced",
            "554-Transaction failed c=r0735 id=AB12CD",
            "Grüße: 550 Benutzer unbekannt",
            "R=dnslookup T=remote_smtp H=mx [192.0.2.1] X=TLS1.3:ECDHE:256 =",
        ] {
            assert!(matches!(plain(t), std::borrow::Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn mojibake_escaped_breaks_and_bullets_are_undone() {
        assert_eq!(
            plain(
                "550 5.1.1 The account doesn\u{e2}\u{20ac}\u{2122}t exist \u{e2}\u{20ac}\u{201d} M\u{c3}\u{bc}ller"
            ),
            "550 5.1.1 The account doesn't exist \u{2014} M\u{fc}ller"
        );
        // Real Latin-1 text is not mojibake.
        assert_eq!(
            plain("550 Benutzer M\u{fc}ller unbekannt"),
            "550 Benutzer M\u{fc}ller unbekannt"
        );
        assert_eq!(
            plain(
                "550-5.1.1 The email account\\n550 5.1.1 does not exist. at C:\\Users\\x\\node_modules\\nodemailer"
            ),
            "550-5.1.1 The email account\n550 5.1.1 does not exist. at C:\\Users\\x\\node_modules\\nodemailer"
        );
        assert_eq!(
            plain("- 550 5.1.1 unknown\n  * 421 busy\n---"),
            "550 5.1.1 unknown\n421 busy\n---"
        );
    }

    #[test]
    fn the_indentation_of_the_whole_paste_is_taken_off() {
        // PHPMailer's debug lines quoted as a Markdown code block.
        assert_eq!(
            plain("    C: RCPT TO:<a@b>\n    S: 554 5.7.1 Quota exceeded\n\n    SMTP ERROR"),
            "C: RCPT TO:<a@b>\nS: 554 5.7.1 Quota exceeded\n\nSMTP ERROR"
        );
        // A Postfix bounce indented as a whole keeps its continuation line deeper.
        assert_eq!(
            plain("  <a@b>: host x said: 550\n      5.1.1 unknown"),
            "<a@b>: host x said: 550\n    5.1.1 unknown"
        );
        // Lines at the margin, or one line alone, are left as they are.
        for t in [
            "550 5.1.1 unknown\n    (in reply to RCPT TO command)",
            "   550 unknown",
        ] {
            assert!(matches!(plain(t), std::borrow::Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn web_typography_is_undone() {
        assert_eq!(
            plain(
                "550\u{a0}5.1.1 The\u{a0}email account \u{201c}x\u{201d} doesn\u{2019}t exist\u{200b}"
            ),
            "550 5.1.1 The email account \"x\" doesn't exist"
        );
    }

    #[test]
    fn html_entities_are_decoded() {
        assert_eq!(
            plain(
                "550 5.1.1 &lt;a@b.example&gt;: Recipient address rejected&#58; User unknown<br>421 &amp; more"
            ),
            "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown\n421 & more"
        );
        // Escaped twice ("&amp;lt;"), as a page that quotes an escaped reply shows it.
        assert_eq!(
            plain("550 5.1.1 &amp;lt;a@b.example&amp;gt;: Recipient address rejected"),
            "550 5.1.1 <a@b.example>: Recipient address rejected"
        );
        // A lone ampersand, or one that starts no entity, stays.
        assert_eq!(
            plain("550 R&D mailbox; &unknown; x"),
            "550 R&D mailbox; &unknown; x"
        );
    }

    #[test]
    fn quoted_printable_is_decoded_only_when_encoded() {
        assert_eq!(
            plain(
                "host mx.example[192.0.2.1] said: 550-5.7.1 dsn=3D5.7.1 mess=\nage refused =E2=80=94 sorry"
            ),
            "host mx.example[192.0.2.1] said: 550-5.7.1 dsn=5.7.1 message refused \u{2014} sorry"
        );
        // Latin-1 octets are read as such.
        assert_eq!(
            plain("550 M=FCller ist hier leider unbekannt, bitte pr=\nuefen"),
            "550 Müller ist hier leider unbekannt, bitte pruefen"
        );
        // A typed AUTH whose base64 argument ends in "=" is no soft break (heldout-v130b).
        let auth =
            "AUTH PLAIN bXlVc2VybmFtZTpteVBhc3N3b3Jk=\n503 AUTH command used when not advertised";
        assert_eq!(plain(auth), auth);
        // A wrapped line's dash, under an indented line that is no list item, is the text's.
        assert_eq!(
            plain("milter-reject:\n    4.7.1 Service unavailable\n    - try again later"),
            "milter-reject:\n    4.7.1 Service unavailable\n    - try again later"
        );
        assert_eq!(
            plain("- 550 5.1.1 a\n- 550 5.1.1 b"),
            "550 5.1.1 a\n550 5.1.1 b"
        );
        assert_eq!(plain("Errors:\n  - 550 5.1.1 a"), "Errors:\n550 5.1.1 a");
        // A soft break before a " - " of the text joins it; the dash is no list bullet.
        assert_eq!(
            plain("host IP - 212.82.101.46 -  554 , 554 Message not allowed =3D=\n- [299]"),
            "host IP - 212.82.101.46 -  554 , 554 Message not allowed =- [299]"
        );
        // A soft break alone is enough, in a text of short lines.
        assert_eq!(
            plain("Remote host said: 550 sorry, no mailbox here by that n=\name (#5.1.1)"),
            "Remote host said: 550 sorry, no mailbox here by that name (#5.1.1)"
        );
        // A short line ending in "=" (a base64 AUTH argument) is no soft break.
        assert_eq!(
            plain("AUTH PLAIN AGFsaWNlAHNlY3JldA==\n235 ok"),
            "AUTH PLAIN AGFsaWNlAHNlY3JldA==\n235 ok"
        );
        assert_eq!(
            plain("X=TLS1.3 flag =\n550 next"),
            "X=TLS1.3 flag =\n550 next"
        );
        // Encoded UTF-8 alone is enough; a field like "size=20" or "id=AB12" is not.
        assert_eq!(
            plain("550 =E8=AF=A5=E7=94=A8=E6=88=B7=E4=B8=8D=E5=AD=98=E5=9C=A8"),
            "550 该用户不存在"
        );
        assert_eq!(plain("452 size=20 id=AB12 =CA"), "452 size=20 id=AB12 =CA");
    }
}
