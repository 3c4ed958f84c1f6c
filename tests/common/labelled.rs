//! Shared by the tests that read the labelled lines of `fixtures/bounces/`
//! (`tests/bounces.rs`, `tests/paste_forms.rs`).

use smtpprobe::explain::{Explanation, Item};

/// The item the line is about: the first failure read from it (a 4xx/5xx code or enhanced
/// code: a pasted transcript's "250 2.1.0 Ok" lines before its "556 5.1.10 …" are not what
/// a record is labelled for), else a code-less failure read by its words, else the first
/// reply, else the first item.
pub fn item(ex: &Explanation) -> Option<&Item> {
    let failure = |i: &&Item| {
        i.code.is_some_and(|c| c >= 400)
            || i.enhanced
                .as_deref()
                .is_some_and(|e| e.starts_with(['4', '5']))
    };
    ex.items
        .iter()
        .find(failure)
        // A code-less failure read by its words after replies that all succeeded (swaks's
        // "*** STARTTLS not supported" at the end of its session).
        .or_else(|| {
            ex.items.iter().find(|i| {
                i.code.is_none()
                    && i.enhanced.is_none()
                    && json_name(&i.reason).is_some_and(|r| r != "delivered")
            })
        })
        .or_else(|| {
            ex.items
                .iter()
                .find(|i| i.code.is_some() || i.enhanced.is_some())
        })
        .or(ex.items.first())
}

/// A field's name as `explain --json` writes it (`"userunknown"`, `550`), `None` when absent.
pub fn json_name<T: serde::Serialize>(v: &Option<T>) -> Option<String> {
    v.as_ref()
        .and_then(|v| serde_json::to_value(v).ok())
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
}
