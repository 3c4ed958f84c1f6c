//! Renderers for many targets (`--targets`): the JSONL record of one target (the `--json`
//! report, compact, plus `line`), the one-line human summary of one target, and the end
//! summary of a run (counts by status and by finding, the slowest targets) with the tally
//! it is made from. Rendering only: the caller writes where and when.

use super::Report;
use super::human::escape;
use crate::exit::Status;
use std::collections::BTreeMap;
use std::io::Write;

/// `report` as one line of compact JSON, with `line` when it came from an input file.
pub fn jsonl(report: &Report, line: Option<u64>, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    jsonl_into(report, line, &mut buf)?;
    // One write per record, so a reader never sees half a line from us.
    out.write_all(&buf)
}

/// [`jsonl`] appended to `buf` (a bulk run reuses one buffer): the report's fields with
/// `line`, the input line number (1-based, counting comments and blank lines), first.
/// Written as `{"line":N` and the report's object with its `{` made a comma: the same
/// text serde's `flatten` gives, without going through its map serializer.
pub fn jsonl_into(report: &Report, line: Option<u64>, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let Some(line) = line else {
        serde_json::to_writer(&mut *buf, report).map_err(std::io::Error::other)?;
        buf.push(b'\n');
        return Ok(());
    };
    write!(buf, "{{\"line\":{line}")?;
    let object = buf.len();
    serde_json::to_writer(&mut *buf, report).map_err(std::io::Error::other)?;
    if buf.get(object + 1) == Some(&b'}') {
        buf.remove(object);
    } else if let Some(brace) = buf.get_mut(object) {
        *brace = b',';
    }
    buf.push(b'\n');
    Ok(())
}

/// The one-line human summary of one target in bulk mode:
/// `line 12  CRITICAL  example.com  0.84 s  <summary>`.
pub fn human_line(report: &Report, line: u64, out: &mut dyn Write) -> std::io::Result<()> {
    let text = format!(
        "line {line}  {:<8}  {}  {:.2} s  {}\n",
        report.status.label(),
        escape(&report.target),
        report.elapsed_ms / 1000.0,
        escape(&report.summary)
    );
    out.write_all(text.as_bytes())
}

/// How many slowest targets the end summary names.
pub const SLOWEST: usize = 5;

/// What the end summary of a bulk run counts: bounded in size whatever the number of
/// targets (statuses, finding ids and [`SLOWEST`] entries).
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub records: u64,
    /// Records by status, in the order OK, WARNING, CRITICAL, UNKNOWN.
    pub by_status: [u64; 4],
    /// Targets with at least one finding of this id.
    pub by_finding: BTreeMap<String, u64>,
    /// Targets with at least one refusal or deferral of this bounce reason (Sisimai's
    /// names, on the probe's steps).
    pub by_reason: BTreeMap<&'static str, u64>,
    /// The slowest targets: (elapsed ms, line, target), slowest first.
    pub slowest: Vec<(f64, u64, String)>,
    /// The worst status over all records (the exit code of the run).
    pub worst: Status,
}

impl Tally {
    pub fn add(&mut self, report: &Report, line: u64) {
        self.records += 1;
        let i = usize::try_from(report.status.exit_code())
            .unwrap_or(3)
            .min(3);
        self.by_status[i] += 1;
        self.worst = self.worst.merge(report.status);
        let mut ids: Vec<String> = report
            .servers
            .iter()
            .flat_map(|s| s.findings.iter().map(|f| f.id.to_string()))
            .collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            *self.by_finding.entry(id).or_default() += 1;
        }
        let mut reasons: Vec<&'static str> = report
            .servers
            .iter()
            .flat_map(|s| s.steps.iter().filter(|st| !st.canary))
            .filter_map(|st| st.reason.map(|r| r.name()))
            .collect();
        reasons.sort_unstable();
        reasons.dedup();
        for r in reasons {
            *self.by_reason.entry(r).or_default() += 1;
        }
        let ms = report.elapsed_ms;
        if self.slowest.len() < SLOWEST || self.slowest.last().is_some_and(|s| s.0 < ms) {
            self.slowest.push((ms, line, report.target.clone()));
            self.slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
            self.slowest.truncate(SLOWEST);
        }
    }
}

