//! Every request the probe sends goes through [`Http`]: only to hosts the profile
//! allows, within a global request budget and a rate limit, with a per-request timeout
//! and a response-size cap, and never following a redirect (a check judges the
//! redirect itself; following it could leave the target).

use super::profile::Profile;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// A request, with a path on the target or an absolute URL on an allowed host.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn new(method: &str, target: &str) -> Request {
        Request {
            method: method.to_string(),
            target: target.to_string(),
            headers: vec![],
            body: None,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Request {
        self.headers
            .push(("Content-Type".to_string(), content_type.to_string()));
        self.body = Some(body.into());
        self
    }
}

/// What came back. Bodies beyond the size cap are cut, and say so.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub truncated: bool,
    pub elapsed: Duration,
}

impl Response {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every header of that name (`Set-Cookie` comes several times).
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request was not sent or got no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    #[error("`{0}` is not a host the profile allows (target.allowed-hosts)")]
    OutOfScope(String),
    #[error("the request budget ({0} requests, target.request-budget) is spent")]
    BudgetSpent(u64),
    #[error("no answer within {0} s (target.timeout)")]
    Timeout(u64),
    #[error("{0}")]
    Transport(String),
}

/// The probe's HTTP client.
pub struct Http {
    client: reqwest::Client,
    origin: String,
    allowed: Vec<String>,
    timeout: Duration,
    max_bytes: u64,
    budget: u64,
    sent: AtomicU64,
    interval: Duration,
    next_slot: Mutex<Instant>,
}

/// Installs ring as rustls' provider once (reqwest is built without one, so the slow
/// aws-lc build never happens).
fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Http {
    pub fn new(profile: &Profile) -> Result<Http, HttpError> {
        install_crypto_provider();
        let timeout = Duration::from_secs(profile.timeout_secs);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .pool_max_idle_per_host(4)
            .user_agent(concat!("authgate-probe/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| HttpError::Transport(format!("cannot build the HTTP client: {e}")))?;
        Ok(Http {
            client,
            origin: profile.origin.clone(),
            allowed: profile.allowed_hosts.clone(),
            timeout,
            max_bytes: profile.max_response_bytes,
            budget: profile.request_budget,
            sent: AtomicU64::new(0),
            interval: Duration::from_secs_f64(1.0 / profile.rate),
            next_slot: Mutex::new(Instant::now()),
        })
    }

    /// Requests sent so far.
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// The absolute URL of a target, if it is in scope.
    pub fn url(&self, target: &str) -> Result<reqwest::Url, HttpError> {
        let text = if target.starts_with('/') && !target.starts_with("//") {
            format!("{}{target}", self.origin)
        } else {
            target.to_string()
        };
        let url = reqwest::Url::parse(&text)
            .map_err(|e| HttpError::Transport(format!("`{text}`: {e}")))?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let with_port = format!("{host}:{}", url.port_or_known_default().unwrap_or(0));
        let in_scope = matches!(url.scheme(), "http" | "https")
            && url.username().is_empty()
            && self.allowed.iter().any(|a| *a == host || *a == with_port);
        if !in_scope {
            return Err(HttpError::OutOfScope(host));
        }
        Ok(url)
    }

    /// Sends one request: scope, budget and rate first; the answer is read up to the
    /// size cap within the timeout.
    pub async fn send(&self, request: &Request) -> Result<Response, HttpError> {
        let url = self.url(&request.target)?;
        self.reserve(1).await?;
        self.send_reserved(request, url).await
    }

    /// Sends the requests at the same moment (a race), after reserving their rate
    /// slots together: the average rate holds, the burst is simultaneous.
    pub async fn send_burst(&self, requests: &[Request]) -> Vec<Result<Response, HttpError>> {
        let urls: Vec<_> = requests.iter().map(|r| self.url(&r.target)).collect();
        if let Some(Err(e)) = urls.iter().find(|u| u.is_err()) {
            return requests.iter().map(|_| Err(e.clone())).collect();
        }
        if let Err(e) = self.reserve(requests.len() as u64).await {
            return requests.iter().map(|_| Err(e.clone())).collect();
        }
        let sends = requests
            .iter()
            .zip(urls)
            .map(|(r, u)| self.send_reserved(r, u.expect("checked above")));
        join_all(sends.collect()).await
    }

    /// Takes `n` requests from the budget and waits for their rate slot.
    async fn reserve(&self, n: u64) -> Result<(), HttpError> {
        if self.sent.fetch_add(n, Ordering::Relaxed) + n > self.budget {
            self.sent.fetch_sub(n, Ordering::Relaxed);
            return Err(HttpError::BudgetSpent(self.budget));
        }
        let mut slot = self.next_slot.lock().await;
        let now = Instant::now();
        if *slot > now {
            tokio::time::sleep(*slot - now).await;
        }
        *slot = Instant::now().max(*slot) + self.interval * n as u32;
        Ok(())
    }

    async fn send_reserved(
        &self,
        request: &Request,
        url: reqwest::Url,
    ) -> Result<Response, HttpError> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
            HttpError::Transport(format!("`{}` is not an HTTP method", request.method))
        })?;
        let mut builder = self.client.request(method, url);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let started = Instant::now();
        let secs = self.timeout.as_secs();
        let result = tokio::time::timeout(self.timeout, async {
            let mut response = builder.send().await.map_err(|e| transport(e, secs))?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect();
            let mut body = Vec::new();
            let mut truncated = false;
            while let Some(chunk) = response.chunk().await.map_err(|e| transport(e, secs))? {
                let room = (self.max_bytes as usize).saturating_sub(body.len());
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    truncated = true;
                    break;
                }
                body.extend_from_slice(&chunk);
            }
            Ok(Response {
                status,
                headers,
                body,
                truncated,
                elapsed: started.elapsed(),
            })
        })
        .await;
        result.unwrap_or(Err(HttpError::Timeout(secs)))
    }
}

