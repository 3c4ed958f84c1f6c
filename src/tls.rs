//! TLS for the probe: the rustls client configuration, the trust store, a verifier that
//! records what the server presented, certificate facts, and the precise reason when
//! verification or the handshake fails.
//!
//! What lives here and why:
//! - **One crypto provider**, ring, passed explicitly with `builder_with_provider`: never
//!   the process-wide default (two providers in the tree would make that panic).
//! - **Lazy trust**: the system store (rustls-native-certs; falls back to the bundled
//!   Mozilla roots from webpki-roots when the system has none) is loaded the first time a
//!   handshake needs it, never for a plain-text probe, and never with `--insecure`.
//! - **Record, then decide**: rustls aborts on a failed verification and keeps nothing, so
//!   [`RecordingVerifier`] wraps the WebPKI verifier, keeps the chain and the verdict, and
//!   then either fails the handshake (strict: `--starttls require` and implicit TLS) or lets
//!   it continue (opportunistic: `--starttls auto`, RFC 7435 practice, where a sending MTA
//!   would still deliver over the unverified TLS).
//! - **Names**: SNI and name verification use the MX host name from DNS, not the address,
//!   as RFC 7672 §3.2.2 (DANE) and RFC 8461 §4.2 (MTA-STS) senders do; a direct IP target is
//!   checked against the IP (iPAddress SAN) unless `--tls-name` says otherwise.
//!
//! Nothing here reads or writes SMTP: STARTTLS (RFC 3207) sequencing lives in the session,
//! the byte-level upgrade in the driver.
//!
//! # References
//! - RFC 3207 (STARTTLS), RFC 8314 (implicit TLS for submission, §3 port 465/submissions)
//! - RFC 7672 (SMTP DANE: reference identifiers), RFC 8461 (MTA-STS), RFC 7435
//!   (opportunistic security), RFC 8996 (TLS 1.0/1.1 deprecated), RFC 5280 (X.509)

use crate::report::tls::{CertificateReport, KeyReport, VerifyError};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;
use tokio_rustls::client::TlsStream;

/// TLS options from the command line, validated by the configuration.
#[derive(Debug, Clone, Default)]
pub struct TlsSettings {
    /// `--ca-file`: extra trusted CAs, already parsed.
    pub ca_file: Option<PathBuf>,
    pub ca_certs: Vec<CertificateDer<'static>>,
    /// `--insecure`: no verification at all.
    pub insecure: bool,
    /// `--tls-name`: the name to check (and send as SNI) instead of the MX host / IP.
    pub tls_name: Option<String>,
    /// `--cert-warn-days` / `--cert-crit-days`.
    pub warn_days: i64,
    pub crit_days: i64,
}

/// A failure to set TLS up at all (no roots, bad name): reported as a `tls` probe error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TlsSetupError(pub String);

/// The trusted roots and the verifier built on them, made once per process.
struct Trust {
    verifier: Arc<WebPkiServerVerifier>,
    label: String,
}

/// Shared by every connection of one run. Cheap to make: nothing is loaded until
/// [`TlsContext::handshake`] first needs the trust store.
pub struct TlsContext {
    settings: TlsSettings,
    provider: Arc<CryptoProvider>,
    trust: OnceLock<Result<Arc<Trust>, TlsSetupError>>,
}

impl std::fmt::Debug for TlsContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsContext")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// How the handshake's verification turned out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The verifier was never asked (the handshake failed before the certificate).
    NotReached,
    Verified,
    /// `--insecure`: not checked.
    Skipped,
    Failed(VerifyError),
}

/// What one handshake left behind, whether it succeeded or not.
#[derive(Debug, Clone)]
pub struct HandshakeRecord {
    pub checked_name: String,
    pub trust: String,
    pub version: Option<String>,
    pub cipher: Option<String>,
    pub key_exchange: Option<String>,
    pub elapsed: Duration,
    /// As presented, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    pub verdict: Verdict,
    /// Why the handshake itself failed (`None` when it completed).
    pub failure: Option<VerifyError>,
}

