//! Timings judged against the user's thresholds: a [`ThresholdReport`] per evaluated
//! timing, a `threshold_<phase>` finding on the server concerned, and the report's status,
//! exit code and summary raised, so every output format reflects a breach.

use crate::exit::Status;
use crate::report::measure;
use crate::report::{FindingReport, Report, ThresholdReport};
use crate::thresholds::Thresholds;
use crate::vocab::FindingId;

/// Judges every timing of the report against `thresholds` and raises the report's status,
/// exit code and summary for each breach; a breach on one server also becomes a finding
/// there (id `threshold_<phase>`) and raises that server's status.
pub fn apply(report: &mut Report, thresholds: &Thresholds) {
    if thresholds.is_empty() {
        return;
    }
    let mut breaches: Vec<(Status, String)> = Vec::new();
    for m in measure::measurements(report) {
        let Some(rule) = thresholds.get(m.phase) else {
            continue;
        };
        let (status, range) = rule.evaluate(m.seconds);
        let what = match m.server {
            Some(i) => format!("{} of {}", m.name, measure::server_key(report, i)),
            None => m.name.clone(),
        };
        let message = range.map_or_else(String::new, |r| {
            format!(
                "{what} took {} s {}",
                measure::seconds_text(m.seconds),
                r.breach(m.seconds)
            )
        });
        report.thresholds.push(ThresholdReport {
            phase: m.phase,
            label: measure::label(report, &m),
            seconds: m.seconds,
            warning: rule.warning.map(|r| r.to_string()),
            critical: rule.critical.map(|r| r.to_string()),
            status,
            message: message.clone(),
        });
        if status == Status::Ok {
            continue;
        }
        if let Some(s) = m.server.and_then(|i| report.servers.get_mut(i)) {
            s.findings.push(FindingReport {
                id: FindingId::Threshold(m.phase),
                status,
                message: message.clone(),
            });
            s.status = s.status.merge(status);
        }
        breaches.push((status, message));
    }
    if breaches.is_empty() {
        return;
    }
    let worst = crate::exit::merge_all(breaches.iter().map(|b| b.0));
    // The worst breaches first: they are why the status is what it is.
    breaches.sort_by_key(|b| std::cmp::Reverse(b.0.exit_code()));
    let text = breaches
        .iter()
        .map(|b| b.1.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let before = report.status;
    report.status = before.merge(worst);
    report.exit_code = report.status.exit_code();
    report.summary = if report.status == before && before != Status::Ok && worst != before {
        format!("{}; {text}", report.summary)
    } else {
        format!("{text}; {}", report.summary)
    };
}
