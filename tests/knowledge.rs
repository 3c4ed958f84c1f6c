//! The knowledge base and `explain` through the public API only.

mod common;

use smtpprobe::cli::{ColorChoice, ExplainArgs};
use smtpprobe::exit::Status;
use smtpprobe::explain::{self, Explanation, Recognition};
use smtpprobe::knowledge::{Context, meaning};
use smtpprobe::smtp::reply::EnhancedCode;

fn explain_json(input: &[&str], after: Option<&str>) -> (i32, Explanation) {
    let args = ExplainArgs {
        input: input.iter().map(|s| s.to_string()).collect(),
        after: after.map(str::to_string),
        json: true,
        log: None,
        color: ColorChoice::Never,
    };
    let mut out = Vec::new();
    let code = explain::run(&args, &mut out);
    let text = String::from_utf8(out).expect("UTF-8 output");
    let parsed = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (code, parsed)
}

#[test]
fn json_contract_for_a_reply_pasted_from_a_bounce() {
    let bounce = "host mx.example.net[192.0.2.1] said: 550 5.1.1 <nobody@example.net>:\n    Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)";
    let (code, ex) = explain_json(&[bounce], None);
    assert_eq!(code, 0);
    let item = &ex.items[0];
    assert_eq!(item.recognition, Recognition::Known);
    assert_eq!(
        (item.code, item.enhanced.as_deref()),
        (Some(550), Some("5.1.1"))
    );
    assert_eq!(item.context, Some(Context::Rcpt));
    let m = item
        .meaning
        .as_ref()
        .expect("meaning in the inferred context");
    assert_eq!(m.rule, "postfix_user_unknown");
    assert_eq!(m.server_hint.as_deref(), Some("Postfix"));
    assert_eq!(m.status, Status::Warning);
}

#[test]
fn exit_codes_are_documented_values() {
    assert_eq!(explain_json(&["250", "5.1.1"], None).0, 0);
    assert_eq!(explain_json(&["5.7.606"], None).0, 1);
    assert_eq!(explain_json(&["999"], None).0, 3);
    // BDAT is a context for explaining since issue 11; an unknown verb is a usage error.
    assert_eq!(explain_json(&["250"], Some("BDAT")).0, 0);
    assert_eq!(explain_json(&["250"], Some("XYZZY")).0, 3);
}

#[test]
fn meaning_is_usable_by_reports() {
    let m = meaning(Context::Vrfy, 252, EnhancedCode::parse("2.0.0"), "alice");
    assert_eq!(m.rule, "vrfy_252");
    assert_eq!(m.title, "Cannot verify, will accept");
    assert!(m.standard.contains("RFC 5321"));
}

#[test]
fn the_probes_own_steps_carry_a_reason() {
    use common::*;
    let s = FakeSmtp::start(vec![
        Step::Send("220 mx.test ESMTP Postfix (Debian/GNU)\r\n"),
        Step::Expect("EHLO", EHLO_OK),
        Step::Expect(
            "VRFY alice",
            "550 5.1.1 <alice>: Recipient address rejected: User unknown in local recipient table\r\n",
        ),
        Step::Expect(
            "VRFY nx-probe-",
            "550 5.1.1 <nx>: Recipient address rejected: User unknown in local recipient table\r\n",
        ),
        Step::Expect("QUIT", QUIT_OK),
    ]);
    let target = s.addr.to_string();
    let r = probe_with_dns(
        &[target.as_str(), "--starttls", "never", "--vrfy", "alice"],
        &FakeDns::default(),
    );
    s.finish();
    let steps = &r.servers[0].steps;
    let vrfy = steps
        .iter()
        .find(|st| st.request.as_deref() == Some("VRFY alice"))
        .expect("a VRFY step");
    let json = serde_json::to_value(vrfy).expect("serialisable step");
    assert_eq!(json["reason"], "userunknown", "{json}");
    let ehlo = steps.iter().find(|st| st.code == 250).expect("a 250 step");
    assert_eq!(
        serde_json::to_value(ehlo).expect("json")["reason"],
        serde_json::Value::Null
    );
}