impl HandshakeRecord {
    /// A handshake that could not even start.
    pub fn not_started(host: &str, why: &str) -> HandshakeRecord {
        HandshakeRecord {
            checked_name: host.to_owned(),
            trust: String::new(),
            version: None,
            cipher: None,
            key_exchange: None,
            elapsed: Duration::ZERO,
            chain: vec![],
            verdict: Verdict::NotReached,
            failure: Some(verr("other", why, "")),
        }
    }
}

/// What the verifier saw, shared between it and the handshake caller.
#[derive(Debug, Default)]
struct Recorded {
    chain: Vec<CertificateDer<'static>>,
    verdict: Option<Result<(), rustls::Error>>,
}

/// Wraps the WebPKI verifier: records the chain and the verdict, then decides.
#[derive(Debug)]
struct RecordingVerifier {
    /// `None` with `--insecure`.
    inner: Option<Arc<WebPkiServerVerifier>>,
    provider: Arc<CryptoProvider>,
    strict: bool,
    record: Arc<Mutex<Recorded>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = match &self.inner {
            None => Ok(()),
            Some(v) => v
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
                .map(|_| ()),
        };
        if let Ok(mut r) = self.record.lock() {
            r.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.clone().into_owned())
                .collect();
            r.verdict = Some(verdict.clone());
        }
        match verdict {
            Err(e) if self.strict => Err(e),
            // Opportunistic: go on over the unverified channel, as a sending MTA would.
            _ => Ok(ServerCertVerified::assertion()),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        // The handshake signature is always checked: it proves the server holds the key of
        // the certificate it showed, whatever we think of that certificate.
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

impl TlsContext {
    pub fn new(settings: TlsSettings) -> TlsContext {
        TlsContext {
            settings,
            provider: Arc::new(rustls::crypto::ring::default_provider()),
            trust: OnceLock::new(),
        }
    }

    pub fn settings(&self) -> &TlsSettings {
        &self.settings
    }

    /// The roots, loaded on first use.
    fn trust(&self) -> Result<Arc<Trust>, TlsSetupError> {
        self.trust
            .get_or_init(|| self.load_trust().map(Arc::new))
            .clone()
    }

    fn load_trust(&self) -> Result<Trust, TlsSetupError> {
        let mut roots = RootCertStore::empty();
        let native = system_roots();
        let (added, _ignored) = roots.add_parsable_certificates(native.certs);
        let mut label = if added > 0 {
            "system".to_owned()
        } else {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            "webpki-roots".to_owned()
        };
        if !self.settings.ca_certs.is_empty() {
            let (ok, bad) = roots.add_parsable_certificates(self.settings.ca_certs.iter().cloned());
            if ok == 0 {
                return Err(TlsSetupError(format!(
                    "--ca-file: none of its {bad} certificate(s) can be used as a trust anchor"
                )));
            }
            label.push_str("+ca-file");
        }
        let verifier =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), self.provider.clone())
                .build()
                .map_err(|e| {
                    TlsSetupError(format!("cannot build the certificate verifier: {e}"))
                })?;
        Ok(Trust { verifier, label })
    }
}

/// The distributions' single-file bundles (Debian/Ubuntu/Alpine, Fedora/RHEL, openSUSE):
/// the same roots as the hashed directory next to them, in one read.
const BUNDLES: [&str; 4] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
];

