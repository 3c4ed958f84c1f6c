//! The run engine: an environment built once per process (resolver with its cache, TLS
//! context with its lazily loaded trust store, the HELO name) and the probe of one target
//! with it — resolve, pick the servers, drive each conversation — returning the facts to the
//! assessment and its report. Many targets can share one [`Env`] and be probed
//! concurrently: nothing in it is per target, and its connection limit (`-j`) holds over
//! all of them.
//!
//! Two bounds hold over a run: at most `-j` connections open at once (a permit is held
//! from connect to close), and `--max-time` for the whole probe of a target, DNS included
//! ([`budget`]); `--deadline` counts from the start of connecting.

mod budget;
pub mod bulk;
mod dedupe;
mod dns_limit;
mod gate;
mod policy;
mod recipients;
pub mod watch;

use crate::assess;
use crate::config::Config;
use crate::dns::{self, HickoryLookup, Lookup, Resolution};
use crate::driver::{self, Drive, Timeouts};
use crate::facts::{Contact, Conversation, Recipients, ServerFacts, TargetFacts};
use crate::report::{Report, ServerReport};
use crate::smtp::command::WireArg;
use crate::smtp::session::{Plan, Session, TlsPolicy};
use crate::target::Target;
use crate::tls::TlsContext;
use crate::vocab::{ErrorKind, Phase, TlsMode, VerifyReason};
use budget::Budget;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// What every probe of this process shares. Build it once; probe any number of targets.
pub struct Env {
    /// `None` when no target needs DNS; `Err` when the resolver could not be set up.
    dns: Option<Result<HickoryLookup, String>>,
    /// Shared by every server; loads the trust store only if a handshake happens.
    tls: TlsContext,
    /// `--helo`, else this machine's FQDN (read once), else an address literal per
    /// connection.
    helo: Option<WireArg>,
    /// `"system"` or the `--resolver` addresses, as reports name the resolver.
    resolver: String,
    /// Connection slots (`-j/--concurrency`), shared by every probe made with this
    /// environment: one is held from connect to close.
    connections: Arc<Semaphore>,
    /// `--per-ip` and `--rate`, over every probe made with this environment.
    gate: gate::Gate,
    /// `--dedupe-servers`: each server's facts, observed once per run.
    dedupe: Option<dedupe::Servers>,
    /// Bulk mode: turns for DNS questions, [`dns_limit::IN_FLIGHT`] at once, and the
    /// answers many domains share.
    dns_turns: Option<dns_limit::Shared>,
}

impl Env {
    /// The environment for `cfg`'s options. The resolver is only set up when the target
    /// needs DNS, or recipients may: their domains are looked up to tell relaying apart.
    pub fn new(cfg: &Config) -> Env {
        let dns = (!cfg.target.is_ip() || recipients::asked(cfg)).then(|| {
            let lookup =
                HickoryLookup::new(&cfg.resolvers, cfg.timeout.min(Duration::from_secs(5)));
            policy::with_dnssec(cfg, lookup)
        });
        Env::with_dns(cfg, dns)
    }

    /// The environment without a resolver of its own, for a caller that brings its lookup
    /// to [`probe_with`].
    pub fn without_dns(cfg: &Config) -> Env {
        Env::with_dns(cfg, None)
    }

    fn with_dns(cfg: &Config, dns: Option<Result<HickoryLookup, String>>) -> Env {
        // Read now, while a descriptor is free: an error saying they ran out names it.
        let _ = driver::open_files_limit();
        Env {
            dns,
            tls: TlsContext::new(cfg.tls.clone()),
            helo: cfg.helo.clone().or_else(local_fqdn),
            resolver: resolver_label(cfg),
            connections: Arc::new(Semaphore::new(cfg.concurrency.max(1))),
            gate: gate::Gate::new(cfg.per_ip, cfg.rate),
            dedupe: None,
            dns_turns: None,
        }
    }

