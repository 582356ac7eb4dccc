//! `clean_files`: `article-cleaner batch` from Python. The crate's batch cleaner runs on a
//! thread of its own and hands its JSON lines over a bounded channel, so the lines are the
//! CLI's byte for byte and memory stays bounded however large the WARC files are.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;
use std::thread::{self, JoinHandle};

use article_cleaner::batch::{self, BatchOptions, Summary};
use pyo3::exceptions::{PyOSError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Lines waiting between the batch thread and Python.
const LINES_IN_FLIGHT: usize = 1024;

/// clean_files(paths, threads=None, markdown=False) -> iterator of str
///
/// The JSON lines `article-cleaner batch` writes for these WARC / JSON Lines files, in
/// input order. `threads` defaults to every core.
#[pyfunction]
#[pyo3(signature = (paths, threads=None, markdown=false))]
pub fn clean_files(
    paths: Vec<String>,
    threads: Option<usize>,
    markdown: bool,
) -> PyResult<FileLines> {
    let inputs = paths
        .iter()
        .map(|path| batch::open(path))
        .collect::<Result<Vec<_>, _>>()
        .map_err(PyOSError::new_err)?;
    let defaults = BatchOptions::default();
    let options = BatchOptions {
        threads: threads.unwrap_or(defaults.threads).max(1),
        markdown,
        progress: false,
    };
    let (sender, lines) = mpsc::sync_channel(LINES_IN_FLIGHT);
    let worker = thread::Builder::new()
        .name("article-cleaner batch".into())
        .spawn(move || {
            let mut out = LineSender {
                sender,
                pending: Vec::new(),
            };
            batch::run(inputs, &options, &mut out)
        })
        .map_err(|error| PyOSError::new_err(error.to_string()))?;
    Ok(FileLines {
        lines: Mutex::new(lines),
        worker: Mutex::new(Some(worker)),
        summary: Mutex::new(None),
    })
}

/// Iterator over the JSON lines of `clean_files`; `summary` is set once it is exhausted.
#[pyclass(module = "article_cleaner")]
pub struct FileLines {
    lines: Mutex<Receiver<String>>,
    worker: Mutex<Option<JoinHandle<io::Result<Summary>>>>,
    summary: Mutex<Option<Summary>>,
}

#[pymethods]
impl FileLines {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<String>> {
        let line = py.detach(|| lock(&self.lines).recv().ok());
        if line.is_some() {
            return Ok(line);
        }
        // The channel is closed: the batch has ended. Report how.
        let Some(worker) = lock(&self.worker).take() else {
            return Ok(None);
        };
        match py.detach(|| worker.join()) {
            Ok(Ok(summary)) => {
                *lock(&self.summary) = Some(summary);
                Ok(None)
            }
            Ok(Err(error)) => Err(PyOSError::new_err(error.to_string())),
            Err(_) => Err(PyRuntimeError::new_err("the batch thread panicked")),
        }
    }

    /// Counts of the finished run (`None` until the iterator is exhausted): records,
    /// cleaned, errors (by code), skipped, pages, html_bytes, seconds.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let summary = lock(&self.summary);
        let Some(summary) = summary.as_ref() else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        dict.set_item("records", summary.records)?;
        dict.set_item("cleaned", summary.cleaned)?;
        dict.set_item("errors", summary.errors.clone())?;
        dict.set_item("skipped", summary.skipped)?;
        dict.set_item("pages", summary.pages)?;
        dict.set_item("html_bytes", summary.html_bytes)?;
        dict.set_item("seconds", summary.seconds)?;
        Ok(Some(dict))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The batch cleaner's output: complete lines go to the channel. When the iterator is
/// dropped the send fails, and the batch stops at its next line.
struct LineSender {
    sender: SyncSender<String>,
    pending: Vec<u8>,
}

impl Write for LineSender {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(data);
        while let Some(end) = self.pending.iter().position(|&byte| byte == b'\n') {
            let mut line: Vec<u8> = self.pending.drain(..=end).collect();
            line.pop();
            let line = String::from_utf8(line)
                .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
            self.sender
                .send(line)
                .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the reader has gone"))?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
