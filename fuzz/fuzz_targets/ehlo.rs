//! EHLO capabilities from arbitrary replies: never panics, one extension per non-blank
//! line after the first, each keeping its keyword, and every well-formed extension line
//! (the reply's code, then `-` or space) is among them, in order.
//!
//! Input: the server's bytes, parsed into replies; the same bytes are also read as one
//! reply whose lines are taken as they are, whatever their shape.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtpprobe::smtp::ehlo::{Capabilities, Extension};
use smtpprobe::smtp::reply::{Limits, Reply, ReplyParser};
use smtpprobe_fuzz::drain;

fuzz_target!(|data: &[u8]| {
    let mut p = ReplyParser::new(Limits::default());
    p.feed(data);
    let mut replies = Vec::new();
    let _ = drain(&mut p, &mut replies);
    let text = String::from_utf8_lossy(data);
    replies.push(Reply {
        code: 250,
        enhanced: None,
        lines: text.split('\n').map(str::to_owned).collect(),
        anomalies: vec![],
        raw: vec![],
        lengths: vec![],
    });
    for r in &replies {
        check(r);
    }
});

fn check(r: &Reply) {
    let caps = Capabilities::from_reply(r);
    assert_eq!(caps.extensions.len(), caps.raw.len());
    for (raw, ext) in caps.raw.iter().zip(&caps.extensions) {
        let mut words = raw.split_whitespace();
        let word = words.next().expect("blank extension line kept");
        assert!(
            keyword(ext).eq_ignore_ascii_case(word),
            "{raw:?} became {ext:?}"
        );
        match ext {
            Extension::Other { params, .. } => assert!(params.iter().map(String::as_str).eq(words)),
            Extension::Auth { mechanisms } => assert_eq!(mechanisms.len(), words.count()),
            _ => {}
        }
    }
    assert_eq!(
        caps.starttls(),
        caps.raw.iter().any(|l| l
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("STARTTLS")))
    );
    let code = r.lines.first().and_then(|l| l.get(..3));
    let mut kept = caps.raw.iter();
    for line in r.lines.iter().skip(1) {
        let well_formed =
            line.len() >= 4 && line.get(..3) == code && matches!(line.as_bytes()[3], b'-' | b' ');
        let text = line.get(4..).unwrap_or("").trim();
        if well_formed && !text.is_empty() {
            assert!(kept.any(|k| k == text), "extension line {line:?} lost");
        }
    }
}

fn keyword(e: &Extension) -> &str {
    match e {
        Extension::Size { .. } => "SIZE",
        Extension::Auth { .. } => "AUTH",
        Extension::Pipelining => "PIPELINING",
        Extension::EightBitMime => "8BITMIME",
        Extension::Smtputf8 => "SMTPUTF8",
        Extension::Enhancedstatuscodes => "ENHANCEDSTATUSCODES",
        Extension::Chunking => "CHUNKING",
        Extension::Binarymime => "BINARYMIME",
        Extension::Dsn => "DSN",
        Extension::Starttls => "STARTTLS",
        Extension::Vrfy => "VRFY",
        Extension::Expn => "EXPN",
        Extension::Help => "HELP",
        Extension::Requiretls => "REQUIRETLS",
        Extension::Other { keyword, .. } => keyword,
    }
}
