//! What the three real-server beds' tests share (`tests/real_servers.rs`,
//! `tests/real_exim.rs`, `tests/real_mtas.rs`): the bed's `env` file read from its state
//! directory (variables of the same names in the environment win), the opt-in check that
//! fails a test asked for without its bed, one run of the built binary with the bed's
//! resolver and short timeouts, the JSON contract every report keeps, and small readers of
//! the report.
//!
//! Declared by each of those files with `#[path = "common/bed.rs"] mod bed;` (not through
//! `tests/common/mod.rs`, which needs the library's types): each test binary uses part of
//! it.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::process::Command;

/// A bed's settings: its `env` file and the environment's variables of the same prefix.
pub struct Bed {
    vars: HashMap<String, String>,
    path: String,
}

impl Bed {
    /// The settings of the bed switched on by `flag` (`SMTPPROBE_REAL`, …): its state
    /// directory is `${flag}_DIR` (default `default_dir`), whose `env` file `script up`
    /// wrote; every `${flag}_*` variable of the environment wins over the file's.
    ///
    /// Panics with `not_enabled` when `flag` is unset, empty or `0`: a test that was asked
    /// for (`--ignored`) must not pass without having talked to the servers.
    pub fn load(flag: &str, default_dir: &str, script: &str, not_enabled: &str) -> Self {
        match std::env::var(flag) {
            Ok(v) if !v.is_empty() && v != "0" => {}
            _ => panic!("{not_enabled}"),
        }
        let dir = std::env::var(format!("{flag}_DIR")).unwrap_or_else(|_| default_dir.to_owned());
        let path = format!("{dir}/env");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{flag} is set but {path} cannot be read ({e}): start the servers with \
                 `{script} up` first"
            )
        });
        let mut vars: HashMap<String, String> = text
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let prefix = format!("{flag}_");
        for (k, v) in std::env::vars() {
            if k.starts_with(&prefix) {
                vars.insert(k, v);
            }
        }
        Self { vars, path }
    }

    /// The variable `k`; panics when neither the file nor the environment has it.
    pub fn get(&self, k: &str) -> String {
        self.vars
            .get(k)
            .cloned()
            .unwrap_or_else(|| panic!("{k} missing from {} and from the environment", self.path))
    }

    /// The variable `k`, empty when missing (a setting a bed from before it lacks).
    pub fn get_or_empty(&self, k: &str) -> String {
        self.vars.get(k).cloned().unwrap_or_default()
    }
}

/// One finished probe: its arguments, exit code, parsed JSON report (null without
/// `--json`), stdout and stderr.
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub json: Value,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = if self.json.is_null() {
            self.stdout.clone()
        } else {
            serde_json::to_string_pretty(&self.json).unwrap_or_default()
        };
        write!(
            f,
            "\n--- smtpprobe {} → exit {}\n{body}\n--- stderr:\n{}",
            self.args.join(" "),
            self.code,
            self.stderr
        )
    }
}

/// Runs the built binary with `args`, then `--json` when `json`, then `--resolver
/// resolver`, `--connect-timeout 3 --timeout 10 --deadline deadline`. With `json`, stdout
/// must be a JSON report that keeps the contract ([`assert_contract`]).
pub fn run(args: &[&str], json: bool, resolver: &str, deadline: &str) -> Run {
    let mut all: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    if json {
        all.push("--json".to_owned());
    }
    all.extend(
        [
            "--resolver",
            resolver,
            "--connect-timeout",
            "3",
            "--timeout",
            "10",
            "--deadline",
            deadline,
        ]
        .map(str::to_owned),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
        .args(&all)
        .env("NO_COLOR", "1")
        .output()
        .expect("the smtpprobe binary runs");
    let code = out
        .status
        .code()
        .expect("smtpprobe exited (was not killed by a signal)");
    let mut run = Run {
        args: all,
        code,
        json: Value::Null,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    if json {
        run.json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "smtpprobe {} → exit {}: stdout is not JSON ({e})\nstdout:\n{}\nstderr:\n{}",
                run.args.join(" "),
                run.code,
                run.stdout,
                run.stderr
            )
        });
        assert_contract(&run);
    }
    run
}

/// The status an exit code stands for; panics on a code outside 0..=3.
pub fn status_of(run: &Run) -> &'static str {
    match run.code {
        0 => "ok",
        1 => "warning",
        2 => "critical",
        3 => "unknown",
        other => panic!("exit code {other} is outside 0..=3 {run}"),
    }
}

/// What every JSON report keeps (docs/json.md): schema 1, `exit_code` the process's exit
/// code, `status` the one that code stands for.
pub fn assert_contract(run: &Run) {
    assert_eq!(run.json["schema"], 1, "schema {run}");
    assert_eq!(run.json["exit_code"], run.code, "exit_code field {run}");
    let status = status_of(run);
    assert_eq!(run.json["status"], status, "status matches exit code {run}");
}

/// `ADDRESS:PORT`, a direct target (no MX lookup).
pub fn target(addr: &str, port: u16) -> String {
    format!("{addr}:{port}")
}

pub fn servers(run: &Run) -> &[Value] {
    run.json["servers"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("servers is not an array {run}"))
}

pub fn steps(s: &Value) -> &[Value] {
    s["steps"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The commands sent, in order (the greeting has none).
pub fn commands(s: &Value) -> Vec<String> {
    steps(s)
        .iter()
        .filter_map(|x| x["command"].as_str().map(str::to_owned))
        .collect()
}

/// The first step is the greeting (no command), a 220.
pub fn assert_greeting_220(run: &Run, s: &Value) {
    let greeting = steps(s).first().unwrap_or_else(|| panic!("no steps {run}"));
    assert!(greeting["command"].is_null(), "greeting command {run}");
    assert_eq!(greeting["code"], 220, "greeting code {run}");
}

/// The last step is QUIT, answered 221.
pub fn assert_quit_221(run: &Run, s: &Value) {
    let last = steps(s).last().unwrap_or_else(|| panic!("no steps {run}"));
    assert_eq!(last["command"], "QUIT", "last command {run}");
    assert_eq!(last["code"], 221, "221 after QUIT {run}");
}

/// Every reply explained; never DATA or BDAT.
pub fn assert_explained_and_no_data(run: &Run, s: &Value) {
    for step in steps(s) {
        let meaning = step["meaning"].as_str().unwrap_or("");
        assert!(!meaning.is_empty(), "every reply is explained {run}");
    }
    assert!(
        !commands(s)
            .iter()
            .any(|c| c.eq_ignore_ascii_case("DATA") || c.eq_ignore_ascii_case("BDAT")),
        "DATA/BDAT sent {run}"
    );
}

/// The server's checks (none when it has no `checks` array).
pub fn checks(s: &Value) -> &[Value] {
    s["checks"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The `kind` check whose argument is `arg`.
pub fn find_check<'a>(s: &'a Value, kind: &str, arg: &str) -> Option<&'a Value> {
    checks(s)
        .iter()
        .find(|c| c["kind"] == kind && c["argument"] == arg)
}

/// The `kind` check whose argument is `arg`; fails the test when there is none.
pub fn check<'a>(run: &Run, s: &'a Value, kind: &str, arg: &str) -> &'a Value {
    find_check(s, kind, arg).unwrap_or_else(|| panic!("no {kind} check for {arg} {run}"))
}

/// The ids of the server's findings.
pub fn finding_ids(s: &Value) -> Vec<String> {
    s["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|x| x["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The strings of a JSON array (none when it is not one).
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
