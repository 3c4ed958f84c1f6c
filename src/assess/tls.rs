//! TLS, judged: the `servers[].tls` part of a report and the findings it implies.
//!
//! Severity follows the server's TLS policy: when TLS is required (`--starttls require`) or
//! implicit, a certificate that does not verify is CRITICAL (the handshake was refused, as a
//! strict sender would: MTA-STS in enforce mode, DANE, RFC 8314 clients); with
//! opportunistic STARTTLS it is a WARNING, because most MTAs deliver anyway (RFC 7435).

use super::finding;
use crate::exit::Status;
use crate::report::FindingReport;
use crate::report::tls::{CertificateReport, TlsMode, TlsReport, VerifyError, VerifyReason};
use crate::smtp::ehlo::Capabilities;
use crate::smtp::session::{TlsPolicy, Transcript};
use crate::tls::{HandshakeRecord, Verdict, certificate_facts, unix_now};
use crate::vocab::FindingId;

/// What the assessment needs to know about TLS on one connection.
pub struct TlsFacts<'a> {
    /// How TLS was attempted; `None` when no handshake was.
    pub mode: Option<TlsMode>,
    pub record: Option<&'a HandshakeRecord>,
    pub transcript: &'a Transcript,
    pub policy: TlsPolicy,
    pub port: u16,
}

/// Certificate expiry thresholds (`--cert-warn-days`, `--cert-crit-days`).
#[derive(Debug, Clone, Copy)]
pub struct ExpiryDays {
    pub warn: i64,
    pub crit: i64,
}

/// The TLS report of one server and its findings, in the order they are reported.
pub fn assess(facts: &TlsFacts<'_>, days: ExpiryDays) -> (TlsReport, Vec<FindingReport>) {
    let mut findings = Vec::new();
    let implicit = facts.mode == Some(TlsMode::Implicit);
    let before_tls = facts.transcript.capabilities.as_ref().filter(|_| !implicit);
    if facts.port == 587
        && let Some(mechs) = before_tls.and_then(Capabilities::auth_mechanisms)
    {
        findings.push(finding(
            FindingId::AuthBeforeTls,
            Status::Warning,
            format!(
                "AUTH {} is offered before TLS on the submission port: a client could send its \
                 password in clear text; offer AUTH only after STARTTLS (Postfix: \
                 smtpd_tls_auth_only = yes; RFC 4954 §4, RFC 8314 §3)",
                mechs.join(" ")
            ),
        ));
    }
    let (Some(mode), Some(rec)) = (facts.mode, facts.record) else {
        return (TlsReport::none(), findings);
    };
    let mut report = negotiated(mode, rec, facts.transcript);
    if implicit
        && facts
            .transcript
            .capabilities
            .as_ref()
            .is_some_and(Capabilities::starttls)
    {
        findings.push(finding(
            FindingId::StartTlsAfterTls,
            Status::Warning,
            "STARTTLS is advertised inside implicit TLS (RFC 3207 §4.2: not after TLS is active)"
                .into(),
        ));
    }
    report.verify_error = verification(rec, facts.policy.is_strict(), &mut findings);
    let failed = matches!(rec.verdict, Verdict::Failed(_));
    let expired_reported =
        matches!(&rec.verdict, Verdict::Failed(v) if v.reason == VerifyReason::Expired);
    if let Some(f) = expiry(&report.certificates, failed, expired_reported, days) {
        findings.push(f);
    }
    (report, findings)
}

/// What was negotiated and presented, as facts for the report.
fn negotiated(mode: TlsMode, rec: &HandshakeRecord, t: &Transcript) -> TlsReport {
    let now = unix_now();
    let mut report = TlsReport::none();
    report.mode = mode;
    report.version.clone_from(&rec.version);
    report.cipher.clone_from(&rec.cipher);
    report.key_exchange.clone_from(&rec.key_exchange);
    report.handshake_ms = Some(crate::report::ms(rec.elapsed));
    report.trust = (!rec.trust.is_empty()).then(|| rec.trust.clone());
    report.checked_name = Some(rec.checked_name.clone());
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
    report.verified = rec.verdict == Verdict::Verified;
    report
}

