//! Accuracy of `explain` on the corpus of real reply, bounce and log lines
//! (`fixtures/bounces/corpus.tsv`, collected from public sources for issue 11; format in
//! `fixtures/bounces/README.md`): every line through explain's JSON model, each field
//! compared with the expected value, accuracy per field printed and held to thresholds.
//! The held-out sets (`heldout-dev.tsv`, `heldout-test.tsv`, same format) are measured the
//! same way and printed, without thresholds.
//!
//! Skipped, with a message, when the corpus is absent. `BOUNCES_SHOW=1` prints every
//! mismatch of the corpus and dev; `BOUNCES_SHOW=corpus`, `=dev`, `=test` one set only; `=all` corpus, dev and test;
//! `=v7`, `=v10`, `=v11` the training sets of those rounds; `=v6tune`, `=v8tune`, `=v9tune` the odd halves.

#[path = "common/labelled.rs"]
mod labelled;

use labelled::{item, json_name};
use smtpprobe::explain::explain;
use std::path::Path;

const CORPUS: &str = "fixtures/bounces/corpus.tsv";

/// The values of `BOUNCES_SHOW`: the sets whose mismatches may be looked at (tuned on).
const SHOWN: &[&str] = &[
    "1", "corpus", "dev", "all", "test", "blind", "docs", "mta", "v7", "v6tune", "v8tune",
    "v9tune", "v10", "v11", "v15", "v18", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27",
    "v28", "v29", "v30", "v31", "v32", "v34", "v35", "v36", "v37", "v38", "v39", "v40", "v41",
    "v42", "v43", "v44", "v45", "v46", "v47", "v48", "v49", "v50", "v51", "v52", "v53", "v54",
];

/// Thresholds, in percent. The goals: reason ≥ 90, context ≥ 95 of the lines that
/// state it, provider ≥ 90 of the provider lines with none wrongly claimed, code and
/// enhanced code for every line. The knowledge base was tuned on this corpus (it measures
/// 100/100/100/99.6/100/100 at the time of writing), so the floors sit a little below
/// that, to catch regressions while leaving room for corrections to the corpus; lines
/// never seen while tuning are the honest measure (`src/explain/real_lines.rs`).
const MIN_CODE: f64 = 99.0;
const MIN_ENHANCED: f64 = 99.0;
const MIN_CONTEXT: f64 = 97.0;
const MIN_REASON: f64 = 95.0;
const MIN_BOUNCE: f64 = 95.0;
const MIN_PROVIDER: f64 = 95.0;

const REASONS: &[&str] = &[
    "authfailure",
    "badreputation",
    "blocked",
    "contenterror",
    "delivered",
    "emailtoolarge",
    "expired",
    "failedstarttls",
    "feedback",
    "filtered",
    "hasmoved",
    "hostunknown",
    "mailboxfull",
    "mailererror",
    "networkerror",
    "norelaying",
    "notaccept",
    "notcompliantrfc",
    "onhold",
    "policyviolation",
    "ratelimited",
    "rejected",
    "requireptr",
    "securityerror",
    "spamdetected",
    "suppressed",
    "suspend",
    "syntaxerror",
    "systemerror",
    "systemfull",
    "undefined",
    "userunknown",
    "vacation",
    "virusdetected",
    "greylisting",
];
const PROVIDERS: &[&str] = &[
    "google",
    "microsoft",
    "yahoo",
    "apple",
    "proofpoint",
    "mimecast",
    "barracuda",
    "gmx",
    "t-online",
    "orange",
    "zoho",
    "bluewin",
    "spamhaus",
    "spamcop",
];
const CONTEXTS: &[&str] = &[
    "greeting",
    "ehlo",
    "helo",
    "mail",
    "rcpt",
    "data",
    "end_of_data",
    "vrfy",
    "expn",
    "rset",
    "quit",
    "starttls",
    "auth",
    "bdat",
];

struct Record {
    line: usize,
    text: String,
    code: Option<String>,
    enhanced: Option<String>,
    context: Option<String>,
    reason: Option<String>,
    bounce: Option<String>,
    provider: Option<String>,
}

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

fn read(path: &Path) -> Vec<Record> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut out = Vec::new();
    for (i, l) in data.lines().enumerate().skip(1) {
        if l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 8, "line {}: 8 tab-separated fields", i + 1);
        let r = Record {
            line: i + 1,
            text: f[0].replace("\\n", "\n"),
            code: opt(f[1]),
            enhanced: opt(f[2]),
            context: opt(f[3]),
            reason: opt(f[4]),
            bounce: opt(f[5]),
            provider: opt(f[6]),
        };
        // The closed lists, exactly.
        assert!(
            r.reason.as_deref().is_some_and(|x| REASONS.contains(&x)),
            "line {}: reason {:?}",
            r.line,
            r.reason
        );
        assert!(
            r.provider.as_deref().is_none_or(|x| PROVIDERS.contains(&x)),
            "line {}: provider {:?}",
            r.line,
            r.provider
        );
        assert!(
            r.context.as_deref().is_none_or(|x| CONTEXTS.contains(&x)),
            "line {}: context {:?}",
            r.line,
            r.context
        );
        assert!(
            r.bounce
                .as_deref()
                .is_none_or(|x| x == "hard" || x == "soft"),
            "line {}: bounce",
            r.line
        );
        out.push(r);
    }
    out
}

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }
    fn pct(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.right as f64 / self.total as f64
        }
    }
}

