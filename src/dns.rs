//! Which servers handle mail for a target: MX lookup, implicit MX and null MX
//! (RFC 5321 §5.1, RFC 7505), as pure logic over the [`Lookup`] trait.
//! [`HickoryLookup`] is the real implementation (hickory-resolver).
//!
//! # References
//! - RFC 5321 §5.1: MX records are sorted by preference; no MX means the name itself is the
//!   mail server (implicit MX, preference 0); an MX target must be a host name with address
//!   records, not an alias (CNAME) and not an IP literal.
//! - RFC 7505: a single `MX 0 .` says the domain accepts no mail at all; §3: a domain that
//!   has a null MX must not have any other MX record.

pub mod anchors;
mod dnssec;
mod udp;

use crate::target::{Family, Target};
use crate::vocab::DnsKind;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// Why a lookup gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsFailure {
    /// The name does not exist (RCODE 3).
    NxDomain,
    /// The name exists but has no records of this type.
    NoData,
    /// The server failed or refused (SERVFAIL, REFUSED…).
    ServFail(String),
    /// Nothing answers DNS at the resolver's address: our query was refused at once (an
    /// ICMP port unreachable). Waiting for the timeout would tell nothing more.
    Unreachable(String),
    Timeout,
    Other(String),
}

/// Addresses of one name, and the alias it pointed through, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddrAnswer {
    pub addrs: Vec<IpAddr>,
    pub cname: Option<String>,
}

/// One TLSA record (RFC 6698 §2.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tlsa {
    /// 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE.
    pub usage: u8,
    /// 0 the full certificate, 1 the SubjectPublicKeyInfo.
    pub selector: u8,
    /// 0 exact, 1 SHA-256, 2 SHA-512.
    pub matching: u8,
    pub data: Vec<u8>,
}

/// The TLSA records of one MX host (`_<port>._tcp.<host>`) and how authentic the answer is:
/// the TLSA RRset and the host's address records together, the least secure of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsaAnswer {
    /// The records (empty: none published), or why the lookup failed.
    pub records: Result<Vec<Tlsa>, DnsFailure>,
    pub dnssec: crate::vocab::Dnssec,
    /// How the DNSSEC status was found, in words.
    pub basis: String,
}

/// How authentic the domain's MX RRset is (RFC 7672 §2.2.1): a bogus one is a lookup
/// failure for every sender that validates DNSSEC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxDnssec {
    pub dnssec: crate::vocab::Dnssec,
    /// How the status was found, in words.
    pub basis: String,
}

/// The questions the probe asks DNS. Names are absolute (no search list).
pub trait Lookup {
    fn mx(&self, name: &str) -> impl Future<Output = Result<Vec<(u16, String)>, DnsFailure>>;
    fn addrs(&self, name: &str, v6: bool) -> impl Future<Output = Result<AddrAnswer, DnsFailure>>;
    /// The TXT records at `name`, each one's strings joined (RFC 8461 §3.1, RFC 8460 §3),
    /// as text with invalid UTF-8 replaced. A lookup that knows no TXT answers NODATA.
    fn txt(&self, name: &str) -> impl Future<Output = Result<Vec<String>, DnsFailure>> {
        let _ = name;
        async { Err(DnsFailure::NoData) }
    }
    /// The TLSA records of `host` for `port` and their DNSSEC status. A lookup that knows
    /// none answers none, with the status indeterminate.
    fn tlsa(&self, host: &str, port: u16) -> impl Future<Output = TlsaAnswer> {
        let _ = (host, port);
        async {
            TlsaAnswer {
                records: Ok(vec![]),
                dnssec: crate::vocab::Dnssec::Indeterminate,
                basis: "no DNSSEC status from this lookup".into(),
            }
        }
    }
    /// The DNSSEC status of `domain`'s MX RRset (or of its denial), found as the TLSA
    /// answers' is. A lookup that knows none answers indeterminate.
    fn mx_dnssec(&self, domain: &str) -> impl Future<Output = MxDnssec> {
        let _ = domain;
        async {
            MxDnssec {
                dnssec: crate::vocab::Dnssec::Indeterminate,
                basis: "no DNSSEC status from this lookup".into(),
            }
        }
    }
}

