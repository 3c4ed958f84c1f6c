//! The run's time budget (`--max-time`): the whole probe of a target, DNS included. Every
//! wait of the run ends when it does: the DNS walk, waiting for a connection slot,
//! connecting, each conversation (its `--deadline` is capped by what is left). What it cut
//! short or never started is recorded as such, so the report still says what was tried.

use crate::assess::verdict::secs;
use crate::dns::{DnsFailure, DnsIssue, Resolution};
use crate::facts::{Contact, ServerFacts};
use crate::target::Target;
use crate::vocab::{DnsKind, ErrorKind, Phase, ProbeError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::Instant;

/// `--max-time` from the start of one target's probe.
pub(super) struct Budget {
    max_time: Duration,
    /// When it runs out.
    pub(super) end: Instant,
    /// Set once something was cut short or not tried because it ran out.
    ran_out: AtomicBool,
    /// The servers (address, port, host) whose facts this probe got from another target's
    /// (`--dedupe-servers`).
    shared: std::sync::Mutex<Vec<(std::net::IpAddr, u16, String)>>,
}

impl Budget {
    pub(super) fn new(started: Instant, max_time: Duration) -> Budget {
        Budget {
            max_time,
            end: started + max_time,
            ran_out: AtomicBool::new(false),
            shared: std::sync::Mutex::default(),
        }
    }

    /// Notes that the facts of this server came from another target's probe.
    pub(super) fn got_shared(&self, ip: std::net::IpAddr, port: u16, host: &str) {
        if let Ok(mut s) = self.shared.lock() {
            s.push((ip, port, host.to_owned()));
        }
    }

    /// The servers whose facts came from another target's probe.
    pub(super) fn shared(&self) -> Vec<(std::net::IpAddr, u16, String)> {
        self.shared.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// `--max-time`.
    pub(super) fn max_time(&self) -> Duration {
        self.max_time
    }

    /// Whether it has run out.
    pub(super) fn spent(&self) -> bool {
        Instant::now() >= self.end
    }

    /// What is left of it at `now`.
    pub(super) fn left_at(&self, now: Instant) -> Duration {
        self.end.saturating_duration_since(now)
    }

    /// `--max-time` when it ran out before the probe was done.
    pub(super) fn gave_up(&self) -> Option<Duration> {
        self.ran_out
            .load(Ordering::Relaxed)
            .then_some(self.max_time)
    }

    /// The server was never tried: its turn came after the budget ran out.
    pub(super) fn not_tried(&self, mut server: ServerFacts) -> ServerFacts {
        server.contact = self.out_of_time();
        server
    }

    /// A connection never tried: its turn came after the budget ran out.
    pub(super) fn out_of_time(&self) -> Contact {
        self.ran_out.store(true, Ordering::Relaxed);
        Contact::OutOfTime {
            max_time: self.max_time,
        }
    }

    /// `error` as it should be told: a timeout that came when the budget ran out, on a
    /// conversation whose deadline the budget had capped (`capped`), was the budget's, not
    /// `--timeout`'s or `--deadline`'s.
    pub(super) fn blame(&self, error: ProbeError, capped: bool) -> ProbeError {
        if !(capped && error.kind == ErrorKind::Timeout && self.spent()) {
            return error;
        }
        self.ran_out.store(true, Ordering::Relaxed);
        let during = match error.phase {
            Phase::Connect => "while connecting".to_owned(),
            Phase::Tls => "during the TLS handshake".to_owned(),
            p => format!("while waiting for the {} reply", p.error_name()),
        };
        ProbeError::new(
            error.phase,
            ErrorKind::Timeout,
            format!(
                "the --max-time budget of {} s for the whole probe ran out {during}",
                secs(self.max_time)
            ),
        )
    }

    /// What DNS gave when the budget ran out before it finished: nothing, and why.
    pub(super) fn unfinished_dns(&self, target: &Target) -> Resolution {
        self.ran_out.store(true, Ordering::Relaxed);
        let (kind, name) = match target {
            Target::Domain(d) => (DnsKind::Mx, d.clone()),
            Target::Direct { host, .. } => (DnsKind::Direct, host.clone()),
        };
        Resolution {
            kind,
            mx: vec![],
            error: Some(DnsIssue::Lookup {
                name,
                failure: DnsFailure::Other(format!(
                    "the --max-time budget of {} s ran out before DNS answered",
                    secs(self.max_time)
                )),
            }),
        }
    }
}
