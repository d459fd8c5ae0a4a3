//! Example programs of attio-rs live beside this file in `examples/`.
