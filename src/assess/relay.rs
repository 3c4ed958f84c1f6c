//! Relaying, judged: whose a recipient's domain is, as DNS shows it against this server
//! (its own, foreign, or undecided); the `open_relay` finding of a server that accepted a
//! recipient in a foreign domain; and the status a refused foreign RCPT's reply gets.
//!
//! A domain is this server's own when it is the probed mail domain, or when the domain's
//! mail exchangers (MX, or the implicit MX of a domain without one) include this server, by
//! name (the host we connected to, or a name it gave itself in its greeting or EHLO) or by
//! address. It is foreign when DNS answered and names other exchangers, or a null MX. It is
//! undecided when the lookup failed, when the domain has no mail records at all as seen from
//! here (an internal domain behind split DNS looks like that), when an exchanger's address
//! could not be looked up, or for an address literal other than this server's address
//! (a NAT may be in between): then nobody is accused.

use super::finding;
use crate::dns::{DnsFailure, DnsIssue, Resolution};
use crate::exit::Status;
use crate::facts::{Recipients, ServerFacts};
use crate::report::{CheckReport, FindingReport, StepReport};
use crate::smtp::session::Transcript;
use crate::smtp::{CheckKind, Context};
use crate::vocab::{DnsKind, FindingId, Outcome};
use std::net::IpAddr;

/// The names and the address a server is known by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// Lower case, without a trailing dot: the host we connected to (unless it is an IP
    /// literal) and the names it gave itself in its greeting and EHLO/HELO reply.
    pub names: Vec<String>,
    pub address: Option<IpAddr>,
}

impl Identity {
    /// The server's names and address, from what we connected to and what it said.
    pub fn of(server: &ServerFacts, t: &Transcript) -> Identity {
        let mut id = Identity {
            names: vec![],
            address: server.address,
        };
        id.add(&server.host);
        let named = t.steps.iter().filter(|s| {
            matches!(s.context, Context::Greeting | Context::Ehlo | Context::Helo)
                && s.reply.is_positive()
        });
        for s in named {
            if let Some(first) = s.reply.texts().next()
                && let Some(word) = first.split_whitespace().next()
            {
                id.add(word);
            }
        }
        id
    }

    fn add(&mut self, name: &str) {
        let n = name.trim_end_matches('.').to_ascii_lowercase();
        // A host name (RFC 1123 labels), not an address or free text.
        let usable = n.contains('.')
            && n.parse::<IpAddr>().is_err()
            && n.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            });
        if usable && !self.names.contains(&n) {
            self.names.push(n);
        }
    }

    fn is(&self, name: &str) -> bool {
        let n = name.trim_end_matches('.');
        self.names.iter().any(|m| m.eq_ignore_ascii_case(n))
    }
}

/// Whose a recipient's domain is, for this server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// The probed mail domain, a domain this server is a mail exchanger for, a bare local
    /// part, or a domain nobody looked up: the reply (and the canary) decide as always.
    Own,
    /// A domain this server is not a mail exchanger for: `exchangers` are the ones DNS
    /// names (empty with a null MX).
    Foreign {
        domain: String,
        exchangers: Vec<String>,
        null_mx: bool,
    },
    /// Whether this server handles the domain cannot be told; `why`, in words.
    Undecided { domain: String, why: String },
}

/// The relation of the recipient `argument` to the server known as `server`.
pub fn relation(argument: &str, recipients: &Recipients, server: &Identity) -> Relation {
    let Some(domain) = Recipients::domain_of(argument) else {
        return Relation::Own;
    };
    if recipients.is_probed(&domain) {
        return Relation::Own;
    }
    // `localhost` is every server itself (RFC 6761 §6.3: Sendmail's class w, OpenSMTPD's
    // `for local`, Postfix's mydestination): accepting it is local delivery, not relaying.
    let lower = domain.to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return Relation::Own;
    }
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        let ip = literal.trim_start_matches("ipv6:").parse::<IpAddr>().ok();
        return match (ip, server.address) {
            (Some(ip), Some(a)) if ip == a => Relation::Own,
            _ => Relation::Undecided {
                why: format!(
                    "{domain} is an address literal, and whether it is this server cannot be told from here (a NAT may be in between)"
                ),
                domain,
            },
        };
    }
    match recipients.resolution(&domain) {
        None => Relation::Own,
        Some(r) => of_resolution(domain, r, server),
    }
}

