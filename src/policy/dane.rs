//! DANE for SMTP (RFC 7672, RFC 6698) as facts: TLSA records, what a DNS answer said about
//! their authenticity, and whether a presented chain matches a record. Pure functions over
//! DER certificates; no judgement (which outcome, how bad) — that is `assess/dane.rs`.

use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use std::sync::Arc;

pub use crate::dns::Tlsa;

impl Tlsa {
    /// Usable for SMTP (RFC 7672 §3.1): DANE-TA(2) or DANE-EE(3), with a known selector and
    /// matching type.
    pub fn usable(&self) -> bool {
        matches!(self.usage, 2 | 3) && self.selector <= 1 && self.matching <= 2
    }

    /// Presentation form: `3 1 1 ab12…`.
    pub fn text(&self) -> String {
        format!(
            "{} {} {} {}",
            self.usage,
            self.selector,
            self.matching,
            hex(&self.data)
        )
    }
}

/// The TLSA lookup of one MX host, as the run made it.
#[derive(Debug, Clone)]
pub struct TlsaLookup {
    pub host: String,
    pub port: u16,
    pub answer: crate::dns::TlsaAnswer,
}

/// Lower-case hex.
pub fn hex(b: &[u8]) -> String {
    use std::fmt::Write;
    b.iter()
        .fold(String::with_capacity(b.len() * 2), |mut s, x| {
            let _ = write!(s, "{x:02x}");
            s
        })
}

/// Parses hex (whitespace and colons ignored).
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':')
        .collect();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

/// The SubjectPublicKeyInfo DER of a certificate.
pub fn spki(cert: &[u8]) -> Option<Vec<u8>> {
    let (_, c) = x509_parser::parse_x509_certificate(cert).ok()?;
    Some(c.tbs_certificate.subject_pki.raw.to_vec())
}

/// What a record with `selector` and `matching` would carry for `cert`.
pub fn association(cert: &[u8], selector: u8, matching: u8) -> Option<Vec<u8>> {
    let selected = match selector {
        0 => cert.to_vec(),
        1 => spki(cert)?,
        _ => return None,
    };
    Some(match matching {
        0 => selected,
        1 => ring::digest::digest(&ring::digest::SHA256, &selected)
            .as_ref()
            .to_vec(),
        2 => ring::digest::digest(&ring::digest::SHA512, &selected)
            .as_ref()
            .to_vec(),
        _ => return None,
    })
}

/// How one usable record matched a presented chain (leaf first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The record, in presentation form.
    pub record: String,
    /// The depth of the certificate it matched (0 the leaf).
    pub depth: usize,
}

/// The first usable record that authenticates `chain` for `name` at `now` (Unix seconds),
/// as RFC 7672 §3.1 says: DANE-EE(3) matches the leaf only, and ignores names and dates;
/// DANE-TA(2) matches a certificate above the leaf, which must then anchor a chain to the
/// leaf that is valid for the MX name (`name`) at `now`. `Err` lists, for each usable
/// record that matched a certificate but did not authenticate, why.
pub fn authenticate(
    records: &[Tlsa],
    chain: &[CertificateDer<'static>],
    name: &str,
    now: i64,
) -> Result<Match, Vec<String>> {
    let mut why = vec![];
    for t in records.iter().filter(|t| t.usable()) {
        let depths: Vec<usize> = if t.usage == 3 {
            vec![0]
        } else {
            (1..chain.len()).collect()
        };
        for depth in depths {
            let Some(cert) = chain.get(depth) else {
                continue;
            };
            if association(cert, t.selector, t.matching).as_deref() != Some(t.data.as_slice()) {
                continue;
            }
            if t.usage == 2
                && let Err(e) = anchored(chain, depth, name, now)
            {
                {
                    why.push(format!(
                        "{} matches the certificate at depth {depth}, but {e}",
                        t.text()
                    ));
                    continue;
                }
            }
            return Ok(Match {
                record: t.text(),
                depth,
            });
        }
    }
    Err(why)
}

/// Whether the chain verifies for `name` at `now` with the certificate at `depth` as its
/// only trust anchor (DANE-TA).
fn anchored(
    chain: &[CertificateDer<'static>],
    depth: usize,
    name: &str,
    now: i64,
) -> Result<(), String> {
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(chain[depth].clone())
        .map_err(|e| format!("it cannot be used as a trust anchor ({e})"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier =
        rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| format!("no verifier ({e})"))?;
    let server = ServerName::try_from(name.trim_end_matches('.').to_owned())
        .map_err(|e| format!("{name} is not a valid name ({e})"))?;
    let at = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
        u64::try_from(now).unwrap_or(0),
    ));
    use rustls::client::danger::ServerCertVerifier;
    verifier
        .verify_server_cert(&chain[0], &chain[1..depth], &server, &[], at)
        .map(|_| ())
        .map_err(|e| format!("the chain does not verify with it as trust anchor for {name}: {e}"))
}

/// The hex SHA-256 of a certificate's SubjectPublicKeyInfo (what a `3 1 1` record holds).
pub fn spki_sha256(cert: &[u8]) -> Option<Vec<u8>> {
    association(cert, 1, 1)
}

/// The next key a `--tlsa-next-key` names: a PEM certificate or public key, or the hex
/// SHA-256 of a SubjectPublicKeyInfo. Returns that SHA-256.
pub fn next_key(text: &str) -> Result<Vec<u8>, String> {
    use rustls::pki_types::pem::PemObject;
    let t = text.trim();
    if !t.starts_with("-----BEGIN") {
        return match unhex(t) {
            Some(h) if h.len() == 32 => Ok(h),
            _ => Err("neither a PEM certificate or public key nor 64 hex digits (the SHA-256 of a SubjectPublicKeyInfo)".into()),
        };
    }
    if let Ok(c) = CertificateDer::from_pem_slice(t.as_bytes()) {
        return spki_sha256(&c).ok_or_else(|| "the PEM certificate does not parse".to_owned());
    }
    if let Ok(k) = rustls::pki_types::SubjectPublicKeyInfoDer::from_pem_slice(t.as_bytes()) {
        return Ok(ring::digest::digest(&ring::digest::SHA256, k.as_ref())
            .as_ref()
            .to_vec());
    }
    Err("the PEM holds neither a CERTIFICATE nor a PUBLIC KEY".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_next_keys() {
        assert_eq!(unhex("ab:CD 01"), Some(vec![0xab, 0xcd, 0x01]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(hex(&[0, 255]), "00ff");
        assert_eq!(next_key(&"11".repeat(32)), Ok(vec![0x11; 32]));
        assert!(next_key("1234").is_err());
        assert!(next_key("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n").is_err());
        let usable = |u, s, m| {
            Tlsa {
                usage: u,
                selector: s,
                matching: m,
                data: vec![],
            }
            .usable()
        };
        assert!(usable(3, 1, 1) && usable(2, 0, 2));
        assert!(!usable(1, 1, 1) && !usable(0, 0, 0) && !usable(3, 2, 1) && !usable(3, 1, 3));
    }
}
