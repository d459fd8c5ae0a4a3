//! Reading a response body.

use bytes::Bytes;

/// The largest `Content-Length` a body's buffer is sized from before its bytes arrive: a
/// larger body still arrives whole, its buffer growing as it comes.
const PRESIZE_LIMIT: u64 = 8 << 20;

/// Reads a response body. A body that arrives in one chunk is kept as that chunk; one that
/// arrives in several is copied chunk by chunk into one buffer sized from its
/// `Content-Length`, so it is held about once while it arrives, not as all its chunks and
/// then a copy of them (what collecting the body would do): for pages of several hundred
/// kilobytes read many at once (an export) that halves their memory.
pub(crate) async fn read_body(mut response: reqwest::Response) -> Result<Bytes, reqwest::Error> {
    let hint = response.content_length().unwrap_or(0).min(PRESIZE_LIMIT) as usize;
    let Some(first) = response.chunk().await? else {
        return Ok(Bytes::new());
    };
    let Some(second) = response.chunk().await? else {
        return Ok(first);
    };
    let mut buf = Vec::with_capacity(hint.max(first.len() + second.len()));
    buf.extend_from_slice(&first);
    drop(first);
    buf.extend_from_slice(&second);
    drop(second);
    while let Some(chunk) = response.chunk().await? {
        buf.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(buf))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// Serves one raw HTTP response, written in pieces with a flush after each, and
    /// returns the body `read_body` makes of it.
    async fn served(head: &str, pieces: Vec<Vec<u8>>) -> Result<Bytes, reqwest::Error> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let head = head.to_owned();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = [0u8; 1024];
            let _ = socket.read(&mut request).await.unwrap();
            socket.write_all(head.as_bytes()).await.unwrap();
            for piece in pieces {
                socket.write_all(&piece).await.unwrap();
                socket.flush().await.unwrap();
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        });
        let response = reqwest::Client::new()
            .get(format!("http://127.0.0.1:{port}/"))
            .send()
            .await
            .unwrap();
        let body = read_body(response).await;
        server.await.unwrap();
        body
    }

    #[tokio::test]
    async fn a_body_in_many_pieces_is_read_whole_and_in_order() {
        let body: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let pieces: Vec<Vec<u8>> = body.chunks(7_001).map(<[u8]>::to_vec).collect();
        // With its length announced.
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        let read = served(&head, pieces.clone()).await.unwrap();
        assert_eq!(read.as_ref(), body.as_slice());
        // Chunked, with no length.
        let chunked = pieces
            .iter()
            .map(|p| {
                let mut c = format!("{:x}\r\n", p.len()).into_bytes();
                c.extend_from_slice(p);
                c.extend_from_slice(b"\r\n");
                c
            })
            .chain([b"0\r\n\r\n".to_vec()])
            .collect();
        let head = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n";
        let read = served(head, chunked).await.unwrap();
        assert_eq!(read.as_ref(), body.as_slice());
        // Empty, and one short piece.
        let head = "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
        assert!(served(head, vec![]).await.unwrap().is_empty());
        let head = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n";
        assert_eq!(
            served(head, vec![b"{}".to_vec()]).await.unwrap().as_ref(),
            b"{}"
        );
        // A body cut short of its announced length is an error, not a shorter body.
        let head = "HTTP/1.1 200 OK\r\ncontent-length: 100000\r\nconnection: close\r\n\r\n";
        assert!(
            served(head, vec![vec![b'x'; 5_000], vec![b'y'; 5_000]])
                .await
                .is_err()
        );
    }
}