/// What DNS showed that stands in the way of mail: a fact, judged (weighed and put into
/// words) by the assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsIssue {
    /// DNS could not be set up at all (e.g. no resolver configuration).
    Setup { message: String },
    /// A lookup of `name` failed.
    Lookup { name: String, failure: DnsFailure },
    /// `MX 0 .` (RFC 7505): the domain accepts no mail.
    NullMx { domain: String },
    /// A null MX published next to real MX records (RFC 7505 §3 says it must be the only
    /// one); the real hosts are still tried.
    NullMxMixed { domain: String },
    /// Neither MX nor address records.
    NoMailRecords { domain: String },
    /// The MX target is an IP literal (RFC 5321 §5.1).
    IpTarget { exchange: String },
    /// The MX target is an alias (RFC 5321 §5.1).
    CnameTarget { exchange: String, alias: String },
    /// The MX target has no address records (`nxdomain`: the name does not exist at all).
    NoAddress { exchange: String, nxdomain: bool },
    /// A `host:port` target whose name has no address records but does have MX records:
    /// it is a mail domain, and the port made it "connect to this host".
    PortOnMailDomain {
        host: String,
        port: u16,
        exchanges: Vec<String>,
    },
    /// `issue`, found with DNS restricted to one address family (`-4`/`-6`), while the
    /// name has `other`, addresses of the family left out.
    FamilyExcluded {
        issue: Box<DnsIssue>,
        family: Family,
        other: Vec<IpAddr>,
    },
}

impl DnsIssue {
    /// The issue, noting the other family's addresses when the restriction to `family`
    /// is what left the name without one.
    fn excluding(self, family: Family, other: Vec<IpAddr>) -> DnsIssue {
        if other.is_empty() || family == Family::Any {
            self
        } else {
            DnsIssue::FamilyExcluded {
                issue: Box::new(self),
                family,
                other,
            }
        }
    }
}

/// One mail server name and its addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxHost {
    pub preference: u16,
    pub exchange: String,
    pub addresses: Vec<IpAddr>,
    /// Set when the exchange is an alias (RFC 5321 §5.1 says it must not be).
    pub cname: Option<String>,
    pub error: Option<DnsIssue>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub kind: DnsKind,
    pub mx: Vec<MxHost>,
    /// A problem with the target as a whole: no server to try at all, or (with servers
    /// in `mx`) a misconfiguration of the domain's records, such as a null MX among real ones.
    pub error: Option<DnsIssue>,
}

fn lookup_issue(failure: DnsFailure, name: &str) -> DnsIssue {
    DnsIssue::Lookup {
        name: name.to_owned(),
        failure,
    }
}

/// The addresses of one host, as the walk found them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostAddresses {
    /// In the family (or families) asked for.
    pub addrs: Vec<IpAddr>,
    /// The alias the name pointed through, if any.
    pub cname: Option<String>,
    /// Why there is no address, when there is none.
    pub failure: Option<DnsFailure>,
    /// With `-4`/`-6` and no address in that family: the addresses of the family left out
    /// (asked only then), so that the report can say the restriction is the cause.
    pub other_family: Vec<IpAddr>,
}

/// Looks up the addresses of one host, A and AAAA separately so each family's error is
/// seen. With the family restricted and nothing found in it, the other family is asked too.
pub async fn host_addresses<L: Lookup>(l: &L, name: &str, family: Family) -> HostAddresses {
    let want4 = family != Family::V6;
    let want6 = family != Family::V4;
    let skip = || async { Err(DnsFailure::NoData) };
    let (a, aaaa) = tokio::join!(
        async {
            if want4 {
                l.addrs(name, false).await
            } else {
                skip().await
            }
        },
        async {
            if want6 {
                l.addrs(name, true).await
            } else {
                skip().await
            }
        }
    );
    let mut found = HostAddresses::default();
    let mut errors = Vec::new();
    for r in [a, aaaa] {
        match r {
            Ok(ans) => {
                found.addrs.extend(ans.addrs);
                found.cname = found.cname.or(ans.cname);
            }
            Err(e) => errors.push(e),
        }
    }
    if found.addrs.is_empty() {
        // Prefer the most telling error: a hard failure over "no data".
        let failure = errors
            .iter()
            .find(|e| **e != DnsFailure::NoData)
            .cloned()
            .unwrap_or(DnsFailure::NoData);
        if failure == DnsFailure::NoData
            && family != Family::Any
            && let Ok(ans) = l.addrs(name, family == Family::V4).await
        {
            found.other_family = ans.addrs;
        }
        found.failure = Some(failure);
    }
    found
}

