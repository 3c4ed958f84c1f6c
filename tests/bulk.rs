//! Bulk mode (`--targets`) end to end, through the binary, against in-process sink servers
//! on loopback addresses: streaming JSONL, human lines, one Prometheus textfile, invalid
//! lines, politeness (`--per-ip`, `--rate`), `--output` appending, resume after SIGINT
//! (every input line exactly once), shards.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A server for any number of connections, like Postfix's smtp-sink: a greeting (after
/// `delay`), 250 to EHLO/HELO, 221 to QUIT, 502 to anything else. Counts connections and
/// the most open at once. Never accepts DATA.
struct Sink {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    connections: Arc<AtomicUsize>,
    open: Arc<AtomicUsize>,
    most_open: Arc<AtomicUsize>,
    data: Arc<Mutex<Vec<String>>>,
}

impl Sink {
    fn start(ip: &str, delay: Duration) -> Sink {
        let listener = TcpListener::bind(format!("{ip}:0")).expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        let sink = Sink {
            addr,
            stop: Arc::default(),
            connections: Arc::default(),
            open: Arc::default(),
            most_open: Arc::default(),
            data: Arc::default(),
        };
        let (stop, connections, open, most, data) = (
            sink.stop.clone(),
            sink.connections.clone(),
            sink.open.clone(),
            sink.most_open.clone(),
            sink.data.clone(),
        );
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((s, _)) => {
                        connections.fetch_add(1, Ordering::SeqCst);
                        let now = open.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        let (open, data) = (open.clone(), data.clone());
                        std::thread::spawn(move || {
                            serve(s, delay, &data, &mut Open(Some(&open)));
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        sink
    }

    fn target(&self) -> String {
        self.addr.to_string()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let bad = self.data.lock().unwrap().clone();
        if !std::thread::panicking() {
            assert!(bad.is_empty(), "DATA/BDAT sent: {bad:?}");
        }
    }
}

/// One connection counted as open until the sink is done with it: before its 221 to QUIT
/// (the client may connect again as soon as it reads it), or when it ends any other way.
struct Open<'a>(Option<&'a AtomicUsize>);

impl Open<'_> {
    fn release(&mut self) {
        if let Some(open) = self.0.take() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

fn serve(s: TcpStream, delay: Duration, data: &Mutex<Vec<String>>, open: &mut Open<'_>) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(20)));
    let Ok(mut w) = s.try_clone() else { return };
    std::thread::sleep(delay);
    if w.write_all(b"220 sink.test ESMTP\r\n").is_err() {
        return;
    }
    let mut r = BufReader::new(s);
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let up = line.trim().to_ascii_uppercase();
        let reply: &[u8] = if up.starts_with("EHLO") || up.starts_with("HELO") {
            b"250 sink.test\r\n"
        } else if up.starts_with("QUIT") {
            open.release();
            let _ = w.write_all(b"221 bye\r\n");
            return;
        } else {
            if up.starts_with("DATA") || up.starts_with("BDAT") {
                data.lock().unwrap().push(up.clone());
            }
            b"502 5.5.2 no\r\n"
        };
        if w.write_all(reply).is_err() {
            return;
        }
    }
}

/// The binary, with `--starttls never` (the sinks offer no STARTTLS, which would be a
/// WARNING): every sink target is OK.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_smtpprobe"));
    c.args(["--starttls", "never"]);
    c
}

fn write_targets(dir: &Path, lines: &[String]) -> std::path::PathBuf {
    let path = dir.join("targets.txt");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run smtpprobe")
}

/// Each stdout line parsed as JSON.
fn records(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect()
}

/// Record count by input line.
fn by_line(records: &[serde_json::Value]) -> BTreeMap<u64, usize> {
    let mut m = BTreeMap::new();
    for r in records {
        *m.entry(r["line"].as_u64().expect("line")).or_default() += 1;
    }
    m
}

#[test]
fn jsonl_has_one_record_per_target_line_with_invalid_lines_reported() {
    let a = Sink::start("127.0.13.1", Duration::ZERO);
    let b = Sink::start("127.0.13.2", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec!["# customers".to_owned(), String::new()];
    for i in 0..12 {
        lines.push(if i % 2 == 0 { a.target() } else { b.target() });
    }
    lines.push("not a target!".into());
    lines.push(format!("  {}  ", a.target()));
    let file = write_targets(dir.path(), &lines);
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "--max-time",
        "5",
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs = records(&stdout);
    // Lines 3..=14 are targets, 15 is invalid, 16 a target with spaces around it.
    let expected: BTreeMap<u64, usize> = (3..=16).map(|l| (l, 1)).collect();
    assert_eq!(by_line(&recs), expected);
    for r in &recs {
        // The --json schema, compact, plus line.
        assert_eq!(r["schema"], 1);
        assert!(r["servers"].is_array() && r["dns"].is_object(), "{r}");
        let line = r["line"].as_u64().unwrap();
        if line == 15 {
            assert_eq!(r["target"], "not a target!");
            assert_eq!(r["status"], "unknown");
            let summary = r["summary"].as_str().unwrap();
            assert!(
                summary.contains("input line 15 is not a target"),
                "{summary}"
            );
        } else {
            assert_eq!(r["status"], "ok", "{r}");
            assert_eq!(
                r["target"],
                lines[usize::try_from(line).unwrap() - 1].trim()
            );
        }
    }
    // The worst status over all records: UNKNOWN (3) from the invalid line.
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("14 targets: 13 OK, 0 WARNING, 0 CRITICAL, 1 UNKNOWN"),
        "{stderr}"
    );
    assert!(stderr.contains("slowest:"), "{stderr}");
    assert_eq!(a.connections.load(Ordering::SeqCst), 7);
    assert_eq!(b.connections.load(Ordering::SeqCst), 6);
}

#[test]
fn records_stream_as_each_target_finishes() {
    let slow = Sink::start("127.0.13.3", Duration::from_secs(3));
    let fast = Sink::start("127.0.13.4", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &[slow.target(), fast.target()]);
    let started = Instant::now();
    let mut child = bin()
        .args(["--targets", file.to_str().unwrap(), "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let first_at = started.elapsed();
    let r: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(r["line"], 2, "the fast target first: {first}");
    assert!(first_at < Duration::from_secs(2), "{first_at:?}");
    let mut second = String::new();
    out.read_line(&mut second).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&second).unwrap()["line"],
        1
    );
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn one_connection_at_a_time_per_address_by_default() {
    let sink = Sink::start("127.0.13.5", Duration::from_millis(50));
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &vec![sink.target(); 8]);
    let out = run(&["--targets", file.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(sink.connections.load(Ordering::SeqCst), 8);
    assert_eq!(sink.most_open.load(Ordering::SeqCst), 1);

    let wide = Sink::start("127.0.13.6", Duration::from_millis(200));
    let file = write_targets(dir.path(), &vec![wide.target(); 8]);
    let out = run(&["--targets", file.to_str().unwrap(), "-q", "--per-ip", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let most = wide.most_open.load(Ordering::SeqCst);
    assert!((2..=3).contains(&most), "{most} at once");
}

#[test]
fn rate_limits_new_connections_over_the_run() {
    let a = Sink::start("127.0.13.7", Duration::ZERO);
    let b = Sink::start("127.0.13.8", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..6)
        .map(|i| if i % 2 == 0 { a.target() } else { b.target() })
        .collect();
    let file = write_targets(dir.path(), &lines);
    let started = Instant::now();
    let out = run(&["--targets", file.to_str().unwrap(), "-q", "--rate", "10"]);
    assert_eq!(out.status.code(), Some(0));
    // Six connections at 10/s: the last starts 0.5 s after the first.
    assert!(started.elapsed() >= Duration::from_millis(500));
}

#[test]
fn human_is_one_line_per_target_and_prometheus_one_textfile() {
    let a = Sink::start("127.0.13.9", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(
        dir.path(),
        &[a.target(), "127.0.13.9:1".into(), "bad target".into()],
    );
    let out = run(&["--targets", file.to_str().unwrap(), "--max-time", "5"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    let line1 = stdout.lines().find(|l| l.starts_with("line 1 ")).unwrap();
    assert!(
        line1.contains("OK") && line1.contains(&a.target()),
        "{line1}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("line 2  CRITICAL")),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(2));

    let prom = dir.path().join("smtp.prom");
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "prometheus",
        "--output",
        prom.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let text = std::fs::read_to_string(&prom).unwrap();
    let helps: Vec<&str> = text.lines().filter(|l| l.starts_with("# HELP")).collect();
    let unique: BTreeSet<&str> = helps.iter().copied().collect();
    assert_eq!(helps.len(), unique.len(), "duplicate HELP: {text}");
    let status: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("smtpprobe_status{"))
        .collect();
    assert_eq!(status.len(), 3, "{text}");
    assert!(text.contains(&format!("smtpprobe_status{{target=\"{}\"}} 0", a.target())));
    assert!(text.contains("smtpprobe_status{target=\"bad target\"} 3"));
}

#[test]
fn nagios_and_json_are_refused_in_bulk_mode() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &["127.0.0.1:1".into()]);
    for format in [["--format", "nagios"], ["--format", "json"]] {
        let out = run(&["--targets", file.to_str().unwrap(), format[0], format[1]]);
        assert_eq!(out.status.code(), Some(3));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--format jsonl"), "{err}");
    }
    let out = run(&["--targets", "/nonexistent/targets.txt"]);
    assert_eq!(out.status.code(), Some(3));
    let out = run(&["example.com", "--targets", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let out = run(&["--targets", file.to_str().unwrap(), "--shard", "4/4"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--shard"));
}

#[test]
fn targets_from_stdin_and_output_appends() {
    let a = Sink::start("127.0.13.10", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    for _ in 0..2 {
        let mut child = bin()
            .args(["--targets", "-", "--format", "jsonl", "-o"])
            .arg(&path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}\n{}", a.target(), a.target()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.is_empty());
    }
    let recs = records(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(recs.len(), 4);
}

/// Sends SIGINT to a running process (with kill(1): the crate forbids unsafe code).
fn interrupt(pid: u32) {
    let ok = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

#[test]
fn interrupted_then_resumed_gives_every_line_exactly_once() {
    let sinks: Vec<Sink> = (11..15)
        .map(|i| Sink::start(&format!("127.0.13.{i}"), Duration::from_millis(150)))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec!["# fleet".to_owned()];
    for i in 0..40 {
        lines.push(sinks[i % sinks.len()].target());
        if i == 20 {
            lines.push("not valid!".into());
        }
    }
    let file = write_targets(dir.path(), &lines);
    let out = dir.path().join("out.jsonl");
    let args = |resume: bool| {
        let mut a = vec![
            "--targets".to_owned(),
            file.to_str().unwrap().to_owned(),
            "--format".into(),
            "jsonl".into(),
            "-o".into(),
            out.to_str().unwrap().to_owned(),
            "-j".into(),
            "4".into(),
        ];
        if resume {
            a.extend(["--resume".into(), out.to_str().unwrap().to_owned()]);
        }
        a
    };
    let child = bin()
        .args(args(false))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once some records are out and others are running.
    let waited = Instant::now();
    while std::fs::read_to_string(&out).map_or(0, |t| t.lines().count()) < 6 {
        assert!(waited.elapsed() < Duration::from_secs(20), "no records");
        std::thread::sleep(Duration::from_millis(10));
    }
    interrupt(child.id());
    let first = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert_eq!(
        first.status.code(),
        Some(130),
        "cut short by SIGINT: 128 + 2"
    );
    let done = records(&std::fs::read_to_string(&out).unwrap()).len();
    assert!((6..41).contains(&done), "{done} records before the stop");

    let second = bin().args(args(true)).output().unwrap();
    let stderr = String::from_utf8(second.stderr).unwrap();
    assert!(
        stderr.contains(&format!("resumed: {done} lines")),
        "{stderr}"
    );
    let recs = records(&std::fs::read_to_string(&out).unwrap());
    let expected: BTreeMap<u64, usize> = (2..=42).map(|l| (l, 1)).collect();
    assert_eq!(by_line(&recs), expected);
    let connections: usize = sinks
        .iter()
        .map(|s| s.connections.load(Ordering::SeqCst))
        .sum();
    assert_eq!(connections, 40, "each target probed once");
}

#[test]
fn resume_after_a_kill_mid_record_redoes_the_cut_line() {
    let a = Sink::start("127.0.13.15", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &[a.target(), a.target(), a.target()]);
    let out = dir.path().join("out.jsonl");
    // An earlier run wrote line 1 whole and was killed in the middle of line 3's record.
    let whole = format!(
        "{{\"line\":1,\"target\":\"{}\",\"status\":\"ok\"}}\n",
        a.target()
    );
    std::fs::write(&out, format!("{whole}{{\"line\":3,\"target\":\"12")).unwrap();
    let o = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
        "--resume",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let recs = records(&std::fs::read_to_string(&out).unwrap());
    let expected: BTreeMap<u64, usize> = (1..=3).map(|l| (l, 1)).collect();
    assert_eq!(by_line(&recs), expected);
    assert_eq!(a.connections.load(Ordering::SeqCst), 2);
}

#[test]
fn shards_together_are_the_input_each_line_once() {
    let a = Sink::start("127.0.13.16", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    // The hash is of the text: many distinct texts (invalid ones are records too, and
    // quick), and one target repeated (its lines all fall in the same shard).
    let lines: Vec<String> = (0..30)
        .map(|i| {
            if i % 5 == 0 {
                a.target()
            } else {
                format!("bad target {i}")
            }
        })
        .collect();
    let file = write_targets(dir.path(), &lines);
    let mut seen = BTreeMap::new();
    for k in 0..3 {
        let shard = format!("{k}/3");
        let out = run(&[
            "--targets",
            file.to_str().unwrap(),
            "--format",
            "jsonl",
            "--shard",
            &shard,
            "--per-ip",
            "8",
        ]);
        for r in records(&String::from_utf8(out.stdout).unwrap()) {
            *seen.entry(r["line"].as_u64().unwrap()).or_insert(0) += 1;
        }
    }
    let expected: BTreeMap<u64, usize> = (1..=30).map(|l| (l, 1)).collect();
    assert_eq!(seen, expected);
}

#[test]
fn dedupe_servers_talks_to_each_server_once_and_says_which_results_are_shared() {
    let a = Sink::start("127.0.13.17", Duration::from_millis(30));
    let b = Sink::start("127.0.13.18", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let lines = vec![a.target(), a.target(), b.target(), a.target(), a.target()];
    let file = write_targets(dir.path(), &lines);
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "--dedupe-servers",
        "--per-ip",
        "4",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(recs.len(), 5);
    assert_eq!(a.connections.load(Ordering::SeqCst), 1);
    assert_eq!(b.connections.load(Ordering::SeqCst), 1);
    let shared = recs
        .iter()
        .filter(|r| r["servers"][0]["shared"] == true)
        .count();
    assert_eq!(shared, 3, "the first record of each server is its own");
    assert!(recs.iter().all(|r| r["status"] == "ok"));
    // Without the flag, each line is its own probe.
    let out = run(&["--targets", file.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(a.connections.load(Ordering::SeqCst), 5);
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--dedupe-servers",
        "--vrfy",
        "root",
    ]);
    assert_eq!(out.status.code(), Some(3));
}

/// A DNS server on loopback (UDP) for `*.bulk.test`: every domain's MX is `mx.bulk.test`,
/// whose A record is `ip`; counts the questions by (name, type).
struct CountingDns {
    addr: SocketAddr,
    asked: Arc<Mutex<BTreeMap<(String, String), usize>>>,
}

impl CountingDns {
    fn start(ip: std::net::Ipv4Addr) -> CountingDns {
        use hickory_proto::op::Message;
        use hickory_proto::rr::rdata::{A, MX, SOA};
        use hickory_proto::rr::{Name, RData, Record, RecordType};
        let socket = std::net::UdpSocket::bind("127.0.13.50:0").unwrap();
        let addr = socket.local_addr().unwrap();
        let asked: Arc<Mutex<BTreeMap<(String, String), usize>>> = Arc::default();
        let counts = asked.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 1500];
            let mx = Name::from_ascii("mx.bulk.test.").unwrap();
            let soa = Record::from_rdata(
                Name::from_ascii("bulk.test.").unwrap(),
                300,
                RData::SOA(SOA::new(mx.clone(), mx.clone(), 1, 3600, 600, 86400, 300)),
            );
            while let Ok((n, peer)) = socket.recv_from(&mut buf) {
                let Ok(q) = Message::from_vec(&buf[..n]) else {
                    continue;
                };
                let Some(query) = q.queries.first().cloned() else {
                    continue;
                };
                let name = query.name().to_ascii().to_ascii_lowercase();
                let kind = query.query_type();
                *counts
                    .lock()
                    .unwrap()
                    .entry((name.clone(), kind.to_string()))
                    .or_default() += 1;
                let mut r = Message::response(q.metadata.id, q.metadata.op_code);
                r.metadata.authoritative = true;
                r.metadata.recursion_desired = q.metadata.recursion_desired;
                r.metadata.recursion_available = true;
                r.add_query(query.clone());
                match kind {
                    RecordType::MX if name.ends_with(".bulk.test.") && name != "mx.bulk.test." => {
                        r.add_answer(Record::from_rdata(
                            query.name().clone(),
                            300,
                            RData::MX(MX::new(10, mx.clone())),
                        ));
                    }
                    RecordType::A if name == "mx.bulk.test." => {
                        r.add_answer(Record::from_rdata(mx.clone(), 300, RData::A(A(ip))));
                    }
                    _ => {
                        r.add_authority(soa.clone());
                    }
                }
                if let Ok(bytes) = r.to_vec() {
                    let _ = socket.send_to(&bytes, peer);
                }
            }
        });
        CountingDns { addr, asked }
    }

    fn asked(&self, name: &str, kind: &str) -> usize {
        let a = self.asked.lock().unwrap();
        a.get(&(name.to_owned(), kind.to_owned()))
            .copied()
            .unwrap_or(0)
    }
}

#[test]
fn dns_answers_are_cached_for_the_run_shared_mx_hosts_resolved_once() {
    let sink = Sink::start("127.0.13.19", Duration::ZERO);
    let dns = CountingDns::start([127, 0, 13, 19].into());
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..20).map(|i| format!("d{i}.bulk.test")).collect();
    let file = write_targets(dir.path(), &lines);
    let port = sink.addr.port().to_string();
    let resolver = dns.addr.to_string();
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "--port",
        &port,
        "--resolver",
        &resolver,
        "-4",
        "-j",
        "1",
    ]);
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(recs.len(), 20);
    assert!(recs.iter().all(|r| r["status"] == "ok"), "{recs:?}");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(sink.connections.load(Ordering::SeqCst), 20);
    assert_eq!(dns.asked("d7.bulk.test.", "MX"), 1);
    // Twenty domains, one MX host: its address was asked once for the whole run.
    assert_eq!(dns.asked("mx.bulk.test.", "A"), 1);
}

/// The directory of the binary, for scripts that call `smtpprobe` by name.
fn path_with_binary() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_smtpprobe"));
    let dir = bin.parent().unwrap().to_str().unwrap().to_owned();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

/// Input for the scale-out recipes: sink targets and distinct invalid lines (records too).
fn shard_input(dir: &Path, sink: &Sink) -> (std::path::PathBuf, usize) {
    let lines: Vec<String> = (0..24)
        .map(|i| {
            if i % 4 == 0 {
                sink.target()
            } else {
                format!("not a target {i}")
            }
        })
        .collect();
    (write_targets(dir, &lines), lines.len())
}

fn yaml_value<'a>(manifest: &'a str, key: &str) -> &'a str {
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("{key} not in the manifest"))
        .trim()
}

#[test]
fn kubernetes_indexed_job_manifest_runs_every_shard_once() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/smtpprobe-shards.yaml"),
    )
    .unwrap();
    assert_eq!(yaml_value(&manifest, "apiVersion"), "batch/v1");
    assert_eq!(yaml_value(&manifest, "kind"), "Job");
    assert_eq!(yaml_value(&manifest, "completionMode"), "Indexed");
    assert_eq!(yaml_value(&manifest, "restartPolicy"), "Never");
    let n: usize = yaml_value(&manifest, "completions").parse().unwrap();
    assert_eq!(yaml_value(&manifest, "parallelism"), n.to_string());
    let shards_at = manifest.find("name: SHARDS").expect("SHARDS env");
    let shards = yaml_value(&manifest[shards_at..], "value").trim_matches('"');
    assert_eq!(shards, n.to_string(), "completions and SHARDS differ");
    // No tab anywhere (YAML forbids them for indentation).
    assert!(!manifest.contains('\t'));
    // The shell script between the markers, as the container runs it.
    let begin = manifest.find("# begin shard script").unwrap();
    let end = manifest.find("# end shard script").unwrap();
    let script: String = manifest[begin..end]
        .lines()
        .map(|l| l.trim_start())
        .collect::<Vec<_>>()
        .join("\n");
    let sink = Sink::start("127.0.13.20", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let (targets, count) = shard_input(dir.path(), &sink);
    let results = dir.path().join("results");
    for k in 0..n {
        let status = Command::new("/bin/sh")
            .args(["-c", &script])
            .env("PATH", path_with_binary())
            .env("JOB_COMPLETION_INDEX", k.to_string())
            .env("SHARDS", shards)
            .env("TARGETS", &targets)
            .env("RESULTS", &results)
            .status()
            .unwrap();
        assert!(status.success(), "shard {k}: {status}");
    }
    let mut all = String::new();
    for k in 0..n {
        all += &std::fs::read_to_string(results.join(format!("shard-{k}.jsonl"))).unwrap();
    }
    let expected: BTreeMap<u64, usize> = (1..=count as u64).map(|l| (l, 1)).collect();
    assert_eq!(by_line(&records(&all)), expected);
}

#[test]
fn gnu_parallel_recipe_runs_every_shard_once() {
    let has_parallel = Command::new("parallel")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_parallel {
        eprintln!("GNU parallel is not installed: recipe not run (apt-get install parallel)");
        return;
    }
    let sink = Sink::start("127.0.13.21", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let (targets, count) = shard_input(dir.path(), &sink);
    // The README's recipe, with `:` (this machine) as the only ssh login.
    let recipe = format!(
        "N=3; seq 0 $((N-1)) | parallel --will-cite --sshlogin : --jobs 2 \
         \"smtpprobe --targets {} --shard {{}}/$N --format jsonl --max-time 55\" \
         > all.jsonl 2> summaries.txt",
        targets.display()
    );
    let status = Command::new("/bin/sh")
        .args(["-c", &recipe])
        .current_dir(dir.path())
        .env("PATH", path_with_binary())
        .status()
        .unwrap();
    // parallel exits with the number of failed jobs: the shards' exit codes (1 WARNING for
    // the sink without STARTTLS, 3 for the invalid lines) are results, not failures here.
    assert!(status.code().is_some(), "{status}");
    let all = std::fs::read_to_string(dir.path().join("all.jsonl")).unwrap();
    let expected: BTreeMap<u64, usize> = (1..=count as u64).map(|l| (l, 1)).collect();
    assert_eq!(by_line(&records(&all)), expected);
}

#[test]
fn open_files_limit_is_raised_for_large_runs_or_named() {
    let a = Sink::start("127.0.13.22", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &[a.target()]);
    let bin = env!("CARGO_BIN_EXE_smtpprobe");
    let sh = |limits: &str| {
        let script = format!(
            "{limits}; {bin} --starttls never --targets {} -j 1000 --format jsonl; echo \"limit after: $(ulimit -Sn)\" >&2",
            file.display()
        );
        let out = Command::new("/bin/sh")
            .args(["-c", &script])
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    // A low soft limit under a high hard one: raised quietly.
    let err = sh("ulimit -Sn 256");
    assert!(!err.contains("open-files limit"), "{err}");
    // A low hard limit: said, with what to do.
    let err = sh("ulimit -Sn 300; ulimit -Hn 300");
    assert!(
        err.contains("the open-files limit is 300, below the 2256 that -j 1000 may need"),
        "{err}"
    );
}

#[test]
fn sigterm_lets_running_targets_finish_and_exits_143() {
    let slow = Sink::start("127.0.13.23", Duration::from_millis(600));
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &vec![slow.target(); 6]);
    let child = bin()
        .args(["--targets", file.to_str().unwrap(), "--format", "jsonl"])
        .args(["--per-ip", "2", "-j", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both running targets are waiting for their greeting.
    let waited = Instant::now();
    while slow.open.load(Ordering::SeqCst) < 2 {
        assert!(waited.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(5));
    }
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143));
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    // The two that were running finished (OK), no other was started.
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs.iter().all(|r| r["status"] == "ok"));
    assert_eq!(slow.connections.load(Ordering::SeqCst), 2);
}

#[test]
fn output_to_dev_null_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_targets(dir.path(), &["127.0.0.1:1".into()]);
    let out = run(&[
        "--targets",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        "/dev/null",
        "--max-time",
        "5",
    ]);
    // CRITICAL (nothing listens on port 1), not the usage error of a file that cannot
    // be synced.
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
