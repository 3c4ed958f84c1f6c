//! The TLS part of a server's report (`servers[].tls` in the JSON contract): how TLS was
//! negotiated, what the server presented, and whether it verified, with the precise
//! reason when it did not. Filled by the TLS layer (`tls`); rendered by `human.rs` and as JSON.
//!
//! The vocabulary is typed ([`TlsMode`], [`VerifyReason`]) and serialises to exactly the
//! strings of the JSON contract (docs/tls.md). This is the model: it imports nothing from
//! the TLS layer (which fills it), so the renderers never depend on rustls.

use serde::{Deserialize, Serialize};

pub use crate::vocab::{TlsMode, VerifyReason};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TlsReport {
    /// "starttls" (RFC 3207), "implicit" (RFC 8314, TLS from the first byte) or "none".
    pub mode: TlsMode,
    /// "TLSv1.3" / "TLSv1.2"; `None` when no handshake completed.
    pub version: Option<String>,
    /// IANA name of the cipher suite ("TLS13_AES_256_GCM_SHA384").
    pub cipher: Option<String>,
    /// Key exchange group ("X25519", "secp256r1").
    pub key_exchange: Option<String>,
    /// Time the handshake took.
    pub handshake_ms: Option<f64>,
    /// Where the trusted roots came from: "system", "webpki-roots", "+ca-file" suffixed
    /// when `--ca-file` added a CA, "none (--insecure)". `None` when TLS was not attempted.
    pub trust: Option<String>,
    /// The name the certificate was checked against (the MX host name; the IP address
    /// for a direct IP target; `--tls-name` when given). Also sent as SNI when a name.
    pub checked_name: Option<String>,
    /// True only when the chain verified to a trusted root and matched `checked_name`.
    pub verified: bool,
    pub verify_error: Option<VerifyError>,
    /// The chain as the server presented it, leaf first. Recorded even when verification
    /// failed.
    pub certificates: Vec<CertificateReport>,
    /// EHLO keywords after TLS (after the STARTTLS upgrade, or the only EHLO with
    /// implicit TLS).
    pub extensions_after_tls: Vec<String>,
}

impl TlsReport {
    /// No TLS on this connection.
    pub fn none() -> TlsReport {
        TlsReport {
            mode: TlsMode::None,
            version: None,
            cipher: None,
            key_exchange: None,
            handshake_ms: None,
            trust: None,
            checked_name: None,
            verified: false,
            verify_error: None,
            certificates: vec![],
            extensions_after_tls: vec![],
        }
    }
}

/// Why verification failed (or was skipped), machine-readable first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyError {
    pub reason: VerifyReason,
    pub message: String,
    /// What to do about it.
    pub advice: String,
}

impl VerifyError {
    pub fn new(
        reason: VerifyReason,
        message: impl Into<String>,
        advice: impl Into<String>,
    ) -> VerifyError {
        VerifyError {
            reason,
            message: message.into(),
            advice: advice.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateReport {
    pub subject: String,
    /// DNS names and IP addresses from subjectAltName.
    pub sans: Vec<String>,
    pub issuer: String,
    /// Hex, colon-separated.
    pub serial: String,
    /// RFC 3339, UTC.
    pub not_before: String,
    pub not_after: String,
    /// `not_before` as Unix seconds.
    #[serde(default)]
    pub not_before_unix: i64,
    /// `not_after` as Unix seconds (for metrics and scripts).
    #[serde(default)]
    pub not_after_unix: i64,
    /// Whole days until `not_after`, or since it once expired (negative): elapsed days
    /// counted towards zero, so a certificate that expired 10 days and 1 second ago has
    /// -10, and one that expired an hour ago has 0 (see `expired`).
    pub days_left: i64,
    /// `not_after` has passed (at the time of the handshake).
    #[serde(default)]
    pub expired: bool,
    pub key: KeyReport,
    /// "sha256WithRSAEncryption", "ecdsa-with-SHA256", "Ed25519", or the OID.
    pub signature_algorithm: String,
    /// Subject equals issuer (a root, or a self-signed leaf).
    pub self_issued: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReport {
    /// "RSA", "EC", "Ed25519", "Ed448", "DSA" or the algorithm OID.
    #[serde(rename = "type")]
    pub kind: String,
    pub bits: u32,
    /// Named curve for EC keys ("P-256").
    pub curve: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_serialises_to_the_contract_strings() {
        let json = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        for (mode, text) in [
            (TlsMode::None, "none"),
            (TlsMode::StartTls, "starttls"),
            (TlsMode::Implicit, "implicit"),
        ] {
            assert_eq!(mode.as_str(), text);
            assert_eq!(mode.to_string(), text);
            assert_eq!(json(serde_json::json!(mode)), text);
            let back: TlsMode = serde_json::from_value(serde_json::json!(text)).unwrap();
            assert_eq!(back, mode);
        }
        for (reason, text) in [
            (VerifyReason::Expired, "expired"),
            (VerifyReason::NotYetValid, "not_yet_valid"),
            (VerifyReason::NameMismatch, "name_mismatch"),
            (VerifyReason::UnknownIssuer, "unknown_issuer"),
            (VerifyReason::SelfSigned, "self_signed"),
            (VerifyReason::IncompleteChain, "incomplete_chain"),
            (VerifyReason::BadSignature, "bad_signature"),
            (VerifyReason::Revoked, "revoked"),
            (VerifyReason::InvalidPurpose, "invalid_purpose"),
            (VerifyReason::Insecure, "insecure"),
            (VerifyReason::ProtocolVersion, "protocol_version"),
            (VerifyReason::HandshakeFailed, "handshake_failed"),
            (VerifyReason::NotTls, "not_tls"),
            (VerifyReason::Closed, "closed"),
            (VerifyReason::Timeout, "timeout"),
            (VerifyReason::Other, "other"),
        ] {
            assert_eq!(reason.as_str(), text);
            assert_eq!(reason.to_string(), text);
            assert_eq!(json(serde_json::json!(reason)), text);
            let back: VerifyReason = serde_json::from_value(serde_json::json!(text)).unwrap();
            assert_eq!(back, reason);
        }
    }
}