/// The relation, from what DNS said about the domain.
fn of_resolution(domain: String, r: &Resolution, server: &Identity) -> Relation {
    if r.kind == DnsKind::NullMx {
        return Relation::Foreign {
            domain,
            exchangers: vec![],
            null_mx: true,
        };
    }
    let ours = r.mx.iter().any(|h| {
        server.is(&h.exchange) || server.address.is_some_and(|a| h.addresses.contains(&a))
    });
    if ours {
        return Relation::Own;
    }
    if r.mx.is_empty() {
        let why = match &r.error {
            Some(
                DnsIssue::NoMailRecords { .. }
                | DnsIssue::Lookup {
                    failure: DnsFailure::NxDomain | DnsFailure::NoData,
                    ..
                },
            ) => format!(
                "{domain} has no MX or address records as seen from here: it may be a domain the server handles itself (an internal domain, split DNS)"
            ),
            Some(DnsIssue::Lookup { failure, .. }) => {
                format!(
                    "the MX lookup of {domain} failed ({})",
                    failure_words(failure)
                )
            }
            Some(DnsIssue::Setup { message }) => {
                format!("{domain} could not be looked up: {message}")
            }
            _ => format!("{domain}'s mail exchangers could not be found"),
        };
        return Relation::Undecided { domain, why };
    }
    // An exchanger whose address lookup failed might be this server.
    let unresolved = r.mx.iter().find_map(|h| match &h.error {
        Some(DnsIssue::Lookup { failure, .. }) if h.addresses.is_empty() => {
            Some((h.exchange.clone(), failure))
        }
        _ => None,
    });
    if let Some((exchange, failure)) = unresolved {
        return Relation::Undecided {
            why: format!(
                "the address of {exchange}, a mail exchanger of {domain}, could not be looked up ({}), so it may be this server",
                failure_words(failure)
            ),
            domain,
        };
    }
    Relation::Foreign {
        domain,
        exchangers: r.mx.iter().map(|h| h.exchange.clone()).collect(),
        null_mx: false,
    }
}

fn failure_words(f: &DnsFailure) -> String {
    match f {
        DnsFailure::NxDomain => "NXDOMAIN".into(),
        DnsFailure::NoData => "no data".into(),
        DnsFailure::ServFail(m) => format!("SERVFAIL or refused: {m}"),
        DnsFailure::Timeout => "timeout".into(),
        DnsFailure::Unreachable(at) => format!("nothing answers DNS at {at}"),
        DnsFailure::Other(m) => m.clone(),
    }
}