/// The system's roots. rustls-native-certs reads the bundle file *and* every file of the
/// certificate directory (about 300 files on Debian: the same certificates again, hashed),
/// which costs as much as the whole STARTTLS conversation on loopback. So read only the
/// bundle when it makes the directory redundant: `SSL_CERT_FILE` alone, or with
/// `SSL_CERT_DIR` naming the bundle's own directory (update-ca-certificates builds the
/// bundle from it); without either variable, a distribution bundle from [`BUNDLES`].
/// Anything else goes through rustls-native-certs unchanged.
fn system_roots() -> rustls_native_certs::CertificateResult {
    let file = std::env::var_os("SSL_CERT_FILE").map(PathBuf::from);
    let dir = std::env::var_os("SSL_CERT_DIR").map(PathBuf::from);
    let candidates: Vec<PathBuf> = match (&file, &dir) {
        (Some(f), None) => vec![f.clone()],
        (Some(f), Some(d)) if f.parent() == Some(d.as_path()) => vec![f.clone()],
        (None, None) if cfg!(target_os = "linux") => BUNDLES.iter().map(PathBuf::from).collect(),
        _ => vec![],
    };
    for path in candidates {
        if path.is_file() {
            let r = rustls_native_certs::load_certs_from_paths(Some(&path), None);
            if !r.certs.is_empty() {
                return r;
            }
        }
    }
    rustls_native_certs::load_native_certs()
}

impl TlsContext {
    /// The name to check for a server reached as `host` (an MX name, a host name, or an IP
    /// in text form), and its display form for the report.
    pub fn server_name(&self, host: &str) -> Result<(ServerName<'static>, String), TlsSetupError> {
        let raw = self.settings.tls_name.as_deref().unwrap_or(host);
        let raw = raw.trim_end_matches('.');
        let raw = raw
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .unwrap_or(raw);
        let name = ServerName::try_from(raw.to_owned())
            .map_err(|e| TlsSetupError(format!("{raw:?} cannot be checked as a TLS name: {e}")))?;
        let shown = match &name {
            ServerName::IpAddress(_) => format!("{raw} (IP address)"),
            _ => raw.to_owned(),
        };
        Ok((name, shown))
    }

