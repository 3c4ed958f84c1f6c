//! Watch mode (`--watch`), rendered: one line per round (status, per-phase times, what
//! changed since the round before), and at the end min/avg/max/stddev per phase and the
//! share of failed rounds, like `ping`. The statistics are a small tally kept by the caller;
//! nothing here does I/O or reads a clock.

use super::human::escape;
use super::measure;
use super::{Report, ServerReport};
use crate::exit::Status;
use crate::smtp::Context;
use std::collections::BTreeMap;
use std::io::Write;

/// The server whose conversation a round is about: the last one probed that got a reply
/// (the one that worked, or the last one tried).
fn answering(report: &Report) -> Option<&ServerReport> {
    report
        .servers
        .iter()
        .rev()
        .find(|s| s.probed && !s.steps.is_empty())
}

fn greeting(s: &ServerReport) -> Option<(u16, String)> {
    s.steps
        .iter()
        .find(|st| st.context == Context::Greeting)
        .map(|st| (st.code, st.lines.join(" / ")))
}

/// What changed from `prev` to `cur`: the answering server, the greeting's code ("now
/// 421"), the banner text, the status, the certificate.
pub fn changes(prev: &Report, cur: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if prev.status != cur.status {
        out.push(format!(
            "now {} (was {})",
            cur.status.label(),
            prev.status.label()
        ));
    }
    let (p, c) = (answering(prev), answering(cur));
    let name = |s: &ServerReport| {
        format!(
            "{} [{}]",
            escape(&s.host),
            s.address.as_deref().unwrap_or("-")
        )
    };
    match (p, c) {
        (Some(p), Some(c)) if p.address != c.address || p.host != c.host => {
            out.push(format!("answered by {} (was {})", name(c), name(p)));
        }
        (Some(p), None) => out.push(format!("no server answered (was {})", name(p))),
        (None, Some(c)) => out.push(format!("answered by {} again", name(c))),
        _ => {}
    }
    let (pg, cg) = (p.and_then(greeting), c.and_then(greeting));
    if let (Some((pc, pt)), Some((cc, ct))) = (&pg, &cg) {
        if pc != cc {
            out.push(format!("now {cc} (was {pc})"));
        } else if pt != ct {
            out.push(format!("banner changed: \"{}\"", escape(ct)));
        }
    }
    let serial = |s: Option<&ServerReport>| {
        s.and_then(|s| s.tls.as_ref())
            .and_then(|t| t.certificates.first())
            .map(|c| (c.serial.clone(), c.not_after.clone()))
    };
    if let (Some((ps, _)), Some((cs, after))) = (serial(p), serial(c))
        && ps != cs
    {
        out.push(format!(
            "certificate renewed (serial {}, expires {})",
            escape(&cs),
            escape(&after)
        ));
    }
    out
}

/// The timings of one round by phase name, the first of each name (the answering server's
/// conversation comes after the failed ones', so a name seen twice keeps the first).
fn phases(report: &Report) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    for m in measure::measurements(report) {
        if !out.iter().any(|(n, _)| *n == m.name) {
            out.push((m.name, m.seconds));
        }
    }
    out
}

fn ms(seconds: f64) -> String {
    let ms = seconds * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// One round: `round 3  OK  dns 1.2 ms, connect 0.3 ms, …, total 4.1 ms  — banner changed`.
pub fn round_line(
    report: &Report,
    round: u64,
    changes: &[String],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let times: Vec<String> = phases(report)
        .iter()
        .map(|(n, s)| format!("{n} {}", ms(*s)))
        .collect();
    let mut line = format!(
        "round {round}  {:<8}  {}",
        report.status.label(),
        times.join(", ")
    );
    if report.status != Status::Ok {
        line.push_str("  | ");
        line.push_str(&escape(&report.summary));
    }
    if !changes.is_empty() {
        line.push_str("  — ");
        line.push_str(&changes.join("; "));
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Running statistics of one phase (Welford's method: no list of samples is kept).
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
    n: u64,
    min: f64,
    max: f64,
    mean: f64,
    m2: f64,
}

impl Stat {
    fn add(&mut self, x: f64) {
        if self.n == 0 {
            self.min = x;
            self.max = x;
        }
        self.n += 1;
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }

    /// Population standard deviation, as ping prints (mdev aside).
    fn stddev(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            (self.m2 / self.n as f64).sqrt()
        }
    }
}

/// The statistics of a watch: rounds, failed rounds (CRITICAL or UNKNOWN), the worst
/// status, and per phase min/avg/max/stddev.
#[derive(Debug, Clone, Default)]
pub struct WatchStats {
    pub rounds: u64,
    pub failed: u64,
    pub worst: Status,
    by_status: [u64; 4],
    /// Phase names in the order first seen, with their statistics.
    phases: Vec<(String, Stat)>,
    by_name: BTreeMap<String, usize>,
}

impl WatchStats {
    pub fn add(&mut self, report: &Report) {
        self.rounds += 1;
        if matches!(report.status, Status::Critical | Status::Unknown) {
            self.failed += 1;
        }
        let i = usize::try_from(report.status.exit_code())
            .unwrap_or(3)
            .min(3);
        self.by_status[i] += 1;
        self.worst = self.worst.merge(report.status);
        for (name, s) in phases(report) {
            let i = *self.by_name.entry(name.clone()).or_insert_with(|| {
                self.phases.push((name, Stat::default()));
                self.phases.len() - 1
            });
            self.phases[i].1.add(s);
        }
    }
}

/// The end of a watch: rounds, statuses, the share of failed rounds, then per phase
/// `min/avg/max/stddev` in milliseconds.
pub fn stats(target: &str, w: &WatchStats, out: &mut dyn Write) -> std::io::Result<()> {
    let [ok, warning, critical, unknown] = w.by_status;
    let share = if w.rounds == 0 {
        0.0
    } else {
        w.failed as f64 * 100.0 / w.rounds as f64
    };
    writeln!(out, "--- {} smtpprobe watch ---", escape(target))?;
    writeln!(
        out,
        "{} rounds: {ok} OK, {warning} WARNING, {critical} CRITICAL, {unknown} UNKNOWN; {share:.1}% failed (worst {})",
        w.rounds,
        w.worst.label()
    )?;
    if !w.phases.is_empty() {
        writeln!(out, "phase min/avg/max/stddev (ms):")?;
    }
    for (name, s) in &w.phases {
        writeln!(
            out,
            "  {name:<12} {:.3}/{:.3}/{:.3}/{:.3} ({} rounds)",
            s.min * 1000.0,
            s.mean * 1000.0,
            s.max * 1000.0,
            s.stddev() * 1000.0,
            s.n
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welford_matches_the_textbook_formulas() {
        let mut s = Stat::default();
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            s.add(x);
        }
        assert_eq!((s.n, s.min, s.max), (8, 2.0, 9.0));
        assert!((s.mean - 5.0).abs() < 1e-12);
        assert!((s.stddev() - 2.0).abs() < 1e-12);
    }
}