/// Resolves a target into the servers to try, in order.
pub async fn resolve<L: Lookup>(l: &L, target: &Target, family: Family) -> Resolution {
    match target {
        Target::Direct {
            host, ip: Some(ip), ..
        } => Resolution {
            kind: DnsKind::Direct,
            mx: vec![MxHost {
                preference: 0,
                exchange: host.clone(),
                addresses: vec![*ip],
                cname: None,
                error: None,
            }],
            error: None,
        },
        Target::Direct {
            host,
            ip: None,
            port,
        } => {
            let found = host_addresses(l, &absolute(host), family).await;
            let error = match found.failure.clone() {
                // No address of any family, but maybe a mail domain: the port is the cause.
                Some(DnsFailure::NoData) if found.other_family.is_empty() => Some(
                    mail_domain_with_port(l, host, port.unwrap_or(25))
                        .await
                        .unwrap_or_else(|| lookup_issue(DnsFailure::NoData, host)),
                ),
                e => e.map(|e| lookup_issue(e, host).excluding(family, found.other_family.clone())),
            };
            Resolution {
                kind: DnsKind::Direct,
                mx: vec![MxHost {
                    preference: 0,
                    exchange: host.clone(),
                    addresses: found.addrs,
                    cname: found.cname,
                    error: error.clone(),
                }],
                error,
            }
        }
        Target::Domain(domain) => resolve_domain(l, domain, family).await,
    }
}

/// A `host:port` name without addresses: is it a mail domain (it has MX records)? Asked
/// only in that failure case, to explain it.
async fn mail_domain_with_port<L: Lookup>(l: &L, host: &str, port: u16) -> Option<DnsIssue> {
    let records = l.mx(&absolute(host)).await.ok()?;
    let exchanges: Vec<String> = records
        .into_iter()
        .map(|(_, ex)| ex.trim_end_matches('.').to_owned())
        .filter(|ex| !ex.is_empty())
        .collect();
    (!exchanges.is_empty()).then(|| DnsIssue::PortOnMailDomain {
        host: host.to_owned(),
        port,
        exchanges,
    })
}

async fn resolve_domain<L: Lookup>(l: &L, domain: &str, family: Family) -> Resolution {
    let records = match l.mx(&absolute(domain)).await {
        Ok(r) if !r.is_empty() => r,
        Ok(_) | Err(DnsFailure::NoData) => return implicit_mx(l, domain, family).await,
        Err(e) => {
            return Resolution {
                kind: DnsKind::Mx,
                mx: vec![],
                error: Some(lookup_issue(e, domain)),
            };
        }
    };
    let is_null = |(_, ex): &(u16, String)| ex.is_empty() || ex == ".";
    // RFC 7505 §3: a null MX must be the only MX record. Mixed with real ones, it is a
    // misconfiguration; the real hosts are still tried (senders disagree on what to do).
    let mixed = records.iter().any(is_null).then(|| DnsIssue::NullMxMixed {
        domain: domain.to_owned(),
    });
    if records.iter().all(is_null) {
        return Resolution {
            kind: DnsKind::NullMx,
            mx: vec![],
            error: Some(DnsIssue::NullMx {
                domain: domain.to_owned(),
            }),
        };
    }
    let mut sorted: Vec<(u16, String)> = records.into_iter().filter(|r| !is_null(r)).collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    sorted.dedup();
    let mut mx = Vec::with_capacity(sorted.len());
    for (preference, exchange) in sorted {
        let exchange = exchange.trim_end_matches('.').to_owned();
        if exchange.parse::<IpAddr>().is_ok() {
            mx.push(MxHost {
                preference,
                exchange: exchange.clone(),
                addresses: vec![],
                cname: None,
                error: Some(DnsIssue::IpTarget {
                    exchange: exchange.clone(),
                }),
            });
            continue;
        }
        mx.push(MxHost {
            preference,
            exchange,
            addresses: vec![],
            cname: None,
            error: None,
        });
    }
    resolve_exchanges(l, &mut mx, family).await;
    Resolution {
        kind: DnsKind::Mx,
        mx,
        error: mixed,
    }
}

/// Looks up every exchange's addresses concurrently, noting aliases and missing addresses.
async fn resolve_exchanges<L: Lookup>(l: &L, mx: &mut [MxHost], family: Family) {
    let lookups = mx.iter().map(|h| {
        let name = absolute(&h.exchange);
        let skip = h.error.is_some();
        async move {
            if skip {
                HostAddresses::default()
            } else {
                host_addresses(l, &name, family).await
            }
        }
    });
    let answers = join_all(lookups).await;
    for (host, found) in mx.iter_mut().zip(answers) {
        let HostAddresses {
            addrs,
            cname,
            failure,
            other_family,
        } = found;
        host.addresses = addrs;
        if let Some(c) = &cname {
            host.error = Some(DnsIssue::CnameTarget {
                exchange: host.exchange.clone(),
                alias: c.clone(),
            });
        }
        host.cname = cname;
        if let Some(e) = failure {
            let issue = match e {
                DnsFailure::NxDomain | DnsFailure::NoData => DnsIssue::NoAddress {
                    exchange: host.exchange.clone(),
                    nxdomain: e == DnsFailure::NxDomain,
                },
                other => lookup_issue(other, &host.exchange),
            };
            host.error = Some(issue.excluding(family, other_family));
        }
    }
}

