//! The reply parser fed the same bytes whole, one byte at a time and at random chunkings
//! gives identical replies and the identical error; no reply exceeds the limits.
//!
//! Input: 4 control bytes, then the server's bytes. Control byte 0, bit 0: small limits
//! taken from bytes 1–3 (so that the fuzzer reaches them), else the defaults; the four bytes
//! also seed the random chunk sizes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtpprobe::smtp::reply::{EnhancedCode, Limits, Reply};
use smtpprobe_fuzz::{Rng, parse_chunked};

fuzz_target!(|data: &[u8]| {
    let Some((head, input)) = data.split_first_chunk::<4>() else {
        return;
    };
    let limits = if head[0] & 1 == 1 {
        Limits {
            max_line: 1 + usize::from(head[1] % 64),
            max_lines: 1 + usize::from(head[2] % 16),
            max_reply_bytes: 1 + usize::from(head[3]) * 4,
        }
    } else {
        Limits::default()
    };
    let whole = parse_chunked(limits, input, &mut std::iter::empty());
    for r in &whole.0 {
        within_limits(&limits, r);
    }
    let bytes = parse_chunked(limits, input, &mut std::iter::repeat(1));
    assert_eq!(whole, bytes, "byte at a time differs from whole");
    let mut rng = Rng(u64::from(u32::from_le_bytes(*head)) | 1 << 40);
    let mut sizes = std::iter::from_fn(|| Some(1 + (rng.next_u64() % 48) as usize));
    let random = parse_chunked(limits, input, &mut sizes);
    assert_eq!(whole, random, "random chunking differs from whole");
});

/// Limits count bytes received; each byte becomes at most one character of the text kept
/// (invalid UTF-8 turns into U+FFFD), so characters are what can be checked here.
fn within_limits(limits: &Limits, r: &Reply) {
    assert!(!r.lines.is_empty(), "a reply without lines");
    assert!(r.lines.len() <= limits.max_lines, "{} lines", r.lines.len());
    let mut total = 0;
    for line in &r.lines {
        let n = line.chars().count();
        assert!(n <= limits.max_line, "line of {n} characters kept");
        assert!(!line.contains('\n'), "line feed inside a line");
        total += n + 2;
    }
    assert!(total <= limits.max_reply_bytes, "reply of {total} bytes");
    let first = r.lines[0].as_bytes();
    let code = first
        .get(..3)
        .filter(|d| d.iter().all(u8::is_ascii_digit))
        .map(|d| d.iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')));
    assert_eq!(code, Some(r.code), "code does not match the first line");
    if let Some(e) = r.enhanced {
        assert_eq!(u16::from(e.class), r.code / 100, "enhanced class mismatch");
        assert_eq!(EnhancedCode::parse(&e.to_string()), Some(e));
    }
}
