//! Test support: an in-process scripted SMTP server on loopback that fails the test if its
//! script was not followed, or if DATA or BDAT ever arrives; and a fake DNS lookup.
#![allow(dead_code)]

use smtpprobe::dns::{AddrAnswer, DnsFailure, Lookup, MxDnssec, Tlsa, TlsaAnswer};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One step of a server's script.
#[derive(Debug, Clone)]
pub enum Step {
    /// Send these bytes now (a greeting, or an unsolicited reply).
    Send(&'static str),
    /// Read one command line; it must start with this text (case-insensitive); then send the reply.
    Expect(&'static str, &'static str),
    /// Read one command line starting with this text and send nothing back.
    ExpectSilently(&'static str),
    /// Send raw bytes (not necessarily UTF-8).
    SendBytes(&'static [u8]),
    /// Close the connection.
    Close,
    /// Say nothing and keep the connection open until the client goes away.
    Silent,
    /// Send bytes one at a time with a pause between them (a trickling server).
    Trickle(&'static str, Duration),
}

/// A scripted server. `finish()` (or drop) checks that the script ran to its end.
pub struct FakeSmtp {
    pub addr: SocketAddr,
    handle: Option<JoinHandle<Result<Vec<String>, String>>>,
    received: Arc<Mutex<Vec<String>>>,
}

impl FakeSmtp {
    pub fn start(script: Vec<Step>) -> FakeSmtp {
        Self::start_on("127.0.0.1:0".parse().expect("literal"), script)
    }

    /// Binds to a given loopback address (port 0 for any).
    pub fn start_on(bind: SocketAddr, script: Vec<Step>) -> FakeSmtp {
        assert!(bind.ip().is_loopback(), "tests only talk to loopback");
        let listener = TcpListener::bind(bind).expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let received = Arc::new(Mutex::new(Vec::new()));
        let rec = received.clone();
        let handle = std::thread::spawn(move || {
            listener.set_nonblocking(false).map_err(|e| e.to_string())?;
            let (stream, _) = listener.accept().map_err(|e| e.to_string())?;
            run_script(stream, script, rec)
        });
        FakeSmtp {
            addr,
            handle: Some(handle),
            received,
        }
    }

    /// Waits for the script to end and returns the command lines received. Panics if the
    /// script was not followed or DATA/BDAT was sent.
    pub fn finish(mut self) -> Vec<String> {
        let h = self.handle.take().expect("finish once");
        match h.join() {
            Ok(Ok(lines)) => lines,
            Ok(Err(e)) => panic!(
                "fake SMTP server script failed: {e}; received {:?}",
                self.received.lock().map(|r| r.clone())
            ),
            Err(_) => panic!("fake SMTP server panicked"),
        }
    }
}

impl Drop for FakeSmtp {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take()
            && !std::thread::panicking()
        {
            match h.join() {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => panic!("fake SMTP server script failed: {e}"),
                Err(_) => panic!("fake SMTP server panicked"),
            }
        }
    }
}

fn forbidden(line: &str) -> bool {
    let up = line.trim().to_ascii_uppercase();
    up == "DATA" || up.starts_with("DATA ") || up.starts_with("BDAT")
}

fn run_script(
    stream: TcpStream,
    script: Vec<Step>,
    rec: Arc<Mutex<Vec<String>>>,
) -> Result<Vec<String>, String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .map_err(|e| e.to_string())?;
    let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(stream);
    let mut lines = Vec::new();
    let mut read_line = |lines: &mut Vec<String>| -> Result<String, String> {
        let mut l = String::new();
        let n = reader
            .read_line(&mut l)
            .map_err(|e| format!("reading a command: {e}"))?;
        if n == 0 {
            return Err(format!(
                "client closed early; script not finished (got {lines:?})"
            ));
        }
        let l = l.trim_end_matches(['\r', '\n']).to_owned();
        if forbidden(&l) {
            return Err(format!(
                "the probe sent {l:?}: DATA and BDAT must never be sent"
            ));
        }
        if let Ok(mut r) = rec.lock() {
            r.push(l.clone());
        }
        lines.push(l.clone());
        Ok(l)
    };
    for step in script {
        match step {
            Step::Send(b) => writer.write_all(b.as_bytes()).map_err(|e| e.to_string())?,
            Step::SendBytes(b) => writer.write_all(b).map_err(|e| e.to_string())?,
            Step::Expect(prefix, reply) => {
                let l = read_line(&mut lines)?;
                if !l
                    .to_ascii_uppercase()
                    .starts_with(&prefix.to_ascii_uppercase())
                {
                    return Err(format!(
                        "expected a command starting with {prefix:?}, got {l:?}"
                    ));
                }
                writer
                    .write_all(reply.as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            Step::ExpectSilently(prefix) => {
                let l = read_line(&mut lines)?;
                if !l
                    .to_ascii_uppercase()
                    .starts_with(&prefix.to_ascii_uppercase())
                {
                    return Err(format!(
                        "expected a command starting with {prefix:?}, got {l:?}"
                    ));
                }
            }
            Step::Close => return Ok(lines),
            Step::Silent => {
                // Wait for the client to give up; anything it sends is still checked.
                loop {
                    match read_line(&mut lines) {
                        Ok(_) => {}
                        Err(e) if e.contains("DATA") => return Err(e),
                        Err(_) => return Ok(lines),
                    }
                }
            }
            Step::Trickle(bytes, pause) => {
                for b in bytes.as_bytes() {
                    if writer.write_all(&[*b]).is_err() {
                        return Ok(lines);
                    }
                    std::thread::sleep(pause);
                }
            }
        }
    }
    // After the script, the client must not send anything else (in particular not DATA).
    let mut rest = String::new();
    let _ = reader
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(5)));
    if let Ok(n) = reader.read_line(&mut rest)
        && n > 0
    {
        return Err(format!(
            "unexpected command after the script ended: {:?}",
            rest.trim_end()
        ));
    }
    Ok(lines)
}

/// Two fake servers on the same port at different loopback addresses (for MX tests).
pub fn pair_on_same_port(a: Vec<Step>, b: Vec<Step>) -> (FakeSmtp, FakeSmtp) {
    for _ in 0..20 {
        let first = FakeSmtp::start_on("127.0.0.2:0".parse().expect("literal"), a.clone());
        let port = first.addr.port();
        let second: SocketAddr = format!("127.0.0.3:{port}").parse().expect("literal");
        if TcpListener::bind(second).is_ok() {
            // Probe bind worked: free again, now start the real one.
            let s = FakeSmtp::start_on(second, b.clone());
            return (first, s);
        }
        // Port taken at the other address: let the first server end quietly.
        let _ = TcpStream::connect(first.addr).map(drop);
        std::mem::forget(first);
    }
    panic!("could not find a port free on both 127.0.0.2 and 127.0.0.3");
}

/// A DNS stand-in: MX and address answers from tables; names not listed are NXDOMAIN.
#[derive(Default, Clone)]
pub struct FakeDns {
    pub mx: HashMap<String, Result<Vec<(u16, String)>, DnsFailure>>,
    pub a: HashMap<String, Vec<IpAddr>>,
    pub cname: HashMap<String, String>,
    /// TXT records by name (MTA-STS, TLS-RPT); a name without any answers NXDOMAIN.
    pub txt: HashMap<String, Vec<String>>,
    /// TLSA answers by MX host (any port); a host without one has none, insecurely.
    pub tlsa: HashMap<String, TlsaAnswer>,
    /// The DNSSEC status of every MX RRset; insecure when not set.
    pub mx_dnssec: Option<smtpprobe::vocab::Dnssec>,
}

impl FakeDns {
    pub fn mx(mut self, name: &str, records: &[(u16, &str)]) -> Self {
        self.mx.insert(
            abs(name),
            Ok(records.iter().map(|(p, e)| (*p, abs(e))).collect()),
        );
        self
    }
    pub fn mx_fails(mut self, name: &str, f: DnsFailure) -> Self {
        self.mx.insert(abs(name), Err(f));
        self
    }
    /// The TLSA records of MX host `host` (`usage selector matching data`), with their
    /// DNSSEC status.
    pub fn tlsa(
        mut self,
        host: &str,
        dnssec: smtpprobe::vocab::Dnssec,
        records: &[(u8, u8, u8, Vec<u8>)],
    ) -> Self {
        self.tlsa.insert(
            abs(host),
            TlsaAnswer {
                records: Ok(records
                    .iter()
                    .map(|(usage, selector, matching, data)| Tlsa {
                        usage: *usage,
                        selector: *selector,
                        matching: *matching,
                        data: data.clone(),
                    })
                    .collect()),
                dnssec,
                basis: "the test's DNS says so".into(),
            },
        );
        self
    }
    /// The DNSSEC status the MX RRsets are given.
    pub fn mx_dnssec(mut self, dnssec: smtpprobe::vocab::Dnssec) -> Self {
        self.mx_dnssec = Some(dnssec);
        self
    }
    /// One more TXT record at `name`.
    pub fn txt(mut self, name: &str, record: &str) -> Self {
        self.txt
            .entry(abs(name))
            .or_default()
            .push(record.to_owned());
        self
    }
    pub fn a(mut self, name: &str, ip: &str) -> Self {
        self.a
            .entry(abs(name))
            .or_default()
            .push(ip.parse().expect("test IP"));
        self
    }
}

fn abs(n: &str) -> String {
    if n.ends_with('.') {
        n.to_owned()
    } else {
        format!("{n}.")
    }
}

impl Lookup for FakeDns {
    async fn mx(&self, name: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        match self.mx.get(name) {
            Some(r) => r.clone(),
            None if self.a.contains_key(name) => Err(DnsFailure::NoData),
            None => Err(DnsFailure::NxDomain),
        }
    }
    async fn addrs(&self, name: &str, v6: bool) -> Result<AddrAnswer, DnsFailure> {
        let Some(all) = self.a.get(name) else {
            return Err(if self.mx.contains_key(name) {
                DnsFailure::NoData
            } else {
                DnsFailure::NxDomain
            });
        };
        let addrs: Vec<IpAddr> = all.iter().copied().filter(|a| a.is_ipv6() == v6).collect();
        if addrs.is_empty() {
            return Err(DnsFailure::NoData);
        }
        Ok(AddrAnswer {
            addrs,
            cname: self.cname.get(name).cloned(),
        })
    }
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        self.txt.get(name).cloned().ok_or(DnsFailure::NxDomain)
    }
    async fn tlsa(&self, host: &str, _port: u16) -> TlsaAnswer {
        self.tlsa.get(&abs(host)).cloned().unwrap_or(TlsaAnswer {
            records: Ok(vec![]),
            dnssec: smtpprobe::vocab::Dnssec::Insecure,
            basis: "the test's DNS has no TLSA here".into(),
        })
    }
    async fn mx_dnssec(&self, _domain: &str) -> MxDnssec {
        match self.mx_dnssec {
            Some(dnssec) => MxDnssec {
                dnssec,
                basis: "the test's DNS says so".into(),
            },
            None => MxDnssec {
                dnssec: smtpprobe::vocab::Dnssec::Insecure,
                basis: "the test's DNS signs nothing".into(),
            },
        }
    }
}

/// Builds a validated config from a command line, as main does.
pub fn config(args: &[&str]) -> smtpprobe::config::Config {
    use clap::Parser;
    let mut full = vec!["smtpprobe"];
    full.extend_from_slice(args);
    let cli = smtpprobe::cli::Cli::try_parse_from(full).expect("test command line parses");
    smtpprobe::config::Config::try_from(&cli.probe).expect("test command line is valid")
}

pub const GREETING: &str = "220 mx.test ESMTP ready\r\n";
pub const EHLO_OK: &str =
    "250-mx.test Hello\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 ENHANCEDSTATUSCODES\r\n";
pub const QUIT_OK: &str = "221 2.0.0 Bye\r\n";

/// Probes `args` with `dns` on a fresh runtime, as main does but with the given lookup.
pub fn probe_with_dns(args: &[&str], dns: &impl Lookup) -> smtpprobe::report::Report {
    let cfg = config(args);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let env = smtpprobe::run::Env::without_dns(&cfg);
    rt.block_on(smtpprobe::run::probe_with(&env, &cfg, dns))
}

/// The server entry the assessment makes of a conversation driven in memory against
/// `mx.test` on 127.0.0.1:25, in plain text.
pub fn judged(drive: smtpprobe::driver::Drive) -> smtpprobe::report::ServerReport {
    use smtpprobe::facts::{Contact, Conversation, ServerFacts};
    let facts = ServerFacts {
        host: "mx.test".into(),
        address: Some([127, 0, 0, 1].into()),
        port: 25,
        policy: smtpprobe::smtp::session::TlsPolicy::Off,
        contact: Contact::Talked(Box::new(Conversation {
            helo: "probe.test".into(),
            client: Some([127, 0, 0, 1].into()),
            connect: Duration::from_micros(100),
            drive,
            elapsed: Duration::from_millis(1),
            fallback: None,
        })),
    };
    smtpprobe::assess::server(&facts, smtpprobe::assess::ExpiryDays { warn: 14, crit: 3 })
}
