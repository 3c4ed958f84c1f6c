//! Context rules pinned by name, the rule tables' invariants, and registry coverage against
//! the fixture.

use super::*;
use crate::exit::Status;

fn enh(s: &str) -> Option<EnhancedCode> {
    Some(EnhancedCode::parse(s).unwrap_or_else(|| panic!("test code {s}")))
}

const FIXTURE: &str = include_str!("../../fixtures/iana-enhanced-status-codes.txt");

/// `(subject, detail)` of every code the fixture lists.
fn fixture_codes() -> Vec<(u16, u16)> {
    FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let code = l.split('\t').next().unwrap_or("");
            let rest = code
                .strip_prefix("X.")
                .unwrap_or_else(|| panic!("bad line {l:?}"));
            let (s, d) = rest
                .split_once('.')
                .unwrap_or_else(|| panic!("bad line {l:?}"));
            (
                s.parse().unwrap_or_else(|_| panic!("bad subject {l:?}")),
                d.parse().unwrap_or_else(|_| panic!("bad detail {l:?}")),
            )
        })
        .collect()
}

#[test]
fn fixture_codes_all_have_complete_entries() {
    let listed = fixture_codes();
    assert_eq!(listed.len(), 81, "the registry enumerates 81 codes");
    for &(s, d) in &listed {
        let e = enhanced::entry(s, d).unwrap_or_else(|| panic!("X.{s}.{d} has no entry"));
        for field in [e.title, e.description, e.when, e.fix, e.standard] {
            assert!(!field.trim().is_empty(), "X.{s}.{d} is incomplete");
        }
    }
    // And nothing in the table that the registry does not list.
    let table: Vec<(u16, u16)> = enhanced::ENHANCED_CODES
        .iter()
        .map(|e| (e.subject, e.detail))
        .collect();
    assert_eq!(
        table, listed,
        "table and fixture list the same codes in the same order"
    );
}

#[test]
fn unsolicited_221_means_server_closing() {
    let m = meaning(Context::Unsolicited, 221, None, "mx closing connection");
    assert_eq!(m.rule, "unsolicited_221");
    assert_eq!(m.status, Status::Critical);
    assert!(m.summary.contains("closing"));
}

#[test]
fn non_quit_221_means_server_hangs_up() {
    let m = meaning(Context::Rcpt, 221, enh("2.0.0"), "Bye");
    assert_eq!(m.rule, "closing_221");
    assert_eq!(m.status, Status::Critical);
}

#[test]
fn quit_221_is_normal_end() {
    let m = meaning(Context::Quit, 221, enh("2.0.0"), "Bye");
    assert_eq!(m.rule, "quit_221");
    assert_eq!(m.status, Status::Ok);
    assert!(m.advice.is_empty());
    assert_eq!(
        meaning(Context::Quit, 250, None, "").status,
        Status::Warning
    );
}

#[test]
fn vrfy_252_means_will_not_confirm() {
    let m = meaning(Context::Vrfy, 252, enh("2.0.0"), "alice");
    assert_eq!(m.rule, "vrfy_252");
    assert_eq!(m.status, Status::Ok);
    assert!(m.summary.contains("neither confirm nor deny"));
    assert!(m.advice.contains("RCPT"));
    assert_eq!(meaning(Context::Expn, 252, None, "").rule, "expn_252");
}

#[test]
fn vrfy_250_and_251_mean_user_exists() {
    assert_eq!(meaning(Context::Vrfy, 250, None, "<a@b>").rule, "vrfy_250");
    let m = meaning(Context::Vrfy, 251, None, "forwarding");
    assert_eq!(m.rule, "vrfy_251");
    assert!(m.summary.contains("forward"));
}

#[test]
fn vrfy_refusals_are_ok_but_4xx_warns() {
    for code in [500, 502, 504, 550, 553] {
        assert_eq!(
            meaning(Context::Vrfy, code, None, "").status,
            Status::Ok,
            "{code}"
        );
    }
    assert_eq!(
        meaning(Context::Vrfy, 450, None, "").status,
        Status::Warning
    );
    assert_eq!(
        meaning(Context::Vrfy, 421, None, "").status,
        Status::Critical
    );
}