/// Per-field accuracy of `explain` on one file of records.
#[derive(Default)]
struct Accuracy {
    lines: usize,
    code: Tally,
    enhanced: Tally,
    context: Tally,
    reason: Tally,
    bounce: Tally,
    provider: Tally,
    /// Lines where a provider was named that the record does not have.
    wrong_provider: Vec<usize>,
    /// Lines `explain` gave no reason at all (each also a reason miss).
    no_reason: usize,
}

impl Accuracy {
    /// The fields in report order, each with its tally.
    fn fields(&self) -> [(&'static str, &Tally); 6] {
        [
            ("code", &self.code),
            ("enhanced", &self.enhanced),
            ("context (lines that state it)", &self.context),
            ("reason", &self.reason),
            ("bounce", &self.bounce),
            ("provider (provider lines)", &self.provider),
        ]
    }

    /// The per-field totals; with `lines`, also the line numbers of wrongly claimed
    /// providers (left out for a blind set).
    fn print(&self, name: &str, lines: bool) {
        eprintln!("{name}: {} lines", self.lines);
        for (field, t) in self.fields() {
            eprintln!("  {field:32} {:4}/{:<4} {:5.1}%", t.right, t.total, t.pct());
        }
        let which = if lines {
            format!(" {:?}", self.wrong_provider)
        } else {
            String::new()
        };
        eprintln!(
            "  provider wrongly claimed: {}{which}",
            self.wrong_provider.len()
        );
        eprintln!("  no reason given: {}", self.no_reason);
    }
}

/// Every record of `path` through explain, compared field by field. With `show`, each
/// mismatch is printed (line, field, got != expected, the text).
fn measure(path: &Path, show: bool) -> Accuracy {
    measure_where(path, show, |_| true)
}

/// [`measure`] on the records `keep` selects.
fn measure_where(path: &Path, show: bool, keep: fn(&Record) -> bool) -> Accuracy {
    let records: Vec<Record> = read(path).into_iter().filter(keep).collect();
    let mut acc = Accuracy {
        lines: records.len(),
        ..Accuracy::default()
    };
    for r in &records {
        let ex = explain(std::slice::from_ref(&r.text), None);
        let Some(it) = item(&ex) else {
            panic!("{path:?} line {}: no item at all", r.line);
        };
        let got_code = it.code.map(|c| c.to_string());
        let got_ctx = it.context.map(|c| c.name().to_string());
        let got_reason = json_name(&it.reason);
        let got_bounce = json_name(&it.bounce);
        let got_provider = it.provider.clone();
        acc.code.add(got_code == r.code);
        acc.enhanced.add(it.enhanced == r.enhanced);
        if r.context.is_some() {
            acc.context.add(got_ctx == r.context);
        }
        acc.reason.add(got_reason == r.reason);
        acc.no_reason += usize::from(got_reason.is_none());
        acc.bounce.add(got_bounce == r.bounce);
        if r.provider.is_some() {
            acc.provider.add(got_provider == r.provider);
        }
        if got_provider.is_some() && got_provider != r.provider {
            acc.wrong_provider.push(r.line);
        }
        if show {
            let mut diffs = Vec::new();
            for (name, got, want) in [
                ("code", &got_code, &r.code),
                ("enhanced", &it.enhanced, &r.enhanced),
                ("reason", &got_reason, &r.reason),
                ("bounce", &got_bounce, &r.bounce),
                ("provider", &got_provider, &r.provider),
            ] {
                if got != want {
                    diffs.push(format!("{name} {got:?} != {want:?}"));
                }
            }
            if r.context.is_some() && got_ctx != r.context {
                diffs.push(format!("context {got_ctx:?} != {:?}", r.context));
            }
            if !diffs.is_empty() {
                let short: String = r.text.chars().take(160).collect();
                eprintln!(
                    "line {}: {}\n    {}",
                    r.line,
                    diffs.join("; "),
                    short.replace('\n', "⏎")
                );
            }
        }
    }
    acc
}

#[test]
fn corpus_accuracy_per_field() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    if !path.exists() {
        eprintln!(
            "SKIPPED: {CORPUS} is not present (the corpus of real lines lands separately); nothing measured."
        );
        return;
    }
    let show = std::env::var("BOUNCES_SHOW")
        .ok()
        .is_some_and(|v| matches!(v.as_str(), "1" | "corpus" | "all"));
    let acc = measure(&path, show);
    acc.print("corpus", true);
    let floors = [
        MIN_CODE,
        MIN_ENHANCED,
        MIN_CONTEXT,
        MIN_REASON,
        MIN_BOUNCE,
        MIN_PROVIDER,
    ];
    hold_to_floors("corpus", &acc, floors);
}

/// Each field at or above its floor (code, enhanced, context, reason, bounce, provider),
/// and no provider wrongly claimed.
fn hold_to_floors(name: &str, acc: &Accuracy, floors: [f64; 6]) {
    hold_to_floors_but(name, acc, floors, &[]);
}

/// [`hold_to_floors`], a provider wrongly claimed only on the lines `known` lists (each
/// explained where it is called).
fn hold_to_floors_but(name: &str, acc: &Accuracy, floors: [f64; 6], known: &[usize]) {
    for ((field, t), min) in acc.fields().into_iter().zip(floors) {
        assert!(t.pct() >= min, "{name}: {field} {:.1}% < {min}%", t.pct());
    }
    let wrong: Vec<_> = acc
        .wrong_provider
        .iter()
        .filter(|l| !known.contains(l))
        .collect();
    assert!(
        wrong.is_empty(),
        "{name}: provider wrongly claimed on lines {wrong:?}"
    );
}

