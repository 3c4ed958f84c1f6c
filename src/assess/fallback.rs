//! Opportunistic TLS that failed, judged: with `--starttls auto`, a server that accepted
//! STARTTLS (220) but whose TLS handshake then failed (an alert, a protocol version or
//! cipher mismatch, something that is not TLS, a close or a timeout) was probed again in
//! plain text on a second connection, as opportunistic senders deliver to it (Exim retries
//! in clear at once; Postfix defers and later delivers in clear; RFC 7435). The server is
//! judged by the plain-text connection, where the checks ran, with a WARNING finding
//! `starttls_handshake_failed` naming the precise reason: mail from senders that fail the
//! same way travels unencrypted.
//!
//! The report's shape (docs/json.md): the server entry's `steps`, `checks`, `error` and
//! timings are the plain-text connection's; `tls` is the failed handshake's (the server's
//! TLS as the probe found it); the given-up connection's steps and error are in `attempts`;
//! the findings of both connections are the server's (each said once).

use super::{Judge, blank, contact, conversation, finding, verdict};
use crate::exit::{Status, merge_all};
use crate::facts::{Contact, Conversation, ServerFacts};
use crate::report::tls::VerifyError;
use crate::report::{AttemptReport, FindingReport, ServerReport};
use crate::smtp::Context;
use crate::smtp::session::TlsPolicy;
use crate::vocab::{ErrorKind, FindingId, Phase, ProbeError};

/// The server whose first conversation (`first`, held to the server's policy) ended in a
/// failed STARTTLS handshake and was followed by `retry`, in plain text.
pub(super) fn judge(
    facts: &ServerFacts,
    first: &Conversation,
    retry: &Contact,
    judge: Judge<'_>,
) -> ServerReport {
    let mut given_up = blank(facts);
    conversation(&mut given_up, facts, facts.policy, first, judge);
    let mut report = contact(facts, TlsPolicy::Off, retry, judge);
    // The server was talked to, even if the retry never was.
    report.probed = true;
    if let Contact::OutOfTime { max_time } = retry {
        report.error = Some(ProbeError::new(
            Phase::Connect,
            ErrorKind::MaxTime,
            format!(
                "no plain-text retry: the --max-time budget of {} s ran out after the failed \
                 STARTTLS handshake",
                verdict::secs(*max_time)
            ),
        ));
    }
    let failure = first
        .drive
        .tls
        .as_ref()
        .and_then(|t| t.handshake.failure.as_ref());
    let mut findings = vec![handshake_failed(failure, retry)];
    for f in given_up
        .findings
        .into_iter()
        .chain(std::mem::take(&mut report.findings))
    {
        if !findings
            .iter()
            .any(|g| g.id == f.id && g.message == f.message)
        {
            findings.push(f);
        }
    }
    report.status = report
        .status
        .merge(merge_all(findings.iter().map(|f| f.status)));
    report.findings = findings;
    report.tls = given_up.tls;
    report.attempts = vec![AttemptReport {
        helo: given_up.helo,
        extensions: given_up.extensions,
        connect_ms: given_up.connect_ms,
        steps: given_up.steps,
        error: given_up.error,
        unanswered: given_up.unanswered,
        elapsed_ms: given_up.elapsed_ms,
    }];
    report
}

