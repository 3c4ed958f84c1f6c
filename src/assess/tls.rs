//! TLS, judged: the `servers[].tls` part of a report and the findings it implies.
//!
//! Severity follows the server's TLS policy: when TLS is required (`--starttls require`) or
//! implicit, a certificate that does not verify is CRITICAL (the handshake was refused, as a
//! strict sender would: MTA-STS in enforce mode, DANE, RFC 8314 clients); with
//! opportunistic STARTTLS it is a WARNING, because most MTAs deliver anyway (RFC 7435).
//!
//! Certificate dates are judged against the time of the handshake that presented them
//! ([`HandshakeRecord::at`]), never against the wall clock read here: the judgement is a
//! function of the facts.

use super::finding;
use crate::exit::Status;
use crate::report::FindingReport;
use crate::report::tls::{CertificateReport, TlsMode, TlsReport, VerifyError, VerifyReason};
use crate::smtp::Context;
use crate::smtp::ehlo::Capabilities;
use crate::smtp::session::{TlsPolicy, Transcript};
use crate::tls::{HandshakeRecord, Verdict, certificate_facts};
use crate::vocab::{ErrorKind, FindingId, Phase, ProbeError};

/// What the assessment needs to know about TLS on one connection.
pub struct TlsFacts<'a> {
    /// How TLS was attempted; `None` when no handshake was.
    pub mode: Option<TlsMode>,
    pub record: Option<&'a HandshakeRecord>,
    pub transcript: &'a Transcript,
    pub policy: TlsPolicy,
    pub port: u16,
    /// How the conversation ended early, if it did (a silent port 465 is a TLS matter).
    pub error: Option<&'a ProbeError>,
}

