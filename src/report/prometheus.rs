//! The Prometheus renderer: the text exposition format (version 0.0.4) as node_exporter's
//! textfile collector reads it. Write it with `--output FILE.prom`, which replaces the file
//! atomically.
//!
//! Families (each with one HELP and one TYPE line, its samples together):
//! - `smtpprobe_status{target}`: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the exit code).
//! - `smtpprobe_up{target,host,address,port}`: 1 when that server completed the conversation
//!   without a failure of the probe and is not CRITICAL/UNKNOWN.
//! - `smtpprobe_server_status{target,host,address,port}`: the server's own status, 0–3.
//! - `smtpprobe_phase_duration_seconds{target,[host,address,port,]phase}`: every timing,
//!   the same phases as the nagios perfdata (`dns` and `total` carry no server labels).
//! - `smtpprobe_reply_code{target,host,address,port,command}`: the code of each reply;
//!   `command` is the step (`greeting`, `ehlo`, `ehlo_tls`, `vrfy_2`…), unique per server.
//! - `smtpprobe_tls_certificate_expiry_timestamp_seconds{…}`: the leaf certificate's
//!   notAfter, when TLS facts exist.
//! - `smtpprobe_finding{target,host,address,port,id}`: one sample per finding on a server
//!   (`protocol_violation`, `starttls_missing`, …), its value the finding's status 0–3.
//! - `smtpprobe_dane_verified{target,host,address,port}`: 1 when a secure TLSA record
//!   authenticated the chain, 0 when DANE applies and none did (absent otherwise).
//! - `smtpprobe_mta_sts_mode{target}`: 0 no MTA-STS policy (or mode none), 1 testing,
//!   2 enforce (domain targets, unless `--policy ignore`).
//! - `smtpprobe_mta_sts_max_age_seconds{target}`: the policy's max_age.
//! - `smtpprobe_mta_sts_host_certificate_expiry_timestamp_seconds{target}`: notAfter of the
//!   policy host's certificate.
//! - `smtpprobe_policy_finding{target,id}`: the policy findings (`mta_sts_*`, `tls_rpt_*`,
//!   `dane_required`, `mx_dnssec_bogus`), the value their status 0–3.
//!
//! Many reports (bulk mode) go in one file through [`Textfile`]: each family once.
//!
//! Label values are escaped (`\\`, `\"`, `\n`), so no server text can end a line or a label;
//! other control and bidi characters (see [`super::human::is_unsafe`]) appear as the human
//! report's escape text (`\x9b`, `\u{202e}`), since the format has no escape of its own for
//! them.

use super::Report;
use super::human::{escape, is_unsafe};
use super::measure::{self, Measurement};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write;

/// Escapes a label value per the exposition format: backslash, double quote, line feed.
/// Any other control or bidi character becomes the text of its human escape (`\x9b`),
/// whose backslash is escaped in turn, so the value reads `\x9b` once parsed.
pub fn escape_label_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if is_unsafe(c) => {
                out.push_str(&escape(c.encode_utf8(&mut [0; 4])).replace('\\', "\\\\"))
            }
            c => out.push(c),
        }
    }
    out
}

/// One metric family being written: header once, then samples, unique per label set.
struct Family {
    name: &'static str,
    help: &'static str,
    /// Sample lines not yet taken: a whole textfile's, or in bulk mode one report's (see
    /// [`Textfile::take`]).
    text: String,
    /// The label sets of the report being added. Samples of different targets cannot
    /// collide (each has its `target` label), so this is cleared for each report.
    seen: HashSet<String>,
}

impl Family {
    fn new(name: &'static str, help: &'static str) -> Family {
        Family {
            name,
            help,
            text: String::new(),
            seen: HashSet::new(),
        }
    }

    fn sample(&mut self, labels: &[(&str, &str)], value: &str) {
        let mut l = String::new();
        for (i, (k, v)) in labels.iter().enumerate() {
            if i > 0 {
                l.push(',');
            }
            let _ = write!(l, "{k}=\"{}\"", escape_label_value(v));
        }
        // The same label set twice would make the file invalid; the first one wins.
        if !self.seen.contains(&l) {
            let _ = writeln!(self.text, "{}{{{l}}} {value}", self.name);
            self.seen.insert(l);
        }
    }

