//! Timing thresholds, in the monitoring-plugins range syntax: what the user asked for,
//! parsed and checked with the rest of the configuration. Parsing and evaluation are pure;
//! their effect on a report (findings, statuses, summary) is decided in `assess`.
//!
//! # Range syntax
//! From the Monitoring Plugins Development Guidelines, "Threshold and ranges":
//!
//! | range     | alert when value is…          |
//! |-----------|-------------------------------|
//! | `10`      | < 0 or > 10                   |
//! | `10:`     | < 10                          |
//! | `~:10`    | > 10                          |
//! | `10:20`   | < 10 or > 20                  |
//! | `@10:20`  | ≥ 10 and ≤ 20 (inside)        |
//!
//! Values are seconds and may have decimals (`0.5`).

use crate::echo::quoted;
use crate::exit::Status;
use crate::vocab::Phase;
use std::fmt;

/// A monitoring-plugins range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// `f64::NEG_INFINITY` for `~`.
    pub start: f64,
    /// `f64::INFINITY` when open-ended (`10:`).
    pub end: f64,
    /// `@`: alert when the value is inside the range rather than outside.
    pub inside: bool,
}

impl Range {
    /// Parses `10`, `10:`, `~:10`, `10:20`, `@10:20`.
    pub fn parse(text: &str) -> Result<Range, String> {
        let bad = |why: &str| format!("threshold {} {why}", quoted(text));
        let t = text.trim();
        let (inside, t) = match t.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let number = |s: &str| -> Result<f64, String> {
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    bad(&format!(
                        "has {} where a number of seconds belongs",
                        quoted(s)
                    ))
                })
        };
        let (start, end) = match t.split_once(':') {
            None if t.is_empty() => return Err(bad("is empty")),
            None => (0.0, number(t)?),
            Some((s, e)) => {
                let start = match s {
                    "~" => f64::NEG_INFINITY,
                    "" => 0.0,
                    s => number(s)?,
                };
                let end = if e.is_empty() {
                    f64::INFINITY
                } else {
                    number(e)?
                };
                (start, end)
            }
        };
        if start > end {
            return Err(bad("has its start above its end"));
        }
        Ok(Range { start, end, inside })
    }

    /// Whether `value` raises an alert.
    pub fn alerts(&self, value: f64) -> bool {
        let within = self.start <= value && value <= self.end;
        if self.inside { within } else { !within }
    }

    /// A plain upper bound (`10`, `0:10`, `~:10`): alert above a number, and only then.
    pub fn upper_bound(&self) -> Option<f64> {
        let from_zero = self.start == 0.0 || self.start == f64::NEG_INFINITY;
        (!self.inside && from_zero && self.end.is_finite()).then_some(self.end)
    }

    /// Why `value` breaches this range, e.g. `> 2 s`.
    pub fn breach(&self, value: f64) -> String {
        if self.inside {
            format!("within {self} s")
        } else if value > self.end {
            format!("> {} s", num(self.end))
        } else {
            format!("< {} s", num(self.start))
        }
    }
}

/// The range in plugin syntax, normalised (`0:10` is shown as `10`), for perfdata.
impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.inside {
            f.write_str("@")?;
        }
        match (self.start, self.end) {
            (s, e) if s == 0.0 && e.is_finite() => write!(f, "{}", num(e)),
            (s, e) if e.is_infinite() && s.is_infinite() => f.write_str("~:"),
            (s, e) if e.is_infinite() => write!(f, "{}:", num(s)),
            (s, e) if s.is_infinite() => write!(f, "~:{}", num(e)),
            (s, e) => write!(f, "{}:{}", num(s), num(e)),
        }
    }
}

/// A range bound as the user gave it: Rust's shortest round-trip decimal, never an exponent
/// (`0.0000001` stays `0.0000001`, which microsecond rounding would turn into `0`).
fn num(v: f64) -> String {
    format!("{v}")
}

/// The warning and critical ranges for one phase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseThreshold {
    pub phase: Phase,
    pub warning: Option<Range>,
    pub critical: Option<Range>,
}

impl PhaseThreshold {
    /// The status a timing earns, and the range it breached.
    pub fn evaluate(&self, seconds: f64) -> (Status, Option<Range>) {
        if let Some(c) = self.critical.filter(|c| c.alerts(seconds)) {
            return (Status::Critical, Some(c));
        }
        if let Some(w) = self.warning.filter(|w| w.alerts(seconds)) {
            return (Status::Warning, Some(w));
        }
        (Status::Ok, None)
    }
}

/// All thresholds of a run, at most one entry per phase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thresholds {
    pub phases: Vec<PhaseThreshold>,
}

