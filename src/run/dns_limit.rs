//! Bulk mode's bound on DNS questions in flight: at `-j 1000` every new target asks its MX,
//! MTA-STS and TLS-RPT questions at once, thousands outstanding at one resolver. A
//! recursive resolver would take that for abuse, and each outstanding question holds a
//! socket and buffers (peak memory rose with them). At most [`IN_FLIGHT`] are asked at
//! once; the others wait for a turn, within the target's `--max-time` like any lookup.
//!
//! The questions many domains share, an MX host's A, AAAA and TLSA answers, are also
//! remembered for [`MEMO_FOR`] ([`Memo`]): hickory's cache answers them too, but only
//! after a turn, a name parsed, a cache query and its futures (about a tenth of a bulk
//! probe's own CPU time, measured with `perf record` on scripts/bench-bulk.sh's setup).

use crate::dns::{AddrAnswer, DnsFailure, Lookup, MxDnssec, TlsaAnswer};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// DNS questions of one run in flight at once. A loopback resolver answers in well under a
/// millisecond, so this many keep thousands of targets a second going.
pub(super) const IN_FLIGHT: usize = 256;

/// How long a remembered answer is reused: short next to any TTL a mail host's records
/// have in practice, long enough for thousands of domains that share the host.
pub(super) const MEMO_FOR: Duration = Duration::from_secs(10);

/// Answers remembered at most (three a shared MX host); when full, the expired ones go,
/// else all.
const MEMO_MAX: usize = 4_096;

/// A run's turns and remembered answers.
pub(super) struct Shared {
    turns: Semaphore,
    addrs: Memo<(Box<str>, bool), Result<AddrAnswer, DnsFailure>>,
    tlsa: Memo<(Box<str>, u16), TlsaAnswer>,
}

impl Shared {
    pub(super) fn new() -> Shared {
        Shared {
            turns: Semaphore::new(IN_FLIGHT),
            addrs: Memo::default(),
            tlsa: Memo::default(),
        }
    }
}

/// Answers by question, each with the time it stops being reused.
struct Memo<K, V>(Mutex<HashMap<K, (Instant, V)>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Mutex::new(HashMap::new()))
    }
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let map = self.0.lock().ok()?;
        let (until, v) = map.get(key)?;
        (*until > Instant::now()).then(|| v.clone())
    }

    fn put(&self, key: K, v: V) {
        let Ok(mut map) = self.0.lock() else { return };
        let now = Instant::now();
        if map.len() >= MEMO_MAX {
            map.retain(|_, (until, _)| *until > now);
            if map.len() >= MEMO_MAX {
                map.clear();
            }
        }
        map.insert(key, (now + MEMO_FOR, v));
    }
}

/// Whether a failed lookup's answer is one to reuse: what the name has (nothing), not
/// what the network did.
fn settled(f: &DnsFailure) -> bool {
    matches!(f, DnsFailure::NoData | DnsFailure::NxDomain)
}

/// A lookup that asks through `inner` at most `shared`'s turns at once.
pub(super) struct Limited<'a, L> {
    pub inner: &'a L,
    pub shared: &'a Shared,
}

impl<L: Lookup> Limited<'_, L> {
    async fn turn<T>(&self, ask: impl Future<Output = T>) -> T {
        // The semaphore is never closed; without a permit, ask anyway.
        let _permit = self.shared.turns.acquire().await.ok();
        ask.await
    }
}

impl<L: Lookup> Lookup for Limited<'_, L> {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        self.turn(self.inner.mx(name)).await
    }
    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        let key = (Box::<str>::from(name), v6);
        if let Some(known) = self.shared.addrs.get(&key) {
            return known;
        }
        let answer = self.turn(self.inner.addrs(name, v6)).await;
        if answer.as_ref().err().is_none_or(settled) {
            self.shared.addrs.put(key, answer.clone());
        }
        answer
    }
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        self.turn(self.inner.txt(name)).await
    }
    async fn tlsa(&self, host: &str, port: u16) -> TlsaAnswer {
        let key = (Box::<str>::from(host), port);
        if let Some(known) = self.shared.tlsa.get(&key) {
            return known;
        }
        let answer = self.turn(self.inner.tlsa(host, port)).await;
        if answer.records.as_ref().err().is_none_or(settled) {
            self.shared.tlsa.put(key, answer.clone());
        }
        answer
    }
    async fn mx_dnssec(&self, domain: &str) -> MxDnssec {
        self.turn(self.inner.mx_dnssec(domain)).await
    }
}