    /// The environment of a bulk run: a resolver with a cache large enough to keep the
    /// MX hosts many domains share ([`DNS_CACHE`]), and with `dedupe`, each server talked
    /// to once.
    pub fn for_many(cfg: &Config, dedupe: bool) -> Env {
        let timeout = cfg.timeout.min(Duration::from_secs(5));
        let dns = HickoryLookup::with_cache(&cfg.resolvers, timeout, DNS_CACHE)
            .map(HickoryLookup::with_socket_pool);
        let dns = policy::with_dnssec(cfg, dns);
        let mut env = Env::with_dns(cfg, Some(dns));
        env.dedupe = dedupe.then(dedupe::Servers::default);
        env.dns_turns = Some(dns_limit::Shared::new());
        env
    }
}

/// Answers kept by a bulk run's resolver. What many domains share is an MX host's A, AAAA
/// and TLSA answers (three entries a host); a domain's own MX and policy TXT answers are
/// asked once, so keeping them buys nothing. Each entry costs about 2–4 KB in hickory's
/// cache. Measured with scripts/bench-bulk.sh (10,000 domains on 250 MX hosts, -j 1000,
/// policy auto, back to back): 4,096 entries peaked at 72.6 MiB, 1,024 at 65.4 MiB, with no
/// loss of throughput (16,384 had peaked near 80 MiB).
const DNS_CACHE: u64 = 1_024;

/// Probes `cfg`'s target with the environment's resolver.
pub async fn probe(env: &Env, cfg: &Config) -> Report {
    match (&env.dns, cfg.target.is_ip()) {
        // An IP target resolves without DNS; the lookup is for recipient domains.
        (Some(Ok(lookup)), _) => match &env.dns_turns {
            Some(shared) => {
                let limited = dns_limit::Limited {
                    inner: lookup,
                    shared,
                };
                probe_with(env, cfg, &limited).await
            }
            None => probe_with(env, cfg, lookup).await,
        },
        (Some(Err(message)), false) => {
            let facts = TargetFacts::unresolved(&cfg.target_text, &env.resolver, message);
            assess::report(&facts, cfg)
        }
        // An IP target whose recipients' domains cannot be looked up: they stay undecided.
        (Some(Err(message)), true) => probe_with(env, cfg, &NoLookup(message)).await,
        _ => probe_with(env, cfg, &NoLookup("no DNS for a literal address")).await,
    }
}

/// Probes `cfg`'s target with a given lookup (tests use an in-process DNS or a fake).
pub async fn probe_with<L: Lookup>(env: &Env, cfg: &Config, lookup: &L) -> Report {
    let (facts, shared) = observe(env, cfg, lookup).await;
    let mut report = assess::report(&facts, cfg);
    if !shared.is_empty() {
        dedupe::mark(&mut report, &shared);
    }
    report
}

/// Servers (address, port, host) whose facts came from another target's probe.
type Shared = Vec<(IpAddr, u16, String)>;

/// Resolves the target and talks to its servers, within `--max-time`: the facts of one
/// probe, and the servers whose facts came from another target's probe.
async fn observe<L: Lookup>(env: &Env, cfg: &Config, lookup: &L) -> (TargetFacts, Shared) {
    let started = Instant::now();
    let budget = Budget::new(started, cfg.max_time);
    let (policy, (mut facts, shared)) = tokio::join!(
        policy::lookups(cfg, &env.tls, lookup, budget.end),
        servers(env, cfg, lookup, &budget, started)
    );
    facts.policy = policy;
    facts.elapsed = started.elapsed();
    (facts, shared)
}

