//! How servers word a refusal of a recipient in a domain they do not receive mail for:
//! a relay refusal, a refusal of the recipient's domain itself (it does not resolve, or
//! accepts no mail), or an unknown user. Fragments of reply texts (lower case, matched
//! anywhere in the text), each with the server that sends it and where it was seen.
//!
//! The assessment reads such a refusal as `relay_denied` unless these words or the enhanced
//! code say the domain or the user was the reason (`src/assess/relay.rs`).

/// A fragment of reply text and where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    /// Lower case; matched anywhere in the reply's text.
    pub fragment: &'static str,
    pub server: &'static str,
    pub source: &'static str,
}

/// "I will not relay for you": the server does not receive mail for that domain and will
/// not pass it on for this client.
pub const RELAY_REFUSED: &[Text] = &[
    Text {
        fragment: "relay access denied",
        server: "Postfix",
        source: "Postfix smtpd reject_unauth_destination (relay_domains_reject_code 554): \"554 5.7.1 <x@other.example>: Relay access denied\", seen from Postfix 3.7 in this project's real-server bed and at https://pastebin.com/cuaSEAAq",
    },
    Text {
        fragment: "relay not permitted",
        server: "Exim",
        source: "Exim src/configure.default, acl_check_rcpt: \"require message = relay not permitted / domains = +local_domains : +relay_to_domains\"; Exim test suite logs \"rejected RCPT <c@d>: relay not permitted\" (git.exim.org test/stderr/0234)",
    },
    Text {
        fragment: "relaying denied",
        server: "Sendmail",
        source: "Sendmail cf/m4/proto.m4, as it appears in sendmail.cf: R$* $#error $@ 5.7.1 $: \"550 Relaying denied\" (reply \"550 5.7.1 <x@other.example>... Relaying denied\")",
    },
    Text {
        fragment: "i cannot deliver mail for",
        server: "Haraka",
        source: "Haraka connection.js rcpt_respond(): 550 \"I cannot deliver mail for <x@example.com>\" when no plugin accepted the recipient (logged as \"No plugin determined if relaying was allowed\")",
    },
    Text {
        fragment: "list of allowed rcpthosts",
        server: "qmail",
        source: "qmail 1.03 qmail-smtpd.c err_nogateway(): \"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\" (some forks send it with 5.1.1)",
    },
    Text {
        fragment: "unable to relay",
        server: "Microsoft Exchange",
        source: "Exchange \"550 5.7.1 Unable to relay\" (https://knowledge.broadcom.com/external/article/175921/relay-errors-when-exchange-or-messaging.html); Exchange Online \"550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain\"",
    },
    Text {
        fragment: "mailing to remote domains not supported",
        server: "Exim (Debian)",
        source: "Debian exim4-config 4.96 conf.d/router/200_exim4-config_primary, router nonlocal for the \"local delivery only\" configuration: \"domains = ! +local_domains\", \"data = :fail: Mailing to remote domains not supported\"; answered \"550 <x@other.example> Mailing to remote domains not supported\" to VRFY and RCPT in this project's Exim bed (scripts/real-exim.sh)",
    },
];

