//! Certificates that server software makes for itself when it was given none.
//!
//! Such a certificate is self-signed and lives for an hour or two; the server makes a new
//! one when it restarts (or when the old one runs out), so nobody can "renew" it. Reporting
//! its expiry as a deadline would send the postmaster after the wrong problem: the fault is
//! that no certificate is configured. Any self-issued certificate whose whole validity is at
//! most [`TEMPORARY_LIFETIME_SECS`] is read this way; the table names the software where its
//! subject tells it.
//!
//! Data with sources; the subject fragment is matched case-insensitively.

/// The longest validity (from `notBefore` to `notAfter`) of a certificate read as made on
/// the fly. Real certificates, even ACME's short-lived profile (6 days), live longer.
pub const TEMPORARY_LIFETIME_SECS: i64 = 86_400;

/// Server software that makes a temporary certificate, and how to give it a real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratedCert {
    /// The software, as reports name it (`"Exim"`).
    pub software: &'static str,
    /// A lower-case fragment of the subject that the software always writes.
    pub subject: &'static str,
    /// What the operator sets to give it a real certificate.
    pub fix: &'static str,
    pub source: &'static str,
}

#[rustfmt::skip]
pub const GENERATED_CERTS: &[GeneratedCert] = &[
    GeneratedCert {
        software: "Exim",
        subject: "o=exim developers",
        fix: "set tls_certificate and tls_privatekey (Debian: MAIN_TLS_CERTIFICATE and MAIN_TLS_PRIVATEKEY) to a certificate for this host name",
        source: "Exim src/tls-gnu.c and src/tls-openssl.c tls_install_selfsign(): when tls_certificate is unset, a self-signed certificate with subject C=UK, O=Exim Developers, CN=<smtp_active_hostname>, valid for 1 hour (4.9x) or 2 hours (4.96)",
    },
];

/// The software that made a temporary certificate with this subject, if the table knows it.
pub fn generated_by(subject: &str) -> Option<&'static GeneratedCert> {
    let s = subject.to_ascii_lowercase();
    GENERATED_CERTS.iter().find(|g| s.contains(g.subject))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exims_subject_is_known_and_others_are_not() {
        let g = generated_by("C=UK, O=Exim Developers, CN=mx.exim.test").map(|g| g.software);
        assert_eq!(g, Some("Exim"));
        assert_eq!(generated_by("CN=mx.example.com"), None);
    }

    #[test]
    fn every_entry_has_a_lower_case_fragment_and_a_source() {
        for g in GENERATED_CERTS {
            assert_eq!(g.subject, g.subject.to_ascii_lowercase(), "{}", g.software);
            assert!(g.source.contains("tls_install_selfsign"), "{}", g.software);
            assert!(!g.fix.is_empty());
        }
    }
}
