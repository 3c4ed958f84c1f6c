//! Precise reasons: rustls errors turned into a [`VerifyError`] a postmaster can act on:
//! for a failed handshake ([`classify_io`], [`classify_handshake`], [`timed_out`]) and for
//! a failed certificate verification ([`classify_verify`], with [`unknown_issuer`] telling
//! a self-signed certificate, a missing intermediate and an untrusted CA apart).

use super::Verdict;
use super::cert::{ca_issuers_url, certificate_facts, rfc3339};
use crate::report::tls::{CertificateReport, VerifyError, VerifyReason};
use rustls::CertificateError;
use rustls::pki_types::CertificateDer;
use std::time::Duration;

/// A reason with its message and advice.
pub(super) fn verr(
    reason: VerifyReason,
    message: impl Into<String>,
    advice: impl Into<String>,
) -> VerifyError {
    VerifyError::new(reason, message, advice)
}

/// The handshake did not finish before the deadline.
pub(super) fn timed_out(elapsed: Duration) -> VerifyError {
    verr(
        VerifyReason::Timeout,
        format!(
            "the TLS handshake did not finish within {:.1} s",
            elapsed.as_secs_f64()
        ),
        "the server is slow or stalls after STARTTLS; check its TLS logs",
    )
}

/// A handshake that failed with an I/O error from tokio-rustls: the verification failure
/// when that is what stopped it, otherwise the handshake's own reason.
pub(super) fn classify_io(verdict: &Verdict, e: &std::io::Error) -> VerifyError {
    match (verdict, rustls_error(e)) {
        (Verdict::Failed(v), Some(rustls::Error::InvalidCertificate(_))) => v.clone(),
        (_, Some(err)) => classify_handshake(err),
        (_, None) if e.kind() == std::io::ErrorKind::UnexpectedEof => verr(
            VerifyReason::Closed,
            "the server closed the connection during the TLS handshake",
            "look at the server's TLS log: it may lack a certificate or reject our offer",
        ),
        (_, None) => verr(
            VerifyReason::HandshakeFailed,
            format!("the TLS handshake failed: {e}"),
            "",
        ),
    }
}

/// The rustls error inside an I/O error from tokio-rustls, if that is what it is.
fn rustls_error(e: &std::io::Error) -> Option<&rustls::Error> {
    e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
}

/// A failed handshake, in words a postmaster can act on.
fn classify_handshake(e: &rustls::Error) -> VerifyError {
    use rustls::AlertDescription as A;
    use rustls::Error as E;
    use rustls::PeerIncompatible as P;
    const OLD: &str = "the server seems to speak only TLS 1.0/1.1 (or SSL): rustls, the TLS library \
        of this probe, implements only TLS 1.2 and 1.3, because the older versions are deprecated \
        (RFC 8996) and broken; modern senders will not use them either";
    match e {
        E::AlertReceived(A::ProtocolVersion)
        | E::PeerIncompatible(
            P::ServerDoesNotSupportTls12Or13
            | P::ServerTlsVersionIsDisabledByOurConfig
            | P::SupportedVersionsExtensionRequired,
        ) => verr(
            VerifyReason::ProtocolVersion,
            format!("{OLD} ({e})"),
            "enable TLS 1.2 and 1.3 on the server (Postfix: smtpd_tls_protocols = >=TLSv1.2)",
        ),
        E::AlertReceived(A::HandshakeFailure | A::InsufficientSecurity)
        | E::PeerIncompatible(
            P::NoCipherSuitesInCommon | P::NoKxGroupsInCommon | P::NoSignatureSchemesInCommon,
        ) => verr(
            VerifyReason::HandshakeFailed,
            format!(
                "no common ground for a handshake ({e}): rustls offers only TLS 1.2/1.3 with \
                 ECDHE key exchange and AEAD ciphers (AES-GCM, ChaCha20-Poly1305); a server \
                 limited to RSA key exchange, CBC ciphers or older versions cannot agree"
            ),
            "enable ECDHE with AES-GCM or ChaCha20-Poly1305 suites on the server",
        ),
        E::InvalidMessage(_)
        | E::InappropriateMessage { .. }
        | E::InappropriateHandshakeMessage { .. } => verr(
            VerifyReason::NotTls,
            format!(
                "the server answered the handshake with something that is not valid TLS ({e}): \
                 plain text after its 220 to STARTTLS, or a broken TLS stack"
            ),
            "look at what the server sends after 220 to STARTTLS; it must start TLS and nothing else",
        ),
        E::InvalidCertificate(c) => verr(
            VerifyReason::Other,
            format!("certificate rejected: {c:?}"),
            "",
        ),
        E::NoCertificatesPresented => verr(
            VerifyReason::HandshakeFailed,
            "the server presented no certificate",
            "configure a certificate on the server",
        ),
        other => verr(
            VerifyReason::HandshakeFailed,
            format!("the TLS handshake failed: {other}"),
            "",
        ),
    }
}

