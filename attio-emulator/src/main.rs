//! `attio-emulator --addr 127.0.0.1:4010 --api-key KEY [--data FILE] [--no-rate-limit]`
//!
//! Serves the Attio v2 API emulator until Ctrl-C, then saves the data file (if any).

use std::net::SocketAddr;
use std::process::ExitCode;

use attio_emulator::{DEFAULT_API_KEY, Emulator};

const USAGE: &str =
    "usage: attio-emulator [--addr HOST:PORT] [--api-key KEY] [--data FILE] [--no-rate-limit]

  --addr HOST:PORT   address to listen on (default 127.0.0.1:4010)
  --api-key KEY      the bearer token to accept (default: attio-emulator-key)
  --data FILE        load the workspace from FILE (if it exists) and save it there on exit
  --no-rate-limit    turn off the 100 reads/s and 25 writes/s limits";

struct Args {
    addr: SocketAddr,
    api_key: String,
    data: Option<String>,
    no_rate_limit: bool,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        addr: SocketAddr::from(([127, 0, 0, 1], 4010)),
        api_key: DEFAULT_API_KEY.to_string(),
        data: None,
        no_rate_limit: false,
    };
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--addr" => {
                let v = value("--addr")?;
                args.addr = v
                    .parse()
                    .map_err(|_| format!("--addr: \"{v}\" is not HOST:PORT"))?;
            }
            "--api-key" => args.api_key = value("--api-key")?,
            "--data" => args.data = Some(value("--data")?),
            "--no-rate-limit" => args.no_rate_limit = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("attio-emulator: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let mut b = Emulator::builder().addr(args.addr).api_key(args.api_key);
    if args.no_rate_limit {
        b = b.no_rate_limits();
    }
    if let Some(d) = &args.data {
        b = b.data_file(d);
    }
    let emu = match b.start().await {
        Ok(e) => e,
        Err(e) => {
            eprintln!("attio-emulator: cannot start on {}: {e}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    println!("{}", emu.base_url());
    println!(
        "Attio API emulator listening on {}/v2 (Ctrl-C to stop)",
        emu.base_url()
    );
    let _ = tokio::signal::ctrl_c().await;
    emu.shutdown().await;
    if let Some(d) = &args.data {
        println!("saved workspace to {d}");
    }
    ExitCode::SUCCESS
}
