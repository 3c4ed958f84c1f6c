//! Certificate facts: what a certificate says about itself (names, issuer, validity, key,
//! signature algorithm, the caIssuers URL), parsed with x509-parser, and the clock and
//! date helpers the facts are stated in.

use crate::report::tls::{CertificateReport, KeyReport};
use rustls::pki_types::CertificateDer;
use std::time::SystemTime;

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The caIssuers URL of the authorityInfoAccess extension (RFC 5280 §4.2.2.1).
pub(super) fn ca_issuers_url(der: &CertificateDer<'_>) -> Option<String> {
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
        not_before_unix: not_before,
        not_after_unix: not_after,
        days_left: whole_days(not_after - now),
        expired: not_after < now,
        key,
        signature_algorithm: signature_name(&cert.signature_algorithm.algorithm.to_id_string()),
        self_issued: cert.subject().as_raw() == cert.issuer().as_raw(),
    })
}

/// Whole days in `secs`, counted towards zero in both directions: 10 days and 1 second
/// ago is -10 (not -11, as flooring would make it), 23 hours either way is 0.
fn whole_days(secs: i64) -> i64 {
    secs / 86_400
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
    let (y, m, d) = super::civil::civil_from_days(days);
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
    fn whole_days_count_towards_zero_both_ways() {
        const DAY: i64 = 86_400;
        assert_eq!(whole_days(10 * DAY + 1), 10);
        assert_eq!(whole_days(-(10 * DAY) - 1), -10);
        assert_eq!(whole_days(-(10 * DAY)), -10);
        assert_eq!(whole_days(-(11 * DAY) + 1), -10);
        assert_eq!(whole_days(-1), 0);
        assert_eq!(whole_days(DAY - 1), 0);
        assert_eq!(whole_days(0), 0);
    }

    #[test]
    fn modulus_bits() {
        assert_eq!(bit_length(&[0x00, 0x80, 0, 0]), 24);
        assert_eq!(bit_length(&[0x01, 0xff]), 9);
        assert_eq!(bit_length(&[]), 0);
    }
}