fn transport(e: reqwest::Error, timeout_secs: u64) -> HttpError {
    if e.is_timeout() {
        return HttpError::Timeout(timeout_secs);
    }
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(inner) = source {
        message.push_str(&format!(": {inner}"));
        source = inner.source();
    }
    HttpError::Transport(message)
}

/// Polls every future to completion, concurrently, in order.
pub async fn join_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, out) in pinned.iter_mut().zip(outputs.iter_mut()) {
            if out.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *out = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs
        .into_iter()
        .map(|o| o.expect("every future finished"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A loopback server that answers every connection with `reply` (after reading the
    /// request head), on its own thread.
    fn serve(reply: impl Fn(&mut std::net::TcpStream) + Send + 'static) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8) {
                let Ok(mut stream) = stream else { return };
                let mut head = [0u8; 4096];
                let _ = stream.read(&mut head);
                reply(&mut stream);
            }
        });
        port
    }

    fn http(port: u16, extra: &str) -> Http {
        let text = format!(
            "[target]\nbase-url = \"http://127.0.0.1:{port}\"\ntimeout = \"1s\"\nmax-response-bytes = 1024\n{extra}\n[credential]\nin = \"header\"\n[login]\nkind = \"command\"\ncommand = [\"true\"]\n[endpoints.protected-read]\npath = \"/me\"\n"
        );
        Http::new(&Profile::parse(&text, "probe.toml").unwrap()).unwrap()
    }

    fn run<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn redirects_are_returned_not_followed() {
        let port = serve(|s| {
            let _ = s.write_all(b"HTTP/1.1 302 Found\r\nLocation: http://evil.example/\r\nContent-Length: 0\r\n\r\n");
        });
        let response = run(http(port, "").send(&Request::new("GET", "/login"))).unwrap();
        assert_eq!(response.status, 302);
        assert_eq!(response.header("location"), Some("http://evil.example/"));
    }

    #[test]
    fn hosts_outside_the_profile_are_never_contacted() {
        let h = http(1, "");
        let err = run(h.send(&Request::new("GET", "http://evil.example/x"))).unwrap_err();
        assert_eq!(err, HttpError::OutOfScope("evil.example".into()));
        assert_eq!(h.sent(), 0);
    }

    #[test]
    fn a_silent_server_times_out_and_a_huge_body_is_cut() {
        let silent = serve(|_| std::thread::sleep(Duration::from_secs(5)));
        let started = Instant::now();
        let err = run(http(silent, "").send(&Request::new("GET", "/me"))).unwrap_err();
        assert_eq!(err, HttpError::Timeout(1));
        assert!(started.elapsed() < Duration::from_secs(3));

        let huge = serve(|s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n");
            let chunk = vec![b'a'; 65536];
            for _ in 0..1600 {
                if s.write_all(&chunk).is_err() {
                    return;
                }
            }
        });
        let response = run(http(huge, "").send(&Request::new("GET", "/me"))).unwrap();
        assert!(response.truncated);
        assert_eq!(response.body.len(), 1024);
    }

    #[test]
    fn invalid_http_is_a_transport_error_and_the_budget_holds() {
        let garbage = serve(|s| {
            let _ = s.write_all(b"SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02");
        });
        let err = run(http(garbage, "").send(&Request::new("GET", "/me"))).unwrap_err();
        assert!(matches!(err, HttpError::Transport(_)), "{err:?}");

        let ok = serve(|s| {
            let _ = s.write_all(b"HTTP/1.1 204 No Content\r\n\r\n");
        });
        let h = http(ok, "request-budget = 1");
        assert!(run(h.send(&Request::new("GET", "/me"))).is_ok());
        assert_eq!(
            run(h.send(&Request::new("GET", "/me"))).unwrap_err(),
            HttpError::BudgetSpent(1)
        );
    }
}