    /// Runs the TLS handshake over `io` until `limit`. `strict` fails the handshake on a
    /// certificate that does not verify; otherwise the failure is recorded and TLS goes on.
    pub async fn handshake<IO>(
        &self,
        io: IO,
        host: &str,
        strict: bool,
        limit: Instant,
    ) -> (Option<TlsStream<IO>>, HandshakeRecord)
    where
        IO: AsyncRead + AsyncWrite + Unpin,
    {
        let mut rec = HandshakeRecord {
            checked_name: host.to_owned(),
            trust: String::new(),
            version: None,
            cipher: None,
            key_exchange: None,
            elapsed: Duration::ZERO,
            chain: vec![],
            verdict: Verdict::NotReached,
            failure: None,
        };
        let (name, shown) = match self.server_name(host) {
            Ok(n) => n,
            Err(e) => {
                rec.failure = Some(verr("other", e.0, "give a valid host name with --tls-name"));
                return (None, rec);
            }
        };
        rec.checked_name = shown;
        let inner = if self.settings.insecure {
            rec.trust = "none (--insecure)".into();
            None
        } else {
            match self.trust() {
                Ok(t) => {
                    rec.trust = t.label.clone();
                    Some(t.verifier.clone())
                }
                Err(e) => {
                    rec.failure = Some(verr(
                        "other",
                        e.0,
                        "check --ca-file, or the system trust store (ca-certificates)",
                    ));
                    return (None, rec);
                }
            }
        };
        let record = Arc::new(Mutex::new(Recorded::default()));
        let verifier = RecordingVerifier {
            inner,
            provider: self.provider.clone(),
            strict,
            record: record.clone(),
        };
        let config = match ClientConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
        {
            Ok(b) => {
                let mut c = b
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(verifier))
                    .with_no_client_auth();
                // One process, one handshake: nothing to resume, so keep no ticket cache.
                // (TLS 1.3 servers still send tickets; driver::QuickAck keeps them from
                // stalling the next reply.)
                c.resumption = rustls::client::Resumption::disabled();
                c
            }
            Err(e) => {
                rec.failure = Some(verr("other", format!("rustls setup: {e}"), ""));
                return (None, rec);
            }
        };
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        // Timed from here: the handshake alone, not the first-use load of the trust store.
        let started = Instant::now();
        let result = tokio::time::timeout_at(limit, connector.connect(name, io)).await;
        rec.elapsed = started.elapsed();
        let (chain, verdict) = match record.lock() {
            Ok(mut r) => (std::mem::take(&mut r.chain), r.verdict.take()),
            Err(_) => (vec![], None),
        };
        let now = unix_now();
        rec.verdict = match verdict {
            None => Verdict::NotReached,
            Some(Ok(())) if self.settings.insecure => Verdict::Skipped,
            Some(Ok(())) => Verdict::Verified,
            Some(Err(e)) => Verdict::Failed(classify_verify(&e, &chain, &rec.checked_name, now)),
        };
        rec.chain = chain;
        match result {
            Err(_) => {
                rec.failure = Some(verr(
                    "timeout",
                    format!(
                        "the TLS handshake did not finish within {:.1} s",
                        rec.elapsed.as_secs_f64()
                    ),
                    "the server is slow or stalls after STARTTLS; check its TLS logs",
                ));
                (None, rec)
            }
            Ok(Err(e)) => {
                rec.failure = Some(match (&rec.verdict, rustls_error(&e)) {
                    (Verdict::Failed(v), Some(rustls::Error::InvalidCertificate(_))) => v.clone(),
                    (_, Some(err)) => classify_handshake(err),
                    (_, None) if e.kind() == std::io::ErrorKind::UnexpectedEof => verr(
                        "closed",
                        "the server closed the connection during the TLS handshake",
                        "look at the server's TLS log: it may lack a certificate or reject our offer",
                    ),
                    (_, None) => verr(
                        "handshake_failed",
                        format!("the TLS handshake failed: {e}"),
                        "",
                    ),
                });
                (None, rec)
            }
            Ok(Ok(stream)) => {
                let (_, conn) = stream.get_ref();
                rec.version = conn.protocol_version().map(version_name);
                rec.cipher = conn
                    .negotiated_cipher_suite()
                    .map(|s| name_of(s.suite().as_str(), s.suite()));
                rec.key_exchange = conn
                    .negotiated_key_exchange_group()
                    .map(|g| name_of(g.name().as_str(), g.name()));
                (Some(stream), rec)
            }
        }
    }
}

fn name_of<T: std::fmt::Debug>(s: Option<&'static str>, v: T) -> String {
    s.map_or_else(|| format!("{v:?}"), str::to_owned)
}

fn version_name(v: rustls::ProtocolVersion) -> String {
    match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".into(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".into(),
        other => format!("{other:?}"),
    }
}

fn verr(reason: &str, message: impl Into<String>, advice: impl Into<String>) -> VerifyError {
    VerifyError {
        reason: reason.to_owned(),
        message: message.into(),
        advice: advice.into(),
    }
}

/// The rustls error inside an I/O error from tokio-rustls, if that is what it is.
fn rustls_error(e: &std::io::Error) -> Option<&rustls::Error> {
    e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
}

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
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
            "protocol_version",
            format!("{OLD} ({e})"),
            "enable TLS 1.2 and 1.3 on the server (Postfix: smtpd_tls_protocols = >=TLSv1.2)",
        ),
        E::AlertReceived(A::HandshakeFailure | A::InsufficientSecurity)
        | E::PeerIncompatible(
            P::NoCipherSuitesInCommon | P::NoKxGroupsInCommon | P::NoSignatureSchemesInCommon,
        ) => verr(
            "handshake_failed",
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
            "not_tls",
            format!(
                "the server answered the handshake with something that is not valid TLS ({e}): \
                 plain text after its 220 to STARTTLS, or a broken TLS stack"
            ),
            "look at what the server sends after 220 to STARTTLS; it must start TLS and nothing else",
        ),
        E::InvalidCertificate(c) => verr("other", format!("certificate rejected: {c:?}"), ""),
        E::NoCertificatesPresented => verr(
            "handshake_failed",
            "the server presented no certificate",
            "configure a certificate on the server",
        ),
        other => verr(
            "handshake_failed",
            format!("the TLS handshake failed: {other}"),
            "",
        ),
    }
}

