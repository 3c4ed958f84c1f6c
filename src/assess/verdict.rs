//! The verdict over a target's servers: which status the whole target gets, and the one
//! line (`summary`) that says why.

use crate::exit::{Status, merge_all};
use crate::report::{DnsReport, ServerReport};
use crate::smtp::Context;

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

/// The domain's verdict over its servers.
/// - DNS gave no server: the DNS problem's status.
/// - Default mode: the first server that completed decides; failures before it make the
///   domain degraded (WARNING); no server completing is CRITICAL.
/// - `--all`: every server counts; some failing while others work is WARNING.
pub fn verdict(dns: &DnsReport, servers: &[ServerReport], all: bool) -> (Status, String) {
    if let Some(e) = &dns.error
        && servers.is_empty()
    {
        return (e.status, e.message.clone());
    }
    let probed: Vec<&ServerReport> = servers.iter().filter(|s| s.probed).collect();
    if probed.is_empty() {
        return (Status::Critical, "no mail server to contact".into());
    }
    let failed = |s: &&ServerReport| s.status == Status::Critical;
    let working: Vec<&&ServerReport> = probed.iter().filter(|s| !failed(s)).collect();
    let broken: Vec<&&ServerReport> = probed.iter().filter(|s| failed(s)).collect();
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
            "degraded: {} of {} servers failed ({}); {summary}",
            broken.len(),
            probed.len(),
            name(broken[0])
        );
    }
    // Name the worst thing seen on a working server, else the DNS problem.
    if status != Status::Ok
        && let Some(msg) = worst_on(&working).or_else(|| {
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
    let why = first
        .error
        .as_ref()
        .map(|e| e.message.clone())
        .or_else(|| {
            first
                .findings
                .iter()
                .find(|f| f.status == Status::Critical)
                .map(|f| f.message.clone())
        })
        .or_else(|| worst_reply(first).map(|(_, m)| m))
        .unwrap_or_else(|| "critical reply".into());
    if probed == 1 {
        format!("{}: {why}", name(first))
    } else {
        format!("all {probed} servers failed; {}: {why}", name(first))
    }
}

/// The worst finding, check or reply on the working servers (the first of equals).
fn worst_on(working: &[&&ServerReport]) -> Option<String> {
    working
        .iter()
        .flat_map(|s| {
            s.findings
                .iter()
                .map(|f| (f.status, f.message.clone()))
                .chain(s.checks.iter().map(|c| (c.status, c.meaning.clone())))
                .chain(worst_reply(s))
        })
        .filter(|(st, _)| *st != Status::Ok)
        .reduce(|a, b| {
            if b.0.exit_code() > a.0.exit_code() {
                b
            } else {
                a
            }
        })
        .map(|(_, m)| m)
}
