//! DNS, judged: each [`DnsIssue`] the walk found becomes a [`DnsProblem`] with its kind,
//! its weight and words a postmaster can act on.
//!
//! # References
//! - RFC 5321 §5.1: an MX target must be a host name with address records, not an alias
//!   (CNAME) and not an IP literal; no MX means the name itself is the mail server.
//! - RFC 7505: a single `MX 0 .` says the domain accepts no mail at all; §3: a null MX must
//!   be the only MX record.

use crate::config::Family;
use crate::dns::{DnsFailure, DnsIssue};
use crate::exit::Status;
use crate::vocab::{DnsProblem, DnsProblemKind};
use std::net::IpAddr;

fn problem(kind: DnsProblemKind, status: Status, message: String) -> DnsProblem {
    DnsProblem {
        kind,
        message,
        status,
    }
}

/// The problem an issue is, for the target as a whole or for one MX host.
pub fn problem_of(issue: &DnsIssue) -> DnsProblem {
    match issue {
        DnsIssue::Setup { message } => {
            problem(DnsProblemKind::Other, Status::Unknown, message.clone())
        }
        DnsIssue::Lookup { name, failure } => lookup_problem(failure, name),
        DnsIssue::NullMx { domain } => problem(
            DnsProblemKind::NullMx,
            Status::Critical,
            format!(
                "{domain} publishes a null MX (RFC 7505): it accepts no mail by design; nothing was contacted"
            ),
        ),
        DnsIssue::NullMxMixed { domain } => problem(
            DnsProblemKind::NullMxMixed,
            Status::Warning,
            format!(
                "{domain} publishes a null MX (MX 0 .) next to real MX records, which RFC 7505 \
                 §3 forbids: senders may treat the domain as accepting no mail; the real hosts \
                 were probed. Remove the null MX if the domain takes mail (else the others)"
            ),
        ),
        DnsIssue::FamilyExcluded {
            issue,
            family,
            other,
        } => family_excluded(issue, *family, other),
        DnsIssue::NoMailRecords { domain } => problem(
            DnsProblemKind::NoData,
            Status::Critical,
            format!("{domain} has neither MX nor address records: no mail can be delivered to it"),
        ),
        DnsIssue::IpTarget { exchange } => problem(
            DnsProblemKind::IpTarget,
            Status::Warning,
            format!(
                "the MX target {exchange} is an IP address, not a host name (RFC 5321 §5.1); MTAs will not use it"
            ),
        ),
        DnsIssue::CnameTarget { exchange, alias } => problem(
            DnsProblemKind::CnameTarget,
            Status::Warning,
            format!(
                "the MX target {exchange} is an alias (CNAME to {alias}); RFC 5321 §5.1 requires a host name with its own address records"
            ),
        ),
        DnsIssue::PortOnMailDomain {
            host,
            port,
            exchanges,
        } => problem(
            DnsProblemKind::NoData,
            Status::Critical,
            port_on_mail_domain(host, *port, exchanges),
        ),
        DnsIssue::NoAddress { exchange, nxdomain } => problem(
            DnsProblemKind::NoAddress,
            Status::Warning,
            format!(
                "the MX target {exchange} has no address records ({}): mail cannot go to it",
                if *nxdomain { "NXDOMAIN" } else { "no A/AAAA" }
            ),
        ),
    }
}

/// An issue that only the restriction to one address family (`-4`/`-6`) caused: the kind
/// and weight of the issue itself, in words that name the restriction and what the name has.
fn family_excluded(issue: &DnsIssue, family: Family, other: &[IpAddr]) -> DnsProblem {
    let base = problem_of(issue);
    let (wanted, only, flag, has) = match family {
        Family::V6 => ("AAAA", "IPv6", "-6", "A"),
        Family::V4 | Family::Any => ("A", "IPv4", "-4", "AAAA"),
    };
    let list = other
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let gap = format!(
        "no {wanted} record ({only} only, because of {flag}); it has {has} {list}: drop {flag} \
         to probe it over {}",
        if family == Family::V6 { "IPv4" } else { "IPv6" }
    );
    let message = match issue {
        DnsIssue::NoAddress { exchange, .. } => format!("the MX target {exchange} has {gap}"),
        DnsIssue::NoMailRecords { domain } => format!("{domain} has no MX records and {gap}"),
        DnsIssue::Lookup { name, .. } => format!("{name} has {gap}"),
        _ => return base,
    };
    problem(base.kind, base.status, message)
}

/// `example.com:25` where example.com is a mail domain without address records.
fn port_on_mail_domain(host: &str, port: u16, exchanges: &[String]) -> String {
    let shown: Vec<&str> = exchanges.iter().take(3).map(String::as_str).collect();
    let more = match exchanges.len().saturating_sub(shown.len()) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let suggestion = if port == 25 {
        format!("smtpprobe {host}")
    } else {
        format!("smtpprobe {host} --port {port}")
    };
    format!(
        "{host} has no address records (NODATA), but it is a mail domain: its MX records name {}{more}. A port in the target ({host}:{port}) means \"connect to this host\", not \"this domain's mail servers\": drop it to probe the MX hosts ({suggestion})",
        shown.join(", ")
    )
}

fn lookup_problem(f: &DnsFailure, what: &str) -> DnsProblem {
    match f {
        DnsFailure::NxDomain => problem(
            DnsProblemKind::Nxdomain,
            Status::Critical,
            format!(
                "{what} does not exist in DNS (NXDOMAIN): check the spelling, or the domain's registration and delegation"
            ),
        ),
        DnsFailure::NoData => problem(
            DnsProblemKind::NoData,
            Status::Critical,
            format!("{what} exists but has no records of the type asked (NODATA)"),
        ),
        DnsFailure::ServFail(m) => problem(
            DnsProblemKind::Servfail,
            Status::Critical,
            format!(
                "the DNS server failed to answer for {what} ({m}): the domain's name servers may be broken or DNSSEC validation failed"
            ),
        ),
        DnsFailure::Unreachable(resolvers) => problem(
            DnsProblemKind::ResolverUnreachable,
            Status::Unknown,
            format!(
                "nothing answers DNS at {resolvers}: our query for {what} was refused at once (ICMP port unreachable); check --resolver (address and port) and that the DNS server is running"
            ),
        ),
        DnsFailure::Timeout => problem(
            DnsProblemKind::Timeout,
            Status::Unknown,
            format!(
                "DNS did not answer for {what} in time: check the resolver (--resolver) and the network"
            ),
        ),
        DnsFailure::Other(m) => problem(
            DnsProblemKind::Other,
            Status::Unknown,
            format!("DNS lookup for {what} failed: {m}"),
        ),
    }
}