async fn implicit_mx<L: Lookup>(l: &L, domain: &str, family: Family) -> Resolution {
    let found = host_addresses(l, &absolute(domain), family).await;
    if found.addrs.is_empty() {
        let e = found.failure.unwrap_or(DnsFailure::NoData);
        let error = match e {
            DnsFailure::NoData | DnsFailure::NxDomain => DnsIssue::NoMailRecords {
                domain: domain.to_owned(),
            },
            other => lookup_issue(other, domain),
        };
        return Resolution {
            kind: DnsKind::ImplicitMx,
            mx: vec![],
            error: Some(error.excluding(family, found.other_family)),
        };
    }
    Resolution {
        kind: DnsKind::ImplicitMx,
        mx: vec![MxHost {
            preference: 0,
            exchange: domain.to_owned(),
            addresses: found.addrs,
            cname: found.cname,
            error: None,
        }],
        error: None,
    }
}

/// Runs futures concurrently on the current task and returns their outputs in order.
pub async fn join_all<F: Future>(futs: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut set: Vec<std::pin::Pin<Box<F>>> = futs.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = (0..set.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in set.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

fn absolute(name: &str) -> String {
    if name.ends_with('.') {
        name.to_owned()
    } else {
        format!("{name}.")
    }
}

/// The real lookups, through hickory-resolver.
pub struct HickoryLookup {
    resolver: hickory_resolver::TokioResolver,
    /// The `--resolver` addresses (empty for the system configuration).
    servers: Vec<SocketAddr>,
    /// Whether every `--resolver` refuses UDP at once, found out once per process.
    refused: tokio::sync::OnceCell<Option<String>>,
    /// How the DNSSEC status of DANE's answers is found, if at all.
    dnssec: DnssecSource,
    timeout: Duration,
    /// Bulk mode: the MX and TXT questions over reused UDP sockets ([`udp`]), hickory
    /// for the rest and for whatever that transport leaves to it.
    pool: Option<udp::Pool>,
}

/// How DANE's answers are authenticated (`--trust-anchor`, `--dnssec-from-resolver`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnssecMode {
    /// Validated in-process from these anchors (the IANA root keys by default). `source`
    /// says where they come from, in reports.
    Validate {
        /// Shared: a bulk run's per-target configurations are copies of one.
        anchors: std::sync::Arc<[anchors::TrustAnchor]>,
        source: String,
    },
    /// The resolver's AD bit is trusted (what Postfix does).
    FromResolver,
}

impl DnssecMode {
    /// The default: in-process validation from the root's keys.
    pub fn root() -> DnssecMode {
        DnssecMode::Validate {
            anchors: anchors::root().into(),
            source: "the IANA root trust anchor".into(),
        }
    }
}

enum DnssecSource {
    /// Not asked about: statuses are indeterminate.
    None,
    /// TLSA and address queries are asked with the AD and DO bits of these resolvers
    /// (`--resolver`, else the system's), and the AD bit of their answers is trusted.
    Ad(Vec<SocketAddr>),
    /// Validated in-process.
    Validate(Box<dnssec::Validator>),
}

/// A resolver builder for `servers` (empty: the system's configuration).
fn builder(
    servers: &[SocketAddr],
    timeout: Duration,
) -> Result<
    hickory_resolver::ResolverBuilder<hickory_resolver::net::runtime::TokioRuntimeProvider>,
    String,
> {
    use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
    use hickory_resolver::net::runtime::TokioRuntimeProvider;
    let mut builder = if servers.is_empty() {
        hickory_resolver::TokioResolver::builder_tokio().map_err(|e| {
            format!("cannot read the system resolver configuration: {e}; pass --resolver IP")
        })?
    } else {
        let ns = servers
            .iter()
            .map(|sa| {
                let mut udp = ConnectionConfig::udp();
                udp.port = sa.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = sa.port();
                NameServerConfig::new(sa.ip(), true, vec![udp, tcp])
            })
            .collect();
        hickory_resolver::TokioResolver::builder_with_config(
            ResolverConfig::from_name_servers(ns),
            TokioRuntimeProvider::default(),
        )
    };
    let opts = builder.options_mut();
    // hickory's `attempts` counts retries: one retry covers a lost UDP datagram, and
    // each try gets half the budget so that a dead resolver costs `timeout`, not twice it.
    opts.timeout = timeout / 2;
    opts.attempts = 1;
    Ok(builder)
}

/// The servers to ask directly: `servers`, else the system's name servers.
fn dns_servers(servers: &[SocketAddr]) -> Result<Vec<SocketAddr>, String> {
    let found: Vec<SocketAddr> = if servers.is_empty() {
        let (conf, _) = hickory_resolver::system_conf::read_system_conf().map_err(|e| {
            format!("cannot read the system resolver configuration: {e}; pass --resolver IP")
        })?;
        conf.name_servers()
            .iter()
            .map(|n| SocketAddr::new(n.ip, 53))
            .collect()
    } else {
        servers.to_vec()
    };
    if found.is_empty() {
        return Err("no resolver configured; pass --resolver IP".into());
    }
    Ok(found)
}

impl HickoryLookup {
    /// The system's resolver configuration, or the given servers instead of it.
    pub fn new(servers: &[SocketAddr], timeout: Duration) -> Result<HickoryLookup, String> {
        HickoryLookup::with_cache(servers, timeout, 64)
    }

    /// [`HickoryLookup::new`] with room for `cache_size` answers in its cache (bulk mode
    /// keeps the MX hosts that many domains share).
    pub fn with_cache(
        servers: &[SocketAddr],
        timeout: Duration,
        cache_size: u64,
    ) -> Result<HickoryLookup, String> {
        let mut builder = builder(servers, timeout)?;
        let opts = builder.options_mut();
        opts.cache_size = cache_size;
        let resolver = builder
            .build()
            .map_err(|e| format!("cannot set up DNS: {e}"))?;
        Ok(HickoryLookup {
            resolver,
            servers: servers.to_vec(),
            refused: tokio::sync::OnceCell::new(),
            dnssec: DnssecSource::None,
            timeout,
            pool: None,
        })
    }

    /// Asks the questions each domain asks once (MX, TXT) over a pool of reused UDP
    /// sockets ([`udp`]), when there is one resolver to ask (`--resolver`, else the
    /// system's); with several, hickory's choice among them stays.
    pub fn with_socket_pool(mut self) -> HickoryLookup {
        if let Ok(servers) = dns_servers(&self.servers)
            && let [server] = servers[..]
        {
            self.pool = Some(udp::Pool::new(server, self.timeout));
        }
        self
    }

    /// The answer records of `name`'s `rtype` question over the socket pool, if this lookup
    /// has one and the pool could judge the answer.
    async fn pooled(
        &self,
        name: &str,
        rtype: hickory_resolver::proto::rr::RecordType,
    ) -> Option<Result<Vec<hickory_resolver::proto::rr::Record>, DnsFailure>> {
        // Not raced with `unless_refused` (whose future would double the size of every
        // lookup's): a refusal fails the pool's socket, and hickory's path then says so.
        self.pool.as_ref()?.ask(name, rtype).await
    }

    /// Trusts the AD bit of the resolvers (`--dnssec-from-resolver`, what Postfix does):
    /// the `--resolver` addresses, else the system's name servers.
    pub fn trusting_ad_bit(mut self) -> Result<HickoryLookup, String> {
        let servers =
            dns_servers(&self.servers).map_err(|e| format!("--dnssec-from-resolver: {e}"))?;
        self.dnssec = DnssecSource::Ad(servers);
        Ok(self)
    }

    /// Validates DANE's answers in-process from `anchors` (`source` names them in reports).
    pub fn validating(
        mut self,
        anchors: Vec<anchors::TrustAnchor>,
        source: String,
    ) -> Result<HickoryLookup, String> {
        let v = dnssec::Validator::new(anchors, self.servers.clone(), self.timeout, source);
        self.dnssec = DnssecSource::Validate(Box::new(v));
        Ok(self)
    }

    /// The lookup with `mode`'s way of finding DANE's DNSSEC status.
    pub fn with_dnssec(self, mode: &DnssecMode) -> Result<HickoryLookup, String> {
        match mode {
            DnssecMode::FromResolver => self.trusting_ad_bit(),
            DnssecMode::Validate { anchors, source } => {
                self.validating(anchors.to_vec(), source.clone())
            }
        }
    }

    /// Runs `lookup`, unless every `--resolver` turns out to refuse DNS at once: then that
    /// is the answer, without waiting for the lookup's timeout.
    async fn unless_refused<T>(
        &self,
        lookup: impl Future<Output = Result<T, DnsFailure>>,
    ) -> Result<T, DnsFailure> {
        let refused = async {
            match self.refused.get_or_init(|| all_refuse(&self.servers)).await {
                Some(which) => which.clone(),
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            r = lookup => r,
            which = refused => Err(DnsFailure::Unreachable(which)),
        }
    }
}

impl HickoryLookup {
    /// hickory's `lookup`, [`HickoryLookup::unless_refused`], on the heap: for the questions
    /// the socket pool normally answers, so that hickory's state (kilobytes) is not room in
    /// every such lookup's future but only in those that take this way.
    fn boxed<'a, T: 'a>(
        &'a self,
        lookup: impl Future<Output = Result<T, hickory_resolver::net::NetError>> + 'a,
    ) -> std::pin::Pin<Box<impl Future<Output = Result<T, DnsFailure>> + 'a>> {
        Box::pin(self.unless_refused(async move { lookup.await.map_err(|e| net_failure(&e)) }))
    }
}

/// A DNS query for the root's NS records (RFC 1035 §4.1): any DNS server answers it, if
/// only with a refusal; we only look for the network saying nobody listens.
const ROOT_NS_QUERY: [u8; 17] = [
    0x53, 0x50, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x02, 0x00, 0x01,
];

/// When every server refuses a UDP query at once (Linux reports the ICMP port unreachable
/// as ECONNREFUSED on a connected socket), their addresses; `None` when any answers, stays
/// silent for a second, or there are none (the system configuration).
async fn all_refuse(servers: &[SocketAddr]) -> Option<String> {
    if servers.is_empty() {
        return None;
    }
    for sa in servers {
        let bind: SocketAddr = if sa.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let Ok(sock) = tokio::net::UdpSocket::bind(bind).await else {
            return None;
        };
        if sock.connect(sa).await.is_err() || sock.send(&ROOT_NS_QUERY).await.is_err() {
            return None;
        }
        let mut buf = [0u8; 512];
        match tokio::time::timeout(Duration::from_secs(1), sock.recv(&mut buf)).await {
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {}
            _ => return None,
        }
    }
    Some(
        servers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn net_failure(e: &hickory_resolver::net::NetError) -> DnsFailure {
    use hickory_resolver::net::{DnsError, NetError};
    if e.is_nx_domain() {
        return DnsFailure::NxDomain;
    }
    if e.is_no_records_found() {
        return DnsFailure::NoData;
    }
    match e {
        NetError::Timeout => DnsFailure::Timeout,
        NetError::Dns(DnsError::ResponseCode(rc)) => DnsFailure::ServFail(rc.to_string()),
        other => DnsFailure::Other(other.to_string()),
    }
}

impl Lookup for HickoryLookup {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        use hickory_resolver::proto::rr::RecordType;
        if let Some(answer) = self.pooled(name, RecordType::MX).await {
            return Ok(mx_records(&answer?));
        }
        let lookup = self.boxed(self.resolver.mx_lookup(name)).await?;
        Ok(mx_records(lookup.answers()))
    }

    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        use hickory_resolver::proto::rr::RData;
        let lookup = self
            .unless_refused(async {
                if v6 {
                    self.resolver.ipv6_lookup(name).await
                } else {
                    self.resolver.ipv4_lookup(name).await
                }
                .map_err(|e| net_failure(&e))
            })
            .await?;
        let mut ans = AddrAnswer::default();
        for r in lookup.answers() {
            match &r.data {
                RData::A(a) => ans.addrs.push(IpAddr::V4(a.0)),
                RData::AAAA(a) => ans.addrs.push(IpAddr::V6(a.0)),
                RData::CNAME(c) => {
                    ans.cname = Some(c.0.to_ascii().trim_end_matches('.').to_owned())
                }
                _ => {}
            }
        }
        if ans.addrs.is_empty() {
            return Err(DnsFailure::NoData);
        }
        Ok(ans)
    }

    async fn tlsa(&self, host: &str, port: u16) -> TlsaAnswer {
        let host = absolute(host);
        let name = format!("_{port}._tcp.{host}");
        match &self.dnssec {
            DnssecSource::Ad(servers) => {
                return tlsa_trusting_ad(servers[0], self.timeout, &name, &host).await;
            }
            DnssecSource::Validate(v) => return v.tlsa(&self.resolver, &name, &host).await,
            DnssecSource::None => {}
        }
        let records = self
            .unless_refused(async {
                self.resolver
                    .tlsa_lookup(name.as_str())
                    .await
                    .map_err(|e| net_failure(&e))
            })
            .await;
        TlsaAnswer {
            records: match records {
                Ok(l) => Ok(tlsa_records(l.answers())),
                Err(DnsFailure::NoData | DnsFailure::NxDomain) => Ok(vec![]),
                Err(e) => Err(e),
            },
            dnssec: crate::vocab::Dnssec::Indeterminate,
            basis: "DNSSEC not checked".into(),
        }
    }

    async fn mx_dnssec(&self, domain: &str) -> MxDnssec {
        let domain = absolute(domain);
        match &self.dnssec {
            DnssecSource::Ad(servers) => {
                dnssec::mx_trusting_ad(servers[0], self.timeout, &domain).await
            }
            DnssecSource::Validate(v) => v.mx(&domain).await,
            DnssecSource::None => MxDnssec {
                dnssec: crate::vocab::Dnssec::Indeterminate,
                basis: "DNSSEC not checked".into(),
            },
        }
    }

    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        use hickory_resolver::proto::rr::RecordType;
        let out = match self.pooled(name, RecordType::TXT).await {
            Some(answer) => txt_records(&answer?),
            None => txt_records(self.boxed(self.resolver.txt_lookup(name)).await?.answers()),
        };
        if out.is_empty() {
            return Err(DnsFailure::NoData);
        }
        Ok(out)
    }
}

