//! The trust store: the system's roots (or the bundled Mozilla roots when the system has
//! none), plus the `--ca-file` CAs, and the WebPKI verifier built on them. Loaded once per
//! run, and only when a handshake first needs it (see [`super::TlsContext`]).

use super::context::TlsSetupError;
use rustls::RootCertStore;
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::CertificateDer;
use std::path::PathBuf;
use std::sync::Arc;

/// The trusted roots and the verifier built on them, made once per process.
pub(super) struct Trust {
    pub(super) verifier: Arc<WebPkiServerVerifier>,
    pub(super) label: String,
}

impl Trust {
    pub(super) fn load(
        provider: &Arc<CryptoProvider>,
        ca_certs: &[CertificateDer<'static>],
    ) -> Result<Trust, TlsSetupError> {
        let mut roots = RootCertStore::empty();
        let native = system_roots();
        let (added, _ignored) = roots.add_parsable_certificates(native.certs);
        let mut label = if added > 0 {
            "system".to_owned()
        } else {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            "webpki-roots".to_owned()
        };
        if !ca_certs.is_empty() {
            let (ok, bad) = roots.add_parsable_certificates(ca_certs.iter().cloned());
            if ok == 0 {
                return Err(TlsSetupError(format!(
                    "--ca-file: none of its {bad} certificate(s) can be used as a trust anchor"
                )));
            }
            label.push_str("+ca-file");
        }
        let verifier =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
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
