//! The transport-security policy lookups of one target (MTA-STS, TLS-RPT), run by
//! [`super::observe`] concurrently with the MX walk and the conversations.
//!
//! A policy raises what is asked of the MX hosts it covers (an MX under MTA-STS `enforce`
//! must present a certificate that verifies for its name), but the probe does **not** talk
//! to those hosts differently: the conversation stays the one `--starttls` asked for, and
//! the verification verdict, which every handshake records (chain and verdict, see
//! `tls/`), is judged as a strict sender would judge it (`assess/mta_sts.rs`). So the
//! lookups need not finish before the first connection, and a domain without a policy
//! costs two TXT lookups made in parallel, nothing more.

use crate::config::{Config, PolicyArg};
use crate::dns::{self, HickoryLookup, Lookup};
use crate::facts::ServerFacts;
use crate::policy::dane::TlsaLookup;
use crate::policy::{self, PolicyFacts};
use crate::target::Target;
use crate::tls::TlsContext;
use tokio::time::Instant;

/// What the target's mail domain publishes, looked up until `end` (the run's budget) or
/// `--deadline` from now, whichever comes first; `None` when policies are not looked at.
pub(super) async fn lookups<L: Lookup>(
    cfg: &Config,
    tls: &TlsContext,
    lookup: &L,
    end: Instant,
) -> Option<PolicyFacts> {
    let Target::Domain(domain) = &cfg.target else {
        return None;
    };
    if cfg.policy == PolicyArg::Ignore {
        return None;
    }
    let limit = end.min(Instant::now() + cfg.deadline);
    // Boxed: room for the lookups' state only in probes that make them.
    Some(
        Box::pin(policy::observe(
            lookup,
            tls,
            domain,
            cfg.mta_sts_port,
            limit,
        ))
        .await,
    )
}

/// The run's resolver, finding DANE's DNSSEC status as the options say: validating
/// in-process (the root's keys, or `--trust-anchor`'s), or trusting the AD bit of its
/// servers with `--dnssec-from-resolver`.
pub(super) fn with_dnssec(
    cfg: &Config,
    lookup: Result<HickoryLookup, String>,
) -> Result<HickoryLookup, String> {
    lookup.and_then(|l| l.with_dnssec(&cfg.dnssec))
}

/// The hosts whose TLSA records to look up (DANE), each once, with the port probed: the
/// MX hosts with an address for a mail-domain target, or the host named by a `host:port`
/// target (what `posttls-finger -l dane '[host]'` checks: a sender that reaches this host
/// as an MX), unless `--policy ignore`. An IP literal has no name to look up.
pub(super) fn tlsa_hosts(cfg: &Config, candidates: &[ServerFacts]) -> Vec<(String, u16)> {
    if cfg.policy == PolicyArg::Ignore || cfg.target.is_ip() {
        return vec![];
    }
    let mut out: Vec<(String, u16)> = vec![];
    for c in candidates.iter().filter(|c| c.address.is_some()) {
        if !out.iter().any(|(h, _)| h.eq_ignore_ascii_case(&c.host)) {
            out.push((c.host.clone(), c.port));
        }
    }
    out
}

/// The TLSA lookups of `hosts`, all at once, until `end`.
pub(super) async fn tlsa<L: Lookup>(
    lookup: &L,
    hosts: Vec<(String, u16)>,
    end: Instant,
) -> Vec<TlsaLookup> {
    let futs = hosts.into_iter().map(|(host, port)| async move {
        let answer = match tokio::time::timeout_at(end, lookup.tlsa(&host, port)).await {
            Ok(a) => a,
            Err(_) => dns::TlsaAnswer {
                records: Err(dns::DnsFailure::Timeout),
                dnssec: crate::vocab::Dnssec::Indeterminate,
                basis: "the TLSA lookup did not finish within --max-time".into(),
            },
        };
        TlsaLookup { host, port, answer }
    });
    dns::join_all(futs).await
}
