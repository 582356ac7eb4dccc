//! The exception classes: one per error code, all under `ArticleCleanerError`, each instance
//! carrying its `code` (as the JavaScript errors do).

use article_cleaner::{Error, ErrorKind};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    article_cleaner,
    ArticleCleanerError,
    PyException,
    "Base class of the cleaner's errors; `code` is the stable error code."
);
create_exception!(
    article_cleaner,
    NotReaderable,
    ArticleCleanerError,
    "No article could be found in the page (`NOT_READERABLE`)."
);
create_exception!(
    article_cleaner,
    InputTooLarge,
    ArticleCleanerError,
    "The page is larger than `max_input_bytes` or needs too much memory (`INPUT_TOO_LARGE`)."
);
create_exception!(
    article_cleaner,
    BadOption,
    ArticleCleanerError,
    "An option has a value the cleaner cannot use (`BAD_OPTION`)."
);
create_exception!(
    article_cleaner,
    UnsupportedEncoding,
    ArticleCleanerError,
    "The `encoding` label is unknown (`ENCODING`)."
);
create_exception!(
    article_cleaner,
    InvalidState,
    ArticleCleanerError,
    "The cleaner was used after it had finished or failed (`INVALID_STATE`)."
);

/// Code of a page the cleaner panicked on: a bug, reported as the base class.
pub const INTERNAL: &str = "INTERNAL";

/// The exception for `kind`, with its code on the instance.
pub fn to_py(error: &Error) -> PyErr {
    let message = error.message().to_owned();
    let err = match error.kind() {
        ErrorKind::NotReaderable => NotReaderable::new_err(message),
        ErrorKind::InputTooLarge => InputTooLarge::new_err(message),
        ErrorKind::BadOption => BadOption::new_err(message),
        ErrorKind::UnsupportedEncoding => UnsupportedEncoding::new_err(message),
        ErrorKind::InvalidState => InvalidState::new_err(message),
        // A kind added to the crate later: still an ArticleCleanerError with its code.
        _ => ArticleCleanerError::new_err(message),
    };
    with_code(err, error.kind().code())
}

/// A panic inside the cleaner (a bug), as an `ArticleCleanerError` with code `INTERNAL`.
pub fn internal() -> PyErr {
    with_code(
        ArticleCleanerError::new_err("the cleaner panicked on this page (a bug: please report it)"),
        INTERNAL,
    )
}

/// A `BadOption` for a value the options cannot take.
pub fn bad_option(message: String) -> PyErr {
    with_code(BadOption::new_err(message), ErrorKind::BadOption.code())
}

fn with_code(err: PyErr, code: &'static str) -> PyErr {
    Python::attach(|py| {
        // Setting an attribute on a fresh exception instance cannot fail.
        let _ = err.value(py).setattr("code", code);
    });
    err
}

/// Adds the classes to the module, each with its code as a class attribute too.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let classes: [(Bound<'_, PyType>, Option<&str>); 6] = [
        (py.get_type::<ArticleCleanerError>(), None),
        (
            py.get_type::<NotReaderable>(),
            Some(ErrorKind::NotReaderable.code()),
        ),
        (
            py.get_type::<InputTooLarge>(),
            Some(ErrorKind::InputTooLarge.code()),
        ),
        (
            py.get_type::<BadOption>(),
            Some(ErrorKind::BadOption.code()),
        ),
        (
            py.get_type::<UnsupportedEncoding>(),
            Some(ErrorKind::UnsupportedEncoding.code()),
        ),
        (
            py.get_type::<InvalidState>(),
            Some(ErrorKind::InvalidState.code()),
        ),
    ];
    for (class, code) in classes {
        class.setattr("code", code)?;
        module.add(class.name()?, class)?;
    }
    Ok(())
}
