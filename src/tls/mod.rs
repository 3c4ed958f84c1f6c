//! TLS for the probe: the rustls client configuration, the trust store, a verifier that
//! records what the server presented, certificate facts, and the precise reason when
//! verification or the handshake fails. Facts, not judgement.
//!
//! # What lives here, by file
//! - `context.rs`: [`TlsSettings`], [`TlsContext`] (one per run), the name a server is
//!   checked against, and the handshake, which leaves a [`HandshakeRecord`] (with its
//!   [`Verdict`]) behind whether it succeeds or not.
//! - `trust.rs`: the trust store, loaded lazily, and the WebPKI verifier built on it.
//! - `verifier.rs`: the `RecordingVerifier` and what it records.
//! - `cert.rs`: certificate facts ([`certificate_facts`]): names, key, curve and signature
//!   names, the caIssuers URL; and the date helpers (`rfc3339`, [`unix_now`]).
//! - `reasons.rs`: rustls errors turned into precise verification and handshake reasons.
//!
//! The TLS statuses and findings are judged in `assess/tls.rs`, with everything else.
//!
//! And why it is built this way:
//! - **One crypto provider**, ring, passed explicitly with `builder_with_provider`: never
//!   the process-wide default (two providers in the tree would make that panic).
//! - **Lazy trust**: the system store (rustls-native-certs; falls back to the bundled
//!   Mozilla roots from webpki-roots when the system has none) is loaded the first time a
//!   handshake needs it, never for a plain-text probe, and never with `--insecure`.
//! - **Record, then decide**: rustls aborts on a failed verification and keeps nothing, so
//!   the `RecordingVerifier` wraps the WebPKI verifier, keeps the chain and the verdict, and
//!   then either fails the handshake (strict: `--starttls require` and implicit TLS) or lets
//!   it continue (opportunistic: `--starttls auto`, RFC 7435 practice, where a sending MTA
//!   would still deliver over the unverified TLS).
//! - **Names**: SNI and name verification use the MX host name from DNS, not the address,
//!   as RFC 7672 §3.2.2 (DANE) and RFC 8461 §4.2 (MTA-STS) senders do; a direct IP target is
//!   checked against the IP (iPAddress SAN) unless `--tls-name` says otherwise.
//!
//! # What must never live here
//! - Statuses, findings, or any decision about how bad a fact is: that is judgement, for
//!   the assess layer. A reason's message and advice state the failure and its remedy,
//!   never its severity.
//! - SMTP: STARTTLS (RFC 3207) sequencing lives in the session, the byte-level upgrade in
//!   the driver.
//! - Rendering: the model is `report::tls`, which never imports from here.
//!
//! # References
//! - RFC 3207 (STARTTLS), RFC 8314 (implicit TLS for submission, §3 port 465/submissions)
//! - RFC 7672 (SMTP DANE: reference identifiers), RFC 8461 (MTA-STS), RFC 7435
//!   (opportunistic security), RFC 8996 (TLS 1.0/1.1 deprecated), RFC 5280 (X.509)

mod cert;
mod civil;
mod context;
mod reasons;
mod trust;
mod verifier;

pub use cert::{certificate_facts, unix_now};
pub use context::{HandshakeRecord, TlsContext, TlsSettings, TlsSetupError, Verdict};