/// A failed certificate verification, with the precise reason (RFC 5280 path validation
/// as done by webpki, RFC 6125 name matching).
fn classify_verify(
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
            return verr("other", format!("verification failed: {other}"), "");
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
                "expired",
                format!("{role} ({who}) expired on {since}, {days} day(s) ago"),
                "renew the certificate and reload the MTA (check that the renewal job also \
                 reloads it: a renewed file on disk is not used until then)",
            )
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            let nb = leaf.map_or("?".to_owned(), |l| l.not_before.clone());
            verr(
                "not_yet_valid",
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
                "name_mismatch",
                format!("the certificate is not valid for {checked}: it names {has}"),
                "get a certificate whose subjectAltName includes the MX host name (what \
                 senders check, RFC 7672 §3.2.2 / RFC 8461 §4.2), or point the MX at a name it \
                 covers; --tls-name checks another name",
            )
        }
        CertificateError::UnknownIssuer => unknown_issuer(&facts, chain),
        CertificateError::BadSignature => verr(
            "bad_signature",
            "a certificate in the chain is not correctly signed by its issuer",
            "the server sends a chain that does not belong together: reinstall the \
             certificate with its own intermediates",
        ),
        CertificateError::Revoked => verr(
            "revoked",
            "the certificate has been revoked",
            "install a new certificate",
        ),
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => verr(
            "invalid_purpose",
            "the certificate is not meant for TLS servers (extendedKeyUsage)",
            "use a certificate with the serverAuth extended key usage",
        ),
        other => verr(
            "other",
            format!("the certificate was rejected: {other:?}"),
            "",
        ),
    }
}

/// UnknownIssuer, refined: self-signed, an intermediate missing, or an untrusted CA.
fn unknown_issuer(facts: &[CertificateReport], chain: &[CertificateDer<'_>]) -> VerifyError {
    let Some(leaf) = facts.first() else {
        return verr("unknown_issuer", "the chain could not be parsed", "");
    };
    if facts.len() == 1 && leaf.self_issued {
        return verr(
            "self_signed",
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
            "incomplete_chain",
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
        "unknown_issuer",
        msg,
        "for a private CA pass --ca-file; for a public CA make the server send the \
         intermediates; check that the probing machine's CA store is current",
    )
}

/// The caIssuers URL of the authorityInfoAccess extension (RFC 5280 §4.2.2.1).
fn ca_issuers_url(der: &CertificateDer<'_>) -> Option<String> {
    use x509_parser::extensions::{GeneralName, ParsedExtension};
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    cert.extensions()
        .iter()
        .find_map(|ext| match ext.parsed_extension() {
            ParsedExtension::AuthorityInfoAccess(aia) => aia.iter().find_map(|d| {
                match (d.access_method.to_id_string().as_str(), &d.access_location) {
                    ("1.3.6.1.5.5.7.48.2", GeneralName::URI(u)) => Some((*u).to_owned()),
                    _ => None,
                }
            }),
            _ => None,
        })
}

/// What a certificate says about itself, for the report. `None` if it does not parse.
pub fn certificate_facts(der: &CertificateDer<'_>, now: i64) -> Option<CertificateReport> {
    use x509_parser::extensions::GeneralName;
    use x509_parser::public_key::PublicKey;
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    let sans = match cert.subject_alternative_name() {
        Ok(Some(ext)) => ext
            .value
            .general_names
            .iter()
            .filter_map(|g| match g {
                GeneralName::DNSName(d) => Some((*d).to_owned()),
                GeneralName::IPAddress(b) => ip_text(b),
                GeneralName::RFC822Name(m) => Some(format!("email:{m}")),
                _ => None,
            })
            .collect(),
        _ => vec![],
    };
    let not_before = cert.validity().not_before.timestamp();
    let not_after = cert.validity().not_after.timestamp();
    let spki = cert.public_key();
    let alg = spki.algorithm.algorithm.to_id_string();
    let key = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyReport {
            kind: "RSA".into(),
            bits: bit_length(rsa.modulus),
            curve: None,
        },
        Ok(PublicKey::EC(ec)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| curve_name(&o.to_id_string()));
            KeyReport {
                kind: "EC".into(),
                bits: u32::try_from(ec.key_size()).unwrap_or(0),
                curve,
            }
        }
        _ => match alg.as_str() {
            "1.3.101.112" => KeyReport {
                kind: "Ed25519".into(),
                bits: 256,
                curve: None,
            },
            "1.3.101.113" => KeyReport {
                kind: "Ed448".into(),
                bits: 456,
                curve: None,
            },
            _ => KeyReport {
                kind: alg.clone(),
                bits: 0,
                curve: None,
            },
        },
    };
    Some(CertificateReport {
        subject: cert.subject().to_string(),
        sans,
        issuer: cert.issuer().to_string(),
        serial: cert.raw_serial_as_string(),
        not_before: rfc3339(not_before),
        not_after: rfc3339(not_after),
        not_after_unix: not_after,
        days_left: (not_after - now).div_euclid(86_400),
        key,
        signature_algorithm: signature_name(&cert.signature_algorithm.algorithm.to_id_string()),
        self_issued: cert.subject().as_raw() == cert.issuer().as_raw(),
    })
}