/// The held-out sets (`fixtures/bounces/heldout-{dev,test,blind,final}.tsv`, collected after
/// tuning, labelled before any measurement): accuracy is printed; dev (tuned on in round 1)
/// test (measured blind once, tuned on in round 2) and blind (measured blind after round 2,
/// tuned on in round 3) are held to floors; the final set is not, and its mismatches are never printed. The format and the closed lists are asserted
/// (by `read`). `BOUNCES_SHOW=1` prints the mismatches of the dev set, `BOUNCES_SHOW=test`
/// those of the test set, `BOUNCES_SHOW=blind` those of the blind set. The provider
/// documentation set (`provider-docs.tsv`: the reply texts Google, Microsoft, Mimecast,
/// Yahoo, Apple, Proofpoint, GMX, T-Online, Orange, Zoho and Comcast publish) is measured with them; `BOUNCES_SHOW=docs` prints its mismatches. So is
/// the MTA stock-text set (`mta-texts.tsv`: what Postfix, Exim, Sendmail, qmail, Exchange,
/// Dovecot … say themselves); `BOUNCES_SHOW=mta` prints its mismatches.
/// The held-out sets (every `heldout-*` but dev and test, which were tuned on from the
/// start): their totals are printed, never the lines a provider was wrongly claimed on.
fn totals_only(name: &str) -> bool {
    name.starts_with("heldout-") && !matches!(name, "heldout-dev" | "heldout-test")
}

