//! The connection side of TLS: the options ([`TlsSettings`]), the per-run context that
//! owns the crypto provider and the lazily loaded trust store, the name a server is checked
//! against, and the handshake itself, which leaves a [`HandshakeRecord`] behind whether it
//! succeeds or not.

use super::cert::unix_now;
use super::reasons::{classify_io, classify_verify, timed_out, verr};
use super::trust::Trust;
use super::verifier::{Recorded, RecordingVerifier};
use crate::report::tls::{TlsMode, VerifyError, VerifyReason};
use rustls::ClientConfig;
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;
use tokio_rustls::client::TlsStream;

/// TLS trust and certificate options from the command line, validated by the
/// configuration. How TLS is used (the policy) is decided there too, per server.
#[derive(Debug, Clone, Default)]
pub struct TlsSettings {
    /// `--ca-file`: extra trusted CAs, already parsed.
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
    /// When the handshake ran (Unix seconds): the time rustls checked the chain at, and the
    /// one its dates are judged against, so that both always agree.
    pub at: i64,
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
            failure: Some(verr(VerifyReason::Other, why, "")),
            ..HandshakeRecord::blank(host)
        }
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

    /// The roots, loaded on first use.
    fn trust(&self) -> Result<Arc<Trust>, TlsSetupError> {
        self.trust
            .get_or_init(|| Trust::load(&self.provider, &self.settings.ca_certs).map(Arc::new))
            .clone()
    }

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

    /// Runs the TLS handshake over `io` until `limit`. `mode` says whether it is implicit TLS
    /// or after STARTTLS (the reasons it fails for read differently). `strict` fails the
    /// handshake on a certificate that does not verify; otherwise the failure is recorded
    /// and TLS goes on.
    pub async fn handshake<IO>(
        &self,
        io: IO,
        host: &str,
        mode: TlsMode,
        strict: bool,
        limit: Instant,
    ) -> (Option<TlsStream<IO>>, HandshakeRecord)
    where
        IO: AsyncRead + AsyncWrite + Unpin,
    {
        let mut rec = HandshakeRecord::blank(host);
        let (name, shown) = match self.server_name(host) {
            Ok(n) => n,
            Err(e) => {
                rec.failure = Some(verr(
                    VerifyReason::Other,
                    e.0,
                    "give a valid host name with --tls-name",
                ));
                return (None, rec);
            }
        };
        rec.checked_name = shown;
        let inner = match self.verifier() {
            Ok((inner, label)) => {
                rec.trust = label;
                inner
            }
            Err(e) => {
                rec.failure = Some(e);
                return (None, rec);
            }
        };
        let record = Arc::new(Mutex::new(Recorded::default()));
        let verifier = RecordingVerifier {
            inner,
            provider: self.provider.clone(),
            strict,
            record: record.clone(),
        };
        let config = match self.client_config(verifier) {
            Ok(c) => c,
            Err(e) => {
                rec.failure = Some(e);
                return (None, rec);
            }
        };
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        // Timed from here: the handshake alone, not the first-use load of the trust store.
        let started = Instant::now();
        rec.at = unix_now();
        let result = tokio::time::timeout_at(limit, connector.connect(name, io)).await;
        rec.elapsed = started.elapsed();
        let (chain, verdict) = match record.lock() {
            Ok(mut r) => {
                // The chain's dates are judged at the time rustls checked them.
                rec.at = r.at.unwrap_or(rec.at);
                (std::mem::take(&mut r.chain), r.verdict.take())
            }
            Err(_) => (vec![], None),
        };
        rec.verdict = match verdict {
            None => Verdict::NotReached,
            Some(Ok(())) if self.settings.insecure => Verdict::Skipped,
            Some(Ok(())) => Verdict::Verified,
            Some(Err(e)) => Verdict::Failed(classify_verify(&e, &chain, &rec.checked_name, rec.at)),
        };
        rec.chain = chain;
        match result {
            Err(_) => {
                rec.failure = Some(timed_out(rec.elapsed, mode));
                (None, rec)
            }
            Ok(Err(e)) => {
                rec.failure = Some(classify_io(&rec.verdict, &e, mode));
                (None, rec)
            }
            Ok(Ok(stream)) => {
                rec.negotiated(stream.get_ref().1);
                (Some(stream), rec)
            }
        }
    }

    /// The WebPKI verifier to wrap (`None` with `--insecure`) and the trust label for the
    /// report.
    fn verifier(&self) -> Result<(Option<Arc<WebPkiServerVerifier>>, String), VerifyError> {
        if self.settings.insecure {
            return Ok((None, "none (--insecure)".into()));
        }
        match self.trust() {
            Ok(t) => Ok((Some(t.verifier.clone()), t.label.clone())),
            Err(e) => Err(verr(
                VerifyReason::Other,
                e.0,
                "check --ca-file, or the system trust store (ca-certificates)",
            )),
        }
    }

    fn client_config(&self, verifier: RecordingVerifier) -> Result<ClientConfig, VerifyError> {
        match ClientConfig::builder_with_provider(self.provider.clone())
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
                Ok(c)
            }
            Err(e) => Err(verr(VerifyReason::Other, format!("rustls setup: {e}"), "")),
        }
    }
}

impl HandshakeRecord {
    /// Nothing happened yet.
    fn blank(host: &str) -> HandshakeRecord {
        HandshakeRecord {
            checked_name: host.to_owned(),
            trust: String::new(),
            version: None,
            cipher: None,
            key_exchange: None,
            elapsed: Duration::ZERO,
            at: unix_now(),
            chain: vec![],
            verdict: Verdict::NotReached,
            failure: None,
        }
    }

    /// What the completed handshake agreed on.
    fn negotiated(&mut self, conn: &rustls::ClientConnection) {
        self.version = conn.protocol_version().map(version_name);
        self.cipher = conn
            .negotiated_cipher_suite()
            .map(|s| name_of(s.suite().as_str(), s.suite()));
        self.key_exchange = conn
            .negotiated_key_exchange_group()
            .map(|g| name_of(g.name().as_str(), g.name()));
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

#[cfg(test)]
mod tests {
    use super::*;

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
