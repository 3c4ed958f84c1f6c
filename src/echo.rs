//! How user input is echoed back in an error message: quoted and escaped (`{:?}`, so
//! control and bidi characters show as `\u{…}`), and cut, so that a 130 KB argument does
//! not flood the terminal or a monitoring log with itself.

/// The most characters of a value an error message repeats.
pub const MAX_ECHO: usize = 64;

/// `value` as it is when short, else its first [`MAX_ECHO`] characters and a count of the
/// rest (for text that something else quotes, e.g. clap's errors).
pub fn cut(value: &str) -> String {
    let total = value.chars().count();
    if total <= MAX_ECHO {
        return value.to_owned();
    }
    let head: String = value.chars().take(MAX_ECHO).collect();
    format!("{head}… ({} more characters)", total - MAX_ECHO)
}

/// `value` quoted and escaped, cut after [`MAX_ECHO`] characters with a count of the rest:
/// `"aaaa…aaaa"… (130008 more characters)`.
pub fn quoted(value: &str) -> String {
    let total = value.chars().count();
    if total <= MAX_ECHO {
        return format!("{value:?}");
    }
    let head: String = value.chars().take(MAX_ECHO).collect();
    format!("{head:?}… ({} more characters)", total - MAX_ECHO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_quoted_whole() {
        assert_eq!(quoted("alice"), "\"alice\"");
        assert_eq!(quoted("a\u{202e}b"), "\"a\\u{202e}b\"");
        let exact = "x".repeat(MAX_ECHO);
        assert_eq!(quoted(&exact), format!("\"{exact}\""));
    }

    #[test]
    fn cut_leaves_short_text_and_counts_the_rest() {
        assert_eq!(cut("alice"), "alice");
        let long = "x".repeat(100);
        assert_eq!(
            cut(&long),
            format!("{}… (36 more characters)", "x".repeat(64))
        );
    }

    #[test]
    fn long_values_are_cut_with_a_count() {
        let long = "é".repeat(130_000);
        let shown = quoted(&long);
        assert_eq!(
            shown,
            format!("\"{}\"… (129936 more characters)", "é".repeat(MAX_ECHO))
        );
    }
}