/// The blind sets from v20 on: measured blind first, then read with `BOUNCES_SHOW=vNN`.
/// Once its blind figures are committed, a set also joins the nearest-labelled-line index
/// (`SETS` in `src/knowledge/similar.rs`), never before.
const READ_AFTER_MEASURING: &[&str] = &[
    "heldout-v20",
    "heldout-v20b",
    "heldout-v21",
    "heldout-v21b",
    "heldout-v22",
    "heldout-v22b",
    "heldout-v23",
    "heldout-v23b",
    "heldout-v24a",
    "heldout-v24b",
    "heldout-v24c",
    "heldout-v25a",
    "heldout-v25b",
    "heldout-v26a",
    "heldout-v26b",
    "heldout-v27a",
    "heldout-v27b",
    "heldout-v27c",
    "heldout-v27d",
    "heldout-v27e",
    "heldout-v28a",
    "heldout-v28b",
    "heldout-v28c",
    "heldout-v29a",
    "heldout-v29b",
    "heldout-v30a",
    "heldout-v30b",
    "heldout-v30c",
    "heldout-v30d",
    "heldout-v31a",
    "heldout-v31b",
    "heldout-v31c",
    "heldout-v32a",
    "heldout-v32b",
    "heldout-v32c",
    "heldout-v34a",
    "heldout-v34b",
    "heldout-v34c",
    "heldout-v34d",
    "heldout-v35a",
    "heldout-v35b",
    "heldout-v35c",
    "heldout-v35d",
    "heldout-v36a",
    "heldout-v36b",
    "heldout-v36c",
    "heldout-v37a",
    "heldout-v37b",
    "heldout-v37c",
    "heldout-v37d",
    "heldout-v38a",
    "heldout-v38b",
    "heldout-v38c",
    "heldout-v39a",
    "heldout-v39b",
    "heldout-v39c",
    "heldout-v40a",
    "heldout-v40b",
    "heldout-v41a",
    "heldout-v41b",
    "heldout-v41c",
    "heldout-v41d",
    "heldout-v42a",
    "heldout-v42b",
    "heldout-v42c",
    "heldout-v43a",
    "heldout-v43b",
    "heldout-v43c",
    "heldout-v44a",
    "heldout-v44b",
    "heldout-v44c",
    "heldout-v45a",
    "heldout-v45b",
    "heldout-v45c",
    "heldout-v45d",
    "heldout-v46a",
    "heldout-v46b",
    "heldout-v46c",
    "heldout-v47a",
    "heldout-v47b",
    "heldout-v47c",
    "heldout-v48a",
    "heldout-v48b",
    "heldout-v49a",
    "heldout-v49b",
    "heldout-v49c",
    "heldout-v49d",
    "heldout-v49e",
    "heldout-v49f",
    "heldout-v50a",
    "heldout-v50b",
    "heldout-v50c",
    "heldout-v50d",
    "heldout-v50e",
    "heldout-v51a",
    "heldout-v51b",
    "heldout-v51c",
    "heldout-v52a",
    "heldout-v52b",
    "heldout-v52c",
    "heldout-v52d",
    "heldout-v53a",
    "heldout-v53b",
    "heldout-v53c",
    "heldout-v53d",
    "heldout-v54a",
    "heldout-v54b",
    "heldout-v54c",
    "heldout-v54d",
    "heldout-v55a",
    "heldout-v55b",
    "heldout-v55c",
    "heldout-v55d",
    "heldout-v56a",
    "heldout-v56b",
    "heldout-v56c",
    "heldout-v57a",
    "heldout-v57b",
    "heldout-v58a",
    "heldout-v58b",
    "heldout-v59a",
    "heldout-v59b",
    "heldout-v60a",
    "heldout-v60b",
    "heldout-v61a",
    "heldout-v61b",
    "heldout-v62a",
    "heldout-v62b",
    "heldout-v63a",
    "heldout-v63b",
    "heldout-v64a",
    "heldout-v64b",
    "heldout-v65a",
    "heldout-v65b",
    "heldout-v66a",
    "heldout-v66b",
    "heldout-v67a",
    "heldout-v67b",
    "heldout-v68a",
    "heldout-v68b",
    "heldout-v69a",
    "heldout-v69b",
    "heldout-v70a",
    "heldout-v70b",
    "heldout-v71a",
    "heldout-v71b",
    "heldout-v72a",
    "heldout-v72b",
    "heldout-v73a",
    "heldout-v73b",
    "heldout-v74a",
    "heldout-v74b",
    "heldout-v75a",
    "heldout-v75b",
    "heldout-v76a",
    "heldout-v76b",
    "heldout-v77a",
    "heldout-v77b",
    "heldout-v78a",
    "heldout-v78b",
    "heldout-v79a",
    "heldout-v79b",
    "heldout-v80a",
    "heldout-v80b",
    "heldout-v81a",
    "heldout-v81b",
    "heldout-v82a",
    "heldout-v82b",
    "heldout-v83a",
    "heldout-v83b",
    "heldout-v84a",
    "heldout-v84b",
    "heldout-v85a",
    "heldout-v85b",
    "heldout-v86a",
    "heldout-v86b",
    "heldout-v87a",
    "heldout-v87b",
    "heldout-v88a",
    "heldout-v88b",
    "heldout-v89a",
    "heldout-v89b",
    "heldout-v90a",
    "heldout-v90b",
    "heldout-v91a",
    "heldout-v91b",
    "heldout-v92a",
    "heldout-v93a",
    "heldout-v93b",
    "heldout-v94a",
    "heldout-v94b",
    "heldout-v94c",
    "heldout-v94d",
    "heldout-v95a",
    "heldout-v95b",
    "heldout-v95c",
    "heldout-v95d",
    "heldout-v96a",
    "heldout-v96b",
    "heldout-v96c",
    "heldout-v96d",
    "heldout-v97a",
    "heldout-v97b",
    "heldout-v98a",
    "heldout-v98b",
    "heldout-v98c",
    "heldout-v98d",
    "heldout-v99a",
    "heldout-v99b",
    "heldout-v99c",
    "heldout-v99d",
    "heldout-v100a",
    "heldout-v100b",
    "heldout-v100c",
    "heldout-v101a",
    "heldout-v101b",
    "heldout-v101c",
    "heldout-v101d",
    "heldout-v102a",
    "heldout-v102b",
    "heldout-v102c",
    "heldout-v102d",
    "heldout-v103a",
    "heldout-v103b",
    "heldout-v103c",
    "heldout-v104a",
    "heldout-v104b",
    "heldout-v104c",
    "heldout-v104d",
    "heldout-v105a",
    "heldout-v105b",
    "heldout-v105c",
    "heldout-v105d",
    "heldout-v106a",
    "heldout-v106b",
    "heldout-v106c",
    "heldout-v106d",
    "heldout-v107a",
    "heldout-v107b",
    "heldout-v107c",
    "heldout-v108a",
    "heldout-v108b",
    "heldout-v108c",
    "heldout-v108d",
    "heldout-v109a",
    "heldout-v109b",
    "heldout-v109c",
    "heldout-v109d",
    "heldout-v110a",
    "heldout-v110b",
    "heldout-v110c",
    "heldout-v110d",
    "heldout-v111a",
    "heldout-v111b",
    "heldout-v111c",
    "heldout-v111d",
    "heldout-v112a",
    "heldout-v112b",
    "heldout-v112c",
    "heldout-v113a",
    "heldout-v113b",
    "heldout-v113c",
    "heldout-v113d",
    "heldout-v113e",
    "heldout-v114a",
    "heldout-v114b",
    "heldout-v114c",
    "heldout-v114d",
    "heldout-v115a",
    "heldout-v115b",
    "heldout-v115c",
    "heldout-v116a",
    "heldout-v116b",
    "heldout-v117a",
    "heldout-v117b",
    "heldout-v117c",
    "heldout-v117d",
    "heldout-v118a",
    "heldout-v118b",
    "heldout-v118c",
    "heldout-v118d",
    "heldout-v119a",
    "heldout-v119b",
    "heldout-v119c",
    "heldout-v120a",
    "heldout-v120b",
    "heldout-v120c",
    "heldout-v120d",
    "heldout-v121a",
    "heldout-v121b",
    "heldout-v121c",
    "heldout-v121d",
    "heldout-v122a",
    "heldout-v122b",
    "heldout-v122c",
    "heldout-v122d",
    "heldout-v123a",
    "heldout-v123b",
    "heldout-v123c",
    "heldout-v123d",
    "heldout-v124a",
    "heldout-v124b",
    "heldout-v124c",
    "heldout-v124d",
    "heldout-v125a",
    "heldout-v125b",
    "heldout-v125c",
    "heldout-v125d",
    "heldout-v126a",
    "heldout-v126b",
    "heldout-v126c",
    "heldout-v126d",
    "heldout-v127a",
    "heldout-v127b",
    "heldout-v127c",
    "heldout-v127d",
    "heldout-v128a",
    "heldout-v128b",
    "heldout-v128c",
    "heldout-v128d",
    "heldout-v129a",
    "heldout-v129b",
    "heldout-v129c",
    "heldout-v129d",
    "heldout-v130a",
    "heldout-v130b",
    "heldout-v131c",
    "heldout-v131d",
    "heldout-v132a",
    "heldout-v132b",
    "heldout-v132c",
    "heldout-v132d",
    "heldout-v133a",
    "heldout-v133b",
    "heldout-v133c",
    "heldout-v133d",
    "heldout-v134a",
    "heldout-v134b",
    "heldout-v134d",
    "heldout-v135a",
    "heldout-v135b",
    "heldout-v135c",
    "heldout-v135d",
    "heldout-v136a",
    "heldout-v136b",
    "heldout-v136c",
    "heldout-v136d",
    "heldout-v137a",
    "heldout-v137b",
    "heldout-v137c",
    "heldout-v137d",
    "heldout-v138b",
    "heldout-v138c",
    "heldout-v138d",
];

