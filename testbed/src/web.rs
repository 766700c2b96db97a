//! Small HTTP helpers the OAuth servers share: parameters, cookies, HTML pages, redirects.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use reqwest::Url;

/// Form or query parameters in order. Parameters sent without a value are
/// dropped: RFC 6749 §3.1 treats them as omitted.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(input: &[u8]) -> Params {
        Params(
            form_urlencoded::parse(input)
                .into_owned()
                .filter(|(_, v)| !v.is_empty())
                .collect(),
        )
    }

    pub(crate) fn from_query(query: Option<&str>) -> Params {
        Params::parse(query.unwrap_or("").as_bytes())
    }

    /// The first value of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Is `name` given more than once?
    pub(crate) fn repeated(&self, name: &str) -> bool {
        self.0.iter().filter(|(k, _)| k == name).count() > 1
    }

    /// The first parameter name given more than once, if any.
    pub(crate) fn any_repeated(&self) -> Option<&str> {
        self.0
            .iter()
            .map(|(k, _)| k.as_str())
            .find(|k| self.repeated(k))
    }
}

/// The value of cookie `name`, if the request carries exactly one such cookie.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    let mut found = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string());
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// `name=value; HttpOnly; Secure; SameSite=Lax; Path=/` (with `Max-Age=0` to clear);
/// the names carry the `__Host-` prefix.
pub(crate) fn set_cookie(name: &str, value: &str, clear: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; HttpOnly; Secure; SameSite=Lax; Path=/");
    if clear {
        c.push_str("; Max-Age=0");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole HTML page; `body` is already HTML. Not cacheable, not frameable.
pub(crate) fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let page = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n<h1>{}</h1>\n{body}\n</body></html>\n",
        escape(title),
        escape(title)
    );
    let mut r = (status, page).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// 302 to `location` (which must be a valid header value; callers build it
/// from parsed URLs or from their own ids).
pub(crate) fn found(location: &str) -> Response {
    let mut r = StatusCode::FOUND.into_response();
    match HeaderValue::from_str(location) {
        Ok(v) => {
            r.headers_mut().insert(header::LOCATION, v);
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(_) => html(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "<p>bad redirect</p>",
        ),
    }
}

/// `uri` with the parameters appended to its query (an existing query is
/// kept, RFC 6749 §3.1.2); None when `uri` is not an absolute URL.
pub(crate) fn with_params(uri: &str, params: &[(&str, &str)]) -> Option<String> {
    let mut url = Url::parse(uri).ok()?;
    if url.cannot_be_a_base() {
        return None;
    }
    if !params.is_empty() {
        let mut q = url.query_pairs_mut();
        for (k, v) in params {
            q.append_pair(k, v);
        }
    }
    Some(url.to_string())
}

/// Decodes an `application/x-www-form-urlencoded` value (`+` is a space).
pub(crate) fn form_decode(text: &str) -> Option<String> {
    let plus = text.replace('+', " ");
    percent_encoding::percent_decode_str(&plus)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// Encodes a value as `application/x-www-form-urlencoded`.
pub(crate) fn form_encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_drop_empty_values_and_spot_repeats() {
        let p = Params::parse(b"a=1&b=&a=2&c=3");
        assert_eq!(p.get("a"), Some("1"));
        assert_eq!(p.get("b"), None);
        assert!(p.repeated("a"));
        assert_eq!(p.any_repeated(), Some("a"));
        assert_eq!(Params::parse(b"x=1&y=2").any_repeated(), None);
    }

    #[test]
    fn form_round_trip() {
        let s = "a b&c=d%e:f";
        assert_eq!(form_decode(&form_encode(s)).as_deref(), Some(s));
    }

    #[test]
    fn with_params_keeps_the_query() {
        assert_eq!(
            with_params("http://a.test/cb?x=1", &[("code", "c d")]).as_deref(),
            Some("http://a.test/cb?x=1&code=c+d")
        );
        assert_eq!(with_params("not a url", &[]), None);
    }
}
