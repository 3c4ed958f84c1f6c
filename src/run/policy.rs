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
use crate::dns::Lookup;
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
    Some(policy::observe(lookup, tls, domain, cfg.mta_sts_port, limit).await)
}