/// No blind set joins the nearest-line pool before its blind figures were committed: every
/// pooled set from v20 on is one of [`READ_AFTER_MEASURING`]. (The other way round holds
/// once a wave's round is done; between a wave's blind commit and its pool join a set is
/// listed here and not yet pooled, and the test only names it.)
#[test]
fn no_set_joins_the_pool_before_it_was_measured_blind() {
    let pooled: Vec<&str> = smtpprobe::knowledge::similar::pooled_sets().collect();
    let from_v20 = |name: &str| {
        read_tag(name)
            .strip_prefix('v')
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n >= 20)
    };
    let early: Vec<&&str> = pooled
        .iter()
        .filter(|n| from_v20(n) && !READ_AFTER_MEASURING.contains(n))
        .collect();
    assert!(
        early.is_empty(),
        "pooled before their blind figures: {early:?}"
    );
    let waiting: Vec<&&str> = READ_AFTER_MEASURING
        .iter()
        .filter(|n| !pooled.contains(n))
        .collect();
    if !waiting.is_empty() {
        eprintln!("measured blind, not yet pooled: {waiting:?}");
    }
}

/// The `BOUNCES_SHOW` value that shows a set of [`READ_AFTER_MEASURING`]: "heldout-v24b" → "v24".
fn read_tag(name: &str) -> &str {
    name.trim_start_matches("heldout-")
        .trim_end_matches(|c: char| c.is_ascii_lowercase())
}

#[test]
fn heldout_accuracy_per_field() {
    // BOUNCES_SHOW=1 (or dev): dev mismatches; BOUNCES_SHOW=test: test mismatches;
    // BOUNCES_SHOW=all: both.
    let show = std::env::var("BOUNCES_SHOW").ok();
    let show_dev = show
        .as_deref()
        .is_some_and(|v| matches!(v, "1" | "dev" | "all"));
    if let Some(v) = show.as_deref()
        && !SHOWN.contains(&v)
        && !READ_AFTER_MEASURING.iter().any(|n| read_tag(n) == v)
    {
        eprintln!(
            "BOUNCES_SHOW={v:?} names no set whose mismatches may be shown; one of {SHOWN:?} or a set read after its blind measurement (v55, v56, …; held-out sets are never shown)"
        );
    }
    let show_test = show.as_deref().is_some_and(|v| v == "test" || v == "all");
    let mut sets: Vec<(&str, bool)> = vec![
        ("heldout-dev", show_dev),
        ("heldout-test", show_test),
        ("heldout-blind", show.as_deref() == Some("blind")),
        ("heldout-final", false),
        ("heldout-v6a", false),
        ("heldout-v6b", false),
        ("heldout-v8a", false),
        ("heldout-v8b", false),
        ("heldout-v9a", false),
        ("heldout-v9b", false),
        ("heldout-v12a", false),
        ("heldout-v12b", false),
        ("heldout-v13a", false),
        ("heldout-v13b", false),
        ("heldout-v14", false),
        ("heldout-v15", show.as_deref() == Some("v15")),
        ("heldout-v16", false),
        ("heldout-v16b", false),
        ("heldout-v16c", false),
        ("heldout-v17", false),
        ("heldout-v17b", false),
        ("heldout-v18", show.as_deref() == Some("v18")),
        ("heldout-v18b", show.as_deref() == Some("v18")),
        ("heldout-v19", false),
        ("heldout-v19b", false),
    ];
    // The blind sets from v20 on, each shown (read) after it was measured.
    sets.extend(
        READ_AFTER_MEASURING
            .iter()
            .map(|n| (*n, show.as_deref() == Some(read_tag(n)))),
    );
    sets.extend([
        ("train-v7a", show.as_deref() == Some("v7")),
        ("train-v7b", show.as_deref() == Some("v7")),
        ("train-v10a", show.as_deref() == Some("v10")),
        ("train-v10b", show.as_deref() == Some("v10")),
        ("train-v11a", show.as_deref() == Some("v11")),
        ("train-v11b", show.as_deref() == Some("v11")),
        ("provider-docs", show.as_deref() == Some("docs")),
        ("mta-texts", show.as_deref() == Some("mta")),
        ("notification-texts", show.as_deref() == Some("notices")),
    ]);
    for (name, show) in sets {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/bounces")
            .join(format!("{name}.tsv"));
        if !path.exists() {
            eprintln!("SKIPPED: {path:?} is not present; nothing measured.");
            continue;
        }
        let acc = measure(&path, show);
        acc.print(name, !totals_only(name));
        assert!(acc.lines > 0, "{name}: no records");
        hold_set_floors(name, &acc);
    }
}

