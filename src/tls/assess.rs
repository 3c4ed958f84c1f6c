//! Judgement: moves to `crate::assess` (as `src/assess/tls.rs`).
//!
//! This file decides statuses and writes finding prose from the TLS facts the rest of
//! [`crate::tls`] records; it lives here only until the judgement layer exists. It uses
//! nothing private to `crate::tls`, so it can move with a `git mv` and no other change.

use crate::exit::Status;
use crate::report::tls::{TlsMode, TlsReport, VerifyError, VerifyReason};
use crate::smtp::session::{Finding, Transcript};
use crate::tls::{HandshakeRecord, TlsSettings, Verdict, certificate_facts, unix_now};

/// The TLS part of a server report and the findings it implies.
///
/// Severity follows the STARTTLS policy: with `--starttls require` or implicit TLS a
/// certificate that does not verify is CRITICAL (the handshake was refused, as a strict
/// sender would: MTA-STS in enforce mode, DANE, RFC 8314 clients); in auto mode it is a
/// WARNING, because most MTAs use opportunistic TLS (RFC 7435) and deliver anyway.
pub fn assess(
    mode: Option<TlsMode>,
    record: Option<&HandshakeRecord>,
    t: &Transcript,
    settings: &TlsSettings,
    strict: bool,
    port: u16,
) -> (TlsReport, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut report = TlsReport::none();
    auth_before_tls(mode, t, port, &mut findings);
    let (Some(mode), Some(rec)) = (mode, record) else {
        return (report, findings);
    };
    report.mode = mode;
    report.version.clone_from(&rec.version);
    report.cipher.clone_from(&rec.cipher);
    report.key_exchange.clone_from(&rec.key_exchange);
    report.handshake_ms = Some(crate::report::ms(rec.elapsed));
    report.trust = (!rec.trust.is_empty()).then(|| rec.trust.clone());
    report.checked_name = Some(rec.checked_name.clone());
    let now = unix_now();
    report.certificates = rec
        .chain
        .iter()
        .filter_map(|c| certificate_facts(c, now))
        .collect();
    let after = if mode == TlsMode::Implicit {
        t.capabilities.as_ref()
    } else {
        t.capabilities_after_tls.as_ref()
    };
    report.extensions_after_tls = after.map(|c| c.raw.clone()).unwrap_or_default();
    if mode == TlsMode::Implicit && after.is_some_and(|c| c.starttls()) {
        push(
            &mut findings,
            "starttls_after_tls",
            Status::Warning,
            "STARTTLS is advertised inside implicit TLS (RFC 3207 §4.2: not after TLS is active)"
                .into(),
        );
    }
    report.verified = rec.verdict == Verdict::Verified;
    report.verify_error = verification(rec, strict, &mut findings);
    let expired_reported =
        matches!(&rec.verdict, Verdict::Failed(v) if v.reason == VerifyReason::Expired);
    let failed = matches!(rec.verdict, Verdict::Failed(_));
    expiry(&report, settings, failed, expired_reported, &mut findings);
    (report, findings)
}

fn push(findings: &mut Vec<Finding>, id: &'static str, status: Status, message: String) {
    findings.push(Finding {
        id,
        status,
        message,
    });
}

/// AUTH offered in plain text on the submission port (RFC 4954 §4, RFC 8314 §3).
fn auth_before_tls(mode: Option<TlsMode>, t: &Transcript, port: u16, findings: &mut Vec<Finding>) {
    let before_tls = t
        .capabilities
        .as_ref()
        .filter(|_| mode != Some(TlsMode::Implicit));
    if port == 587
        && let Some(mechs) = before_tls.and_then(|c| c.auth_mechanisms())
    {
        push(
            findings,
            "auth_before_tls",
            Status::Warning,
            format!(
                "AUTH {} is offered before TLS on the submission port: a client could send its \
                 password in clear text; offer AUTH only after STARTTLS (Postfix: \
                 smtpd_tls_auth_only = yes; RFC 4954 §4, RFC 8314 §3)",
                mechs.join(" ")
            ),
        );
    }
}

