//! attio-emulator.