/// Each tuned set's floors, a few points below what it measures (see each set's comment).
fn hold_set_floors(name: &str, acc: &Accuracy) {
    if name == "heldout-dev" {
        // Tuned on dev (only): floors a few points below what it measures (code,
        // enhanced, context 100, reason 99, bounce 100, provider 100 at the time of
        // writing), to catch regressions. The test set has no floors (the lead decides).
        hold_to_floors(name, acc, [97.0, 97.0, 93.0, 94.0, 95.0, 95.0]);
    }
    if name == "heldout-test" {
        // Measured blind once (code 97.0, enhanced 98.0, context 88.9, reason 85.1,
        // bounce 96.0, provider 81.5), then tuned on in round 2 (100 on every field at
        // the time of writing): floors a few points below, to catch regressions.
        hold_to_floors(name, acc, [97.0, 97.0, 94.0, 95.0, 95.0, 95.0]);
    }
    if name == "heldout-blind" {
        // Measured blind after round 2 (code 99.3, enhanced 99.3, context 80.0, reason
        // 73.7, bounce 96.7, provider 87.5 with 4 wrongly claimed), then tuned on in
        // round 3 (99.3, 100, 100, 85.5, 96.7, 100 at the time of writing; the rest are
        // label judgement calls): floors a few points below, to catch regressions.
        hold_to_floors(name, acc, [97.0, 97.0, 95.0, 82.0, 94.0, 95.0]);
    }
    if name == "train-v7a" {
        // Measured once before tuning (code 97.2, enhanced 100, context 79.5, reason 79.2,
        // bounce 94.4, provider 100 with 1 wrongly claimed), then tuned on in round 6:
        // 100, 100, 100, 94.4, 100, 100 (none claimed wrongly) at the time of writing; the
        // 4 reasons left are label disagreements (fixtures/bounces/README.md, "After
        // round 6"). Floors a few points below, to catch regressions.
        hold_to_floors(name, acc, [97.0, 97.0, 95.0, 91.0, 97.0, 95.0]);
    }
    if name == "train-v7b" {
        // Measured once before tuning (95.5, 100, 75.0, 70.8, 92.1, 87.5 with 3 wrongly
        // claimed), then tuned on in round 6: 98.9, 100, 95.0, 89.9, 96.6, 100 (2 claimed
        // wrongly) at the time of writing. Floors a few points below. The two claims left
        // are Google look-alikes no general rule tells apart: line 9, a Chinese server
        // copying Gmail's "The email account that you tried to reach does no exists", and
        // line 64, an Exchange wrapper naming "mx.mail.google.com" for an SPF refusal by
        // another receiver.
        hold_to_floors_but(name, acc, [96.0, 97.0, 90.0, 86.0, 93.0, 95.0], &[9, 64]);
    }
    // train-v10a/b: measured blind after round 8 (v10a: 98.1, 96.2, 77.8, 81.1, 86.8, 93.8;
    // v10b: 92.5, 100, 80.0, 69.8, 84.9, 87.5), tuned on in rounds 9 and 10: v10a 100, 100,
    // 94.4, 94.3, 98.1, 100; v10b 100, 100, 93.3, 86.8, 92.5, 100. train-v11a/b: measured
    // blind after round 9 (v11a: 98.1, 100, 91.7, 68.5, 87.0, 75.0; v11b: 88.9, 97.8, 66.7,
    // 57.8, 88.9, 90.0 with 2 claimed wrongly), tuned on in round 10: v11a 100, 100, 100,
    // 90.7, 98.1, 100; v11b 97.8, 97.8, 66.7 (2 of 3), 84.4, 95.6, 90.0. None claimed
    // wrongly at the time of writing; floors a few points below (v11b's context has 3 lines,
    // too few to hold).
    let trained = match name {
        "train-v10a" => Some([97.0, 97.0, 90.0, 90.0, 95.0, 95.0]),
        "train-v10b" => Some([97.0, 97.0, 88.0, 83.0, 89.0, 95.0]),
        "train-v11a" => Some([97.0, 97.0, 95.0, 87.0, 95.0, 95.0]),
        "train-v11b" => Some([95.0, 95.0, 0.0, 80.0, 92.0, 85.0]),
        _ => None,
    };
    if let Some(floors) = trained {
        hold_to_floors(name, acc, floors);
    }
    if name == "provider-docs" {
        // The providers' own tables, labelled before measuring: 100, 98.9, 25.0, 65.9,
        // 93.3, 64.1 (7 claimed wrongly) at first; after the rules from those tables 100,
        // 100, 25.0 (1 of 4), 100, 99.4, 100 (the 7 claims are Gmail wording the label
        // left `-`). Floors a few points below; context has too few lines to hold.
        // Lines 17, 25, 26, 42, 90, 114 (Gmail's own sentences, "To protect our users from
        // spam", "The email account that you tried to reach …") and 140 (Exchange's
        // "5.4.1 Relay Access Denied") were first left `-`, then labelled google and
        // microsoft like the other sets label such wording.
        // Second round: 35 rows from Apple, Proofpoint, GMX/web.de, T-Online, Orange, Zoho
        // and Comcast, labelled before measuring: 100, 100, 25.0, 94.9 (24 of the 35 new
        // rows right), 99.5, 100 (none claimed wrongly); after their rules 100, 100, 25.0,
        // 97.7, 99.5, 100. The 5 left are label disagreements kept as labelled: two Zoho
        // domain-filter refusals (`policyviolation` here, `filtered` in the held-out sets),
        // iCloud's bare "451 4.7.1 Service unavailable - try again later" (heldout-dev labels
        // the same words `systemerror`), GMX's 501/550 "Syntax error in parameters".
        hold_to_floors(name, acc, [97.0, 97.0, 0.0, 95.0, 95.0, 95.0]);
    }
    if name == "mta-texts" {
        // The MTAs' own stock texts, labelled before measuring: 100, 100, 96.0, 88.6, 96.7,
        // 91.7 at first; after the rules from their sources 100, 100, 100, 100, 99.2, 100
        // (line 119, Dovecot's permanent 552 5.2.2 over-quota, is labelled hard while a
        // full mailbox is explained as soft). Round 9: code and enhanced 122/123 (line 118,
        // Exchange's queue-viewer wrapper, is labelled with its outer 451 4.4.0; explain
        // reads the quoted inner reply, as issue 11 asks). Floors a few points below.
        hold_to_floors(name, acc, [97.0, 97.0, 95.0, 95.0, 95.0, 95.0]);
    }
    if name == "notification-texts" {
        // The user's part of Gmail's and Exchange's own notifications (the sentences above
        // the remote reply, in English and the languages they are sent in), collected in
        // round 89 and labelled by what each notice says: before its rules 100, 100, -, 52.0
        // (51 of 98, 36 with no reason), 55.1, 75.0 (6 of 8; none claimed wrongly); after them
        // 100 on every field. Then Exchange 2003's #5.4.0 and 39 sentences of other providers'
        // and list managers' notices (Yahoo, Zoho, QQ, Mimecast, Barracuda, Mailman, Sympa,
        // BIGLOBE, au by KDDI, EZweb, …; 24 of the 39 right before their rules): 138 of 138
        // on every field. No code or context in these sentences; floors a few points below.
        // (The framing sentences without a cause are `fixtures/notices/framing.tsv`,
        // `tests/notices.rs`: they get no reason.)
        hold_to_floors(name, acc, [97.0, 97.0, 0.0, 95.0, 95.0, 95.0]);
    }
}