    fn header(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "# HELP {} {}", self.name, self.help)?;
        writeln!(out, "# TYPE {} gauge", self.name)
    }

    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.text.is_empty() {
            return Ok(());
        }
        self.header(out)?;
        out.write_all(self.text.as_bytes())
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut file = Textfile::new();
    file.add(report);
    file.write(out)
}

/// One textfile for any number of reports (bulk mode): every family's HELP and TYPE once,
/// its samples from all targets together, as the exposition format requires. Held here,
/// the samples grow with the reports; a caller that keeps them elsewhere (bulk mode
/// spills them to files) takes them after each report with [`Textfile::take`], and then
/// only one 16-byte hash per target stays here.
pub struct Textfile {
    status: Family,
    up: Family,
    server_status: Family,
    duration: Family,
    code: Family,
    expiry: Family,
    finding: Family,
    dane: Family,
    sts_mode: Family,
    sts_age: Family,
    sts_host_expiry: Family,
    policy_finding: Family,
    /// The targets added (a hash of each): a target given twice keeps its first samples.
    targets: HashSet<(u64, u64)>,
}

/// The number of metric families of a textfile.
pub const FAMILIES: usize = 12;

impl Default for Textfile {
    fn default() -> Self {
        Textfile::new()
    }
}

impl Textfile {
    pub fn new() -> Textfile {
        Textfile {
            status: Family::new(
                "smtpprobe_status",
                "Overall status of the probe: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the exit code).",
            ),
            up: Family::new(
                "smtpprobe_up",
                "Whether the server completed the SMTP conversation and is neither CRITICAL nor UNKNOWN.",
            ),
            server_status: Family::new(
                "smtpprobe_server_status",
                "Status of one server: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
            ),
            duration: Family::new(
                "smtpprobe_phase_duration_seconds",
                "Duration of each phase of the probe in seconds.",
            ),
            code: Family::new(
                "smtpprobe_reply_code",
                "SMTP reply code the server gave to each step.",
            ),
            expiry: Family::new(
                "smtpprobe_tls_certificate_expiry_timestamp_seconds",
                "Expiry (notAfter) of the server's TLS certificate as a Unix timestamp.",
            ),
            finding: Family::new(
                "smtpprobe_finding",
                "Findings on each server, by id; the value is the finding's status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).",
            ),
            dane: Family::new(
                "smtpprobe_dane_verified",
                "1 when a DNSSEC-secure TLSA record authenticated the server's certificate chain (DANE), 0 when TLSA records apply and none did; absent when DANE does not apply.",
            ),
            sts_mode: Family::new(
                "smtpprobe_mta_sts_mode",
                "MTA-STS policy mode: 0 no policy (or mode none), 1 testing, 2 enforce.",
            ),
            sts_age: Family::new(
                "smtpprobe_mta_sts_max_age_seconds",
                "max_age of the MTA-STS policy in seconds.",
            ),
            sts_host_expiry: Family::new(
                "smtpprobe_mta_sts_host_certificate_expiry_timestamp_seconds",
                "Expiry (notAfter) of the MTA-STS policy host's certificate as a Unix timestamp.",
            ),
            policy_finding: Family::new(
                "smtpprobe_policy_finding",
                "Findings on the domain's transport-security policies, by id; the value is the finding's status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).",
            ),
            targets: HashSet::new(),
        }
    }

    fn families(&self) -> [&Family; FAMILIES] {
        [
            &self.status,
            &self.up,
            &self.server_status,
            &self.duration,
            &self.code,
            &self.expiry,
            &self.finding,
            &self.dane,
            &self.sts_mode,
            &self.sts_age,
            &self.sts_host_expiry,
            &self.policy_finding,
        ]
    }

    fn families_mut(&mut self) -> [&mut Family; FAMILIES] {
        [
            &mut self.status,
            &mut self.up,
            &mut self.server_status,
            &mut self.duration,
            &mut self.code,
            &mut self.expiry,
            &mut self.finding,
            &mut self.dane,
            &mut self.sts_mode,
            &mut self.sts_age,
            &mut self.sts_host_expiry,
            &mut self.policy_finding,
        ]
    }