/// The finding: WARNING, with the handshake's precise reason and what the retry showed.
fn handshake_failed(failure: Option<&VerifyError>, retry: &Contact) -> FindingReport {
    let why = failure.map_or_else(
        || "the TLS handshake failed".to_owned(),
        |f| format!("the TLS handshake failed ({}): {}", f.reason, f.message),
    );
    let retried = match retry {
        Contact::Talked(c) => c
            .drive
            .error
            .as_ref()
            .is_none_or(|e| e.phase == Phase::Reply(Context::Quit)),
        _ => false,
    };
    let then = match retry {
        Contact::OutOfTime { .. } => {
            "the --max-time budget ran out before the plain-text retry opportunistic senders \
             make"
        }
        _ if retried => {
            "the probe retried in plain text on a new connection and ran the checks there, as \
             opportunistic senders do: mail from senders that fail the same way travels \
             unencrypted"
        }
        _ => {
            "the probe retried in plain text on a new connection, as opportunistic senders \
             do, and that failed too (see the error)"
        }
    };
    finding(
        FindingId::StartTlsHandshakeFailed,
        Status::Warning,
        format!("STARTTLS was accepted, but {why}; {then}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::ExpiryDays;
    use crate::driver::{Drive, TlsOutcome};
    use crate::report::tls::{TlsMode, VerifyReason};
    use crate::smtp::session::Transcript;
    use crate::tls::HandshakeRecord;
    use std::time::Duration;

    fn failed_handshake() -> Conversation {
        let mut handshake = HandshakeRecord::not_started("mx.test", "");
        handshake.failure = Some(VerifyError::new(
            VerifyReason::ProtocolVersion,
            "the server seems to speak only TLS 1.0/1.1",
            "enable TLS 1.2 and 1.3 on the server",
        ));
        Conversation {
            helo: "probe.test".into(),
            connect: Duration::from_micros(100),
            drive: Drive {
                transcript: Transcript::default(),
                error: Some(ProbeError::new(
                    Phase::Tls,
                    ErrorKind::Tls,
                    "the server seems to speak only TLS 1.0/1.1 (protocol_version)",
                )),
                tls: Some(TlsOutcome {
                    mode: TlsMode::StartTls,
                    handshake,
                }),
                injected: 0,
            },
            elapsed: Duration::from_millis(1),
            fallback: None,
            client: None,
        }
    }

    fn judged(retry: Contact) -> ServerReport {
        let mut first = failed_handshake();
        first.fallback = Some(Box::new(retry));
        let facts = ServerFacts {
            host: "mx.test".into(),
            address: Some([127, 0, 0, 1].into()),
            port: 25,
            policy: TlsPolicy::Opportunistic,
            contact: Contact::Talked(Box::new(first)),
        };
        super::super::server(&facts, ExpiryDays { warn: 21, crit: 7 })
    }

    /// The retry could not connect: the TLS failure is a WARNING, the server CRITICAL, and
    /// the given-up connection is kept with its handshake error.
    #[test]
    fn a_retry_that_cannot_connect_is_critical_and_says_so() {
        let r = judged(Contact::ConnectFailed {
            error: ProbeError::new(Phase::Connect, ErrorKind::Refused, "refused"),
            elapsed: Duration::from_micros(50),
        });
        assert_eq!(r.status, Status::Critical);
        assert!(r.probed);
        let f = &r.findings[0];
        assert_eq!(
            (f.id, f.status),
            (FindingId::StartTlsHandshakeFailed, Status::Warning)
        );
        assert!(f.message.contains("(protocol_version)"), "{}", f.message);
        assert!(f.message.contains("that failed too"), "{}", f.message);
        assert_eq!(r.error.as_ref().map(|e| e.kind), Some(ErrorKind::Refused));
        assert_eq!(r.attempts.len(), 1);
        let e = r.attempts[0].error.as_ref().expect("the handshake error");
        assert_eq!(e.phase, Phase::Tls);
        let tls = r.tls.as_ref().expect("the failed handshake's TLS");
        assert_eq!(tls.mode, TlsMode::StartTls);
        assert_eq!(
            tls.verify_error.as_ref().map(|v| v.reason),
            Some(VerifyReason::ProtocolVersion)
        );
    }

    /// `--max-time` ran out before the retry: the server is still listed as probed, with an
    /// error saying no retry was made.
    #[test]
    fn no_time_left_for_the_retry() {
        let r = judged(Contact::OutOfTime {
            max_time: Duration::from_secs(5),
        });
        assert!(r.probed);
        let e = r.error.as_ref().expect("max_time");
        assert_eq!(e.kind, ErrorKind::MaxTime);
        assert!(
            e.message.starts_with("no plain-text retry"),
            "{}",
            e.message
        );
        assert!(
            r.findings[0].message.contains("--max-time"),
            "{}",
            r.findings[0].message
        );
    }
}
