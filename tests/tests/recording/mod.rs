//! A server that answers every request with one canned body and records what it was sent,
//! for the calls whose bodies and paths the tests check byte for byte.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as a recording server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The request line, e.g. `PATCH /v2/lists/sales HTTP/1.1`.
    pub line: String,
    /// The body, as sent.
    pub body: String,
}

/// A server that answers every request with `200` and `body`, and records each request's
/// line and body.
pub async fn recording(body: impl Into<String>) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let body = body.into();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let (head_end, length) = loop {
                match socket.read(&mut chunk).await {
                    Ok(0) | Err(_) => break (buf.len(), 0),
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                    let length = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .map_or(0, |v| v.trim().parse().unwrap_or(0));
                    break (i + 4, length);
                }
            };
            while buf.len() < head_end + length {
                match socket.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let text = String::from_utf8_lossy(&buf).into_owned();
            log.lock().unwrap().push(Seen {
                line: text.lines().next().unwrap_or_default().to_owned(),
                body: text.get(head_end..).unwrap_or_default().to_owned(),
            });
            let _ = socket.write_all(answer.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (url, seen)
}