    /// Adds one report's samples (a target already added keeps its first samples).
    pub fn add(&mut self, report: &Report) {
        let target = report.target.as_str();
        if !self.targets.insert(target_hash(target)) {
            return;
        }
        for f in self.families_mut() {
            f.seen.clear();
        }
        self.status.sample(
            &[("target", target)],
            &report.status.exit_code().to_string(),
        );
        let port_text: Vec<String> = report.servers.iter().map(|s| s.port.to_string()).collect();
        let server_labels = |i: usize| -> Vec<(&str, &str)> {
            let s = &report.servers[i];
            vec![
                ("target", target),
                ("host", s.host.as_str()),
                ("address", s.address.as_deref().unwrap_or("")),
                ("port", port_text[i].as_str()),
            ]
        };
        for (i, s) in report.servers.iter().enumerate().filter(|(_, s)| s.probed) {
            let labels = server_labels(i);
            let is_up = s.error.is_none()
                && !s.steps.is_empty()
                && matches!(
                    s.status,
                    crate::exit::Status::Ok | crate::exit::Status::Warning
                );
            self.up.sample(&labels, if is_up { "1" } else { "0" });
            self.server_status
                .sample(&labels, &s.status.exit_code().to_string());
            if let Some(t) = measure::tls_facts(s).and_then(|t| t.certificate_not_after) {
                self.expiry.sample(&labels, &t.to_string());
            }
            findings(&mut self.finding, &labels, s);
            if let Some(v) = dane_verified(s) {
                self.dane.sample(&labels, v);
            }
        }
        if let Some(p) = &report.policy {
            self.policy(target, p);
        }
        for m in measure::measurements(report) {
            let Measurement {
                server,
                step,
                name,
                seconds,
                ..
            } = &m;
            let mut labels = match server {
                Some(i) => server_labels(*i),
                None => vec![("target", target)],
            };
            labels.push(("phase", name.as_str()));
            self.duration
                .sample(&labels, &measure::seconds_text(*seconds));
            // The reply code of the same step, named like its timing.
            if let (Some(i), Some(j)) = (server, step)
                && let Some(st) = report.servers[*i].steps.get(*j)
            {
                labels.pop();
                labels.push(("command", name.as_str()));
                self.code.sample(&labels, &st.code.to_string());
            }
        }
    }

    /// The MTA-STS mode, max_age and policy host certificate expiry, and the policy findings.
    fn policy(&mut self, target: &str, p: &super::policy::PolicyReport) {
        let t = [("target", target)];
        let pol = p.mta_sts.policy.as_ref();
        self.sts_mode.sample(
            &t,
            &crate::vocab::StsMode::gauge(pol.map(|p| p.mode)).to_string(),
        );
        if let Some(pol) = pol {
            self.sts_age.sample(&t, &pol.max_age.to_string());
        }
        if let Some(at) = p
            .mta_sts
            .fetch
            .as_ref()
            .and_then(|f| f.certificate_not_after_unix)
        {
            self.sts_host_expiry.sample(&t, &at.to_string());
        }
        for f in &p.mta_sts.findings {
            let id = f.id.to_string();
            let worst = p
                .mta_sts
                .findings
                .iter()
                .filter(|g| g.id == f.id)
                .map(|g| g.status)
                .fold(f.status, crate::exit::Status::merge);
            self.policy_finding.sample(
                &[("target", target), ("id", id.as_str())],
                &worst.exit_code().to_string(),
            );
        }
    }

