//! Python values in and out: keyword options to [`Options`], an [`Article`] to a dict with
//! snake_case keys (the JavaScript result's fields), page input to text or bytes.

use article_cleaner::{Article, Options};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use serde_json::{Map, Value};

use crate::errors;

/// A page as the caller gave it: text is cleaned as text, bytes with charset detection.
/// Both borrow the Python object's buffer (no copy) and may cross to worker threads.
pub enum Page {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Page {
    pub fn from_py(value: &Bound<'_, PyAny>) -> PyResult<Page> {
        if let Ok(text) = value.cast::<PyString>() {
            return Ok(Page::Text(text.clone().try_into()?));
        }
        if let Ok(bytes) = value.cast::<PyBytes>() {
            return Ok(Page::Bytes(bytes.clone().into()));
        }
        Err(PyTypeError::new_err(format!(
            "html must be str or bytes, not {}",
            value.get_type().name()?
        )))
    }
}

/// Options from the keyword arguments. The keys are the Rust field names (the README's
/// table, snake_case); an unknown key is a `TypeError`, an unusable value `BadOption`.
/// Going through serde keeps one definition of the options: a new option in the crate is
/// accepted here without a change.
pub fn options(url: Option<String>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut map = Map::new();
    if let Some(kwargs) = kwargs.filter(|kwargs| !kwargs.is_empty()) {
        let known = known_options();
        for (key, value) in kwargs.iter() {
            let key: String = key.extract()?;
            let Some(json_key) = known.iter().find(|(snake, _)| *snake == key).map(|k| &k.1) else {
                return Err(PyTypeError::new_err(format!(
                    "unknown option {key:?} (options: {})",
                    known
                        .iter()
                        .map(|(snake, _)| snake.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            };
            map.insert(json_key.clone(), option_value(&key, &value)?);
        }
    }
    if url.is_some() {
        map.insert("url".into(), url.into());
    }
    let options: Options = if map.is_empty() {
        Options::default()
    } else {
        serde_json::from_value(Value::Object(map))
            .map_err(|error| errors::bad_option(error.to_string()))?
    };
    options.validate().map_err(|error| errors::to_py(&error))?;
    Ok(options)
}

/// (snake_case, camelCase) of every option: the keys of the default options' JSON.
fn known_options() -> Vec<(String, String)> {
    let Ok(Value::Object(defaults)) = serde_json::to_value(Options::default()) else {
        return Vec::new();
    };
    defaults
        .keys()
        .map(|camel| (to_snake(camel), camel.clone()))
        .collect()
}

fn option_value(key: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    // bool before int: Python's bool is an int.
    if value.is_none() {
        Ok(Value::Null)
    } else if let Ok(flag) = value.cast::<PyBool>() {
        Ok(Value::Bool(flag.is_true()))
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(number) => Ok(number.into()),
            Err(_) => Ok(value.extract::<u64>()?.into()),
        }
    } else if let Ok(number) = value.cast::<PyFloat>() {
        Ok(number.value().into())
    } else if let Ok(text) = value.cast::<PyString>() {
        Ok(Value::String(text.extract::<String>()?))
    } else {
        Err(errors::bad_option(format!(
            "option {key} must be a bool, number, str or None, not {}",
            value.get_type().name()?
        )))
    }
}

/// The article as a dict: the JavaScript result's fields with snake_case keys, `None` for
/// missing values.
pub fn article<'py>(py: Python<'py>, article: &Article) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("title", &article.title)?;
    dict.set_item("byline", &article.byline)?;
    dict.set_item("site_name", &article.site_name)?;
    dict.set_item("published_time", &article.published_time)?;
    dict.set_item("lang", &article.lang)?;
    dict.set_item("dir", &article.dir)?;
    dict.set_item("excerpt", &article.excerpt)?;
    dict.set_item("lead_image", &article.lead_image)?;
    dict.set_item("content", &article.content)?;
    dict.set_item("text_content", &article.text_content)?;
    dict.set_item("markdown", &article.markdown)?;
    dict.set_item("length", article.length)?;
    dict.set_item("word_count", article.word_count)?;
    dict.set_item("reading_time_minutes", article.reading_time_minutes)?;
    dict.set_item(
        "page_type",
        json_to_py(
            py,
            &serde_json::to_value(article.page_type).unwrap_or_default(),
        )?,
    )?;
    if let Some(explain) = &article.explain {
        let value = serde_json::to_value(explain).unwrap_or_default();
        dict.set_item("explain", json_to_py(py, &value)?)?;
    }
    Ok(dict)
}

/// A JSON value as Python objects, object keys in snake_case.
fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(unsigned), _) => unsigned.into_pyobject(py)?.into_any(),
            (None, Some(signed)) => signed.into_pyobject(py)?.into_any(),
            _ => number
                .as_f64()
                .unwrap_or(f64::NAN)
                .into_pyobject(py)?
                .into_any(),
        },
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(to_snake(key), json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// `textLength` → `text_length`.
fn to_snake(camel: &str) -> String {
    let mut snake = String::with_capacity(camel.len() + 4);
    for character in camel.chars() {
        if character.is_ascii_uppercase() {
            snake.push('_');
            snake.push(character.to_ascii_lowercase());
        } else {
            snake.push(character);
        }
    }
    snake
}