#[test]
fn greeting_421_vs_mid_session_vs_starttls() {
    let g = meaning(Context::Greeting, 421, None, "too busy");
    let s = meaning(Context::Mail, 421, enh("4.4.2"), "timeout");
    let t = meaning(Context::StartTls, 421, None, "");
    assert_eq!(
        (g.rule.as_str(), s.rule.as_str(), t.rule.as_str()),
        ("greeting_421", "session_421", "starttls_421")
    );
    assert!(
        [g.status, s.status, t.status]
            .iter()
            .all(|s| *s == Status::Critical)
    );
    assert_eq!(
        meaning(Context::Unsolicited, 421, None, "").rule,
        "unsolicited_421"
    );
}

#[test]
fn greeting_554_means_no_smtp_service() {
    let m = meaning(Context::Greeting, 554, None, "No SMTP service here");
    assert_eq!(m.rule, "greeting_554");
    assert_eq!(m.status, Status::Critical);
    assert!(m.summary.contains("No SMTP service"));
    let r = meaning(Context::Rcpt, 554, enh("5.7.1"), "rejected");
    assert_eq!(r.rule, "rcpt_554");
    assert_eq!(r.status, Status::Warning);
    assert!(r.summary.contains("policy"));
}

#[test]
fn rcpt_451_471_is_greylisting() {
    for code in [450, 451] {
        let m = meaning(Context::Rcpt, code, enh("4.7.1"), "Try again later");
        assert_eq!(m.rule, "rcpt_450_451_471");
        assert_eq!(m.status, Status::Warning);
        assert!(m.summary.contains("greylisting"));
    }
}

#[test]
fn mail_530_570_is_auth_required_and_critical() {
    let m = meaning(Context::Mail, 530, enh("5.7.0"), "Authentication required");
    assert_eq!(m.rule, "mail_530_570");
    assert_eq!(m.status, Status::Critical);
    assert!(m.summary.contains("submission"));
    let tls = meaning(
        Context::Mail,
        530,
        enh("5.7.0"),
        "Must issue a STARTTLS command first",
    );
    assert_eq!(tls.rule, "mail_530_starttls_first");
}

#[test]
fn rcpt_550_511_is_unknown_mailbox_vs_571_policy() {
    let unknown = meaning(Context::Rcpt, 550, enh("5.1.1"), "User unknown");
    let policy = meaning(Context::Rcpt, 550, enh("5.7.1"), "Relaying denied");
    assert_eq!(unknown.rule, "rcpt_550_511");
    assert_eq!(policy.rule, "rcpt_550_571");
    assert!(unknown.summary.contains("No such mailbox"));
    assert!(policy.summary.contains("relaying denied"));
    assert_eq!(unknown.status, Status::Warning);
    assert_eq!(policy.status, Status::Warning);
    assert_eq!(
        unknown.enhanced_title.as_deref(),
        Some("Bad destination mailbox address")
    );
}

#[test]
fn command_500_vs_502_vs_504() {
    assert_eq!(
        meaning(Context::Rset, 451, None, "").rule,
        "rset_noop_failed"
    );
    assert_eq!(meaning(Context::Mail, 504, None, "").rule, "command_504");
    assert!(
        meaning(Context::Auth, 500, None, "")
            .rule
            .starts_with("auth")
    );
    let unknown = meaning(Context::Mail, 500, None, "");
    let disabled = meaning(Context::Mail, 502, None, "");
    assert_eq!(unknown.rule, "command_500");
    assert_eq!(disabled.rule, "command_502");
    assert!(unknown.summary.contains("did not recognise"));
    assert!(disabled.summary.contains("knows this command"));
}