    /// The textfile: each family with samples, HELP and TYPE first.
    pub fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for f in self.families() {
            f.write(out)?;
        }
        Ok(())
    }

    /// Hands over the sample lines added since the last call, family by family (its index
    /// below [`FAMILIES`] and the lines), and forgets them: whoever keeps them writes each
    /// family at the end with [`Textfile::header`] first.
    pub fn take(
        &mut self,
        mut each: impl FnMut(usize, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        for (i, f) in self.families_mut().into_iter().enumerate() {
            if !f.text.is_empty() {
                each(i, f.text.as_bytes())?;
                f.text.clear();
            }
        }
        Ok(())
    }

    /// The HELP and TYPE lines of family `i` (as numbered by [`Textfile::take`]).
    pub fn header(&self, i: usize, out: &mut dyn Write) -> std::io::Result<()> {
        match self.families().get(i) {
            Some(f) => f.header(out),
            None => Ok(()),
        }
    }
}

/// Two independent 64-bit hashes of a target's text: a set of them tells the targets
/// apart without keeping the texts (a collision among a billion targets has a chance
/// far below 10⁻¹⁸).
fn target_hash(target: &str) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let mut a = std::hash::DefaultHasher::new();
    target.hash(&mut a);
    let mut b = std::hash::DefaultHasher::new();
    (0x5eed_u16, target).hash(&mut b);
    (a.finish(), b.finish())
}

/// `smtpprobe_dane_verified` of a server: 1 authenticated, 0 DANE applies and did not
/// authenticate, `None` when DANE does not apply.
fn dane_verified(s: &super::ServerReport) -> Option<&'static str> {
    use crate::vocab::DaneOutcome as O;
    match s.dane.as_ref()?.outcome {
        O::DaneVerified => Some("1"),
        O::DaneMismatch | O::DaneNoStarttls | O::Bogus | O::DaneUnusable => Some("0"),
        _ => None,
    }
}

/// One sample per finding id on a server, the worst status of that id (samples are
/// unique per label set).
fn findings(family: &mut Family, labels: &[(&str, &str)], s: &super::ServerReport) {
    for f in &s.findings {
        let id = f.id.to_string();
        let mut with_id = labels.to_vec();
        with_id.push(("id", id.as_str()));
        let worst = s
            .findings
            .iter()
            .filter(|g| g.id == f.id)
            .map(|g| g.status)
            .fold(f.status, crate::exit::Status::merge);
        family.sample(&with_id, &worst.exit_code().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_escape_backslash_quote_newline() {
        assert_eq!(
            escape_label_value("a\\b\"c\nd|e"),
            "a\\\\b\\\"c\\nd|e".to_owned()
        );
    }

    #[test]
    fn label_values_show_other_controls_and_bidi_as_escape_text() {
        assert_eq!(
            escape_label_value("a\u{9b}b\u{202e}c\rd\u{61c}"),
            "a\\\\x9bb\\\\u{202e}c\\\\x0dd\\\\u{61c}"
        );
    }

    #[test]
    fn taken_samples_leave_one_header_per_family_and_a_repeated_target_out() {
        let mut report: Report =
            serde_json::from_str(include_str!("../../fixtures/reports/domain-ok.json")).unwrap();
        let mut file = Textfile::new();
        let mut whole = Textfile::new();
        let mut kept: Vec<Vec<u8>> = vec![vec![]; FAMILIES];
        for target in ["a.test", "b.test", "a.test"] {
            report.target = target.into();
            file.add(&report);
            whole.add(&report);
            file.take(|i, lines| {
                kept[i].extend_from_slice(lines);
                Ok(())
            })
            .unwrap();
        }
        let mut streamed = Vec::new();
        for (i, lines) in kept.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            file.header(i, &mut streamed).unwrap();
            streamed.extend_from_slice(lines);
        }
        let mut held = Vec::new();
        whole.write(&mut held).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(held.clone()).unwrap()
        );
        let text = String::from_utf8(held).unwrap();
        assert_eq!(text.matches("smtpprobe_status{").count(), 2, "{text}");
        assert_eq!(text.matches("# HELP smtpprobe_status ").count(), 1);
    }

    #[test]
    fn duplicate_label_sets_are_written_once() {
        let mut f = Family::new("x_y", "help");
        f.sample(&[("a", "1")], "1");
        f.sample(&[("a", "1")], "2");
        let mut out = Vec::new();
        f.write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# HELP x_y help\n# TYPE x_y gauge\nx_y{a=\"1\"} 1\n"
        );
    }
}
