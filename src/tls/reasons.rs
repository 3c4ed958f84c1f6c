//! Precise reasons: rustls errors turned into a [`VerifyError`] a postmaster can act on:
//! for a failed handshake ([`classify_io`], [`classify_handshake`], [`timed_out`]) and for
//! a failed certificate verification ([`classify_verify`], with [`unknown_issuer`] telling
//! a self-signed certificate, a missing intermediate and an untrusted CA apart).

use super::Verdict;
use super::cert::{ca_issuers_url, certificate_facts, rfc3339};
use crate::report::tls::{CertificateReport, TlsMode, VerifyError, VerifyReason};
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
pub(super) fn timed_out(elapsed: Duration, mode: TlsMode) -> VerifyError {
    verr(
        VerifyReason::Timeout,
        format!(
            "the TLS handshake did not finish within {:.1} s",
            elapsed.as_secs_f64()
        ),
        if mode == TlsMode::Implicit {
            "the server is slow or stalls in the handshake, or this port expects something \
             else than TLS from its first byte; check its TLS logs"
        } else {
            "the server is slow or stalls after STARTTLS; check its TLS logs"
        },
    )
}

/// What rustls says when the server sends a handshake message larger than it accepts
/// (64 KiB, to limit denial of service: TLS itself allows 16 MiB). The read buffer's
/// error is an I/O error, not a `rustls::Error`, and this is its text.
const BUFFER_FULL: &str = "message buffer full";

/// A handshake that failed with an I/O error from tokio-rustls: the verification failure
/// when that is what stopped it, otherwise the handshake's own reason. `mode` says whether
/// the handshake was implicit TLS or after STARTTLS (what "not TLS" means differs).
pub(super) fn classify_io(verdict: &Verdict, e: &std::io::Error, mode: TlsMode) -> VerifyError {
    match (verdict, rustls_error(e)) {
        (Verdict::Failed(v), Some(rustls::Error::InvalidCertificate(_))) => v.clone(),
        (_, Some(err)) => classify_handshake(err, mode),
        (_, None) if e.kind() == std::io::ErrorKind::UnexpectedEof => verr(
            VerifyReason::Closed,
            "the server closed the connection during the TLS handshake",
            "look at the server's TLS log: it may lack a certificate or reject our offer",
        ),
        (_, None)
            if e.kind() == std::io::ErrorKind::InvalidData && e.to_string() == BUFFER_FULL =>
        {
            too_large(&rustls::InvalidMessage::HandshakePayloadTooLarge)
        }
        (_, None) => verr(
            VerifyReason::HandshakeFailed,
            format!("the TLS handshake failed: {e}"),
            "",
        ),
    }
}

/// A handshake message (in practice the certificate chain) or a record larger than
/// rustls accepts. rustls does not say how large it was, only that it passed the limit.
fn too_large(m: &rustls::InvalidMessage) -> VerifyError {
    use rustls::InvalidMessage as M;
    let message = match m {
        M::MessageTooLarge => "the server sent a TLS record larger than TLS allows (16 KiB \
            of data plus 2 KiB of overhead, RFC 8446 §5.2): a broken TLS stack"
            .to_owned(),
        _ => "the server's certificate chain is larger than rustls (the TLS library of this \
            probe) accepts: its certificate message exceeds 64 KiB (65,535 bytes), the most \
            rustls takes for one handshake message against denial of service (TLS allows \
            16 MiB; rustls does not say how large it was)"
            .to_owned(),
    };
    verr(
        VerifyReason::MessageTooLarge,
        format!("{message} (rustls: {m:?})"),
        "send only the leaf certificate and its intermediates (not a whole CA bundle, and \
         not the root); a certificate with thousands of names is better split into several",
    )
}

/// The rustls error inside an I/O error from tokio-rustls, if that is what it is.
fn rustls_error(e: &std::io::Error) -> Option<&rustls::Error> {
    e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
}

