//! A tiny HTTP responder for requests the service makes to the probe: the canary of
//! the key-URL check (it records every request, so the probe can tell whether the
//! service fetched a `jku` or `x5u` URL named in a token), the test issuer's
//! discovery document and JWKS, and the test provider's token endpoint.
//!
//! It reads one request per connection (a head of at most 8 KiB and a body of at most
//! 64 KiB, within 2 seconds), answers it and closes the connection.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A request the responder received.
#[derive(Debug, Clone, Default)]
pub struct Received {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Form fields of an `application/x-www-form-urlencoded` body (or the query).
    pub fn form(&self) -> BTreeMap<String, String> {
        let text = if self.method == "GET" {
            self.target
                .split_once('?')
                .map_or("", |(_, q)| q)
                .to_string()
        } else {
            String::from_utf8_lossy(&self.body).into_owned()
        };
        reqwest::Url::parse(&format!("http://x/?{text}"))
            .map(|u| u.query_pairs().into_owned().collect())
            .unwrap_or_default()
    }
}

/// An answer: status, headers and body.
pub type Answer = (u16, Vec<(String, String)>, String);

pub type Handler = dyn Fn(&Received) -> Answer + Send + Sync;

pub struct Canary {
    /// The URL the service is told to use (no trailing slash).
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
        documents: impl FnOnce(&str) -> BTreeMap<String, String>,
    ) -> std::io::Result<Canary> {
        Canary::serve(runtime, bind, advertised, |url| {
            let documents = documents(url);
            Arc::new(
                move |request: &Received| match documents.get(request.path()) {
                    Some(body) => (200, json_type(), body.clone()),
                    None => (404, vec![], String::new()),
                },
            )
        })
    }

    /// Binds `bind` and answers every request with the handler `handler(url)` makes.
    pub fn serve(
        runtime: &tokio::runtime::Runtime,
        bind: std::net::SocketAddr,
        advertised: Option<&str>,
        handler: impl FnOnce(&str) -> Arc<Handler>,
    ) -> std::io::Result<Canary> {
        let listener = runtime.block_on(tokio::net::TcpListener::bind(bind))?;
        let addr = listener.local_addr()?;
        let url = advertised
            .map(|u| u.trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{addr}"));
        let handler = handler(&url);
        let hits = Arc::new(Mutex::new(Vec::new()));
        let recorded = hits.clone();
        let task = runtime.spawn(async move {
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    return;
                };
                let recorded = recorded.clone();
                let handler = handler.clone();
                tokio::spawn(async move {
                    let read = tokio::time::timeout(
                        std::time::Duration::from_secs(2),
                        read_request(&mut stream),
                    )
                    .await;
                    let Ok(Some(request)) = read else {
                        return;
                    };
                    let line: String = format!("{} {}", request.method, request.target)
                        .chars()
                        .take(200)
                        .collect();
                    recorded.lock().expect("canary lock").push(line);
                    let (status, headers, body) = handler(&request);
                    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
                    for (name, value) in headers {
                        head.push_str(&format!("{name}: {value}\r\n"));
                    }
                    head.push_str(&format!(
                        "Content-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    ));
                    let _ = stream.write_all(head.as_bytes()).await;
                    let _ = stream.write_all(body.as_bytes()).await;
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

pub fn json_type() -> Vec<(String, String)> {
    vec![("Content-Type".into(), "application/json".into())]
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        _ => "Not Found",
    }
}

async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<Received> {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if data.len() > 8192 {
            return None;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let mut lines = head.lines();
    let mut first = lines.next()?.split_whitespace();
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0)
        .min(64 * 1024);
    let mut body = data[head_end..].to_vec();
    while body.len() < length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    body.truncate(length);
    Some(Received {
        method,
        target,
        headers,
        body,
    })
}