/// The MX walk and the conversations with the servers: the facts of one probe but its
/// policies.
async fn servers<L: Lookup>(
    env: &Env,
    cfg: &Config,
    lookup: &L,
    budget: &Budget,
    started: Instant,
) -> (TargetFacts, Shared) {
    let resolving = dns::resolve(lookup, &cfg.target, cfg.family);
    let resolution = match tokio::time::timeout_at(budget.end, resolving).await {
        Ok(r) => r,
        Err(_) => budget.unfinished_dns(&cfg.target),
    };
    let dns_elapsed = started.elapsed();
    let candidates = candidates(&resolution, cfg);
    let mut recipients = recipients::of(cfg);
    let hosts = policy::tlsa_hosts(cfg, &candidates);
    let talking = async {
        if cfg.all {
            let futs = candidates.into_iter().map(|c| talk(env, cfg, budget, c));
            let servers = dns::join_all(futs).await;
            recipients::learn(lookup, budget, &mut recipients, &servers).await;
            servers
        } else {
            first_that_works(env, cfg, budget, candidates, lookup, &mut recipients).await
        }
    };
    let (tlsa, servers) = tokio::join!(policy::tlsa(lookup, hosts, budget.end), talking);
    let facts = TargetFacts {
        target: cfg.target_text.clone(),
        resolver: if cfg.target.is_ip() {
            "none".into()
        } else {
            env.resolver.clone()
        },
        resolution,
        dns_elapsed,
        servers,
        elapsed: started.elapsed(),
        gave_up: budget.gave_up(),
        recipients,
        policy: None,
        tlsa,
    };
    (facts, budget.shared())
}

/// Tries the servers in order and stops like an MTA would: at the first one that took the
/// conversation through EHLO/HELO without failing (a 421 or a close mid-way means "try the
/// next one"). The rest are listed as not probed; when `--max-time` runs out first, as not
/// tried. Each server is judged with the domains of the recipients it answered looked up
/// with `lookup` (added to `recipients`, the domains learnt so far).
async fn first_that_works<L: Lookup>(
    env: &Env,
    cfg: &Config,
    budget: &Budget,
    candidates: Vec<ServerFacts>,
    lookup: &L,
    recipients: &mut Recipients,
) -> Vec<ServerFacts> {
    let days = assess::expiry_days(cfg);
    let mut out = Vec::with_capacity(candidates.len());
    let mut done = false;
    let last = candidates.len().saturating_sub(1);
    for (i, mut c) in candidates.into_iter().enumerate() {
        if done {
            c.contact = Contact::NotProbed;
            out.push(c);
            continue;
        }
        let s = talk(env, cfg, budget, c).await;
        recipients::learn(lookup, budget, recipients, std::slice::from_ref(&s)).await;
        // Whether to go on matters only while servers remain (the last one is judged once,
        // with the report): most domains have one.
        if i < last {
            let judged: ServerReport = assess::server_in(&s, days, recipients);
            done = assess::accepts(&judged);
        }
        out.push(s);
    }
    out
}

/// A lookup for targets that need none (an IP literal), or when the resolver could not be
/// set up: every question fails with the reason.
struct NoLookup<'a>(&'a str);

impl Lookup for NoLookup<'_> {
    async fn mx(&self, _: &str) -> Result<Vec<(u16, String)>, dns::DnsFailure> {
        Err(dns::DnsFailure::Other(self.0.to_owned()))
    }
    async fn addrs(&self, _: &str, _: bool) -> Result<dns::AddrAnswer, dns::DnsFailure> {
        Err(dns::DnsFailure::Other(self.0.to_owned()))
    }
}

