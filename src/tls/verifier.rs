//! Record, then decide: rustls aborts on a failed verification and keeps nothing, so
//! [`RecordingVerifier`] wraps the WebPKI verifier, keeps the chain and the verdict in a
//! [`Recorded`] shared with the handshake, and then either fails the handshake (strict) or
//! lets it continue (opportunistic, RFC 7435).

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::sync::{Arc, Mutex};

/// What the verifier saw, shared between it and the handshake caller.
#[derive(Debug, Default)]
pub(super) struct Recorded {
    pub(super) chain: Vec<CertificateDer<'static>>,
    pub(super) verdict: Option<Result<(), rustls::Error>>,
    /// The time rustls verified the chain at (Unix seconds).
    pub(super) at: Option<i64>,
}

/// Wraps the WebPKI verifier: records the chain and the verdict, then decides.
#[derive(Debug)]
pub(super) struct RecordingVerifier {
    /// `None` with `--insecure`.
    pub(super) inner: Option<Arc<WebPkiServerVerifier>>,
    pub(super) provider: Arc<CryptoProvider>,
    pub(super) strict: bool,
    pub(super) record: Arc<Mutex<Recorded>>,
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
            r.at = i64::try_from(now.as_secs()).ok();
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
