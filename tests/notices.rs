//! A bounce's own framing pasted without the reply it frames (`fixtures/notices/framing.tsv`:
//! the sentences with which Postfix, Exim, qmail, Sendmail, Yahoo, Mail.ru, Yandex, GMX,
//! T-Online, Coremail, Mimecast, Barracuda, Google Groups, Mailman, Sympa and others open or
//! close their notices, and Gmail's and Exchange's headings and link lines in the languages they
//! are sent in, each with where it was seen): `explain` gives it no reason and says
//! that the reason is in the reply that follows (round 89; before, the nearest labelled line
//! lent most of them a reason, a full mailbox or an unknown user).

#[path = "common/labelled.rs"]
mod labelled;

use labelled::item;
use smtpprobe::explain::explain;
use std::path::Path;

#[test]
fn a_framing_alone_gets_no_reason_and_says_where_the_reason_is() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/notices/framing.tsv");
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let mut rows = 0;
    for line in data.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let Some((text, source)) = line.split_once('\t') else {
            panic!("not two fields: {line}");
        };
        assert!(!source.trim().is_empty(), "{text}: no source");
        rows += 1;
        let ex = explain(&[text.to_string()], None);
        let Some(it) = item(&ex) else {
            panic!("{text}: no item");
        };
        assert_eq!(it.reason, None, "{text}");
        assert!(
            it.error.as_deref().is_some_and(|e| e.contains("framing")),
            "{text}: {:?}",
            it.error
        );
    }
    assert!(rows >= 100, "{rows} rows");
}