#[test]
fn ehlo_failures_fall_back_to_helo_or_are_critical() {
    for code in [500, 502, 504, 550] {
        let m = meaning(Context::Ehlo, code, None, "");
        assert_eq!(m.rule, "ehlo_not_supported", "{code}");
        assert_eq!(m.status, Status::Ok);
        assert!(m.summary.contains("HELO"));
    }
    assert_eq!(
        meaning(Context::Ehlo, 554, None, "").status,
        Status::Critical
    );
    assert_eq!(
        meaning(Context::Ehlo, 451, None, "").status,
        Status::Critical
    );
}

#[test]
fn hosts_and_domains_without_mail_521_556() {
    let h = meaning(Context::Greeting, 521, None, "");
    assert_eq!(h.rule, "greeting_521_556");
    assert_eq!(h.status, Status::Critical);
    assert_eq!(
        meaning(Context::Rcpt, 556, enh("5.1.10"), "").rule,
        "rcpt_556"
    );
    assert_eq!(meaning(Context::Mail, 521, None, "").rule, "no_mail_521");
}

#[test]
fn starttls_220_ok_454_warning() {
    assert_eq!(
        meaning(Context::StartTls, 220, None, "Ready to start TLS").status,
        Status::Ok
    );
    let m = meaning(Context::StartTls, 454, enh("4.7.0"), "TLS not available");
    assert_eq!(m.rule, "starttls_454");
    assert_eq!(m.status, Status::Warning);
}

#[test]
fn rset_and_basic_successes_are_ok() {
    assert_eq!(meaning(Context::Rset, 250, None, "").rule, "rset_250");
    assert_eq!(meaning(Context::Greeting, 220, None, "").status, Status::Ok);
    assert_eq!(meaning(Context::Ehlo, 250, None, "").status, Status::Ok);
    assert_eq!(meaning(Context::Mail, 250, None, "").status, Status::Ok);
    assert_eq!(meaning(Context::Rcpt, 251, None, "").status, Status::Ok);
}

#[test]
fn known_server_texts_are_recognised() {
    /// (context, code, enhanced, text, expected rule, expected server)
    type Case = (
        Context,
        u16,
        Option<&'static str>,
        &'static str,
        &'static str,
        &'static str,
    );
    let cases: &[Case] = &[
        (
            Context::Vrfy,
            252,
            Some("2.1.5"),
            "Send some mail, I'll try my best",
            "vrfy_252_try_my_best",
            "Gmail or qmail",
        ),
        (
            Context::Vrfy,
            252,
            None,
            "Administrative prohibition",
            "vrfy_exim_administrative_prohibition",
            "Exim",
        ),
        (
            Context::Vrfy,
            252,
            Some("2.5.2"),
            "Cannot VRFY user; try RCPT to attempt delivery (or try finger)",
            "vrfy_sendmail_novrfy",
            "Sendmail",
        ),
        (
            Context::Vrfy,
            252,
            Some("2.1.5"),
            "Cannot VRFY user, but will take message for <bob@example.com>",
            "vrfy_exchange_will_take_message",
            "Microsoft Exchange",
        ),
        (
            Context::Vrfy,
            502,
            Some("5.5.1"),
            "VRFY command is disabled",
            "vrfy_postfix_disabled",
            "Postfix",
        ),
        (
            Context::Vrfy,
            500,
            Some("5.5.1"),
            "Invalid command: Command unrecognized",
            "vrfy_opensmtpd_unrecognized",
            "OpenSMTPD",
        ),
        (
            Context::Rcpt,
            550,
            Some("5.1.10"),
            "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
            "m365_recipient_not_found",
            "Microsoft 365 / Exchange",
        ),
        (
            Context::Rcpt,
            550,
            Some("5.7.606"),
            "Access denied, banned sending IP [192.0.2.1]",
            "m365_banned_sending_ip",
            "Microsoft 365 / Outlook.com",
        ),
        (
            Context::Rcpt,
            554,
            None,
            "delivery error: dd This user doesn't have a yahoo.com account",
            "yahoo_no_account",
            "Yahoo",
        ),
        (
            Context::Rcpt,
            554,
            Some("5.7.1"),
            "<x@example.org>: Relay access denied",
            "postfix_relay_access_denied",
            "Postfix",
        ),
    ];
    for (ctx, code, e, text, rule, server) in cases {
        let m = meaning(*ctx, *code, e.and_then(EnhancedCode::parse), text);
        assert_eq!(m.rule, *rule, "{text}");
        assert_eq!(m.server_hint.as_deref(), Some(*server), "{text}");
    }
}

