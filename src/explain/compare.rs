//! Comparing two or more explained codes: the key differences (classes, temporary vs
//! permanent, success vs failure, curated notes on codes people confuse) and which to expect
//! when.
//!
//! Never here: explaining a single code (see the parent module), or rendering.

use super::{Comparison, Item};
use crate::smtp::reply::EnhancedCode;

/// Curated notes on codes people confuse; shown when both appear in one comparison.
#[rustfmt::skip]
const PAIR_NOTES: &[(&str, &str, &str)] = &[
    ("221", "421", "221 is a goodbye: after QUIT it is the normal end. 421 is a refusal: the server cannot go on and the client should retry later."),
    ("221", "252", "221 ends the session; 252 is an answer to VRFY that keeps the session going but gives no verdict on the user."),
    ("250", "252", "To VRFY, 250 confirms the user exists; 252 refuses to say either way. Only 250 (from a server that does not say it for everyone) is evidence."),
    ("251", "252", "251 says the user exists elsewhere and mail will be forwarded; 252 says nothing about the user at all."),
    ("252", "550", "To VRFY, 252 is \"I won't tell\" and 550 is \"no such user\" (or a refusal). A server that answers 252 for real users and 550 for made-up ones does tell users apart."),
    ("252", "502", "Both mean VRFY will not verify anyone: 502 refuses the command outright, 252 accepts it but declines to answer."),
    ("500", "502", "500: the server does not recognise the command. 502: it recognises it but does not carry it out (not implemented or disabled)."),
    ("502", "504", "502 is about the whole command; 504 is about one parameter of a command the server otherwise supports."),
    ("500", "504", "500 rejects an unknown command; 504 accepts the command but not one of its parameters."),
    ("500", "501", "500: the command itself is unknown or the line is garbled. 501: the command is known but its argument is malformed."),
    ("450", "550", "Same meaning, different permanence: 450 is temporary (retry later, e.g. greylisting); 550 is final."),
    ("451", "550", "451 is a temporary failure on the server's side (retry); 550 is a permanent refusal of the mailbox or by policy."),
    ("421", "554", "421 at the greeting means \"not now\" (retry later); 554 at the greeting means \"no service for you here\"."),
    ("521", "554", "521 says the host never accepts mail; 554 at the greeting refuses this client or this session."),
    ("521", "556", "521 is a host saying it accepts no mail; 556 is a relay saying the destination domain accepts none."),
    ("550", "553", "550: the mailbox is unavailable (unknown or refused). 553: the address itself is not allowed (syntax, or ambiguous)."),
    ("550", "554", "After RCPT both are permanent refusals; 550 leans to mailbox problems, 554 to policy. The enhanced code says which."),
    ("5.1.1", "5.7.1", "5.1.1: the mailbox does not exist. 5.7.1: the server will not deliver for you (relaying denied, blocked). Fix the address for one, the route or reputation for the other."),
    ("4.7.1", "5.7.1", "Both are policy refusals; 4.7.1 is temporary (often greylisting: retry), 5.7.1 is final."),
    ("5.1.1", "5.1.10", "5.1.1: no such user. 5.1.10: the whole domain takes no mail (null MX) — though Microsoft also uses 5.1.10 for unknown users."),
    ("5.2.2", "5.3.4", "5.2.2: this mailbox is full. 5.3.4: the message is too big for the whole system."),
];

fn key_of(item: &Item) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(c) = item.code {
        keys.push(c.to_string());
    }
    if let Some(e) = &item.enhanced {
        keys.push(e.clone());
    }
    keys
}

fn class_phrase(item: &Item) -> String {
    match (&item.basic, &item.enhanced_info) {
        (Some(b), _) => format!("{} is {} ({})", label(item), b.class, b.title),
        (None, Some(e)) => {
            let class = e.class.split(':').next().unwrap_or("");
            format!("{} is class {} ({})", label(item), class, e.title)
        }
        _ => label(item),
    }
}

fn label(item: &Item) -> String {
    match (item.code, &item.enhanced) {
        (Some(c), Some(e)) => format!("{c} {e}"),
        (Some(c), None) => c.to_string(),
        (None, Some(e)) => e.clone(),
        (None, None) => item.input.clone(),
    }
}

/// The comparison of the valid items of one explanation (two or more).
pub(super) fn compare(items: &[&Item]) -> Comparison {
    let mut key_differences = Vec::new();
    key_differences.push(format!(
        "Classes: {}.",
        items
            .iter()
            .map(|i| class_phrase(i))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    let first_digits: Vec<u16> = items
        .iter()
        .filter_map(|i| {
            i.code
                .map(|c| c / 100)
                .or(i.enhanced_info.as_ref().and_then(|_| {
                    i.enhanced
                        .as_deref()
                        .and_then(EnhancedCode::parse)
                        .map(|e| u16::from(e.class))
                }))
        })
        .collect();
    if first_digits.contains(&4) && first_digits.contains(&5) {
        key_differences.push(
            "Temporary vs permanent: a 4 means try again later and the same request may succeed; a 5 means it will fail again until something changes.".into(),
        );
    }
    if first_digits.contains(&2) && first_digits.iter().any(|d| *d >= 4) {
        key_differences.push(
            "Success vs failure: the 2 code means the command was accepted; the others refused it."
                .into(),
        );
    }
    let keys: Vec<Vec<String>> = items.iter().map(|i| key_of(i)).collect();
    for (a, b, note) in PAIR_NOTES {
        let has = |k: &str| keys.iter().any(|ks| ks.iter().any(|x| x == k));
        let same_item = keys
            .iter()
            .any(|ks| ks.iter().any(|x| x == a) && ks.iter().any(|x| x == b));
        if has(a) && has(b) && !same_item {
            key_differences.push((*note).to_string());
        }
    }
    let which_when = items
        .iter()
        .map(|i| {
            let when = i
                .basic
                .as_ref()
                .map(|b| b.when.clone())
                .or_else(|| i.enhanced_info.as_ref().map(|e| e.when.clone()))
                .unwrap_or_default();
            match &i.meaning {
                Some(m) => format!("{}: {} Here: {}", label(i), when, m.summary),
                None => format!("{}: {}", label(i), when),
            }
        })
        .collect();
    Comparison {
        key_differences,
        which_when,
    }
}
