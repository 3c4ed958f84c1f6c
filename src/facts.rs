//! What a probe observed, before any judgement: per target (the DNS walk, the servers) and
//! per server (connection, conversation, TLS). The run engine fills these; the assessment
//! turns them into the report. Plain data: no status, no prose.

use crate::dns::{DnsIssue, Resolution};
use crate::driver::Drive;
use crate::policy::PolicyFacts;
use crate::policy::dane::TlsaLookup;
use crate::smtp::session::TlsPolicy;
use crate::vocab::ProbeError;
use std::net::IpAddr;
use std::time::Duration;

/// One target, probed.
#[derive(Debug, Clone)]
pub struct TargetFacts {
    /// The TARGET as given.
    pub target: String,
    /// `"system"`, the `--resolver` addresses, or `"none"` when DNS was not asked.
    pub resolver: String,
    pub resolution: Resolution,
    pub dns_elapsed: Duration,
    pub servers: Vec<ServerFacts>,
    pub elapsed: Duration,
    /// The run's time budget (`--max-time`) when it ran out before the probe was done: DNS
    /// unfinished, a server cut short or not tried. `None` when everything was done in time.
    pub gave_up: Option<Duration>,
    /// The domains of the recipients asked, as DNS showed them (for telling relaying from
    /// a server's own mail).
    pub recipients: Recipients,
    /// What the mail domain publishes (MTA-STS, TLS-RPT), looked up while the servers were
    /// talked to; `None` when not looked up (`--policy ignore`, not a domain target).
    pub policy: Option<PolicyFacts>,
    /// The TLSA lookups of the MX hosts (DANE), made while the servers were talked to;
    /// empty when policies are not looked at.
    pub tlsa: Vec<TlsaLookup>,
}

/// The domains of the recipients a server answered (`--rcpt`, `--relay-test`), as DNS
/// showed them, so that the assessment can tell a server's own domains from foreign ones:
/// an RCPT accepted for a domain the server is not a mail exchanger for is relaying.
#[derive(Debug, Clone, Default)]
pub struct Recipients {
    /// The probed mail domain (a domain target): its recipients are its servers' own, and
    /// it is never looked up. `None` for a direct target (host:port, IP).
    pub probed: Option<String>,
    /// Every other recipient domain that got an answer, with its mail exchangers as the
    /// run's resolver gave them (MX, implicit MX, null MX, or why the lookup failed).
    pub domains: Vec<RecipientDomain>,
}

/// One recipient domain and what DNS said about its mail exchangers.
#[derive(Debug, Clone)]
pub struct RecipientDomain {
    /// Lower case, without a trailing dot.
    pub domain: String,
    pub resolution: Resolution,
}

impl Recipients {
    /// The domain of a recipient address (`<alice@Example.COM.>` → `example.com`), `None`
    /// for a bare local part (`postmaster`). An address literal keeps its brackets
    /// (`[192.0.2.1]`).
    pub fn domain_of(address: &str) -> Option<String> {
        let a = address.trim().trim_start_matches('<').trim_end_matches('>');
        let (_, domain) = a.rsplit_once('@')?;
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        (!domain.is_empty()).then_some(domain)
    }

    /// Whether `domain` is the probed mail domain.
    pub fn is_probed(&self, domain: &str) -> bool {
        self.probed
            .as_deref()
            .is_some_and(|p| p.trim_end_matches('.').eq_ignore_ascii_case(domain))
    }

    /// What DNS said about `domain`, when it was looked up.
    pub fn resolution(&self, domain: &str) -> Option<&Resolution> {
        self.domains
            .iter()
            .find(|d| d.domain == domain)
            .map(|d| &d.resolution)
    }
}

impl TargetFacts {
    /// A target nothing could be done for because DNS could not be set up (or the target
    /// itself is unusable): no server, and `message` as the DNS issue.
    pub fn unresolved(target: &str, resolver: &str, message: &str) -> TargetFacts {
        TargetFacts {
            target: target.to_owned(),
            resolver: resolver.to_owned(),
            resolution: Resolution {
                kind: crate::vocab::DnsKind::Mx,
                mx: vec![],
                error: Some(DnsIssue::Setup {
                    message: message.to_owned(),
                }),
            },
            dns_elapsed: Duration::ZERO,
            servers: vec![],
            elapsed: Duration::ZERO,
            gave_up: None,
            recipients: Recipients::default(),
            policy: None,
            tlsa: vec![],
        }
    }
}

/// One server to try (a host name and one of its addresses), and what happened with it.
#[derive(Debug, Clone)]
pub struct ServerFacts {
    pub host: String,
    pub address: Option<IpAddr>,
    pub port: u16,
    /// The TLS policy this server was held to.
    pub policy: TlsPolicy,
    pub contact: Contact,
}

/// How far the probe got with one server.
#[derive(Debug, Clone)]
pub enum Contact {
    /// Listed but not tried: a better server already completed the conversation.
    NotProbed,
    /// Listed but not tried: the run's time budget (`--max-time`, given here) ran out
    /// before this server's turn.
    OutOfTime { max_time: Duration },
    /// DNS gave the host no address to connect to.
    NoAddress(Option<DnsIssue>),
    /// The TCP connection failed (the error's kind says whose side: `LocalResource` when
    /// this machine ran out of descriptors, ports or buffers).
    ConnectFailed {
        error: ProbeError,
        elapsed: Duration,
    },
    /// Connected and talked.
    Talked(Box<Conversation>),
}

/// A conversation with one server.
#[derive(Debug, Clone)]
pub struct Conversation {
    /// The name we gave in EHLO/HELO.
    pub helo: String,
    /// Our end of the connection (its local address): the client the server saw, unless a
    /// NAT is in between. `None` when the system could not say.
    pub client: Option<IpAddr>,
    pub connect: Duration,
    pub drive: Drive,
    /// Connect to close.
    pub elapsed: Duration,
    /// `--starttls auto` only: the server accepted STARTTLS but the TLS handshake on this
    /// connection failed, so the probe reconnected to the same address in plain text
    /// ([`TlsPolicy::Off`], the same plan otherwise), as opportunistic senders do. What
    /// happened on that second connection (it may fail to connect, or not be tried when
    /// `--max-time` ran out); `None` when there was no reason to retry.
    pub fallback: Option<Box<Contact>>,
}