/// The MX records in an answer: preference and exchange.
fn mx_records(answers: &[hickory_resolver::proto::rr::Record]) -> Vec<(u16, String)> {
    use hickory_resolver::proto::rr::RData;
    answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::MX(mx) => Some((mx.preference, mx.exchange.to_ascii())),
            _ => None,
        })
        .collect()
}

/// The TXT records in an answer, each one's strings joined, invalid UTF-8 replaced.
fn txt_records(answers: &[hickory_resolver::proto::rr::Record]) -> Vec<String> {
    use hickory_resolver::proto::rr::RData;
    answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::TXT(t) => Some(String::from_utf8_lossy(&t.txt_data.concat()).into_owned()),
            _ => None,
        })
        .collect()
}

/// A DNS answer as a validating resolver gave it: the response code, the answers, and
/// whether it set AD (RFC 4035 §3.2.3, RFC 6840 §5.7).
struct AdAnswer {
    rcode: hickory_resolver::proto::op::ResponseCode,
    answers: Vec<hickory_resolver::proto::rr::Record>,
    ad: bool,
}

/// One query with AD and DO set, to `server`, over UDP (TCP when truncated).
async fn ad_query(
    server: SocketAddr,
    name: &str,
    rtype: hickory_resolver::proto::rr::RecordType,
    timeout: Duration,
) -> Result<AdAnswer, DnsFailure> {
    use hickory_resolver::proto::op::{Edns, Message, Query};
    use hickory_resolver::proto::rr::Name;
    let qname = Name::from_ascii(name).map_err(|e| DnsFailure::Other(format!("{name}: {e}")))?;
    let mut m = Message::query();
    m.metadata.recursion_desired = true;
    m.metadata.authentic_data = true;
    m.add_query(Query::query(qname, rtype));
    let mut edns = Edns::new();
    edns.set_dnssec_ok(true).set_max_payload(1232);
    m.set_edns(edns);
    let id = m.metadata.id;
    let bytes = m.to_vec().map_err(|e| DnsFailure::Other(e.to_string()))?;
    let io = |e: std::io::Error| DnsFailure::Other(format!("{server}: {e}"));
    let exchange = async {
        let bind: SocketAddr = if server.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let sock = tokio::net::UdpSocket::bind(bind).await.map_err(io)?;
        sock.connect(server).await.map_err(io)?;
        sock.send(&bytes).await.map_err(io)?;
        let mut buf = vec![0u8; 4096];
        loop {
            let n = sock.recv(&mut buf).await.map_err(|e| {
                if e.kind() == std::io::ErrorKind::ConnectionRefused {
                    DnsFailure::Unreachable(server.to_string())
                } else {
                    io(e)
                }
            })?;
            let Ok(r) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            if r.metadata.id != id {
                continue;
            }
            if !r.metadata.truncation {
                return Ok(r);
            }
            return ad_query_tcp(server, &bytes, id).await;
        }
    };
    let r = tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| DnsFailure::Timeout)??;
    Ok(AdAnswer {
        rcode: r.metadata.response_code,
        ad: r.metadata.authentic_data,
        answers: r.answers,
    })
}