/// The two sets collected last (`heldout-v6a.tsv` from GitHub threads, `heldout-v6b.tsv` from
/// web pages), each split by its line number: the odd lines were tuned on in round 5
/// (`BOUNCES_SHOW=v6tune` prints their mismatches), the even lines never (their mismatches
/// are never printed), so the even half measures that round on lines nobody looked at.
#[test]
fn round5_tuned_and_held_halves() {
    tuned_and_held_halves(["heldout-v6a", "heldout-v6b"], 5, "v6tune");
}

/// The v8 sets (`heldout-v8a.tsv`, GitHub threads and a bounce-parser corpus;
/// `heldout-v8b.tsv`, web pages, many in Chinese, Japanese and Korean), measured blind after
/// round 6, then split like v6: odd lines tuned on in round 7 (`BOUNCES_SHOW=v8tune` prints
/// their mismatches), even lines never looked at.
#[test]
fn round7_tuned_and_held_halves() {
    tuned_and_held_halves(["heldout-v8a", "heldout-v8b"], 7, "v8tune");
}

/// The v9 sets (`heldout-v9a.tsv`, GitHub threads and bounce-parser test mail;
/// `heldout-v9b.tsv`, web pages), measured blind after rounds 7 and 8, then split like v6:
/// odd lines looked at in round 9 (`BOUNCES_SHOW=v9tune` prints their mismatches), even
/// lines never looked at.
#[test]
fn round9_tuned_and_held_halves() {
    tuned_and_held_halves(["heldout-v9a", "heldout-v9b"], 9, "v9tune");
}

/// Each set split by file line number: the odd lines (tuned on in `round`; their mismatches
/// printed with `BOUNCES_SHOW=<show>`) and the even lines (held out, never printed).
fn tuned_and_held_halves(sets: [&str; 2], round: u32, show: &str) {
    let show = std::env::var("BOUNCES_SHOW").ok().as_deref() == Some(show);
    for name in sets {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/bounces")
            .join(format!("{name}.tsv"));
        if !path.exists() {
            eprintln!("SKIPPED: {path:?} is not present; nothing measured.");
            continue;
        }
        let tuned = measure_where(&path, show, |r| r.line % 2 == 1);
        tuned.print(
            &format!("{name} odd lines (tuned on in round {round})"),
            true,
        );
        let held = measure_where(&path, false, |r| r.line % 2 == 0);
        held.print(&format!("{name} even lines (held out)"), false);
        assert!(tuned.lines > 0 && held.lines > 0, "{name}: empty half");
    }
}

/// How far two labellers agree, and what that means for the figure: a second person,
/// following the same written conventions without seeing the first labels or `explain`'s
/// output, labelled the held-out even halves of v6 and v8 (`second-labeller-even.tsv`, rows
/// `set:line`). Printed per field: first vs second labeller, `explain` vs each, and
/// `explain` on the lines where both labellers agree. Totals only: the even lines stay
/// unseen.
///
/// `third-labeller-even.tsv` is the same lines labelled by a third person who had only the
/// README's general "Format" and "Judgement calls" sections (not the sets' own judgement
/// calls, several of which name particular lines): the lower bound of agreement.
#[test]
fn second_labeller_agreement() {
    for file in ["second-labeller-even.tsv", "third-labeller-even.tsv"] {
        agreement(file);
    }
}