fn ip_text(b: &[u8]) -> Option<String> {
    match b.len() {
        4 => <[u8; 4]>::try_from(b)
            .ok()
            .map(|a| std::net::Ipv4Addr::from(a).to_string()),
        16 => <[u8; 16]>::try_from(b)
            .ok()
            .map(|a| std::net::Ipv6Addr::from(a).to_string()),
        _ => None,
    }
}

/// Bits in a big-endian unsigned integer (an RSA modulus, possibly with a leading 0).
fn bit_length(n: &[u8]) -> u32 {
    let Some(pos) = n.iter().position(|&b| b != 0) else {
        return 0;
    };
    let rest = u32::try_from(n.len() - pos - 1).unwrap_or(0);
    rest * 8 + (8 - n[pos].leading_zeros())
}

fn curve_name(oid: &str) -> String {
    match oid {
        "1.2.840.10045.3.1.7" => "P-256".into(),
        "1.3.132.0.34" => "P-384".into(),
        "1.3.132.0.35" => "P-521".into(),
        other => other.to_owned(),
    }
}

fn signature_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        other => return other.to_owned(),
    }
    .to_owned()
}

/// Seconds since the epoch as RFC 3339 UTC (`2026-11-28T17:47:00Z`).
pub fn rfc3339(ts: i64) -> String {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_798_761_599), "2026-12-31T23:59:59Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn modulus_bits() {
        assert_eq!(bit_length(&[0x00, 0x80, 0, 0]), 24);
        assert_eq!(bit_length(&[0x01, 0xff]), 9);
        assert_eq!(bit_length(&[]), 0);
    }

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

    #[test]
    fn names_for_ip_targets_are_ip_addresses() {
        let ctx = TlsContext::new(TlsSettings::default());
        let (n, shown) = ctx.server_name("127.0.0.1").unwrap();
        assert!(matches!(n, ServerName::IpAddress(_)));
        assert_eq!(shown, "127.0.0.1 (IP address)");
        let (n, shown) = ctx.server_name("mx.example.com.").unwrap();
        assert!(matches!(n, ServerName::DnsName(_)));
        assert_eq!(shown, "mx.example.com");
        assert!(ctx.server_name("[::1]").is_ok());
    }
}