/// Where the mail of a foreign domain goes, in words.
pub fn elsewhere(domain: &str, exchangers: &[String], null_mx: bool) -> String {
    if null_mx {
        return format!("{domain} publishes a null MX (RFC 7505: it accepts no mail at all)");
    }
    let shown: Vec<&str> = exchangers.iter().take(3).map(String::as_str).collect();
    let more = exchangers.len().saturating_sub(shown.len());
    format!(
        "{domain}'s mail goes to {}{}, not to this server",
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

/// `open_relay`, once per domain this server relayed to, naming our address: the server
/// relays for this client, which is an open relay unless the client is one it trusts.
pub fn open_relay(
    checks: &[CheckReport],
    client: Option<IpAddr>,
    trusted_clients: &str,
) -> Vec<FindingReport> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for c in checks
        .iter()
        .filter(|c| c.kind == CheckKind::Rcpt && c.outcome == Outcome::Relayed)
    {
        let domain = Recipients::domain_of(&c.argument).unwrap_or_default();
        if seen.contains(&domain) {
            continue;
        }
        seen.push(domain.clone());
        let (who, trusted) = match client {
            Some(ip) if ip.is_loopback() => (
                format!("a client at {ip}"),
                format!("that address is trusted ({trusted_clients}; loopback usually is)"),
            ),
            Some(ip) => (
                format!("a client at {ip}"),
                format!("that address is trusted ({trusted_clients})"),
            ),
            None => (
                "this client".to_owned(),
                format!("this client's address is trusted ({trusted_clients})"),
            ),
        };
        out.push(finding(
            FindingId::OpenRelay,
            Status::Critical,
            format!(
                "relays to {domain} for {who} (RCPT TO:<{}> got {}); if {trusted}, test from outside",
                c.argument.trim_start_matches('<').trim_end_matches('>'),
                match c.code {
                    Some(code) => code.to_string(),
                    None => "a success code".to_owned(),
                }
            ),
        ));
    }
    out
}

/// A catch-all seen by a client the same server relays for: such a server may trust this
/// client and take any recipient from it, so the acceptance of a made-up name says nothing
/// about what a stranger gets. Each such check's meaning says so.
pub fn trusted_client_caveat(checks: &mut [CheckReport], trusted_clients: &str) {
    if !checks.iter().any(|c| c.outcome == Outcome::Relayed) {
        return;
    }
    for c in checks.iter_mut().filter(|c| c.outcome == Outcome::CatchAll) {
        c.meaning.push_str(&format!(
            "; but this server also relays for this client (open_relay below), so it may \
             trust the probe's address ({trusted_clients}) and take any recipient from it: \
             test from outside to see what strangers get"
        ));
    }
}

/// Makes the reply to a foreign-domain RCPT agree with its check. A refusal the check
/// judged a relay refusal or inconclusive is no problem of the server's: its step is OK,
/// like a canary's refusal, and the check carries the judgement. An acceptance the check
/// judged relaying is not the "accepts mail for this recipient" of the server's own
/// domains: its meaning says so.
pub fn settle_steps(steps: &mut [StepReport], checks: &[CheckReport]) {
    let judged = checks.iter().filter(|c| {
        c.kind == CheckKind::Rcpt
            && matches!(
                c.outcome,
                Outcome::Relayed | Outcome::RelayDenied | Outcome::Inconclusive
            )
    });
    for c in judged {
        let request = format!(
            "RCPT TO:<{}>",
            c.argument.trim_start_matches('<').trim_end_matches('>')
        );
        for s in steps.iter_mut().filter(|s| {
            !s.canary
                && s.context == Context::Rcpt
                && s.request.as_deref() == Some(request.as_str())
                && !matches!(s.code, 421 | 221)
        }) {
            if c.outcome == Outcome::Relayed {
                s.meaning = "The server accepts this recipient, in a domain it is not a mail exchanger for: it would relay the message for this client (see the check below).".into();
            } else {
                s.status = Status::Ok;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::MxHost;

    fn mx(exchange: &str, addr: &str) -> MxHost {
        MxHost {
            preference: 10,
            exchange: exchange.into(),
            addresses: addr.parse().into_iter().collect(),
            cname: None,
            error: None,
        }
    }

    fn with(domain: &str, r: Resolution) -> Recipients {
        Recipients {
            probed: Some("probed.test".into()),
            domains: vec![crate::facts::RecipientDomain {
                domain: domain.into(),
                resolution: r,
            }],
        }
    }

    fn server() -> Identity {
        Identity {
            names: vec!["mx.probed.test".into()],
            address: Some([192, 0, 2, 25].into()),
        }
    }

    #[test]
    fn probed_domain_bare_names_and_unlooked_domains_are_own() {
        let r = Recipients {
            probed: Some("Probed.Test".into()),
            domains: vec![],
        };
        for a in [
            "a@probed.test",
            "<a@PROBED.test.>",
            "postmaster",
            "a@never.looked.up",
        ] {
            assert_eq!(relation(a, &r, &server()), Relation::Own, "{a}");
        }
    }

    #[test]
    fn exchangers_elsewhere_are_foreign_and_ours_by_name_or_address_are_own() {
        let elsewhere = Resolution {
            kind: DnsKind::Mx,
            mx: vec![mx("mx.other.test", "198.51.100.7")],
            error: None,
        };
        let r = with("other.test", elsewhere);
        assert!(matches!(
            relation("x@other.test", &r, &server()),
            Relation::Foreign { null_mx: false, .. }
        ));
        let by_name = with(
            "other.test",
            Resolution {
                kind: DnsKind::Mx,
                mx: vec![mx("MX.probed.test.", "198.51.100.7")],
                error: None,
            },
        );
        assert_eq!(relation("x@other.test", &by_name, &server()), Relation::Own);
        let by_address = with(
            "other.test",
            Resolution {
                kind: DnsKind::ImplicitMx,
                mx: vec![mx("other.test", "192.0.2.25")],
                error: None,
            },
        );
        assert_eq!(
            relation("x@other.test", &by_address, &server()),
            Relation::Own
        );
    }

    #[test]
    fn failed_lookups_and_missing_records_are_undecided_null_mx_is_foreign() {
        let failed = with(
            "other.test",
            Resolution {
                kind: DnsKind::Mx,
                mx: vec![],
                error: Some(DnsIssue::Lookup {
                    name: "other.test".into(),
                    failure: DnsFailure::ServFail("SERVFAIL".into()),
                }),
            },
        );
        match relation("x@other.test", &failed, &server()) {
            Relation::Undecided { why, .. } => assert!(why.contains("SERVFAIL"), "{why}"),
            r => panic!("{r:?}"),
        }
        let none = with(
            "other.test",
            Resolution {
                kind: DnsKind::Mx,
                mx: vec![],
                error: Some(DnsIssue::Lookup {
                    name: "other.test".into(),
                    failure: DnsFailure::NxDomain,
                }),
            },
        );
        assert!(matches!(
            relation("x@other.test", &none, &server()),
            Relation::Undecided { .. }
        ));
        let null = with(
            "other.test",
            Resolution {
                kind: DnsKind::NullMx,
                mx: vec![],
                error: Some(DnsIssue::NullMx {
                    domain: "other.test".into(),
                }),
            },
        );
        assert!(matches!(
            relation("x@other.test", &null, &server()),
            Relation::Foreign { null_mx: true, .. }
        ));
        let mut half = mx("mx2.other.test", "198.51.100.8");
        half.addresses.clear();
        half.error = Some(DnsIssue::Lookup {
            name: "mx2.other.test".into(),
            failure: DnsFailure::Timeout,
        });
        let partial = with(
            "other.test",
            Resolution {
                kind: DnsKind::Mx,
                mx: vec![mx("mx1.other.test", "198.51.100.7"), half],
                error: None,
            },
        );
        assert!(matches!(
            relation("x@other.test", &partial, &server()),
            Relation::Undecided { .. }
        ));
    }

    #[test]
    fn address_literals_are_own_only_for_this_server() {
        let r = Recipients::default();
        assert_eq!(
            relation("postmaster@[192.0.2.25]", &r, &server()),
            Relation::Own
        );
        assert!(matches!(
            relation("postmaster@[198.51.100.1]", &r, &server()),
            Relation::Undecided { .. }
        ));
    }
}
