//! `smtpprobe explain --log` on an arbitrary log (`explain::log::summarise`), rendered human
//! and JSON to memory: never panics; every event lands in exactly one row (the counts add
//! up to the events, and there are no more events than lines); no raw control or bidi
//! character in either output; the JSON is valid and reads back as the summary; and the
//! same bytes handed over 7 at a time (chunks cut lines anywhere) give the same rows.
//!
//! Input: the log's bytes as they are (invalid UTF-8 included: a log is not text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtpprobe::explain::log::summarise;
use smtpprobe::report::explain::{LogSummary, render_log_human, render_log_json};
use smtpprobe_fuzz::{assert_clean, assert_json};

/// The rows in an order that does not depend on a hash map's (equal counts and examples
/// may come out either way).
fn rows(s: &LogSummary) -> Vec<String> {
    let mut r: Vec<String> = s.rows.iter().map(|r| format!("{r:?}")).collect();
    r.sort();
    r
}

fuzz_target!(|data: &[u8]| {
    let whole = summarise(&mut &data[..]).expect("reading memory cannot fail");
    let counted: u64 = whole.rows.iter().map(|r| r.count).sum();
    assert_eq!(counted, whole.events, "every event in one row");
    assert!(whole.events <= whole.lines, "{} events in {} lines", whole.events, whole.lines);

    let mut small = std::io::BufReader::with_capacity(7, data);
    let cut = summarise(&mut small).expect("reading memory cannot fail");
    assert_eq!((cut.lines, cut.events), (whole.lines, whole.events));
    assert_eq!(rows(&cut), rows(&whole), "the same rows read 7 bytes at a time");

    let mut human = Vec::new();
    render_log_human(&whole, &mut human).expect("writing to memory cannot fail");
    let human = String::from_utf8(human).expect("explain --log writes UTF-8");
    assert_clean("explain --log", &human);

    let mut json = Vec::new();
    render_log_json(&whole, &mut json).expect("writing to memory cannot fail");
    let json = String::from_utf8(json).expect("explain --log --json writes UTF-8");
    assert_json("explain --log --json", &json);
    let back: LogSummary = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, whole, "JSON does not read back as the summary");
});
