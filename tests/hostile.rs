//! Hostile servers are normal: thousands of random conversations (random codes, garbage,
//! multi-line replies, bare LF, control bytes, early closes) through the real driver over an
//! in-memory stream, then every renderer. Nothing may panic, the probe may never send DATA
//! or BDAT, and no renderer may let a control byte or a raw `|` through where it matters.

mod common;

use common::judged;
use smtpprobe::cli::OutputFormat;
use smtpprobe::driver::{Timeouts, drive};
use smtpprobe::report::{Report, ServerReport};
use smtpprobe::smtp::command::WireArg;
use smtpprobe::smtp::session::{Plan, Session, TlsPolicy};
use smtpprobe::thresholds::Thresholds;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A small deterministic generator (no extra crate): xorshift.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const CODES: &[&str] = &[
    "220", "221", "250", "251", "252", "354", "421", "450", "451", "452", "500", "501", "502",
    "503", "504", "530", "550", "551", "553", "554", "199", "999", "2x0", "",
];
const TEXTS: &[&[u8]] = &[
    b" ok",
    b" 2.1.5 fine",
    b" 5.1.1 unknown | pipe",
    b"-continued",
    b" \x1b[31mred\x1b[0m",
    b" \xff\xfe not utf8",
    b" \x00nul",
    b"",
    b" Send some mail, I'll try my best",
    b" Administrative prohibition",
];
const ENDINGS: &[&[u8]] = &[b"\r\n", b"\n", b"\r\n"];

fn random_reply(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let lines = 1 + rng.next() % 3;
    for i in 0..lines {
        let code = rng.pick(CODES);
        out.extend_from_slice(code.as_bytes());
        let last = i + 1 == lines;
        out.push(if last { b' ' } else { b'-' });
        out.extend_from_slice(rng.pick::<&[u8]>(TEXTS));
        out.extend_from_slice(rng.pick::<&[u8]>(ENDINGS));
    }
    out
}

fn arg(s: &str) -> WireArg {
    WireArg::new(s).expect("valid test argument")
}

fn report_with(server: ServerReport) -> Report {
    let mut r: Report = serde_json::from_value(serde_json::json!({
        "schema": 1, "tool": "smtpprobe test", "target": "mx.test", "status": "ok", "exit_code": 0,
        "summary": "", "dns": {"kind": "direct", "resolver": "none", "mx": [], "error": null, "elapsed_ms": 0.0},
        "servers": [], "elapsed_ms": 1.0
    }))
    .expect("skeleton report");
    r.summary = server
        .steps
        .last()
        .map(|s| s.lines.join(" / "))
        .unwrap_or_default();
    r.servers.push(server);
    r
}

// Paused time: the in-memory stream does no real I/O, so timeouts (a reply left unfinished,
// a server gone quiet) fire at once instead of after real seconds.
#[tokio::test(start_paused = true)]
async fn random_hostile_conversations_never_panic_or_send_data() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..400 {
        let (client, server) = tokio::io::duplex(1 << 16);
        let seed = rng.next();
        let server_task = tokio::spawn(async move {
            let mut rng = Rng(seed | 1);
            let (rd, mut wr) = tokio::io::split(server);
            let mut lines = BufReader::new(rd).lines();
            let mut received = Vec::new();
            if wr.write_all(&random_reply(&mut rng)).await.is_err() {
                return received;
            }
            while let Ok(Some(line)) = lines.next_line().await {
                received.push(line);
                if rng.next().is_multiple_of(23) {
                    break; // hang up mid-conversation
                }
                if wr.write_all(&random_reply(&mut rng)).await.is_err() {
                    break;
                }
            }
            received
        });
        let plan = Plan::new(arg("probe.test"))
            .vrfy([arg("alice"), arg("bob@example.test")])
            .expn([arg("staff")])
            .rcpt([arg("carol@example.test")])
            .canary("nx-probe-canary")
            .tls(TlsPolicy::Off);
        let timeouts = Timeouts {
            connect: Duration::from_secs(1),
            reply: Duration::from_millis(200),
            deadline: Duration::from_secs(2),
        };
        let mut client = client;
        let outcome = drive(
            &mut client,
            Session::new(plan),
            timeouts,
            tokio::time::Instant::now(),
        )
        .await;
        drop(client);
        let received = server_task.await.expect("server task");
        for l in &received {
            let up = l.to_ascii_uppercase();
            assert!(
                !up.starts_with("DATA") && !up.starts_with("BDAT"),
                "round {round}: sent {l:?}"
            );
        }
        let report = report_with(judged(outcome));
        for format in [
            OutputFormat::Human,
            OutputFormat::Json,
            OutputFormat::Nagios,
            OutputFormat::Prometheus,
        ] {
            let mut out = Vec::new();
            smtpprobe::output::render(&report, format, false, &Thresholds::default(), &mut out)
                .expect("render to memory");
            let text = String::from_utf8(out).expect("renderers write UTF-8");
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "round {round}: a control character reached the {format:?} output"
            );
            if format == OutputFormat::Nagios {
                let first = text.lines().next().unwrap_or("");
                assert_eq!(
                    first.matches('|').count(),
                    1,
                    "round {round}: perfdata separator broken: {first}"
                );
            }
        }
    }
}

/// A server that accepts the connection and never says anything: the probe ends with a
/// timeout naming the greeting phase after exactly `--timeout`, in paused (virtual) time.
#[tokio::test(start_paused = true)]
async fn silent_server_times_out_at_the_reply_deadline_in_paused_time() {
    let (mut client, _server) = tokio::io::duplex(1024);
    let plan = Plan::new(arg("probe.test")).tls(TlsPolicy::Off);
    let timeouts = Timeouts {
        connect: Duration::from_secs(10),
        reply: Duration::from_secs(30),
        deadline: Duration::from_secs(120),
    };
    let start = tokio::time::Instant::now();
    let outcome = drive(&mut client, Session::new(plan), timeouts, start).await;
    let e = outcome.error.expect("a timeout");
    assert_eq!(
        (e.phase.error_name(), e.kind.as_str()),
        ("greeting", "timeout")
    );
    assert_eq!(start.elapsed(), Duration::from_secs(30));
}
