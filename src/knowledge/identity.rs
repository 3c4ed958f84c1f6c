//! Which server software (or provider) a session is talking to, from what it says about
//! itself in the greeting and the EHLO reply. Server-specific text rules (`vendors.rs`)
//! only apply when the identity agrees with them or is unknown: a `502 VRFY command is
//! disabled` from a server whose banner says Exim is not explained as Postfix.
//!
//! Data with sources; matched case-insensitively, first match wins.

/// A server family and how it announces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    /// The name reports use (`"Postfix"`).
    pub family: &'static str,
    /// Lower-case fragments of the greeting or EHLO text that identify it.
    pub banner: &'static [&'static str],
    /// Lower-case words that name this family in a rule's `server` hint.
    pub names: &'static [&'static str],
    /// Where the banner form comes from.
    pub source: &'static str,
    /// The setting that lists the clients this software relays for without asking (empty
    /// when not known); reports name it where a relay may only trust the probe's address.
    /// Sources: postconf(5) mynetworks; Exim src/configure.default (acl_check_rcpt accepts
    /// `hosts = +relay_from_hosts`) and Debian's update-exim4.conf(8) dc_relay_nets;
    /// Sendmail cf/README (access database RELAY, relay-domains); Microsoft Learn
    /// "Allow anonymous relay on Exchange servers"; OpenSMTPD smtpd.conf(5); Haraka
    /// docs/plugins/relay.md.
    pub trusted_clients: &'static str,
}

/// The same, when the software is not known.
pub const TRUSTED_CLIENTS_ANY: &str =
    "Postfix: mynetworks; Exim: relay_from_hosts; Sendmail: RELAY in the access database";

#[rustfmt::skip]
pub const IDENTITIES: &[Identity] = &[
    Identity { family: "Postfix", banner: &["esmtp postfix"], names: &["postfix"], source: "Postfix smtpd_banner default \"$myhostname ESMTP $mail_name\" (postconf(5))", trusted_clients: "mynetworks" },
    Identity { family: "Exim", banner: &["esmtp exim"], names: &["exim"], source: "Exim smtp_banner default \"$smtp_active_hostname ESMTP Exim $version_number $tod_full\" (Exim spec, ch. 14)", trusted_clients: "relay_from_hosts; Debian: dc_relay_nets" },
    Identity { family: "Sendmail", banner: &["esmtp sendmail", " sendmail "], names: &["sendmail"], source: "Sendmail SmtpGreetingMessage default \"$j Sendmail $v/$Z; $b\" (cf/README)", trusted_clients: "RELAY for it in the access database, or relay-domains" },
    Identity { family: "Microsoft Exchange", banner: &["microsoft esmtp mail service"], names: &["exchange", "microsoft", "outlook"], source: "Exchange and Microsoft 365 (*.outlook.com) greet \"Microsoft ESMTP MAIL Service ready\"", trusted_clients: "a Receive connector with the Ms-Exch-SMTP-Accept-Any-Recipient permission" },
    Identity { family: "OpenSMTPD", banner: &["esmtp opensmtpd"], names: &["opensmtpd"], source: "OpenSMTPD smtp_session.c greeting \"%s ESMTP OpenSMTPD\"", trusted_clients: "a match from local or from src rule with a relay action" },
    Identity { family: "Gmail", banner: &["gsmtp"], names: &["gmail", "google"], source: "Gmail MX greeting \"mx.google.com ESMTP <id> - gsmtp\"", trusted_clients: "" },
    Identity { family: "Haraka", banner: &["esmtp haraka"], names: &["haraka"], source: "Haraka connection.js greeting \"<host> ESMTP Haraka <version> ready\"", trusted_clients: "the relay plugin's relay_acl_allow" },
    Identity { family: "aiosmtpd", banner: &["python smtp"], names: &["aiosmtpd", "python"], source: "aiosmtpd smtp.py ident \"Python SMTP <version>\" (fixtures/transcripts/aiosmtpd-vrfy-252.txt)", trusted_clients: "" },
    Identity { family: "Yahoo", banner: &["yahoo"], names: &["yahoo"], source: "Yahoo MX greetings name yahoo.com hosts", trusted_clients: "" },
    Identity { family: "Mimecast", banner: &["mimecast"], names: &["mimecast"], source: "Mimecast MX greetings name mimecast.com hosts", trusted_clients: "" },
    Identity { family: "Proofpoint", banner: &["pphosted", "proofpoint"], names: &["proofpoint"], source: "Proofpoint-hosted MX names (*.pphosted.com)", trusted_clients: "" },
    Identity { family: "Barracuda", banner: &["barracuda"], names: &["barracuda"], source: "Barracuda Email Security greeting \"ESMTP (...) Barracuda\"", trusted_clients: "" },
];

/// The identity the server's own texts announce (greeting first, then EHLO), if any.
pub fn identify<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static Identity> {
    // One lower-cased string, the texts a line each: no pattern holds a line break, so
    // none matches across two texts. One allocation instead of one per text (ASCII
    // lowers in place the same as `to_lowercase`).
    let mut lowered = String::with_capacity(256);
    for t in texts {
        if t.is_ascii() {
            let from = lowered.len();
            lowered.push_str(t);
            lowered[from..].make_ascii_lowercase();
        } else {
            lowered.push_str(&t.to_lowercase());
        }
        lowered.push('\n');
    }
    IDENTITIES
        .iter()
        .find(|id| id.banner.iter().any(|b| lowered.contains(b)))
}

impl Identity {
    /// Whether a rule's `server` hint (`"Microsoft 365 / Exchange"`, `"Gmail or qmail"`)
    /// names this family.
    pub fn agrees_with(&self, hint: &str) -> bool {
        let hint = hint.to_lowercase();
        self.names.iter().any(|n| hint.contains(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners_name_their_family_and_hints_agree_or_not() {
        let postfix = identify(["mx1.example.test ESMTP Postfix (Debian/GNU)"]);
        assert_eq!(postfix.map(|i| i.family), Some("Postfix"));
        let exim = identify(["mx.test ESMTP Exim 4.96 Mon, 30 Nov 2026"]);
        assert_eq!(exim.map(|i| i.family), Some("Exim"));
        assert!(exim.is_some_and(|i| !i.agrees_with("Postfix")));
        let m365 = identify(["AM0PR01.outlook.com Microsoft ESMTP MAIL Service ready at Mon"]);
        assert!(m365.is_some_and(|i| i.agrees_with("Microsoft 365 / Exchange")));
        let gmail = identify(["mx.google.com ESMTP a1-20 - gsmtp"]);
        assert!(gmail.is_some_and(|i| i.agrees_with("Gmail or qmail")));
        assert_eq!(identify(["mail.example.com ESMTP ready"]), None);
    }

    #[test]
    fn every_identity_has_a_source_and_lower_case_patterns() {
        for id in IDENTITIES {
            assert!(!id.source.is_empty(), "{}", id.family);
            for p in id.banner.iter().chain(id.names) {
                assert!(!p.contains('\n'), "{p:?}");
                assert_eq!(*p, p.to_lowercase(), "{}", id.family);
            }
        }
    }
}
