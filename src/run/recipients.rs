//! The recipient domains, looked up: whether an RCPT the server accepted went to one of its
//! own domains or was relayed depends on who the domain's mail exchangers are. A fact
//! gathered with the run's resolver, after the conversation, only for domains whose RCPT got
//! an answer (a refused MAIL asks nothing of DNS), once per domain per target; the
//! assessment compares the answer with each server.
//!
//! The probed mail domain is never looked up: its servers are the ones being probed. Its
//! subdomains are looked up like any other domain (a subdomain may be delegated elsewhere).

use super::budget::Budget;
use crate::assess::verdict::secs;
use crate::config::Config;
use crate::dns::{self, DnsFailure, DnsIssue, Lookup, Resolution};
use crate::facts::{Contact, RecipientDomain, Recipients, ServerFacts};
use crate::smtp::CheckKind;
use crate::target::{Family, Target};
use crate::vocab::DnsKind;

/// Whether `cfg` asks RCPT checks at all (their domains may need DNS).
pub(super) fn asked(cfg: &Config) -> bool {
    !cfg.rcpt.is_empty() || cfg.relay_test.is_some()
}

/// The recipients of a target before anything was looked up: its mail domain, if any.
pub(super) fn of(cfg: &Config) -> Recipients {
    Recipients {
        probed: match &cfg.target {
            Target::Domain(d) => Some(d.trim_end_matches('.').to_ascii_lowercase()),
            Target::Direct { .. } => None,
        },
        domains: vec![],
    }
}

/// Looks up the domains of the RCPT checks `servers` answered that are not known yet
/// (concurrently, within `--max-time`), and adds them to `recipients`.
pub(super) async fn learn<L: Lookup>(
    lookup: &L,
    budget: &Budget,
    recipients: &mut Recipients,
    servers: &[ServerFacts],
) {
    let mut wanted: Vec<String> = Vec::new();
    for s in servers {
        let Contact::Talked(c) = &s.contact else {
            continue;
        };
        let answered = c
            .drive
            .transcript
            .checks
            .iter()
            .filter(|k| k.kind == CheckKind::Rcpt && k.reply.is_some());
        for k in answered {
            let Some(domain) = Recipients::domain_of(&k.argument) else {
                continue;
            };
            // An address literal names a host, not a domain: nothing to look up.
            let literal = domain.starts_with('[');
            if literal
                || recipients.is_probed(&domain)
                || recipients.resolution(&domain).is_some()
                || wanted.contains(&domain)
            {
                continue;
            }
            wanted.push(domain);
        }
    }
    if wanted.is_empty() {
        return;
    }
    let lookups = wanted.iter().map(|d| async move {
        let target = Target::Domain(d.clone());
        let resolving = dns::resolve(lookup, &target, Family::Any);
        match tokio::time::timeout_at(budget.end, resolving).await {
            Ok(r) => r,
            Err(_) => out_of_time(d, budget),
        }
    });
    let answers = dns::join_all(lookups).await;
    for (domain, resolution) in wanted.into_iter().zip(answers) {
        recipients
            .domains
            .push(RecipientDomain { domain, resolution });
    }
}

/// What a recipient domain's lookup gave when `--max-time` ran out first: nothing.
fn out_of_time(domain: &str, budget: &Budget) -> Resolution {
    Resolution {
        kind: DnsKind::Mx,
        mx: vec![],
        error: Some(DnsIssue::Lookup {
            name: domain.to_owned(),
            failure: DnsFailure::Other(format!(
                "the --max-time budget of {} s ran out before DNS answered",
                secs(budget.max_time())
            )),
        }),
    }
}
