//! The verdict over a target's servers: which status the whole target gets, and the one
//! line (`summary`) that says why.
//!
//! Servers this machine could not judge (it ran out of descriptors, ports or buffers:
//! `error.kind` `local_resource`) are UNKNOWN and never make the target CRITICAL; a run
//! whose `--max-time` ran out says how much it tried ("gave up after 5 s: 4 of 50
//! addresses tried").

use crate::exit::{Status, merge_all};
use crate::report::{DnsReport, ServerReport};
use crate::smtp::Context;
use crate::vocab::{ErrorKind, FindingId, Outcome};
use std::time::Duration;

/// A run that stopped because `--max-time` ran out, and how far it got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GaveUp {
    /// `--max-time`.
    pub after: Duration,
    /// Addresses a connection was attempted to.
    pub tried: usize,
    /// Addresses there were to try.
    pub addresses: usize,
}

/// Seconds as a person writes them: `5`, `1.5`, `0.25`.
pub fn secs(d: Duration) -> String {
    let s = format!("{:.3}", d.as_secs_f64());
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The worst reply of a server that was not OK (the first of equals), as "MAIL answered
/// "530 5.7.57 …": <meaning>": every reply is judged, not only the greeting.
fn worst_reply(s: &ServerReport) -> Option<(Status, String)> {
    let st = s
        .steps
        .iter()
        .filter(|st| st.status != Status::Ok)
        .reduce(|a, b| {
            if b.status.merge(a.status) == a.status {
                a
            } else {
                b
            }
        })?;
    let what = st.command.as_deref().unwrap_or(st.context.name());
    let line = st.lines.first().map_or("", String::as_str);
    // The first sentence is enough for a one-line summary; the reports carry the rest.
    let meaning = st
        .meaning
        .split_once(". ")
        .map_or(st.meaning.as_str(), |(first, _)| first);
    let meaning = meaning.trim_end_matches('.');
    Some((st.status, format!("{what} answered {line:?}: {meaning}")))
}

/// Whether the server failed: CRITICAL for anything but relaying. An open relay is CRITICAL
/// but works all too well: it took the conversation (an MTA would stop there), and the
/// domain's verdict is CRITICAL through it, naming it.
pub fn failed(s: &ServerReport) -> bool {
    if s.status != Status::Critical {
        return false;
    }
    s.error.is_some()
        || merge_all(
            s.steps
                .iter()
                .map(|st| st.status)
                .chain(
                    s.checks
                        .iter()
                        .filter(|c| c.outcome != Outcome::Relayed)
                        .map(|c| c.status),
                )
                .chain(
                    s.findings
                        .iter()
                        .filter(|f| f.id != FindingId::OpenRelay)
                        .map(|f| f.status),
                ),
        ) == Status::Critical
}

/// Whether this machine, not the server, is why the server could not be judged.
fn unjudged(s: &ServerReport) -> bool {
    s.error
        .as_ref()
        .is_some_and(|e| e.kind == ErrorKind::LocalResource)
}

/// The domain's verdict over its servers, when the run finished within `--max-time`.
pub fn verdict(dns: &DnsReport, servers: &[ServerReport], all: bool) -> (Status, String) {
    verdict_within(dns, servers, all, None)
}

/// The domain's verdict over its servers.
/// - `--max-time` ran out (`gave_up`): no address tried is UNKNOWN; addresses tried and
///   none working is CRITICAL; otherwise the verdict below, at least UNKNOWN when some
///   servers were never tried (`--all`). The summary starts "gave up after …".
/// - DNS gave no server: the DNS problem's status.
/// - Default mode: the first server that completed decides; failures before it make the
///   domain degraded (WARNING); no server completing is CRITICAL.
/// - `--all`: every server counts; some failing while others work is WARNING.
/// - Servers not judged for a cause on our side make it at least UNKNOWN, never CRITICAL.
pub fn verdict_within(
    dns: &DnsReport,
    servers: &[ServerReport],
    all: bool,
    gave_up: Option<&GaveUp>,
) -> (Status, String) {
    let (status, summary) = judged(dns, servers, all);
    let Some(g) = gave_up else {
        return (status, summary);
    };
    let head = format!(
        "gave up after {} s (--max-time): {} of {} addresses tried",
        secs(g.after),
        g.tried,
        g.addresses
    );
    if g.tried == 0 {
        return (Status::Unknown, format!("{head}; {summary}"));
    }
    let working = servers
        .iter()
        .any(|s| s.probed && !unjudged(s) && s.status != Status::Critical);
    let local = servers.iter().any(|s| s.probed && unjudged(s));
    let status = if working || local {
        status.merge(Status::Unknown)
    } else {
        Status::Critical
    };
    (status, format!("{head}; {summary}"))
}

/// The verdict over the servers that were tried.
fn judged(dns: &DnsReport, servers: &[ServerReport], all: bool) -> (Status, String) {
    if let Some(e) = &dns.error
        && servers.is_empty()
    {
        return (e.status, e.message.clone());
    }
    let probed: Vec<&ServerReport> = servers.iter().filter(|s| s.probed).collect();
    if probed.is_empty() {
        return (Status::Critical, "no mail server to contact".into());
    }
    let (local, judged): (Vec<&ServerReport>, Vec<&ServerReport>) =
        probed.iter().partition(|s| unjudged(s));
    let Some(first) = local.first() else {
        return over(dns, &judged, all);
    };
    let why = first.error.as_ref().map_or("", |e| e.message.as_str());
    if judged.is_empty() {
        let summary = if local.len() == 1 {
            format!("{}: {why}", name(first))
        } else {
            format!(
                "none of {} servers judged; {}: {why}",
                local.len(),
                name(first)
            )
        };
        return (Status::Unknown, summary);
    }
    let (status, summary) = over(dns, &judged, all);
    // With none working, the broken ones show the domain degraded; the rest is unknown.
    let status = match status {
        Status::Critical => Status::Warning,
        s => s.merge(Status::Unknown),
    };
    let note = format!(
        "{} of {} servers not judged ({}: {why})",
        local.len(),
        probed.len(),
        name(first)
    );
    (status, format!("{summary}; {note}"))
}

/// The verdict over servers that were judged (tried, and not stopped on our side).
fn over(dns: &DnsReport, probed: &[&ServerReport], all: bool) -> (Status, String) {
    let failed = |s: &&&ServerReport| failed(s);
    let working: Vec<&&ServerReport> = probed.iter().filter(|s| !failed(s)).collect();
    let broken: Vec<&&ServerReport> = probed.iter().filter(failed).collect();
    // A broken MX entry (or a misconfigured record set, e.g. a null MX among real MX
    // records) while a server works makes the domain degraded, not down.
    let dns_problems = || {
        dns.mx
            .iter()
            .filter_map(|m| m.error.as_ref())
            .chain(dns.error.as_ref())
    };
    let mx_warn = merge_all(dns_problems().map(|e| match e.status {
        Status::Critical => Status::Warning,
        s => s,
    }));
    if working.is_empty() {
        return (Status::Critical, all_failed(&broken, probed.len()));
    }
    let best = merge_all(working.iter().map(|s| s.status));
    let mut status = best.merge(mx_warn);
    let mut summary = if all {
        format!(
            "{} of {} servers OK",
            working.iter().filter(|s| s.status == Status::Ok).count(),
            probed.len()
        )
    } else {
        let s = working[0];
        let quit = if s
            .steps
            .iter()
            .any(|st| st.context == Context::Quit && st.code == 221)
        {
            ", 221 after QUIT"
        } else {
            ""
        };
        format!(
            "{} answered {}{quit}",
            name(s),
            s.steps.first().map_or(0, |st| st.code)
        )
    };
    if !broken.is_empty() {
        status = status.merge(Status::Warning);
        summary = format!(
            "degraded: {} of {} servers failed ({}: {}); {summary}",
            broken.len(),
            probed.len(),
            name(broken[0]),
            why(broken[0])
        );
    }
    // Name the worst thing seen on a working server (and which, when there are several),
    // else the DNS problem.
    let several = all || probed.len() > 1;
    if status != Status::Ok
        && let Some(msg) = worst_on(&working, several).or_else(|| {
            dns_problems()
                .find(|e| e.status != Status::Ok)
                .map(|e| e.message.clone())
        })
    {
        summary = format!("{summary}; {msg}");
    }
    (status, summary)
}

/// `host [address]:port`, as summaries name a server.
fn name(s: &ServerReport) -> String {
    format!(
        "{} [{}]:{}",
        s.host,
        s.address.as_deref().unwrap_or("-"),
        s.port
    )
}

/// Why no server worked: the first one's error, critical finding or worst reply.
fn all_failed(broken: &[&&ServerReport], probed: usize) -> String {
    let Some(first) = broken.first() else {
        return "no mail server to contact".into();
    };
    let why = why(first);
    if probed == 1 {
        format!("{}: {why}", name(first))
    } else {
        format!("all {probed} servers failed; {}: {why}", name(first))
    }
}

/// Why a server failed: its error, else its first critical finding, else its worst reply.
fn why(s: &ServerReport) -> String {
    s.error
        .as_ref()
        .map(|e| e.message.clone())
        .or_else(|| {
            s.findings
                .iter()
                .find(|f| f.status == Status::Critical)
                .map(|f| f.message.clone())
        })
        .or_else(|| worst_reply(s).map(|(_, m)| m))
        .unwrap_or_else(|| "critical reply".into())
}

/// The worst finding, check or reply on the working servers (the first of equals), named
/// with its server's host when there are several servers.
fn worst_on(working: &[&&ServerReport], several: bool) -> Option<String> {
    working
        .iter()
        .flat_map(|s| {
            let host = |m: String| {
                if several {
                    format!("{}: {m}", s.host)
                } else {
                    m
                }
            };
            s.findings
                .iter()
                .map(move |f| (f.status, host(f.message.clone())))
                .chain(
                    s.checks
                        .iter()
                        .map(move |c| (c.status, host(c.meaning.clone()))),
                )
                .chain(worst_reply(s).map(move |(st, m)| (st, host(m))))
        })
        .filter(|(st, _)| *st != Status::Ok)
        // Worst by the merge order (OK < UNKNOWN < WARNING < CRITICAL), not by exit code:
        // an inconclusive check (UNKNOWN, 3) must not hide an open relay (CRITICAL, 2).
        .reduce(|a, b| if a.0.merge(b.0) != a.0 { b } else { a })
        .map(|(_, m)| m)
}

/// The verdict with the policy section weighed in: its worst finding raises the status, and
/// when it is what made the status worse, it is the summary (e.g. "a sender that enforces
/// MTA-STS (e.g. Gmail) will not deliver to mx2…"); as bad as the servers' verdict, it is
/// added to it.
pub fn with_policy(
    status: Status,
    summary: &mut String,
    policy: &crate::report::policy::PolicyReport,
) -> Status {
    let merged = status.merge(policy.status);
    if policy.status == Status::Unknown {
        // Lookups not made (the probe's resolver is down, as the summary says): nothing to add.
        return merged;
    }
    let worst = policy
        .mta_sts
        .findings
        .iter()
        .filter(|f| f.status == policy.status && f.status != Status::Ok)
        .map(|f| f.message.as_str())
        .next();
    if let Some(line) = worst {
        if merged != status {
            *summary = line.to_owned();
        } else if merged == policy.status {
            summary.push_str("; ");
            summary.push_str(line);
        }
    }
    merged
}