/// The port of implicit TLS for submission ("submissions", RFC 8314 §3.3; once "smtps").
const SUBMISSIONS_PORT: u16 = 465;

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
    if let Some(f) = silent_submissions_port(facts) {
        findings.push(f);
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

/// A server on port 465 that said nothing while the probe waited for a plain-text
/// greeting: the likely cause is the probe's mode, not the server. Port 465 is implicit TLS
/// (RFC 8314 §3.3): such a server waits for the client's TLS ClientHello and never greets
/// in clear.
fn silent_submissions_port(facts: &TlsFacts<'_>) -> Option<FindingReport> {
    let e = facts.error?;
    let silent = e.phase == Phase::Reply(Context::Greeting) && e.kind == ErrorKind::Timeout;
    if facts.port != SUBMISSIONS_PORT || facts.policy.is_implicit() || !silent {
        return None;
    }
    Some(finding(
        FindingId::ImplicitTlsPort,
        Status::Warning,
        format!(
            "port {SUBMISSIONS_PORT} is implicit TLS (RFC 8314 §3.3, \"submissions\"): a server \
             there waits for the client to start TLS and says nothing in plain text, so no \
             greeting came; try --tls (or drop --starttls: on port {SUBMISSIONS_PORT} implicit \
             TLS is the default)"
        ),
    ))
}

/// What was negotiated and presented, as facts for the report. Certificate dates are
/// counted from the time of the handshake.
fn negotiated(mode: TlsMode, rec: &HandshakeRecord, t: &Transcript) -> TlsReport {
    let now = rec.at;
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
    if let Some(f) = certificates.first().and_then(temporary) {
        return Some(f);
    }
    // The first to expire (or the longest expired); `days_left` counts whole days.
    let c = certificates.iter().min_by_key(|c| c.not_after_unix)?;
    let d = c.days_left;
    let who = if std::ptr::eq(c, certificates.as_ptr()) {
        "the server's certificate"
    } else {
        "a certificate in the chain"
    };
    if c.expired {
        let ago = match d.abs() {
            0 => "less than a day ago".to_owned(),
            n => format!("{n} day(s) ago"),
        };
        (!expired_reported).then(|| {
            finding(
                FindingId::CertExpired,
                cap(Status::Critical),
                format!("{who} ({}) expired on {}, {ago}", c.subject, c.not_after),
            )
        })
    } else if d <= days.crit {
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
    } else if d <= days.warn {
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

/// A certificate the server software made for itself (self-signed, valid for a day at most,
/// still valid): its end is no deadline for anybody, so it is reported for what it shows,
/// no certificate configured. See [`crate::knowledge::certificates`].
fn temporary(c: &CertificateReport) -> Option<FindingReport> {
    use crate::knowledge::certificates::{TEMPORARY_LIFETIME_SECS, generated_by};
    let lifetime = c.not_after_unix - c.not_before_unix;
    if !c.self_issued || c.expired || !(0..=TEMPORARY_LIFETIME_SECS).contains(&lifetime) {
        return None;
    }
    let span = match lifetime {
        s if s >= 3_600 && s % 3_600 == 0 => format!("{} hour(s)", s / 3_600),
        s if s >= 3_600 => format!("{:.1} hours", s as f64 / 3_600.0),
        s => format!("{} minute(s)", s / 60),
    };
    let (who, fix) = match generated_by(&c.subject) {
        Some(g) => (
            format!(
                "{} makes such a certificate itself when it has none configured",
                g.software
            ),
            g.fix.to_owned(),
        ),
        None => (
            "server software makes such a certificate itself when it has none configured"
                .to_owned(),
            "configure a certificate for this host name in the server".to_owned(),
        ),
    };
    Some(finding(
        FindingId::CertTemporary,
        Status::Warning,
        format!(
            "the server's certificate ({}) is a temporary self-signed one, valid for {span} \
             until {}: {who}, so there is nothing to renew and no sender can verify it; {fix}",
            c.subject, c.not_after
        ),
    ))
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
            error: None,
        }
    }

    const DAY: i64 = 86_400;

    /// A self-signed certificate valid until `not_after` (Unix seconds), as presented in a
    /// handshake made at `at` whose verification was skipped (`--insecure`), so that the
    /// expiry judgement is the only one.
    fn handshake_at(not_after: i64, at: i64) -> HandshakeRecord {
        handshake_lasting(not_after - 400 * DAY, not_after, at, None)
    }

    /// The same, valid from `not_before`, with an organisation in its subject.
    fn handshake_lasting(
        not_before: i64,
        not_after: i64,
        at: i64,
        org: Option<&str>,
    ) -> HandshakeRecord {
        let key = rcgen::KeyPair::generate().expect("key");
        let mut p = rcgen::CertificateParams::new(vec!["mx.test".to_owned()]).expect("params");
        if let Some(o) = org {
            p.distinguished_name
                .push(rcgen::DnType::OrganizationName, o);
        }
        p.not_before = time::OffsetDateTime::from_unix_timestamp(not_before).expect("date");
        p.not_after = time::OffsetDateTime::from_unix_timestamp(not_after).expect("date");
        let cert = p.self_signed(&key).expect("certificate");
        HandshakeRecord {
            checked_name: "mx.test".into(),
            trust: "none (--insecure)".into(),
            version: Some("TLSv1.3".into()),
            cipher: None,
            key_exchange: None,
            elapsed: std::time::Duration::ZERO,
            at,
            chain: vec![cert.der().clone()],
            verdict: Verdict::Skipped,
            failure: None,
        }
    }

    fn judged_at(not_after: i64, at: i64) -> (TlsReport, Vec<FindingReport>) {
        let rec = handshake_at(not_after, at);
        let t = Transcript::default();
        let facts = TlsFacts {
            mode: Some(TlsMode::StartTls),
            record: Some(&rec),
            ..plain(&t, 25)
        };
        assess(&facts, ExpiryDays { warn: 21, crit: 7 })
    }

    fn judge(rec: &HandshakeRecord) -> Vec<FindingReport> {
        let t = Transcript::default();
        let facts = TlsFacts {
            mode: Some(TlsMode::StartTls),
            record: Some(rec),
            ..plain(&t, 25)
        };
        assess(&facts, ExpiryDays { warn: 21, crit: 7 }).1
    }

    /// Exim without tls_certificate makes a 2-hour self-signed certificate (live Exim 4.96
    /// bed, finding 1): no "renew it now" for what nobody renews; the cause is named.
    #[test]
    fn a_two_hour_self_signed_certificate_is_temporary_not_expiring() {
        let start = 1_800_000_000;
        let exim = handshake_lasting(start, start + 7_200, start + 60, Some("Exim Developers"));
        let findings = judge(&exim);
        assert!(expiry_finding(&findings).is_none(), "{findings:?}");
        let f = findings
            .iter()
            .find(|f| f.id == FindingId::CertTemporary)
            .expect("temporary");
        assert_eq!(f.status, Status::Warning);
        assert!(f.message.contains("valid for 2 hour(s)"), "{}", f.message);
        assert!(f.message.contains("Exim makes"), "{}", f.message);
        assert!(f.message.contains("tls_certificate"), "{}", f.message);

        let other = handshake_lasting(start, start + 1_800, start + 60, None);
        let f = judge(&other)
            .into_iter()
            .find(|f| f.id == FindingId::CertTemporary)
            .expect("temporary");
        assert!(f.message.contains("30 minute(s)"), "{}", f.message);
        assert!(f.message.contains("server software makes"), "{}", f.message);

        // A real certificate of two days that ends tomorrow is expiring, and one whose
        // temporary life is over is expired: neither is excused.
        let short = handshake_lasting(start, start + 2 * DAY, start + DAY + 60, None);
        let f = judge(&short);
        assert_eq!(
            expiry_finding(&f).map(|f| f.id),
            Some(FindingId::CertExpiring)
        );
        let over = handshake_lasting(start, start + 7_200, start + 7_300, Some("Exim Developers"));
        let f = judge(&over);
        assert_eq!(
            expiry_finding(&f).map(|f| f.id),
            Some(FindingId::CertExpired)
        );
    }

    fn expiry_finding(findings: &[FindingReport]) -> Option<&FindingReport> {
        findings
            .iter()
            .find(|f| matches!(f.id, FindingId::CertExpired | FindingId::CertExpiring))
    }

    /// Issue 15 item 10: 10 days and 1 second after expiry is "10 day(s) ago" (flooring
    /// made it 11), judged against the handshake's time, whatever the wall clock says.
    #[test]
    fn days_since_expiry_are_whole_days_counted_from_the_handshake() {
        let not_after = 1_800_000_000;
        let (report, findings) = judged_at(not_after, not_after + 10 * DAY + 1);
        let c = &report.certificates[0];
        assert_eq!((c.days_left, c.expired), (-10, true));
        let f = expiry_finding(&findings).expect("expired");
        assert_eq!(f.id, FindingId::CertExpired);
        assert!(f.message.ends_with("10 day(s) ago"), "{}", f.message);

        let (report, findings) = judged_at(not_after, not_after + 11 * DAY - 1);
        assert_eq!(report.certificates[0].days_left, -10);
        let f = expiry_finding(&findings).expect("expired");
        assert!(f.message.ends_with("10 day(s) ago"), "{}", f.message);
    }

    #[test]
    fn expired_less_than_a_day_ago_is_still_expired() {
        let not_after = 1_800_000_000;
        let (report, findings) = judged_at(not_after, not_after + 3600);
        let c = &report.certificates[0];
        assert_eq!((c.days_left, c.expired), (0, true));
        let f = expiry_finding(&findings).expect("expired");
        assert_eq!(f.id, FindingId::CertExpired);
        assert!(f.message.ends_with("less than a day ago"), "{}", f.message);

        let (report, findings) = judged_at(not_after, not_after - 3600);
        let c = &report.certificates[0];
        assert_eq!((c.days_left, c.expired), (0, false));
        let f = expiry_finding(&findings).expect("expiring");
        assert_eq!(
            (f.id, f.status),
            (FindingId::CertExpiring, Status::Critical)
        );
        assert!(f.message.contains("in less than a day"), "{}", f.message);

        let (report, findings) = judged_at(not_after, not_after - 30 * DAY + 1);
        assert_eq!(report.certificates[0].days_left, 29);
        assert!(expiry_finding(&findings).is_none());
    }

    /// Issue 10 item 8: a silent port 465 probed without implicit TLS gets the hint.
    #[test]
    fn silent_port_465_without_implicit_tls_hints_at_tls() {
        let t = Transcript::default();
        let timeout = ProbeError::new(
            Phase::Reply(Context::Greeting),
            ErrorKind::Timeout,
            "no complete reply within --timeout 30 s while waiting for the greeting reply",
        );
        let facts = |port, policy, error| TlsFacts {
            policy,
            error,
            ..plain(&t, port)
        };
        let days = ExpiryDays { warn: 21, crit: 7 };
        let (_, f) = assess(&facts(465, TlsPolicy::Opportunistic, Some(&timeout)), days);
        let hint = f.iter().find(|f| f.id == FindingId::ImplicitTlsPort);
        let hint = hint.expect("the hint");
        assert_eq!(hint.status, Status::Warning);
        assert!(
            hint.message.contains("465 is implicit TLS"),
            "{}",
            hint.message
        );
        assert!(hint.message.contains("try --tls"), "{}", hint.message);
        let (_, f) = assess(&facts(465, TlsPolicy::Off, Some(&timeout)), days);
        assert!(f.iter().any(|f| f.id == FindingId::ImplicitTlsPort));
        // Not on another port, not with implicit TLS, not for another error.
        let (_, f) = assess(&facts(25, TlsPolicy::Opportunistic, Some(&timeout)), days);
        assert!(f.is_empty());
        let (_, f) = assess(&facts(465, TlsPolicy::Implicit, Some(&timeout)), days);
        assert!(f.is_empty());
        let closed = ProbeError::new(Phase::Reply(Context::Greeting), ErrorKind::Closed, "x");
        let (_, f) = assess(&facts(465, TlsPolicy::Opportunistic, Some(&closed)), days);
        assert!(f.is_empty());
        let (_, f) = assess(&facts(465, TlsPolicy::Opportunistic, None), days);
        assert!(f.is_empty());
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
