//! Test-only package: the integration and trybuild suites live in `tests/`.
