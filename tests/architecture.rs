//! The layering of `src/` (see the module doc of `src/lib.rs`), checked on the source text:
//! each top-level module may use only the modules listed for it below, which keeps the
//! graph acyclic; `smtp/` uses nothing else from the crate; `report/` does no I/O, reads no
//! clock and knows no clap types. Test modules (after `#[cfg(test)]`) are not checked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which top-level modules each module may use. A DAG: every module only lists modules
/// that appear above it in this table's order of dependency.
const ALLOWED: &[(&str, &[&str])] = &[
    ("smtp", &[]),
    ("exit", &[]),
    ("echo", &[]),
    ("target", &["echo"]),
    ("cli", &[]),
    ("vocab", &["exit", "smtp"]),
    ("thresholds", &["echo", "exit", "vocab"]),
    ("knowledge", &["exit", "smtp", "vocab"]),
    (
        "explain",
        &["cli", "exit", "knowledge", "report", "smtp", "vocab"],
    ),
    (
        "report",
        &["exit", "knowledge", "smtp", "thresholds", "vocab"],
    ),
    ("dns", &["target", "vocab"]),
    ("tls", &["report"]),
    ("driver", &["smtp", "tls", "vocab"]),
    ("policy", &["dns", "smtp", "tls", "vocab"]),
    (
        "config",
        &[
            "cli",
            "dns",
            "echo",
            "policy",
            "smtp",
            "target",
            "thresholds",
            "tls",
        ],
    ),
    ("facts", &["dns", "driver", "policy", "smtp", "vocab"]),
    (
        "assess",
        &[
            "config",
            "dns",
            "exit",
            "facts",
            "knowledge",
            "policy",
            "report",
            "smtp",
            "thresholds",
            "tls",
            "vocab",
        ],
    ),
    (
        "run",
        &[
            "assess", "config", "dns", "driver", "facts", "policy", "report", "smtp", "target",
            "tls", "vocab",
        ],
    ),
    (
        "output",
        &[
            "cli",
            "config",
            "explain",
            "knowledge",
            "report",
            "thresholds",
        ],
    ),
    ("demo", &["cli", "config", "dns", "report", "run", "tls"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its test module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.split("#[cfg(test)]").next().unwrap_or("").to_owned()
}

/// The top-level modules a text names as `crate::name` or inside `use crate::{…}`.
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name = ident(item.trim());
                if !name.is_empty() && name != "self" {
                    used.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file belongs to (`src/assess/tls.rs` → `assess`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(files.len() > 20, "src/ not found");
    let mut problems = Vec::new();
    for f in &files {
        let Some(module) = module_of(f) else { continue };
        if module == "main" || module == "lib" {
            continue;
        }
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == module) else {
            problems.push(format!(
                "{}: module {module} is not in tests/architecture.rs ALLOWED: add it with its place in the layers",
                f.display()
            ));
            continue;
        };
        for used in used_modules(&code(f)) {
            if used != module && !allowed.contains(&used.as_str()) {
                problems.push(format!(
                    "{}: {module} must not use crate::{used}",
                    f.display()
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_allowed_table_has_no_cycle() {
    // Depth-first search over the table itself: a cycle here would allow one in the code.
    fn visit<'a>(m: &'a str, path: &mut Vec<&'a str>, done: &mut BTreeSet<&'a str>) {
        assert!(!path.contains(&m), "cycle: {path:?} -> {m}");
        if done.contains(m) {
            return;
        }
        path.push(m);
        let deps = ALLOWED
            .iter()
            .find(|(name, _)| *name == m)
            .map_or(&[][..], |(_, d)| *d);
        for d in deps {
            visit(d, path, done);
        }
        path.pop();
        done.insert(m);
    }
    let mut done = BTreeSet::new();
    for (m, _) in ALLOWED {
        visit(m, &mut Vec::new(), &mut done);
    }
}

#[test]
fn report_renders_only() {
    let mut files = Vec::new();
    rust_files(&src().join("report"), &mut files);
    for f in files {
        let text = code(&f);
        for forbidden in [
            "std::fs",
            "clap::",
            "Instant::now",
            "SystemTime",
            "tokio::",
            "std::env",
        ] {
            assert!(
                !text.contains(forbidden),
                "{}: renderers must not use {forbidden} (no I/O, no clock, no clap)",
                f.display()
            );
        }
    }
}

#[test]
fn the_protocol_core_is_sans_io() {
    let mut files = Vec::new();
    rust_files(&src().join("smtp"), &mut files);
    for f in files {
        let text = code(&f);
        for forbidden in [
            "tokio::",
            "rustls::",
            "std::net::TcpStream",
            "Instant::now",
            "SystemTime",
        ] {
            assert!(
                !text.contains(forbidden),
                "{}: smtp/ is sans-IO and must not use {forbidden}",
                f.display()
            );
        }
    }
}
