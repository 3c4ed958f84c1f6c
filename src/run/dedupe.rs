//! `--dedupe-servers` (bulk mode): each (address, port, MX name, TLS policy) is talked to
//! once per run and its facts attached to every target that uses it; the reports of the
//! targets that got them second-hand mark those servers `shared`. Memory grows with the
//! number of distinct servers, not of targets. A server whose turn never came (the first
//! target's `--max-time` ran out) is not remembered: the next target tries it.

use crate::facts::{Contact, ServerFacts};
use crate::report::Report;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

type Key = (IpAddr, u16, String, String);
type Seen = Arc<tokio::sync::Mutex<Option<ServerFacts>>>;

#[derive(Default)]
pub(super) struct Servers(Mutex<HashMap<Key, Seen>>);

impl Servers {
    /// The slot for `server` at `ip`: hold its lock while talking, so that targets sharing
    /// it wait for the first one's result instead of connecting again.
    pub(super) fn slot(&self, ip: IpAddr, server: &ServerFacts) -> Seen {
        let key = (
            ip,
            server.port,
            server.host.to_ascii_lowercase(),
            format!("{:?}", server.policy),
        );
        match self.0.lock() {
            Ok(mut map) => map.entry(key).or_default().clone(),
            Err(_) => Seen::default(),
        }
    }
}

/// Whether facts are worth sharing: the server was actually tried.
pub(super) fn tried(s: &ServerFacts) -> bool {
    matches!(
        s.contact,
        Contact::Talked(_) | Contact::ConnectFailed { .. }
    )
}

/// Marks the servers of `report` that were attached from another target's probe.
pub(super) fn mark(report: &mut Report, shared: &[(IpAddr, u16, String)]) {
    for s in &mut report.servers {
        s.shared = shared.iter().any(|(ip, port, host)| {
            s.address.as_deref() == Some(ip.to_string().as_str())
                && s.port == *port
                && s.host.eq_ignore_ascii_case(host)
        });
    }
}
