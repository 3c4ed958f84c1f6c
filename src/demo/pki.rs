//! The demo's own CA and server certificates, made at run time (rcgen with ring): the
//! probe is told to trust this CA, so the demo's STARTTLS verifies like a real one.

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// The CA the demo's probe trusts and server certificates signed by it.
pub struct DemoCa {
    pub cert: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn err(e: impl std::fmt::Display) -> String {
    format!("cannot make the demo's certificates: {e}")
}

impl DemoCa {
    pub fn new() -> Result<DemoCa, String> {
        let key = KeyPair::generate().map_err(err)?;
        let mut p = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
        p.distinguished_name
            .push(DnType::CommonName, "smtpprobe demo CA (made for this run)");
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let now = OffsetDateTime::now_utc();
        p.not_before = now - Duration::days(1);
        p.not_after = now + Duration::days(365);
        let cert = p.self_signed(&key).map_err(err)?;
        Ok(DemoCa {
            cert: cert.der().clone(),
            issuer: Issuer::new(p, key),
        })
    }

    /// A TLS acceptor presenting a certificate for `host` valid for 90 days from yesterday
    /// (well clear of the expiry warnings), with the CA after it.
    pub fn acceptor(&self, host: &str) -> Result<tokio_rustls::TlsAcceptor, String> {
        let key = KeyPair::generate().map_err(err)?;
        let mut p = CertificateParams::new(vec![host.to_owned()]).map_err(err)?;
        p.distinguished_name.push(DnType::CommonName, host);
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let now = OffsetDateTime::now_utc();
        p.not_before = now - Duration::days(1);
        p.not_after = now + Duration::days(90);
        let leaf = p.signed_by(&key, &self.issuer).map_err(err)?;
        let chain = vec![leaf.der().clone(), self.cert.clone()];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let cfg = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(err)?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(err)?;
        Ok(tokio_rustls::TlsAcceptor::from(Arc::new(cfg)))
    }
}