#[test]
fn relay_refusal_texts_name_their_server() {
    for (code, text, rule, server) in [
        (
            550,
            "I cannot deliver mail for <x@example.com>",
            "haraka_cannot_deliver",
            "Haraka",
        ),
        (
            550,
            "relay not permitted",
            "exim_relay_not_permitted",
            "Exim",
        ),
        (
            553,
            "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
            "qmail_rcpthosts",
            "qmail",
        ),
    ] {
        let m = meaning(Context::Rcpt, code, None, text);
        assert_eq!(m.rule, rule, "{text}");
        assert_eq!(m.server_hint.as_deref(), Some(server), "{text}");
    }
}

#[test]
fn enhanced_5_7_606_falls_back_to_subject() {
    let m = meaning(Context::Rcpt, 550, enh("5.7.606"), "blocked");
    assert_eq!(m.enhanced_title.as_deref(), Some("Security or policy"));
    assert!(m.summary.contains("5.7.606"), "{}", m.summary);
    let l = enhanced::lookup(EnhancedCode {
        class: 5,
        subject: 7,
        detail: 606,
    });
    assert_eq!(l.map(|l| l.precision), Some(enhanced::Precision::Subject));
}

#[test]
fn unknown_codes_fall_back_to_class() {
    let m = meaning(Context::Mail, 299, None, "");
    assert_eq!(m.rule, "class:2");
    assert_eq!(m.status, Status::Ok);
    let m = meaning(Context::Rcpt, 999, None, "");
    assert_eq!(m.rule, "invalid");
}

#[test]
fn context_free_meaning_only_uses_general_rules() {
    assert!(meaning_without_context(252, None, "").is_none());
    let m = meaning_without_context(502, enh("5.5.1"), "VRFY command is disabled");
    assert_eq!(m.map(|m| m.rule), Some("vrfy_postfix_disabled".to_string()));
    assert_eq!(
        meaning_without_context(521, None, "").map(|m| m.rule),
        Some("no_mail_521".to_string())
    );
}

#[test]
fn rule_ids_are_unique() {
    let mut ids: Vec<&str> = RULE_TABLES
        .iter()
        .copied()
        .flatten()
        .map(|r| r.id)
        .collect();
    ids.sort_unstable();
    for pair in ids.windows(2) {
        assert_ne!(pair[0], pair[1], "duplicate rule id");
    }
}

#[test]
fn every_rule_has_a_summary_and_text_rules_cite_a_source() {
    for r in RULE_TABLES.iter().copied().flatten() {
        assert!(!r.summary.trim().is_empty(), "{}", r.id);
        if r.server.is_some() {
            assert!(!r.source.trim().is_empty(), "{} needs a source", r.id);
            assert!(
                !r.text.is_empty(),
                "{} names a server but matches no text",
                r.id
            );
        }
        for t in r.text {
            assert_eq!(
                *t,
                t.to_lowercase(),
                "{}: text patterns are lower-case",
                r.id
            );
        }
    }
}

/// The words by which a summary speaks of the probe's own session.
fn speaks_of_the_probe(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .collect();
    words
        .iter()
        .any(|w| matches!(w.as_str(), "us" | "our" | "we" | "probe" | "canary"))
}

#[test]
fn a_summary_that_speaks_of_the_probe_has_a_pasted_form_that_does_not() {
    for rule in rules::RULES {
        if speaks_of_the_probe(rule.summary) {
            assert!(
                !rule.pasted.is_empty(),
                "rule {} speaks of the probe's session but has no pasted form",
                rule.id
            );
        }
        assert!(
            !speaks_of_the_probe(rule.pasted),
            "rule {}'s pasted form speaks of the probe: {}",
            rule.id,
            rule.pasted
        );
    }
}
