//! `smtpprobe demo`: every scenario replays its recording on loopback and ends with its
//! status; the default one shows VRFY, the canary, verified STARTTLS and a 252 explained.

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("smtpprobe").expect("binary built")
}

/// The JSON report of `scenario` and the exit code.
fn demo_json(scenario: &str) -> (Value, i32) {
    let out = bin()
        .args(["demo", scenario, "--json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("runs");
    let json = serde_json::from_slice(&out.stdout).expect("a JSON report");
    (json, out.status.code().unwrap_or(-1))
}

fn finding_ids(server: &Value) -> Vec<&str> {
    server["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect()
}

fn only_loopback(json: &Value) {
    for s in json["servers"].as_array().expect("servers") {
        let a: std::net::IpAddr = s["address"].as_str().expect("address").parse().expect("ip");
        assert!(a.is_loopback(), "{a}");
    }
    assert_eq!(json["dns"]["resolver"], "in-process (demo)");
}

#[test]
fn the_default_scenario_is_postfix_with_vrfy_starttls_and_exits_ok() {
    let out = bin()
        .args(["demo", "--color", "never"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for needle in [
        "smtpprobe smtpprobe.test — OK (exit 0)",
        "C: STARTTLS",
        "OK certificate verified for mx1.smtpprobe.test",
        "C: VRFY alice",
        "S: 252 2.0.0 alice",
        "so alice exists",
        "VRFY alice → 252 OK (exists)",
        "(canary: a made-up name",
        "resolver in-process (demo)",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
    // The canary's reply names the canary the probe really sent, not the recording's.
    assert!(!text.contains("<nx-probe-canary>"), "{text}");
    assert!(!text.contains("nosuchuser"), "{text}");

    let (json, code) = demo_json("postfix-vrfy");
    assert_eq!(code, 0);
    only_loopback(&json);
    let s = &json["servers"][0];
    assert_eq!(s["tls"]["verified"], true);
    assert_eq!(s["tls"]["mode"], "starttls");
    assert_eq!(s["checks"][0]["outcome"], "exists");
    assert_eq!(finding_ids(s), ["user_disclosure"]);
}

#[test]
fn exim_252_cannot_verify_and_exits_ok() {
    let (json, code) = demo_json("exim-252");
    assert_eq!(code, 0, "{json}");
    only_loopback(&json);
    let s = &json["servers"][0];
    assert_eq!(s["checks"][0]["outcome"], "cannot_verify");
    assert_eq!(s["checks"][0]["argument"], "root@localhost");
    assert!(
        s["steps"]
            .to_string()
            .contains("Administrative prohibition")
    );
}

#[test]
fn greylisting_is_a_temporary_failure_and_a_warning() {
    let (json, code) = demo_json("greylisting");
    assert_eq!(code, 1, "{json}");
    only_loopback(&json);
    let s = &json["servers"][0];
    assert_eq!(s["checks"][0]["outcome"], "temporary_failure");
    assert!(s["steps"].to_string().contains("Greylisted"));
}

#[test]
fn an_unsolicited_221_is_critical() {
    let (json, code) = demo_json("unsolicited-221");
    assert_eq!(code, 2, "{json}");
    only_loopback(&json);
    assert_eq!(finding_ids(&json["servers"][0]), ["unsolicited_close"]);
}

#[test]
fn the_open_relay_is_found_and_critical() {
    let (json, code) = demo_json("open-relay");
    assert_eq!(code, 2, "{json}");
    only_loopback(&json);
    let s = &json["servers"][0];
    assert_eq!(s["checks"][0]["outcome"], "relayed");
    assert_eq!(s["checks"][0]["relay_test"], true);
    assert_eq!(finding_ids(s), ["open_relay"]);
}

#[test]
fn list_names_every_scenario_and_output_options_apply() {
    let out = bin().args(["demo", "--list"]).assert().code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for name in [
        "postfix-vrfy",
        "exim-252",
        "greylisting",
        "unsolicited-221",
        "open-relay",
    ] {
        assert!(text.contains(name), "{name} not in {text}");
    }
    bin()
        .args(["demo", "greylisting", "--format", "nagios"])
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with("SMTP WARNING - "));
    bin()
        .args(["demo", "open-relay", "-q"])
        .assert()
        .code(2)
        .stdout("");
    bin().args(["demo", "no-such-scenario"]).assert().code(3);
}

/// The library's scenario table agrees with what each run ends with.
#[test]
fn every_scenario_declares_the_status_it_ends_with() {
    for s in smtpprobe::demo::SCENARIOS {
        let name = smtpprobe::demo::name(s.which);
        let (_, code) = demo_json(&name);
        assert_eq!(code, s.status, "{name}");
    }
}

/// The README's first command is the demo, the second the tests (issue 14).
#[test]
fn the_readme_starts_with_the_demo_then_the_tests() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("## The two commands")
        .nth(1)
        .expect("a 'The two commands' section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(commands, ["cargo run --release -- demo", "cargo test"]);
    assert!(readme.contains("cargo install --locked --path ."));
}