/// [`second_labeller_agreement`] for one file of other labels.
fn agreement(file: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bounces");
    let second = dir.join(file);
    let Ok(data) = std::fs::read_to_string(&second) else {
        eprintln!("SKIPPED: {second:?} is not present; nothing measured.");
        return;
    };
    let mut firsts = std::collections::HashMap::new();
    for set in ["heldout-v6a", "heldout-v6b", "heldout-v8a", "heldout-v8b"] {
        for r in read(&dir.join(format!("{set}.tsv"))) {
            firsts.insert(format!("{set}:{}", r.line), r);
        }
    }
    // Per field: [first = second, explain = first, explain = second, explain = both
    // where they agree] as (right, total).
    let names = [
        "code", "enhanced", "context", "reason", "bounce", "provider",
    ];
    let mut t: Vec<[Tally; 4]> = names.iter().map(|_| Default::default()).collect();
    let mut rows = 0;
    for l in data.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = l.split('\t').collect();
        assert!(f.len() >= 7, "{l:?}: at least 7 tab-separated fields");
        let Some(first) = firsts.get(f[0]) else {
            panic!("{}: no such held-out line", f[0]);
        };
        rows += 1;
        let ex = explain(std::slice::from_ref(&first.text), None);
        let it = item(&ex).unwrap_or_else(|| panic!("{}: no item", f[0]));
        let got = [
            it.code.map(|c| c.to_string()),
            it.enhanced.clone(),
            it.context.map(|c| c.name().to_string()),
            json_name(&it.reason),
            json_name(&it.bounce),
            it.provider.clone(),
        ];
        let one = [
            &first.code,
            &first.enhanced,
            &first.context,
            &first.reason,
            &first.bounce,
            &first.provider,
        ];
        for (i, tally) in t.iter_mut().enumerate() {
            let two = opt(f[i + 1]);
            // Context and provider are judged where a labeller gives one, as elsewhere.
            let judged = |x: &Option<String>| (i != 2 && i != 5) || x.is_some();
            if judged(one[i]) || judged(&two) {
                tally[0].add(*one[i] == two);
            }
            if judged(one[i]) {
                tally[1].add(got[i] == *one[i]);
            }
            if judged(&two) {
                tally[2].add(got[i] == two);
            }
            if judged(one[i]) && *one[i] == two {
                tally[3].add(got[i] == two);
            }
        }
    }
    eprintln!("{file}: {rows} held-out even lines");
    eprintln!(
        "  {:10} {:>20} {:>20} {:>20} {:>24}",
        "field", "first = other", "explain = first", "explain = other", "explain where agreed"
    );
    for (name, tally) in names.iter().zip(&t) {
        let cell = |x: &Tally| format!("{}/{} {:.1}%", x.right, x.total, x.pct());
        eprintln!(
            "  {name:10} {:>20} {:>20} {:>20} {:>24}",
            cell(&tally[0]),
            cell(&tally[1]),
            cell(&tally[2]),
            cell(&tally[3])
        );
    }
    assert!(rows > 0, "no rows");
}

/// The nearest-labelled-line fallback (`smtpprobe::knowledge::similar`), cross-validated on
/// the training sets: each set left out of the index in turn, its lines asked about, how
/// often its reason (the nearest line's, or below a likeness of 0.5 the vote of the nearest
/// nine) is the label, by the nearest line's likeness. Printed; held to the finding that
/// justifies its threshold: at or above `MIN_SIMILARITY` three in four are right, below it
/// clearly fewer.
#[test]
fn similar_lines() {
    use smtpprobe::knowledge::similar::{MIN_SIMILARITY, cross_validate};
    let buckets = cross_validate();
    eprintln!("nearest labelled line, each training set left out in turn:");
    let (mut above, mut below) = ((0, 0), (0, 0));
    for (i, (right, asked)) in buckets.iter().enumerate() {
        let pct = if *asked == 0 {
            0.0
        } else {
            f64::from(*right) * 100.0 / f64::from(*asked)
        };
        eprintln!(
            "  likeness {:.1}-{:.1}: {right}/{asked} right ({pct:.0}%)",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0
        );
        let side = if i as f64 / 10.0 >= MIN_SIMILARITY - 1e-9 {
            &mut above
        } else {
            &mut below
        };
        side.0 += right;
        side.1 += asked;
    }
    let share = |(r, a): (u32, u32)| f64::from(r) / f64::from(a.max(1));
    eprintln!(
        "  at or above {MIN_SIMILARITY}: {}/{} right; below: {}/{}",
        above.0, above.1, below.0, below.1
    );
    // With the read waves in the pool (harder, more varied lines than the first training
    // sets) at or above the threshold three in four are right (1,575/2,103 when they joined;
    // 838/1,024 on the first training sets alone; 1,815/2,367 with the vote of the nearest
    // nine below a likeness of 0.5). Below it the vote is right about half the time (638 of
    // 1,188), clearly less often: the threshold stays where the neighbours' word is worth more
    // than the codes' guess and the same reply reads the same under any wrapper
    // (fixtures/bounces/README.md, "The nearest nine").
    assert!(share(above) >= 0.7, "above the threshold: {above:?}");
    assert!(
        share(above) >= share(below) + 0.15,
        "above {above:?}, below {below:?}"
    );
}