/// "That domain does not exist or takes no mail": the refusal is about the recipient's
/// domain, which says nothing about relaying.
pub const DOMAIN_REFUSED: &[Text] = &[
    Text {
        fragment: "does not accept mail",
        server: "Postfix",
        source: "Postfix src/dns/dns_lookup.c: \"Domain %s does not accept mail (nullMX)\", sent as \"556 5.1.10 <x@example.com>: Recipient address rejected: Domain example.com does not accept mail (nullMX)\"",
    },
    Text {
        fragment: "nullmx",
        server: "Postfix",
        source: "Postfix src/dns/dns_lookup.c (DNS_NULLMX): \"… (nullMX)\"",
    },
    Text {
        fragment: "null mx",
        server: "",
        source: "RFC 7505 §3 and §4.2: a domain publishing a null MX accepts no mail; servers name it in their refusal",
    },
    Text {
        fragment: "domain not found",
        server: "Postfix",
        source: "Postfix smtpd reject_unknown_recipient_domain: \"450 4.1.2 <x@nx.example>: Recipient address rejected: Domain not found\" (550 5.1.2 with unknown_address_reject_code 550)",
    },
    Text {
        fragment: "host unknown",
        server: "Sendmail",
        source: "Sendmail: \"550 5.1.2 <x@nx.example>... Host unknown (Name server: nx.example: host not found)\" (quoted in bounce-handling libraries, e.g. Sisimai's NotAccept samples)",
    },
    Text {
        fragment: "name service error",
        server: "Postfix",
        source: "Postfix src/dns/dns_lookup.c: \"Host or domain name not found. Name service error for name=%s type=%s\"",
    },
    Text {
        fragment: "unrouteable address",
        server: "Exim",
        source: "Exim recipient verification (verify = recipient) that cannot route the address: \"550 Unrouteable address\" (e.g. quoted in a 2023 Linux kernel MAINTAINERS thread)",
    },
];

/// "No such user": the server looked the address up (Postfix's relay_recipient_maps, a
/// recipient callout), so the domain is one it handles or checks.
pub const USER_UNKNOWN: &[Text] = &[
    Text {
        fragment: "user unknown",
        server: "Postfix",
        source: "Postfix smtpd: \"550 5.1.1 <x@…>: Recipient address rejected: User unknown in local recipient table\" (also \"… in relay recipient table\"); Sendmail \"550 5.1.1 <x@…>... User unknown\"",
    },
    Text {
        fragment: "recipientnotfound",
        server: "Microsoft 365 / Exchange",
        source: "Exchange Online \"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\" (see vendors.rs m365_recipient_not_found)",
    },
    Text {
        fragment: "account that you tried to reach does not exist",
        server: "Gmail / Google Workspace",
        source: "https://www.dbmailserver.com/tui-xin-address-not-exist.htm (\"550-5.1.1 The email account that you tried to reach does not exist\")",
    },
];

/// The first fragment of `table` found in `text` (compared in lower case).
pub fn find<'a>(table: &'a [Text], text: &str) -> Option<&'a Text> {
    let t = text.to_ascii_lowercase();
    table.iter().find(|x| t.contains(x.fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_lower_case_and_cites_a_source() {
        for t in RELAY_REFUSED
            .iter()
            .chain(DOMAIN_REFUSED)
            .chain(USER_UNKNOWN)
        {
            assert_eq!(t.fragment, t.fragment.to_ascii_lowercase());
            assert!(!t.fragment.trim().is_empty());
            assert!(!t.source.trim().is_empty(), "{} needs a source", t.fragment);
        }
    }

    #[test]
    fn canonical_replies_are_recognised() {
        for relay in [
            "I cannot deliver mail for <x@example.com>",
            "<x@other.example>: Relay access denied",
            "relay not permitted",
            "<x@other.example>... Relaying denied",
            "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
            "5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
            "<x@elsewhere.test> Mailing to remote domains not supported",
        ] {
            assert!(find(RELAY_REFUSED, relay).is_some(), "{relay}");
            assert!(find(DOMAIN_REFUSED, relay).is_none(), "{relay}");
        }
        for domain in [
            "<x@example.com>: Recipient address rejected: Domain example.com does not accept mail (nullMX)",
            "<x@nx.example>: Recipient address rejected: Domain not found",
            "<x@nx.example>... Host unknown (Name server: nx.example: host not found)",
            "Unrouteable address",
        ] {
            assert!(find(DOMAIN_REFUSED, domain).is_some(), "{domain}");
            assert!(find(RELAY_REFUSED, domain).is_none(), "{domain}");
        }
        // Postfix's relay recipient table is about users, not relaying.
        let table = "<x@y>: Recipient address rejected: User unknown in relay recipient table";
        assert!(find(RELAY_REFUSED, table).is_none());
        assert!(find(USER_UNKNOWN, table).is_some());
    }
}
