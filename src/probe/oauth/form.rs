//! HTML forms of login and consent pages, read with `scraper` (html5ever): the
//! action, the method, every field with its value (hidden inputs carried over) and
//! the submit buttons.

use scraper::{Html, Selector};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Absolute URL the form submits to.
    pub action: String,
    pub method: String,
    /// Named fields and their current values (text, hidden, checked boxes, selects).
    pub fields: Vec<(String, String)>,
    /// Names of password inputs.
    pub passwords: Vec<String>,
    /// Submit buttons with a name: `(name, value)`.
    pub buttons: Vec<(String, String)>,
}

impl Form {
    /// The body to submit: every field, `fill` overriding or adding, and the button.
    pub fn submission(&self, fill: &[(&str, &str)], button: Option<(&str, &str)>) -> String {
        let mut fields: Vec<(String, String)> = self
            .fields
            .iter()
            .filter(|(name, _)| !fill.iter().any(|(f, _)| f == name))
            .cloned()
            .collect();
        fields.extend(fill.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        if let Some((name, value)) = button {
            fields.push((name.to_string(), value.to_string()));
        }
        crate::probe::session::encode_pairs(&fields)
    }
}

/// The forms of a page at `page_url`.
pub fn forms(html: &str, page_url: &reqwest::Url) -> Vec<Form> {
    let doc = Html::parse_document(html);
    let form_sel = Selector::parse("form").expect("a valid selector");
    let field_sel = Selector::parse("input, button, select, textarea").expect("a valid selector");
    let option_sel = Selector::parse("option").expect("a valid selector");
    let mut out = vec![];
    for form in doc.select(&form_sel) {
        let attr = |name: &str| form.value().attr(name).map(str::to_string);
        let action = attr("action")
            .filter(|a| !a.trim().is_empty())
            .and_then(|a| page_url.join(a.trim()).ok())
            .unwrap_or_else(|| page_url.clone());
        let mut parsed = Form {
            action: action.to_string(),
            method: attr("method")
                .unwrap_or_else(|| "GET".into())
                .to_ascii_uppercase(),
            fields: vec![],
            passwords: vec![],
            buttons: vec![],
        };
        for field in form.select(&field_sel) {
            let el = field.value();
            let Some(name) = el.attr("name").map(str::to_string) else {
                continue;
            };
            let value = el.attr("value").unwrap_or_default().to_string();
            let kind = el.attr("type").unwrap_or_default().to_ascii_lowercase();
            match el.name() {
                "button" if kind.is_empty() || kind == "submit" => {
                    parsed.buttons.push((name, value))
                }
                "button" => {}
                "input" => match kind.as_str() {
                    "submit" | "image" => parsed.buttons.push((name, value)),
                    "password" => parsed.passwords.push(name),
                    "checkbox" | "radio" if el.attr("checked").is_none() => {}
                    "checkbox" | "radio" => parsed
                        .fields
                        .push((name, if value.is_empty() { "on".into() } else { value })),
                    "file" | "reset" => {}
                    _ => parsed.fields.push((name, value)),
                },
                "select" => {
                    let options: Vec<_> = field.select(&option_sel).collect();
                    let chosen = options
                        .iter()
                        .find(|o| o.value().attr("selected").is_some())
                        .or(options.first());
                    if let Some(o) = chosen {
                        let v = o
                            .value()
                            .attr("value")
                            .map(str::to_string)
                            .unwrap_or_else(|| o.text().collect::<String>().trim().to_string());
                        parsed.fields.push((name, v));
                    }
                }
                "textarea" => parsed.fields.push((name, field.text().collect())),
                _ => {}
            }
        }
        out.push(parsed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_inputs_buttons_and_passwords_are_read() {
        let page = r#"<html><body>
<form method="post" action="/login">
  <input type="hidden" name="request" value="r1">
  <input type="hidden" name="csrf" value="a&amp;b">
  <input name="username"><input type="password" name="password">
  <input type="checkbox" name="remember">
  <select name="lang"><option value="en">English</option><option value="de" selected>Deutsch</option></select>
  <button type="submit" name="action" value="login">Sign in</button>
</form>
<form action="consent"><button name="decision" value="approve">Yes</button><button name="decision" value="deny">No</button></form>
</body></html>"#;
        let url = reqwest::Url::parse("http://127.0.0.1:1/authorize?x=1").unwrap();
        let forms = forms(page, &url);
        assert_eq!(forms.len(), 2);
        let login = &forms[0];
        assert_eq!(login.action, "http://127.0.0.1:1/login");
        assert_eq!(login.method, "POST");
        assert_eq!(login.passwords, vec!["password"]);
        assert!(login.fields.contains(&("csrf".into(), "a&b".into())));
        assert!(login.fields.contains(&("lang".into(), "de".into())));
        assert!(
            !login.fields.iter().any(|(n, _)| n == "remember"),
            "unchecked boxes are not sent"
        );
        assert_eq!(
            login.buttons,
            vec![("action".to_string(), "login".to_string())]
        );
        let body = login.submission(
            &[("username", "alice"), ("password", "p w")],
            Some(("action", "login")),
        );
        assert!(
            body.contains("csrf=a%26b")
                && body.contains("password=p+w")
                && body.ends_with("action=login")
        );
        assert_eq!(forms[1].action, "http://127.0.0.1:1/consent");
        assert_eq!(forms[1].method, "GET");
        assert_eq!(forms[1].buttons.len(), 2);
    }
}
