//! [`Error`]: the caller's mistakes and our limits. Malformed HTML is never an error.

use std::fmt;

/// What went wrong, as a stable, matchable kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No article could be found in the page.
    NotReaderable,
    /// The input is larger than `Options::max_input_bytes`, or needs more memory than allowed.
    InputTooLarge,
    /// An option has a value the cleaner cannot use.
    BadOption,
    /// The encoding label is unknown.
    UnsupportedEncoding,
    /// The cleaner was used after it had finished or failed.
    InvalidState,
}

impl ErrorKind {
    /// A stable code, also used as the `code` of JavaScript errors.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotReaderable => "NOT_READERABLE",
            ErrorKind::InputTooLarge => "INPUT_TOO_LARGE",
            ErrorKind::BadOption => "BAD_OPTION",
            ErrorKind::UnsupportedEncoding => "ENCODING",
            ErrorKind::InvalidState => "INVALID_STATE",
        }
    }
}

/// An error with its kind and a readable, one-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The human-readable message (without the code).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.code(), self.message)
    }
}

impl std::error::Error for Error {}