/// A failed certificate verification, with the precise reason (RFC 5280 path validation
/// as done by webpki, RFC 6125 name matching).
pub(super) fn classify_verify(
    e: &rustls::Error,
    chain: &[CertificateDer<'_>],
    checked: &str,
    now: i64,
) -> VerifyError {
    let facts: Vec<CertificateReport> = chain
        .iter()
        .filter_map(|c| certificate_facts(c, now))
        .collect();
    let leaf = facts.first();
    let subject = leaf.map_or("the certificate".to_owned(), |l| l.subject.clone());
    let cert_err = match e {
        rustls::Error::InvalidCertificate(c) => c,
        other => {
            return verr(
                VerifyReason::Other,
                format!("verification failed: {other}"),
                "",
            );
        }
    };
    match cert_err {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            let which = match cert_err {
                CertificateError::ExpiredContext { not_after, .. } => {
                    let na = i64::try_from(not_after.as_secs()).unwrap_or(i64::MAX);
                    facts
                        .iter()
                        .find(|f| f.days_left < 0 && rfc3339(na) == f.not_after)
                }
                _ => None,
            }
            .or_else(|| facts.iter().find(|f| f.days_left < 0))
            .or(leaf);
            let (who, since, days) = which.map_or((subject.clone(), "?".to_owned(), 0), |f| {
                (f.subject.clone(), f.not_after.clone(), -f.days_left)
            });
            let role = if which.is_some_and(|w| std::ptr::eq(w, facts.as_ptr())) {
                "the server's certificate"
            } else {
                "a certificate in the chain"
            };
            verr(
                VerifyReason::Expired,
                format!("{role} ({who}) expired on {since}, {days} day(s) ago"),
                "renew the certificate and reload the MTA (check that the renewal job also \
                 reloads it: a renewed file on disk is not used until then)",
            )
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            let nb = leaf.map_or("?".to_owned(), |l| l.not_before.clone());
            verr(
                VerifyReason::NotYetValid,
                format!("the certificate ({subject}) is not valid before {nb}"),
                "check the clocks (this machine's and the issuing CA's), or install the \
                 certificate only once it is valid",
            )
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            // The parsed SANs read better than rustls' `presented` (Debug-formatted).
            let names = match (leaf, cert_err) {
                (Some(l), _) => l.sans.clone(),
                (None, CertificateError::NotValidForNameContext { presented, .. }) => {
                    presented.clone()
                }
                _ => vec![],
            };
            let has = if names.is_empty() {
                "no subjectAltName at all".to_owned()
            } else {
                names.join(", ")
            };
            verr(
                VerifyReason::NameMismatch,
                format!("the certificate is not valid for {checked}: it names {has}"),
                "get a certificate whose subjectAltName includes the MX host name (what \
                 senders check, RFC 7672 §3.2.2 / RFC 8461 §4.2), or point the MX at a name it \
                 covers; --tls-name checks another name",
            )
        }
        CertificateError::UnknownIssuer => unknown_issuer(&facts, chain),
        CertificateError::BadSignature => verr(
            VerifyReason::BadSignature,
            "a certificate in the chain is not correctly signed by its issuer",
            "the server sends a chain that does not belong together: reinstall the \
             certificate with its own intermediates",
        ),
        CertificateError::Revoked => verr(
            VerifyReason::Revoked,
            "the certificate has been revoked",
            "install a new certificate",
        ),
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => verr(
            VerifyReason::InvalidPurpose,
            "the certificate is not meant for TLS servers (extendedKeyUsage)",
            "use a certificate with the serverAuth extended key usage",
        ),
        other => verr(
            VerifyReason::Other,
            format!("the certificate was rejected: {other:?}"),
            "",
        ),
    }
}

/// UnknownIssuer, refined: self-signed, an intermediate missing, or an untrusted CA.
fn unknown_issuer(facts: &[CertificateReport], chain: &[CertificateDer<'_>]) -> VerifyError {
    let Some(leaf) = facts.first() else {
        return verr(
            VerifyReason::UnknownIssuer,
            "the chain could not be parsed",
            "",
        );
    };
    if facts.len() == 1 && leaf.self_issued {
        return verr(
            VerifyReason::SelfSigned,
            format!(
                "the certificate ({}) is self-signed: nobody vouches for it",
                leaf.subject
            ),
            "opportunistic senders deliver anyway, and DANE-EE(3) TLSA records (RFC 7672 §3.1.1) \
             make a self-signed certificate acceptable; for MTA-STS or strict senders use a \
             certificate from a CA (e.g. Let's Encrypt), or --ca-file to trust your own",
        );
    }
    let top = facts.last().unwrap_or(leaf);
    let aia = chain.last().and_then(|c| ca_issuers_url(c));
    if !top.self_issued
        && let Some(url) = aia
    {
        return verr(
            VerifyReason::IncompleteChain,
            format!(
                "the chain stops at {} whose issuer ({}) the server did not send and this \
                 machine does not trust: an intermediate certificate is missing (it is \
                 published at {url})",
                top.subject, top.issuer
            ),
            "configure the full chain on the server (leaf + intermediates, e.g. fullchain.pem; \
             Postfix smtpd_tls_chain_files); clients do not fetch missing intermediates",
        );
    }
    let msg = if top.self_issued {
        format!(
            "the chain ends at the root {} which is not in the trust store",
            top.subject
        )
    } else {
        format!(
            "issued by {}, which is not in the trust store (and the server sent no \
             certificate for it: if it is an intermediate, the chain is incomplete)",
            top.issuer
        )
    };
    verr(
        VerifyReason::UnknownIssuer,
        msg,
        "for a private CA pass --ca-file; for a public CA make the server send the \
         intermediates; check that the probing machine's CA store is current",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handshake_failures_have_precise_reasons() {
        use rustls::AlertDescription as A;
        let r = |e: rustls::Error| classify_handshake(&e).reason;
        assert_eq!(
            r(rustls::Error::AlertReceived(A::ProtocolVersion)),
            "protocol_version"
        );
        assert_eq!(
            r(rustls::Error::AlertReceived(A::HandshakeFailure)),
            "handshake_failed"
        );
        assert_eq!(
            r(rustls::Error::InvalidMessage(
                rustls::InvalidMessage::InvalidContentType
            )),
            "not_tls"
        );
    }
}
