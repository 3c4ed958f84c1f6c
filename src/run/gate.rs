//! Politeness over a whole run, shared by every probe made with one [`super::Env`]: at
//! most `--per-ip` connections at once to one destination address (thousands of domains
//! often share a few MX hosts), and at most `--rate` new connections per second. Both
//! waits end with the target's `--max-time`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

pub(super) struct Gate {
    per_ip: Option<usize>,
    /// One semaphore per destination address in use; removed when nobody holds or waits
    /// for it, so the map stays as small as the connections in flight.
    addresses: Arc<Mutex<HashMap<IpAddr, Arc<Semaphore>>>>,
    /// `--rate`: the interval between two new connections, and when the next may start.
    pace: Option<(Duration, Mutex<Instant>)>,
}

/// The right to open a connection to one address; given back when dropped.
pub(super) struct IpSlot {
    held: Option<(IpAddr, Arc<Semaphore>, OwnedSemaphorePermit)>,
    addresses: Arc<Mutex<HashMap<IpAddr, Arc<Semaphore>>>>,
}

impl Drop for IpSlot {
    fn drop(&mut self) {
        let Some((ip, sem, permit)) = self.held.take() else {
            return;
        };
        drop(permit);
        if let Ok(mut map) = self.addresses.lock() {
            // The map's reference and ours: nobody else holds or waits for this address.
            if Arc::strong_count(&sem) == 2 {
                map.remove(&ip);
            }
        }
    }
}

impl Gate {
    pub(super) fn new(per_ip: Option<usize>, rate: Option<f64>) -> Gate {
        Gate {
            per_ip,
            addresses: Arc::default(),
            pace: rate.map(|r| (Duration::from_secs_f64(1.0 / r), Mutex::new(Instant::now()))),
        }
    }

    /// Waits (until `end` at most) for a turn to connect to `ip`; `None` when `end` came
    /// first.
    pub(super) async fn address(&self, ip: IpAddr, end: Instant) -> Option<IpSlot> {
        let slot = |held| IpSlot {
            held,
            addresses: self.addresses.clone(),
        };
        let Some(limit) = self.per_ip else {
            return Some(slot(None));
        };
        let sem = match self.addresses.lock() {
            Ok(mut map) => map
                .entry(ip)
                .or_insert_with(|| Arc::new(Semaphore::new(limit)))
                .clone(),
            Err(_) => return Some(slot(None)),
        };
        match tokio::time::timeout_at(end, sem.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Some(slot(Some((ip, sem, permit)))),
            // The semaphore is never closed.
            Ok(Err(_)) => Some(slot(None)),
            Err(_) => {
                // Given up: forget the address if nobody else uses it.
                if let Ok(mut map) = self.addresses.lock()
                    && Arc::strong_count(&sem) == 2
                    && sem.available_permits() == limit
                {
                    map.remove(&ip);
                }
                None
            }
        }
    }

    /// Waits for the next turn under `--rate` (until `end` at most); false when `end`
    /// came first.
    pub(super) async fn pace(&self, end: Instant) -> bool {
        let Some((interval, next)) = &self.pace else {
            return true;
        };
        let turn = match next.lock() {
            Ok(mut next) => {
                let turn = (*next).max(Instant::now());
                if turn >= end {
                    return false;
                }
                *next = turn + *interval;
                turn
            }
            Err(_) => return true,
        };
        tokio::time::sleep_until(turn).await;
        true
    }

    /// Addresses currently held or waited for (for tests).
    #[cfg(test)]
    fn in_use(&self) -> usize {
        self.addresses.lock().map(|m| m.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn one_connection_per_address_and_the_map_empties() {
        let gate = Gate::new(Some(1), None);
        let end = Instant::now() + Duration::from_secs(5);
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        let first = gate.address(a, end).await.unwrap();
        let other = gate.address(b, end).await.unwrap();
        // A second turn on `a` waits for the first; a short deadline gives up.
        let soon = Instant::now() + Duration::from_millis(10);
        assert!(gate.address(a, soon).await.is_none());
        assert_eq!(gate.in_use(), 2);
        drop(first);
        let again = gate.address(a, end).await.unwrap();
        drop(again);
        drop(other);
        assert_eq!(gate.in_use(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn rate_spaces_new_connections() {
        let gate = Gate::new(None, Some(10.0));
        let start = Instant::now();
        let end = start + Duration::from_secs(60);
        for _ in 0..5 {
            assert!(gate.pace(end).await);
        }
        // Five turns at 10/s: the fifth starts 0.4 s after the first.
        assert_eq!(start.elapsed(), Duration::from_millis(400));
        // A turn that would come after the deadline is refused at once.
        assert!(!gate.pace(Instant::now() + Duration::from_millis(50)).await);
    }
}
