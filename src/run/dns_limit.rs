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
    /// A turn, held until the returned permit drops. The question is asked after this
    /// returns, not passed in: a future passed to an `async fn` is kept twice in its state
    /// (the argument and the awaited value), and a lookup's future is kilobytes.
    async fn turn(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        // The semaphore is never closed; without a permit, ask anyway.
        self.shared.turns.acquire().await.ok()
    }

    /// The answer `memo` remembers for `key`, else `ask`'s, asked in a turn and remembered
    /// when `keep` says it is about the name (not a network failure).
    async fn remembered<K: Hash + Eq, V: Clone, F: Future<Output = V>>(
        &self,
        memo: &Memo<K, V>,
        key: K,
        ask: impl FnOnce() -> F,
        keep: impl FnOnce(&V) -> bool,
    ) -> V {
        if let Some(known) = memo.get(&key) {
            return known;
        }
        let answer = {
            let _turn = self.turn().await;
            // Boxed: most questions are answered from `memo`, and the lookup's state
            // (kilobytes) would make every probe's future that much larger.
            Box::pin(ask()).await
        };
        if keep(&answer) {
            memo.put(key, answer.clone());
        }
        answer
    }
}

impl<L: Lookup> Lookup for Limited<'_, L> {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        let _turn = self.turn().await;
        self.inner.mx(name).await
    }
    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        let key = (Box::<str>::from(name), v6);
        let ask = || self.inner.addrs(name, v6);
        self.remembered(&self.shared.addrs, key, ask, |a| {
            a.as_ref().err().is_none_or(settled)
        })
        .await
    }
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        let _turn = self.turn().await;
        self.inner.txt(name).await
    }
    async fn tlsa(&self, host: &str, port: u16) -> TlsaAnswer {
        let key = (Box::<str>::from(host), port);
        let ask = || self.inner.tlsa(host, port);
        self.remembered(&self.shared.tlsa, key, ask, |t| {
            t.records.as_ref().err().is_none_or(settled)
        })
        .await
    }
    async fn mx_dnssec(&self, domain: &str) -> MxDnssec {
        let _turn = self.turn().await;
        self.inner.mx_dnssec(domain).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Answers `a.test` with one address, `gone.test` NXDOMAIN, anything else with a
    /// timeout, counting the questions that reach it.
    #[derive(Default)]
    struct Counting(AtomicUsize);

    impl Lookup for Counting {
        async fn mx(&self, _: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
            Err(DnsFailure::NoData)
        }
        async fn addrs(&self, name: &str, _: bool) -> Result<AddrAnswer, DnsFailure> {
            self.0.fetch_add(1, Ordering::SeqCst);
            match name {
                "a.test" => Ok(AddrAnswer {
                    addrs: vec![[127, 0, 0, 1].into()],
                    cname: None,
                }),
                "gone.test" => Err(DnsFailure::NxDomain),
                _ => Err(DnsFailure::Timeout),
            }
        }
        async fn tlsa(&self, _: &str, _: u16) -> TlsaAnswer {
            self.0.fetch_add(1, Ordering::SeqCst);
            TlsaAnswer {
                records: Ok(vec![]),
                dnssec: crate::vocab::Dnssec::Insecure,
                basis: "counted".into(),
            }
        }
    }

    #[tokio::test]
    async fn shared_answers_are_asked_once_and_network_failures_again() {
        let (inner, shared) = (Counting::default(), Shared::new());
        let l = Limited {
            inner: &inner,
            shared: &shared,
        };
        let first = l.addrs("a.test", false).await;
        assert_eq!(l.addrs("a.test", false).await, first);
        assert_eq!(inner.0.load(Ordering::SeqCst), 1);
        // The other family is another question.
        let _ = l.addrs("a.test", true).await;
        assert_eq!(inner.0.load(Ordering::SeqCst), 2);
        for _ in 0..2 {
            assert_eq!(l.addrs("gone.test", false).await, Err(DnsFailure::NxDomain));
        }
        assert_eq!(inner.0.load(Ordering::SeqCst), 3);
        // A timeout says nothing about the name: asked each time.
        for _ in 0..2 {
            assert_eq!(l.addrs("slow.test", false).await, Err(DnsFailure::Timeout));
        }
        assert_eq!(inner.0.load(Ordering::SeqCst), 5);
        let t = l.tlsa("a.test", 25).await;
        assert_eq!(l.tlsa("a.test", 25).await, t);
        let _ = l.tlsa("a.test", 587).await;
        assert_eq!(inner.0.load(Ordering::SeqCst), 7);
    }

    #[test]
    fn a_full_memo_keeps_its_bound() {
        let m: Memo<u32, u32> = Memo::default();
        for i in 0..(MEMO_MAX as u32 + 10) {
            m.put(i, i);
        }
        assert!(m.0.lock().map(|m| m.len()).unwrap_or(0) <= MEMO_MAX);
        assert_eq!(m.get(&(MEMO_MAX as u32 + 9)), Some(MEMO_MAX as u32 + 9));
    }
}