async fn ad_query_tcp(
    server: SocketAddr,
    bytes: &[u8],
    id: u16,
) -> Result<hickory_resolver::proto::op::Message, DnsFailure> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let io = |e: std::io::Error| DnsFailure::Other(format!("{server} (TCP): {e}"));
    let mut s = tokio::net::TcpStream::connect(server).await.map_err(io)?;
    let len = u16::try_from(bytes.len()).map_err(|_| DnsFailure::Other("query too long".into()))?;
    s.write_all(&len.to_be_bytes()).await.map_err(io)?;
    s.write_all(bytes).await.map_err(io)?;
    let mut l = [0u8; 2];
    s.read_exact(&mut l).await.map_err(io)?;
    let mut buf = vec![0u8; usize::from(u16::from_be_bytes(l))];
    s.read_exact(&mut buf).await.map_err(io)?;
    let r = hickory_resolver::proto::op::Message::from_vec(&buf)
        .map_err(|e| DnsFailure::Other(format!("{server}: {e}")))?;
    if r.metadata.id != id {
        return Err(DnsFailure::Other(format!(
            "{server}: answer to another query"
        )));
    }
    Ok(r)
}

/// The TLSA records in an answer.
fn tlsa_records(answers: &[hickory_resolver::proto::rr::Record]) -> Vec<Tlsa> {
    use hickory_resolver::proto::rr::RData;
    answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::TLSA(t) => Some(Tlsa {
                usage: u8::from(t.cert_usage),
                selector: u8::from(t.selector),
                matching: u8::from(t.matching),
                data: t.cert_data.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The TLSA RRset and the host's A and AAAA records asked with AD of `server`; the AD bit
/// of all three answers decides (RFC 7672 §2.2: the host's addresses must be secure too; a
/// validating resolver sets AD on a proven denial as well, RFC 4035 §3.2.3).
async fn tlsa_trusting_ad(
    server: SocketAddr,
    timeout: Duration,
    name: &str,
    host: &str,
) -> TlsaAnswer {
    use crate::vocab::Dnssec;
    use hickory_resolver::proto::op::ResponseCode;
    use hickory_resolver::proto::rr::RecordType;
    let (t, a, aaaa) = tokio::join!(
        ad_query(server, name, RecordType::TLSA, timeout),
        ad_query(server, host, RecordType::A, timeout),
        ad_query(server, host, RecordType::AAAA, timeout)
    );
    let failed = |e: DnsFailure, what: &str| TlsaAnswer {
        records: Err(e.clone()),
        dnssec: Dnssec::Indeterminate,
        basis: format!("the {what} query to {server} failed: {e:?}"),
    };
    let t = match t {
        Ok(t) => t,
        Err(e) => return failed(e, "TLSA"),
    };
    if t.rcode == ResponseCode::ServFail {
        return TlsaAnswer {
            records: Err(DnsFailure::ServFail("SERVFAIL".into())),
            dnssec: Dnssec::Bogus,
            basis: format!(
                "the validating resolver {server} answered SERVFAIL to the TLSA query of {name} (bogus signatures, or a broken zone)"
            ),
        };
    }
    let records = if matches!(t.rcode, ResponseCode::NoError | ResponseCode::NXDomain) {
        Ok(tlsa_records(&t.answers))
    } else {
        Err(DnsFailure::ServFail(t.rcode.to_string()))
    };
    let mut unsigned = vec![];
    for (what, answer) in [("A", a), ("AAAA", aaaa)] {
        match answer {
            Ok(x) if x.rcode == ResponseCode::ServFail => {
                return TlsaAnswer {
                    records,
                    dnssec: Dnssec::Bogus,
                    basis: format!(
                        "the validating resolver {server} answered SERVFAIL to the {what} query of {host}"
                    ),
                };
            }
            Ok(x) if !x.ad => unsigned.push(what),
            Ok(_) => {}
            Err(e) => return failed(e, what),
        }
    }
    let (dnssec, basis) = if !t.ad {
        (
            Dnssec::Insecure,
            format!(
                "{server} did not set AD on the TLSA answer (an unsigned zone, or a resolver that does not validate)"
            ),
        )
    } else if unsigned.is_empty() {
        (
            Dnssec::Secure,
            format!("{server} set AD on the TLSA, A and AAAA answers"),
        )
    } else {
        (
            Dnssec::Insecure,
            format!(
                "{server} did not set AD on the {} answer of {host}",
                unsigned.join(" and ")
            ),
        )
    };
    TlsaAnswer {
        records,
        dnssec,
        basis,
    }
}