/// A failed handshake, in words a postmaster can act on.
fn classify_handshake(e: &rustls::Error, mode: TlsMode) -> VerifyError {
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
        E::InvalidMessage(
            m @ (rustls::InvalidMessage::HandshakePayloadTooLarge
            | rustls::InvalidMessage::CertificatePayloadTooLarge
            | rustls::InvalidMessage::MessageTooLarge),
        ) => too_large(m),
        E::InvalidMessage(_)
        | E::InappropriateMessage { .. }
        | E::InappropriateHandshakeMessage { .. } => not_tls(e, mode),
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

/// The server answered the handshake with something that is not TLS. On implicit TLS,
/// a first byte that is no TLS record type at all is a server that greeted in plain text
/// ("220 …": `2` is no record type) before it even read our ClientHello.
fn not_tls(e: &rustls::Error, mode: TlsMode) -> VerifyError {
    let plain = matches!(
        e,
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType)
    );
    match mode {
        TlsMode::Implicit if plain => verr(
            VerifyReason::NotTls,
            format!(
                "this port speaks plain SMTP (it greeted in clear); drop --tls: our TLS \
                 ClientHello was answered with bytes that are not TLS, as a plain SMTP \
                 server's 220 greeting is ({e})"
            ),
            "drop --tls (--implicit-tls); on port 465, where implicit TLS is the default, \
             give --starttls auto instead (implicit TLS belongs on 465, RFC 8314 §3.3)",
        ),
        TlsMode::Implicit => verr(
            VerifyReason::NotTls,
            format!(
                "the server answered our TLS ClientHello with something that is not valid TLS \
                 ({e}): this port may not speak TLS from the first byte, or its TLS stack is \
                 broken"
            ),
            "check that this port is meant for implicit TLS (RFC 8314, usually 465); \
             otherwise drop --tls",
        ),
        _ => verr(
            VerifyReason::NotTls,
            format!(
                "the server answered the handshake with something that is not valid TLS ({e}): \
                 plain text after its 220 to STARTTLS, or a broken TLS stack"
            ),
            "look at what the server sends after 220 to STARTTLS; it must start TLS and nothing else",
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
            expired(cert_err, &facts, &subject)
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

/// How long ago an expired certificate expired, in whole days (its `days_left` is
/// negative or zero).
fn days_ago(days_left: i64) -> String {
    match days_left.abs() {
        0 => "less than a day ago".to_owned(),
        d => format!("{d} day(s) ago"),
    }
}

/// An expired certificate: which one (the one rustls names, else the first expired), since
/// when, and how many whole days ago.
fn expired(cert_err: &CertificateError, facts: &[CertificateReport], subject: &str) -> VerifyError {
    let leaf = facts.first();
    let which = match cert_err {
        CertificateError::ExpiredContext { not_after, .. } => {
            let na = i64::try_from(not_after.as_secs()).unwrap_or(i64::MAX);
            facts
                .iter()
                .find(|f| f.expired && rfc3339(na) == f.not_after)
        }
        _ => None,
    }
    .or_else(|| facts.iter().find(|f| f.expired))
    .or(leaf);
    let (who, since, ago) =
        which.map_or((subject.to_owned(), "?".to_owned(), "?".to_owned()), |f| {
            (
                f.subject.clone(),
                f.not_after.clone(),
                days_ago(f.days_left),
            )
        });
    let role = if which.is_some_and(|w| std::ptr::eq(w, facts.as_ptr())) {
        "the server's certificate"
    } else {
        "a certificate in the chain"
    };
    verr(
        VerifyReason::Expired,
        format!("{role} ({who}) expired on {since}, {ago}"),
        "renew the certificate and reload the MTA (check that the renewal job also \
         reloads it: a renewed file on disk is not used until then)",
    )
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
        let r = |e: rustls::Error| classify_handshake(&e, TlsMode::StartTls).reason;
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
        for m in [
            rustls::InvalidMessage::HandshakePayloadTooLarge,
            rustls::InvalidMessage::CertificatePayloadTooLarge,
            rustls::InvalidMessage::MessageTooLarge,
        ] {
            assert_eq!(
                r(rustls::Error::InvalidMessage(m)),
                "message_too_large",
                "{m:?}"
            );
        }
    }

    #[test]
    fn buffer_full_is_a_message_too_large() {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidData, BUFFER_FULL);
        let v = classify_io(&Verdict::NotReached, &e, TlsMode::StartTls);
        assert_eq!(v.reason, VerifyReason::MessageTooLarge);
        assert!(v.message.contains("64 KiB"), "{}", v.message);
    }

    #[test]
    fn not_tls_names_the_mode_it_happened_in() {
        let e = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
        let implicit = classify_handshake(&e, TlsMode::Implicit);
        assert_eq!(implicit.reason, VerifyReason::NotTls);
        assert!(
            implicit
                .message
                .starts_with("this port speaks plain SMTP (it greeted in clear)"),
            "{}",
            implicit.message
        );
        assert!(
            implicit.advice.starts_with("drop --tls"),
            "{}",
            implicit.advice
        );
        assert!(
            !implicit.message.contains("STARTTLS"),
            "{}",
            implicit.message
        );
        let after = classify_handshake(&e, TlsMode::StartTls);
        assert!(
            after.message.contains("after its 220 to STARTTLS"),
            "{}",
            after.message
        );
    }
}
