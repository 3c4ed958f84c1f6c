//! `smtpprobe explain` on arbitrary pasted text, through its entry point
//! (`explain::run`), rendered human and JSON to memory: never panics, exits 0, 1 or 3, no
//! raw control or bidi character in either output, and the JSON is valid and reads back as
//! the same explanation. The same text is also given on standard input (`explain -`).
//!
//! Input: text (invalid UTF-8 replaced; raw on standard input), split at NUL into the arguments; a first argument
//! starting with `@` is the `--after` command instead.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtpprobe::cli::{ColorChoice, ExplainArgs};
use smtpprobe::explain::{self, Explanation};
use smtpprobe_fuzz::{assert_clean, assert_json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut input: Vec<String> = text.split('\0').take(16).map(str::to_owned).collect();
    let after = match input.first() {
        Some(first) if first.starts_with('@') => Some(input.remove(0)[1..].to_owned()),
        _ => None,
    };
    if input.is_empty() {
        return; // the command line needs one input
    }
    // A lone "-" means standard input to the command line (tried below), not an argument.
    let stdin_only = input.len() == 1 && input[0] == "-";
    let expected = explain::explain(&input, after.as_deref());
    for json in [false, true].into_iter().filter(|_| !stdin_only) {
        let args = ExplainArgs {
            input: input.clone(),
            after: after.clone(),
            json,
            log: None,
            color: ColorChoice::Never,
        };
        let mut out = Vec::new();
        let code = explain::run(&args, &mut out);
        assert!(matches!(code, 0 | 1 | 3), "exit code {code}");
        assert_eq!(code, expected.exit_code);
        let out = String::from_utf8(out).expect("explain writes UTF-8");
        let what = if json { "explain --json" } else { "explain" };
        assert_clean(what, &out);
        if json {
            assert_json(what, &out);
            let back: Explanation = serde_json::from_str(&out).expect("reads back");
            assert_eq!(back, expected, "JSON does not read back as the explanation");
        }
    }
    // The same text pasted on standard input (`explain -`): cut into items, read as a whole
    // bounce message when it is one; same promises. Without `--after` the raw bytes go in
    // (NUL as a line break), so bytes that are not UTF-8 reach the reader's own decoding.
    let pasted: Vec<u8> = match after {
        None => data.iter().map(|&b| if b == 0 { b'\n' } else { b }).collect(),
        Some(_) => input.join("\n").into_bytes(),
    };
    for json in [false, true] {
        let args = ExplainArgs {
            input: vec!["-".to_owned()],
            after: after.clone(),
            json,
            log: None,
            color: ColorChoice::Never,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = explain::run_with(&args, &mut pasted.as_slice(), &mut out, &mut err);
        assert!(matches!(code, 0 | 1 | 3), "exit code {code}");
        let out = String::from_utf8(out).expect("explain writes UTF-8");
        let err = String::from_utf8(err).expect("explain writes UTF-8");
        assert_clean("explain -", &out);
        assert_clean("explain - (stderr)", &err);
        if json {
            assert_json("explain - --json", &out);
            let back: Explanation = serde_json::from_str(&out).expect("reads back");
            assert_eq!(back.exit_code, code);
        }
    }
});