impl Thresholds {
    /// From `-w`, `-c` (on the total time) and `--threshold PHASE=WARN[,CRIT]` specs.
    /// A later spec for the same phase replaces the parts it gives.
    pub fn from_args(
        warning: Option<&str>,
        critical: Option<&str>,
        specs: &[String],
    ) -> Result<Thresholds, String> {
        let mut t = Thresholds::default();
        let w = warning
            .map(Range::parse)
            .transpose()
            .map_err(|e| format!("-w/--warning: {e}"))?;
        let c = critical
            .map(Range::parse)
            .transpose()
            .map_err(|e| format!("-c/--critical: {e}"))?;
        t.set(Phase::Total, w, c);
        for spec in specs {
            let (phase, w, c) = parse_spec(spec).map_err(|e| format!("--threshold: {e}"))?;
            t.set(phase, w, c);
        }
        t.check_order()?;
        Ok(t)
    }

    /// A warning that is a plain upper bound above a critical plain upper bound could never
    /// fire (critical wins): refused, as `--cert-warn-days`/`--cert-crit-days` are.
    fn check_order(&self) -> Result<(), String> {
        for p in &self.phases {
            let (Some(w), Some(c)) = (p.warning, p.critical) else {
                continue;
            };
            let (Some(wb), Some(cb)) = (w.upper_bound(), c.upper_bound()) else {
                continue;
            };
            if wb > cb {
                let (what, example) = if p.phase == Phase::Total {
                    (
                        "-w/-c (the total time)".to_owned(),
                        format!("-w {} -c {}", num(cb), num(wb)),
                    )
                } else {
                    let name = p.phase.name();
                    (
                        format!("--threshold {name}"),
                        format!("--threshold {name}={},{}", num(cb), num(wb)),
                    )
                };
                return Err(format!(
                    "{what}: the warning threshold {} s is above the critical threshold {} s, so it could never fire: the warning must be the lower one (e.g. {example})",
                    num(wb),
                    num(cb)
                ));
            }
        }
        Ok(())
    }

    fn set(&mut self, phase: Phase, warning: Option<Range>, critical: Option<Range>) {
        if warning.is_none() && critical.is_none() {
            return;
        }
        match self.phases.iter_mut().find(|p| p.phase == phase) {
            Some(p) => {
                p.warning = warning.or(p.warning);
                p.critical = critical.or(p.critical);
            }
            None => self.phases.push(PhaseThreshold {
                phase,
                warning,
                critical,
            }),
        }
    }

    pub fn get(&self, phase: Phase) -> Option<&PhaseThreshold> {
        self.phases.iter().find(|p| p.phase == phase)
    }

    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
    }
}

