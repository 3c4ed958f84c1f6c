//! Host names as SMTP carries them: in a greeting, an EHLO argument, an MX record.

/// Whether `name` (without a trailing dot) is a host name as RFC 1123 §2.1 spells one:
/// labels of letters, digits and hyphens, not starting or ending with a hyphen, each of
/// 1–63 octets, the whole at most 253.
pub fn is_host_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_ldh_labels() {
        for ok in ["mx1.example.com", "a", "xn--bcher-kva.example", "1.2.3.4"] {
            assert!(is_host_name(ok), "{ok}");
        }
        let long_label = "a".repeat(64);
        let long_name = ["a"; 127].join(".") + ".bc";
        for bad in [
            "",
            "mx..example",
            "-mx.example",
            "mx-.example",
            "mx_1.example",
            "mx.example.",
            long_label.as_str(),
            long_name.as_str(),
        ] {
            assert!(!is_host_name(bad), "{bad}");
        }
    }
}