/// The verification verdict as a finding, and the error the report carries.
fn verification(
    rec: &HandshakeRecord,
    strict: bool,
    findings: &mut Vec<Finding>,
) -> Option<VerifyError> {
    match &rec.verdict {
        Verdict::Failed(v) => {
            let (status, note) = if strict {
                (
                    Status::Critical,
                    "TLS was required, so the handshake was refused as a strict sender \
                     (MTA-STS enforce, DANE, a submission client) would refuse it",
                )
            } else {
                (
                    Status::Warning,
                    "the probe went on over the unverified TLS: most MTAs deliver over \
                     opportunistic TLS anyway (RFC 7435), but MTA-STS (RFC 8461) and DANE \
                     (RFC 7672) senders will not",
                )
            };
            push(
                findings,
                "tls_certificate_invalid",
                status,
                format!(
                    "certificate verification failed ({}): {}; {note}",
                    v.reason, v.message
                ),
            );
            Some(v.clone())
        }
        Verdict::Skipped => {
            // The user chose this: say it loudly, but do not turn every run into a
            // WARNING (expiry thresholds and STARTTLS checks still apply).
            push(
                findings,
                "tls_not_verified",
                Status::Ok,
                "--insecure: the server's certificate was NOT verified (chain, name and \
                 validity dates unchecked); the facts shown are what the server claims"
                    .into(),
            );
            Some(VerifyError::new(
                VerifyReason::Insecure,
                "verification skipped (--insecure)",
                "drop --insecure, or use --ca-file for a private CA",
            ))
        }
        Verdict::Verified | Verdict::NotReached => rec.failure.clone(),
    }
}

/// Expiry, over every certificate presented (an intermediate can expire too).
///
/// A certificate that already failed verification (`failed`) is judged by that failure:
/// its expiry adds a fact, not a second, harsher verdict (an opportunistic sender ignores
/// both, a strict one already refuses). So expiry findings on it are at most WARNING.
fn expiry(
    report: &TlsReport,
    settings: &TlsSettings,
    failed: bool,
    expired_reported: bool,
    findings: &mut Vec<Finding>,
) {
    let cap = |st: Status| {
        if failed && st == Status::Critical {
            Status::Warning
        } else {
            st
        }
    };
    let when = |d: i64| {
        if d == 0 {
            "in less than a day".to_owned()
        } else {
            format!("in {d} day(s)")
        }
    };
    let Some(c) = report.certificates.iter().min_by_key(|c| c.days_left) else {
        return;
    };
    let d = c.days_left;
    let who = if std::ptr::eq(c, report.certificates.as_ptr()) {
        "the server's certificate"
    } else {
        "a certificate in the chain"
    };
    if d < 0 && !expired_reported {
        push(
            findings,
            "cert_expired",
            cap(Status::Critical),
            format!(
                "{who} ({}) expired on {}, {} day(s) ago",
                c.subject, c.not_after, -d
            ),
        );
    } else if d >= 0 && d <= settings.crit_days {
        push(
            findings,
            "cert_expiring",
            cap(Status::Critical),
            format!(
                "{who} ({}) expires {}, on {} (--cert-crit-days {}): renew it now",
                c.subject,
                when(d),
                c.not_after,
                settings.crit_days
            ),
        );
    } else if d >= 0 && d <= settings.warn_days {
        push(
            findings,
            "cert_expiring",
            Status::Warning,
            format!(
                "{who} ({}) expires {}, on {} (--cert-warn-days {}): check that renewal works",
                c.subject,
                when(d),
                c.not_after,
                settings.warn_days
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcript_with_ehlo(ehlo: &str) -> Transcript {
        use crate::smtp::ehlo::Capabilities;
        use crate::smtp::reply::{Limits, ReplyParser};
        let mut p = ReplyParser::new(Limits::default());
        p.feed(ehlo.as_bytes());
        let reply = p.next_reply().ok().flatten().expect("a reply");
        Transcript {
            capabilities: Some(Capabilities::from_reply(&reply)),
            ..Transcript::default()
        }
    }

    #[test]
    fn auth_before_tls_is_flagged_on_the_submission_port_only() {
        let t = transcript_with_ehlo("250-mx\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n");
        let s = TlsSettings::default();
        let (_, f) = assess(None, None, &t, &s, false, 587);
        assert!(
            f.iter()
                .any(|f| f.id == "auth_before_tls" && f.status == Status::Warning)
        );
        let (_, f) = assess(None, None, &t, &s, false, 25);
        assert!(f.is_empty());
        let t = transcript_with_ehlo("250-mx\r\n250 STARTTLS\r\n");
        let (report, f) = assess(None, None, &t, &s, false, 587);
        assert!(f.is_empty());
        assert_eq!(report.mode, "none");
    }
}