/// Parses `PHASE=WARN[,CRIT]`; either range may be left empty (`tls=,5`).
pub fn parse_spec(spec: &str) -> Result<(Phase, Option<Range>, Option<Range>), String> {
    let (name, ranges) = spec.split_once('=').ok_or_else(|| {
        format!(
            "{} is not PHASE=WARN[,CRIT] (e.g. greeting=2,5)",
            quoted(spec)
        )
    })?;
    let phase = Phase::parse_timed(name).ok_or_else(|| {
        let names: Vec<&str> = Phase::TIMED.iter().map(|p| p.name()).collect();
        format!(
            "{} names no phase; use one of {} (helo = ehlo)",
            quoted(spec),
            names.join(", ")
        )
    })?;
    let (w, c) = match ranges.split_once(',') {
        Some((w, c)) => (w, c),
        None => (ranges, ""),
    };
    let opt = |s: &str| -> Result<Option<Range>, String> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Range::parse(s).map(Some)
        }
    };
    let (w, c) = (opt(w)?, opt(c)?);
    if w.is_none() && c.is_none() {
        return Err(format!(
            "{} gives neither a warning nor a critical range",
            quoted(spec)
        ));
    }
    Ok((phase, w, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_the_plugin_guidelines() {
        // (range, value, alerts)
        let table: &[(&str, f64, bool)] = &[
            ("10", -1.0, true),
            ("10", 0.0, false),
            ("10", 10.0, false),
            ("10", 10.001, true),
            ("10:", 9.9, true),
            ("10:", 10.0, false),
            ("10:", 1e9, false),
            ("~:10", -1e9, false),
            ("~:10", 11.0, true),
            ("10:20", 9.0, true),
            ("10:20", 15.0, false),
            ("10:20", 21.0, true),
            ("@10:20", 10.0, true),
            ("@10:20", 20.0, true),
            ("@10:20", 9.99, false),
            ("@10:20", 20.5, false),
            ("0.5", 0.51, true),
            (":2", 2.5, true),
        ];
        for (r, v, alerts) in table {
            let range = Range::parse(r).unwrap();
            assert_eq!(range.alerts(*v), *alerts, "{r} with {v}");
        }
    }

    #[test]
    fn bad_ranges_are_refused_with_the_text() {
        for bad in ["", "x", "20:10", "1e999", "NaN", "@", "~", "10::", "-"] {
            let e = Range::parse(bad).unwrap_err();
            assert!(e.contains("threshold"), "{bad}: {e}");
        }
    }

    #[test]
    fn ranges_print_normalised_for_perfdata() {
        for (input, shown) in [
            ("10", "10"),
            ("0:10", "10"),
            ("10:", "10:"),
            ("~:10", "~:10"),
            ("10:20", "10:20"),
            ("@10:20", "@10:20"),
            ("1.50", "1.5"),
            ("~:", "~:"),
            ("0.0000001", "0.0000001"),
        ] {
            assert_eq!(Range::parse(input).unwrap().to_string(), shown, "{input}");
        }
    }

    #[test]
    fn phase_specs() {
        let (p, w, c) = parse_spec("greeting=2,5").unwrap();
        assert_eq!(p, Phase::Reply(crate::smtp::Context::Greeting));
        assert_eq!(w.unwrap().end, 2.0);
        assert_eq!(c.unwrap().end, 5.0);
        let (p, w, c) = parse_spec("HELO=1").unwrap();
        assert_eq!((p, c), (Phase::Reply(crate::smtp::Context::Ehlo), None));
        assert!(w.is_some());
        let (_, w, c) = parse_spec("tls=,@1:2").unwrap();
        assert!(w.is_none() && c.unwrap().inside);
        for bad in [
            "greeting",
            "data=1,2",
            "greeting=",
            "greeting=,",
            "greeting=a,b",
        ] {
            assert!(parse_spec(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn critical_wins_over_warning() {
        let t = PhaseThreshold {
            phase: Phase::Total,
            warning: Some(Range::parse("1").unwrap()),
            critical: Some(Range::parse("2").unwrap()),
        };
        assert_eq!(t.evaluate(0.5).0, Status::Ok);
        assert_eq!(t.evaluate(1.5).0, Status::Warning);
        assert_eq!(t.evaluate(2.5).0, Status::Critical);
    }

    #[test]
    fn a_warning_above_its_critical_is_refused_for_plain_upper_bounds() {
        let args = |w: Option<&str>, c: Option<&str>, specs: &[&str]| {
            let specs: Vec<String> = specs.iter().map(|s| (*s).to_owned()).collect();
            Thresholds::from_args(w, c, &specs)
        };
        let e = args(Some("10"), Some("5"), &[]).unwrap_err();
        assert!(e.contains("-w 5 -c 10"), "{e}");
        assert!(args(Some("~:10"), Some("0:5"), &[]).is_err());
        let e = args(None, None, &["connect=3,1"]).unwrap_err();
        assert!(e.contains("--threshold connect=1,3"), "{e}");
        // Merged from two specs, or from -w and a total spec.
        assert!(args(None, None, &["tls=4", "tls=,2"]).is_err());
        assert!(args(Some("9"), None, &["total=,3"]).is_err());
        // Equal, in order, or not both plain upper bounds: allowed.
        for (w, c) in [
            ("5", "5"),
            ("5", "10"),
            ("10:", "5"),
            ("@1:10", "5"),
            ("10", "@1:2"),
            ("2:10", "5"),
        ] {
            assert!(args(Some(w), Some(c), &[]).is_ok(), "-w {w} -c {c}");
        }
    }

    #[test]
    fn long_threshold_text_is_cut_in_errors() {
        let long = "9".repeat(1000) + "x";
        let e = Range::parse(&long).unwrap_err();
        assert!(e.len() < 300 && e.contains("more characters"), "{e}");
    }

    #[test]
    fn warning_and_critical_flags_merge_with_specs() {
        let t =
            Thresholds::from_args(Some("5"), None, &["total=,10".into(), "dns=1".into()]).unwrap();
        let total = t.get(Phase::Total).unwrap();
        assert_eq!(total.warning.unwrap().to_string(), "5");
        assert_eq!(total.critical.unwrap().to_string(), "10");
        assert!(t.get(Phase::Dns).is_some());
        assert!(Thresholds::from_args(None, None, &[]).unwrap().is_empty());
        let e = Thresholds::from_args(Some("x"), None, &[]).unwrap_err();
        assert!(e.starts_with("-w/--warning"), "{e}");
    }
}
