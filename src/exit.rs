//! Verdicts and exit codes, following the monitoring-plugins convention
//! (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).

use serde::{Deserialize, Serialize};

/// A verdict. Ordered by how much it matters when merging several (worst wins):
/// OK < UNKNOWN < WARNING < CRITICAL — monitoring-plugins' `max_state_alt` order, so that
/// one unknown sub-result does not hide a real warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Status {
    pub fn exit_code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Warning => 1,
            Status::Critical => 2,
            Status::Unknown => 3,
        }
    }

    fn rank(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Unknown => 1,
            Status::Warning => 2,
            Status::Critical => 3,
        }
    }

    /// The worse of two verdicts.
    pub fn merge(self, other: Status) -> Status {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }
}

/// Merges any number of verdicts; no verdicts at all is OK.
pub fn merge_all(statuses: impl IntoIterator<Item = Status>) -> Status {
    statuses.into_iter().fold(Status::Ok, Status::merge)
}

/// Exit code for usage errors: UNKNOWN, never clap's 2 (which monitoring reads as CRITICAL).
pub const USAGE: i32 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worst_wins_with_unknown_below_warning() {
        assert_eq!(merge_all([]), Status::Ok);
        assert_eq!(merge_all([Status::Ok, Status::Unknown]), Status::Unknown);
        assert_eq!(
            merge_all([Status::Unknown, Status::Warning]),
            Status::Warning
        );
        assert_eq!(
            merge_all([Status::Critical, Status::Warning, Status::Unknown]),
            Status::Critical
        );
        assert_eq!(Status::Critical.exit_code(), 2);
        assert_eq!(Status::Unknown.exit_code(), USAGE);
    }
}
