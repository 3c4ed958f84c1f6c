//! Watch mode (`--watch`): the same target probed again and again with one [`Env`] (its
//! resolver cache keeps DNS answers within their TTL, as a mail server's resolver would),
//! each round under `--max-time`, the next round starting `--interval` after the previous
//! one started (or at once when it took longer), until `--count` rounds or a signal.

use super::{Env, probe};
use crate::config::WatchConfig;
use crate::report::Report;
use tokio::sync::mpsc;
use tokio::time::Instant;

/// How a watch ended.
#[derive(Debug, Default, Clone, Copy)]
pub struct Ended {
    pub rounds: u64,
    /// The signal that ended it (SIGINT 2, SIGTERM 15), if one did; a round it cut short
    /// is not counted.
    pub signal: Option<i32>,
}

/// Runs the rounds, handing each report to `each` (report, round number from 1).
pub async fn run(
    env: &Env,
    w: &WatchConfig,
    stop: &mut mpsc::UnboundedReceiver<i32>,
    mut each: impl FnMut(&Report, u64),
) -> Ended {
    let mut ended = Ended::default();
    loop {
        let started = Instant::now();
        tokio::select! {
            report = probe(env, &w.cfg) => {
                ended.rounds += 1;
                each(&report, ended.rounds);
            }
            Some(signal) = stop.recv() => {
                ended.signal = Some(signal);
                return ended;
            }
        }
        if w.count.is_some_and(|n| ended.rounds >= n) {
            return ended;
        }
        tokio::select! {
            () = tokio::time::sleep_until(started + w.interval) => {}
            Some(signal) = stop.recv() => {
                ended.signal = Some(signal);
                return ended;
            }
        }
    }
}
