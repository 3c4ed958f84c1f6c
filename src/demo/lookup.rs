//! The demo's DNS, answered in-process: the scenario's mail domain has an MX host whose
//! address is loopback, a recipient domain elsewhere has its own; every other name does
//! not exist. Nothing is ever sent to a resolver.

use crate::dns::{AddrAnswer, DnsFailure, Lookup};
use std::collections::HashMap;
use std::net::IpAddr;

#[derive(Debug, Default, Clone)]
pub struct DemoDns {
    mx: HashMap<String, Vec<(u16, String)>>,
    a: HashMap<String, Vec<IpAddr>>,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl DemoDns {
    #[must_use]
    pub fn mx(mut self, domain: &str, preference: u16, host: &str) -> DemoDns {
        self.mx
            .entry(key(domain))
            .or_default()
            .push((preference, format!("{}.", key(host))));
        self
    }

    #[must_use]
    pub fn a(mut self, host: &str, ip: IpAddr) -> DemoDns {
        self.a.entry(key(host)).or_default().push(ip);
        self
    }
}

impl Lookup for DemoDns {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        match self.mx.get(&key(name)) {
            Some(r) => Ok(r.clone()),
            None if self.a.contains_key(&key(name)) => Err(DnsFailure::NoData),
            None => Err(DnsFailure::NxDomain),
        }
    }

    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        let Some(all) = self.a.get(&key(name)) else {
            return Err(if self.mx.contains_key(&key(name)) {
                DnsFailure::NoData
            } else {
                DnsFailure::NxDomain
            });
        };
        let addrs: Vec<IpAddr> = all.iter().copied().filter(|a| a.is_ipv6() == v6).collect();
        if addrs.is_empty() {
            return Err(DnsFailure::NoData);
        }
        Ok(AddrAnswer { addrs, cname: None })
    }
}