/// The verification verdict: the error to report, and its finding.
fn verification(
    rec: &HandshakeRecord,
    strict: bool,
    findings: &mut Vec<FindingReport>,
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
            findings.push(finding(
                FindingId::TlsCertificateInvalid,
                status,
                format!(
                    "certificate verification failed ({}): {}; {note}",
                    v.reason, v.message
                ),
            ));
            Some(v.clone())
        }
        Verdict::Skipped => {
            // The user chose this: say it loudly, but do not turn every run into a
            // WARNING (expiry thresholds and STARTTLS checks still apply).
            findings.push(finding(
                FindingId::TlsNotVerified,
                Status::Ok,
                "--insecure: the server's certificate was NOT verified (chain, name and \
                 validity dates unchecked); the facts shown are what the server claims"
                    .into(),
            ));
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
/// A certificate that already failed verification is judged by that failure: its expiry
/// adds a fact, not a second, harsher verdict (an opportunistic sender ignores both, a
/// strict one already refuses). So expiry findings on it are at most WARNING.
fn expiry(
    certificates: &[CertificateReport],
    failed: bool,
    expired_reported: bool,
    days: ExpiryDays,
) -> Option<FindingReport> {
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
    let c = certificates.iter().min_by_key(|c| c.days_left)?;
    let d = c.days_left;
    let who = if std::ptr::eq(c, certificates.as_ptr()) {
        "the server's certificate"
    } else {
        "a certificate in the chain"
    };
    if d < 0 && !expired_reported {
        Some(finding(
            FindingId::CertExpired,
            cap(Status::Critical),
            format!(
                "{who} ({}) expired on {}, {} day(s) ago",
                c.subject, c.not_after, -d
            ),
        ))
    } else if d >= 0 && d <= days.crit {
        Some(finding(
            FindingId::CertExpiring,
            cap(Status::Critical),
            format!(
                "{who} ({}) expires {}, on {} (--cert-crit-days {}): renew it now",
                c.subject,
                when(d),
                c.not_after,
                days.crit
            ),
        ))
    } else if d >= 0 && d <= days.warn {
        Some(finding(
            FindingId::CertExpiring,
            Status::Warning,
            format!(
                "{who} ({}) expires {}, on {} (--cert-warn-days {}): check that renewal works",
                c.subject,
                when(d),
                c.not_after,
                days.warn
            ),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcript_with_ehlo(ehlo: &str) -> Transcript {
        use crate::smtp::reply::{Limits, ReplyParser};
        let mut p = ReplyParser::new(Limits::default());
        p.feed(ehlo.as_bytes());
        let reply = p.next_reply().ok().flatten().expect("a reply");
        Transcript {
            capabilities: Some(Capabilities::from_reply(&reply)),
            ..Transcript::default()
        }
    }

    fn plain<'a>(t: &'a Transcript, port: u16) -> TlsFacts<'a> {
        TlsFacts {
            mode: None,
            record: None,
            transcript: t,
            policy: TlsPolicy::Opportunistic,
            port,
        }
    }

    #[test]
    fn auth_before_tls_is_flagged_on_the_submission_port_only() {
        let days = ExpiryDays { warn: 14, crit: 3 };
        let t = transcript_with_ehlo("250-mx\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n");
        let (_, f) = assess(&plain(&t, 587), days);
        assert!(
            f.iter()
                .any(|f| f.id == FindingId::AuthBeforeTls && f.status == Status::Warning)
        );
        let (_, f) = assess(&plain(&t, 25), days);
        assert!(f.is_empty());
        let t = transcript_with_ehlo("250-mx\r\n250 STARTTLS\r\n");
        let (report, f) = assess(&plain(&t, 587), days);
        assert!(f.is_empty());
        assert_eq!(report.mode, "none");
    }
}
