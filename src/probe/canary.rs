//! A tiny HTTP responder for documents the service fetches from the probe: the
//! canary of the key-URL check (it records every request, so the probe can tell
//! whether the service fetched a `jku` or `x5u` URL named in a token) and the test
//! issuer's discovery document and JWKS.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub struct Canary {
    /// The URL the service is told to fetch (no trailing slash).
    pub url: String,
    hits: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Canary {
    /// Binds `bind` on the runtime and serves the documents `documents(url)` returns
    /// (path → JSON body; every other path is a 404); `url` is `advertised`, the URL
    /// the service can reach it at, or else the bound address.
    pub fn start(
        runtime: &tokio::runtime::Runtime,
        bind: std::net::SocketAddr,
        advertised: Option<&str>,
        documents: impl FnOnce(&str) -> std::collections::BTreeMap<String, String>,
    ) -> std::io::Result<Canary> {
        let listener = runtime.block_on(tokio::net::TcpListener::bind(bind))?;
        let addr = listener.local_addr()?;
        let url = advertised
            .map(|u| u.trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{addr}"));
        let documents = documents(&url);
        let hits = Arc::new(Mutex::new(Vec::new()));
        let recorded = hits.clone();
        let task = runtime.spawn(async move {
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    return;
                };
                let recorded = recorded.clone();
                let documents = documents.clone();
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut buf = [0u8; 1024];
                    let read = async {
                        while head.len() < 8192 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
                            match stream.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => head.extend_from_slice(&buf[..n]),
                            }
                        }
                    };
                    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), read).await;
                    let line = String::from_utf8_lossy(&head)
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .chars()
                        .take(200)
                        .collect::<String>();
                    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                    recorded.lock().expect("canary lock").push(line);
                    let path = path.split('?').next().unwrap_or_default();
                    let (status, body) = match documents.get(path) {
                        Some(body) => ("200 OK", body.clone()),
                        None => ("404 Not Found", String::new()),
                    };
                    let response = format!(
                        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = stream.write_all(response.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Ok(Canary { url, hits, task })
    }

    /// The request lines received so far.
    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().expect("canary lock").clone()
    }
}

impl Drop for Canary {
    fn drop(&mut self) {
        self.task.abort();
    }
}
