//! `attio-codegen`: prints attio-rs models for an Attio workspace's objects and lists.
//! `attio-codegen --help` says how; the library's docs say what is generated.

use std::io::Write;
use std::process::ExitCode;

use attio_codegen::{CodegenError, Command, HELP, parse, run};

fn main() -> ExitCode {
    match main_inner() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attio-codegen: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

fn main_inner() -> Result<(), CodegenError> {
    let args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let request = match parse(args)? {
        Command::Help => {
            print!("{HELP}");
            return Ok(());
        }
        Command::Version => {
            println!("attio-codegen {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        Command::Generate(request) => request,
    };
    let client = attio_core::Client::from_env().map_err(|e| match e {
        attio_core::Error::Config(message) => CodegenError::Config(message),
        other => CodegenError::Config(other.to_string()),
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CodegenError::Config(format!("cannot start the async runtime: {e}")))?;
    let source = runtime.block_on(run(&client, &request))?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(source.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(CodegenError::Output)
}
