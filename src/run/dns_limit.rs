//! Bulk mode's bound on DNS questions in flight: at `-j 1000` every new target asks its MX,
//! MTA-STS and TLS-RPT questions at once, thousands outstanding at one resolver. A
//! recursive resolver would take that for abuse, and each outstanding question holds a
//! socket and buffers (peak memory rose with them). At most [`IN_FLIGHT`] are asked at
//! once; the others wait for a turn, within the target's `--max-time` like any lookup.

use crate::dns::{AddrAnswer, DnsFailure, Lookup, MxDnssec, TlsaAnswer};
use tokio::sync::Semaphore;

/// DNS questions of one run in flight at once. A loopback resolver answers in well under a
/// millisecond, so this many keep thousands of targets a second going.
pub(super) const IN_FLIGHT: usize = 256;

/// A lookup that asks through `inner` at most `turns`' permits at once.
pub(super) struct Limited<'a, L> {
    pub inner: &'a L,
    pub turns: &'a Semaphore,
}

impl<L: Lookup> Limited<'_, L> {
    async fn turn<T>(&self, ask: impl Future<Output = T>) -> T {
        // The semaphore is never closed; without a permit, ask anyway.
        let _permit = self.turns.acquire().await.ok();
        ask.await
    }
}

impl<L: Lookup> Lookup for Limited<'_, L> {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        self.turn(self.inner.mx(name)).await
    }
    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        self.turn(self.inner.addrs(name, v6)).await
    }
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        self.turn(self.inner.txt(name)).await
    }
    async fn tlsa(&self, host: &str, port: u16) -> TlsaAnswer {
        self.turn(self.inner.tlsa(host, port)).await
    }
    async fn mx_dnssec(&self, domain: &str) -> MxDnssec {
        self.turn(self.inner.mx_dnssec(domain)).await
    }
}