/// The end summary of a bulk run, for stderr.
pub fn summary(t: &Tally, out: &mut dyn Write) -> std::io::Result<()> {
    let [ok, warning, critical, unknown] = t.by_status;
    writeln!(
        out,
        "smtpprobe: {} targets: {ok} OK, {warning} WARNING, {critical} CRITICAL, {unknown} UNKNOWN (worst {})",
        t.records,
        t.worst.label()
    )?;
    if !t.by_finding.is_empty() {
        let mut by: Vec<(&String, &u64)> = t.by_finding.iter().collect();
        by.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = by.iter().map(|(id, n)| format!("{id} {n}")).collect();
        writeln!(out, "  findings (targets): {}", list.join(", "))?;
    }
    if !t.by_reason.is_empty() {
        let mut by: Vec<(&&str, &u64)> = t.by_reason.iter().collect();
        by.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = by.iter().map(|(r, n)| format!("{r} {n}")).collect();
        writeln!(out, "  reasons (targets): {}", list.join(", "))?;
    }
    if !t.slowest.is_empty() {
        let list: Vec<String> = t
            .slowest
            .iter()
            .map(|(ms, line, target)| {
                format!("{} {:.2} s (line {line})", escape(target), ms / 1000.0)
            })
            .collect();
        writeln!(out, "  slowest: {}", list.join(", "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report as the bulk tests see it, with one step answered 550 5.1.1.
    fn sample() -> Report {
        serde_json::from_value(serde_json::json!({
            "schema": 1, "tool": "t", "target": "a.test", "status": "warning", "exit_code": 1,
            "summary": "", "dns": {"kind": "direct", "resolver": "none", "mx": [], "error": null, "elapsed_ms": 0.0},
            "servers": [{
                "host": "mx.a.test", "address": "127.0.0.1", "port": 25, "probed": true,
                "status": "warning", "helo": null, "extensions": [], "connect_ms": 0.1,
                "checks": [], "findings": [], "error": null, "elapsed_ms": 1.0, "tls": null,
                "steps": [{
                    "command": "RCPT", "request": "RCPT TO:<x@a.test>", "context": "rcpt",
                    "code": 550, "enhanced": "5.1.1", "lines": ["550 5.1.1 no"],
                    "elapsed_ms": 0.1, "meaning": "", "advice": "", "status": "warning",
                    "rule": "", "server_hint": null, "anomalies": [], "tls": false,
                    "reason": "userunknown"
                }]
            }],
            "elapsed_ms": 1.0
        }))
        .expect("report")
    }

    #[test]
    fn a_record_is_the_report_with_line_first_on_one_line() {
        let report = sample();
        let mut buf = b"earlier record\n".to_vec();
        jsonl_into(&report, Some(7), &mut buf).expect("jsonl");
        let text = String::from_utf8(buf).expect("utf-8");
        let record = text.strip_prefix("earlier record\n").expect("appended");
        assert!(record.starts_with("{\"line\":7,\"schema\":1,"), "{record}");
        assert_eq!(record.matches('\n').count(), 1);
        let mut expected = serde_json::to_value(&report).expect("value");
        expected["line"] = 7.into();
        let got: serde_json::Value = serde_json::from_str(record).expect("json");
        assert_eq!(got, expected);
        let mut bare = Vec::new();
        jsonl_into(&report, None, &mut bare).expect("jsonl");
        assert_eq!(
            bare,
            [serde_json::to_vec(&report).expect("json"), b"\n".to_vec()].concat()
        );
    }

    #[test]
    fn the_summary_counts_targets_by_bounce_reason() {
        let report = sample();
        let mut t = Tally::default();
        t.add(&report, 1);
        t.add(&report, 2);
        assert_eq!(t.by_reason.get("userunknown"), Some(&2));
        let mut out = Vec::new();
        summary(&t, &mut out).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("reasons (targets): userunknown 2"), "{text}");
    }
}