fn resolver_label(cfg: &Config) -> String {
    if cfg.resolvers.is_empty() {
        "system".into()
    } else {
        cfg.resolvers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The servers to try, in order: each MX host with each of its addresses (a host without
/// one is listed so the report can say why), each held to the configured TLS policy.
fn candidates(r: &Resolution, cfg: &Config) -> Vec<ServerFacts> {
    let mut out = Vec::new();
    for h in &r.mx {
        let server = |address: Option<IpAddr>, contact: Contact| ServerFacts {
            host: h.exchange.clone(),
            address,
            port: cfg.port,
            policy: cfg.tls_policy,
            contact,
        };
        if h.addresses.is_empty() {
            out.push(server(None, Contact::NoAddress(h.error.clone())));
        }
        for a in &h.addresses {
            out.push(server(Some(*a), Contact::NotProbed));
        }
    }
    out
}

/// Connects to one server and drives the conversation, holding one of the run's connection
/// slots from connect to close; a server without an address is returned as it is, one whose
/// turn comes after `--max-time` ran out as not tried. With `--starttls auto`, a STARTTLS
/// handshake that fails is followed by a second connection in plain text (see
/// [`handshake_failed`]), within the same slot: the first is closed before it opens.
async fn talk(env: &Env, cfg: &Config, budget: &Budget, server: ServerFacts) -> ServerFacts {
    let (Some(servers), Some(ip)) = (&env.dedupe, server.address) else {
        return talk_once(env, cfg, budget, server).await;
    };
    let slot = servers.slot(ip, &server);
    let Ok(mut seen) = tokio::time::timeout_at(budget.end, slot.lock()).await else {
        return budget.not_tried(server);
    };
    if let Some(facts) = seen.as_ref() {
        budget.got_shared(ip, server.port, &server.host);
        return facts.clone();
    }
    let facts = talk_once(env, cfg, budget, server).await;
    if dedupe::tried(&facts) {
        *seen = Some(facts.clone());
    }
    facts
}

/// [`talk`] without `--dedupe-servers`.
async fn talk_once(
    env: &Env,
    cfg: &Config,
    budget: &Budget,
    mut server: ServerFacts,
) -> ServerFacts {
    let Some(ip) = server.address else {
        return server;
    };
    // This address's turn (--per-ip) first, so no connection slot is held while waiting.
    let Some(ip_slot) = env.gate.address(ip, budget.end).await else {
        return budget.not_tried(server);
    };
    let slot = tokio::time::timeout_at(budget.end, env.connections.acquire()).await;
    // The semaphore is never closed: without a permit (`Ok(Err)`) go ahead unbounded.
    let Ok(permit) = slot else {
        return budget.not_tried(server);
    };
    if budget.spent() || !env.gate.pace(budget.end).await {
        return budget.not_tried(server);
    }
    let addr = SocketAddr::new(ip, server.port);
    let mut contact = connection(env, cfg, budget, &server.host, addr, server.policy).await;
    if let Contact::Talked(first) = &mut contact
        && handshake_failed(server.policy, &first.drive, budget)
    {
        let retry = if budget.spent() {
            budget.out_of_time()
        } else {
            connection(env, cfg, budget, &server.host, addr, TlsPolicy::Off).await
        };
        first.fallback = Some(Box::new(retry));
    }
    drop(permit);
    drop(ip_slot);
    server.contact = contact;
    server
}

/// Whether a conversation held to `--starttls auto` ended because the TLS handshake after
/// the server's 220 to STARTTLS failed: an alert, a protocol version or cipher mismatch,
/// something that is not TLS, a close or a timeout in the handshake. Opportunistic senders
/// then deliver in plain text (Exim retries in clear at once; Postfix defers and later
/// delivers in clear), so the probe does the same. Not a certificate that does not verify
/// (in auto mode the handshake goes on over it), not a failure to set TLS up on our side,
/// and not a timeout that was the run's `--max-time` running out.
fn handshake_failed(policy: TlsPolicy, drive: &Drive, budget: &Budget) -> bool {
    let Some(error) = drive.error.as_ref().filter(|e| e.phase == Phase::Tls) else {
        return false;
    };
    let reason = drive
        .tls
        .as_ref()
        .filter(|t| t.mode == TlsMode::StartTls)
        .and_then(|t| t.handshake.failure.as_ref())
        .map(|f| f.reason);
    let in_handshake = matches!(
        reason,
        Some(
            VerifyReason::ProtocolVersion
                | VerifyReason::HandshakeFailed
                | VerifyReason::NotTls
                | VerifyReason::MessageTooLarge
                | VerifyReason::Closed
                | VerifyReason::Timeout
        )
    );
    let ran_out = error.kind == ErrorKind::Timeout && budget.spent();
    policy == TlsPolicy::Opportunistic && in_handshake && !ran_out
}

/// One connection to `addr` and the conversation on it, held to `policy`: how far it got.
async fn connection(
    env: &Env,
    cfg: &Config,
    budget: &Budget,
    host: &str,
    addr: SocketAddr,
    policy: TlsPolicy,
) -> Contact {
    let started = Instant::now();
    // --deadline includes connecting; what is left of --max-time caps both.
    let deadline = cfg.deadline.min(budget.left_at(started));
    let capped = deadline < cfg.deadline;
    let timeouts = Timeouts {
        connect: cfg.connect_timeout.min(deadline),
        reply: cfg.timeout,
        deadline,
    };
    let mut stream = match driver::connect(addr, timeouts.connect).await {
        Ok(s) => s,
        Err(error) => {
            return Contact::ConnectFailed {
                error: budget.blame(error, capped),
                elapsed: started.elapsed(),
            };
        }
    };
    let connect = started.elapsed();
    let local = stream.local_addr().ok();
    let helo = helo_name(env.helo.as_ref(), local);
    let session = Session::new(plan(cfg, policy, helo.clone()));
    let tls_plan = driver::TlsPlan {
        ctx: &env.tls,
        host,
        policy,
    };
    let mut drive = driver::drive_tls(
        driver::QuickAck(&mut stream),
        session,
        timeouts,
        started,
        Some(tls_plan),
    )
    .await;
    drive.error = drive.error.map(|e| budget.blame(e, capped));
    // Closed before the caller gives its slot back (or opens the next connection).
    drop(stream);
    Contact::Talked(Box::new(Conversation {
        helo: helo.to_string(),
        client: local.map(|l| l.ip()),
        connect,
        drive,
        elapsed: started.elapsed(),
        fallback: None,
    }))
}

/// The conversation to have with one server, held to `policy`.
fn plan(cfg: &Config, policy: TlsPolicy, helo: WireArg) -> Plan {
    let mut plan = Plan::new(helo)
        .vrfy(cfg.vrfy.iter().cloned())
        .expn(cfg.expn.iter().cloned())
        .rcpt(cfg.rcpt.iter().cloned())
        .mail_from(cfg.mail_from.clone())
        .smtputf8(cfg.smtputf8)
        .tls(policy);
    if cfg.canary && !(cfg.vrfy.is_empty() && cfg.rcpt.is_empty()) {
        plan = plan.canary(canary_local());
    }
    if let Target::Domain(d) = &cfg.target {
        plan = plan.qualify_domain(d.clone());
    }
    if let Some(r) = &cfg.relay_test {
        plan = plan.relay_test(r.clone());
    }
    plan
}

/// The name to give in EHLO/HELO: `default` (--helo, else this machine's FQDN), else an
/// address literal of our end of the connection (RFC 5321 §4.1.4, §4.1.3).
fn helo_name(default: Option<&WireArg>, local: Option<SocketAddr>) -> WireArg {
    match default {
        Some(h) => h.clone(),
        None => WireArg::address_literal(local.map_or(IpAddr::from([127, 0, 0, 1]), |l| l.ip())),
    }
}

/// This machine's name when it is fully qualified (has a dot and only hostname characters).
fn local_fqdn() -> Option<WireArg> {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()?;
    let name = raw.trim();
    let valid = name.contains('.')
        && !name.ends_with(".localdomain")
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if valid {
        WireArg::token(name).ok()
    } else {
        None
    }
}

/// A local part that surely does not exist, different on every run.
fn canary_local() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    format!("nx-probe-{:012x}", h.finish() & 0xffff_ffff_ffff)
}
