//! Value tracking inside one file: what an expression bound to a metavariable holds
//! at the point of use.
//!
//! How far it reaches (and no further):
//! - an identifier resolves to the value last assigned to it *before the use* in the
//!   same function (textual order: a branch that may not run still counts), else to a
//!   module-level / class-level assignment anywhere in the file;
//! - that value is resolved again (up to [`MAX_DEPTH`] steps), so `a = b; b = "x"` works;
//! - string, number and boolean literals resolve to their value; dictionary and object
//!   literals to their text, with spread (`...base`) and `**base` members resolved and
//!   appended;
//! - configuration look-ups (`os.environ.get("K")`, `os.getenv`, `settings.K`,
//!   `app.config["K"]`, `process.env.K`, `config.get("k")`, `os.Getenv("K")`,
//!   `viper.GetString("k")`, `env.getProperty("k")`, `System.getenv("K")`) resolve to a
//!   configuration key, looked up in the project's configuration facts after the walk;
//! - nothing crosses a function call, an import, or another file (no inter-procedural
//!   flow); parameters, attributes of objects (`self.x`, `this.x`) and loop variables
//!   stay unresolved and keep their expression text;
//! - for provenance only (where a value came from, never what it is): a parameter's
//!   declaration joins the chain (`@RequestHeader String role`, `x: str = Header()`);
//!   the receiver of a member, index or method expression is resolved into `roots`
//!   (`claims.get("role")` after `claims = jwt.decode(...)`); destructuring binds every
//!   name to the whole value; and in Go a call that fills a variable through a pointer
//!   before the use (`json.Unmarshal(b, &v)`, `c.ShouldBindJSON(&v)`) joins `roots`,
//!   with its identifier arguments resolved; both branches of a conditional expression
//!   (`a ? b : c`, `b if a else c`); the assignment before a reassignment inside an `if`
//!   block that does not hold the use (it may not have run); and what the file stores
//!   under a session key that the value reads (`req.session.returnTo = req.query.r` at one
//!   step of a login, `req.session.returnTo` at the next; gorilla `Values["k"]`, scs
//!   `Put`/`GetString`/`PopString`, Flask `session["k"]`, servlet `setAttribute`).

use crate::scan::lang::Lang;
use ast_grep_core::tree_sitter::StrDoc;
use ast_grep_core::Node;
use ast_grep_language::SupportLang;
use regex::Regex;
use std::sync::OnceLock;

pub const MAX_DEPTH: usize = 6;

type AstNode<'r> = Node<'r, StrDoc<SupportLang>>;

/// One step of a resolution, kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub description: String,
    /// 1-based line in the file being scanned.
    pub line: usize,
}

/// What a metavariable resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A literal, unquoted.
    Literal(String),
    /// A configuration key; `default` is the fallback written in the code, if any.
    Config {
        key: String,
        default: Option<String>,
    },
    /// An expression that could not be reduced further, as written.
    Expression(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: Value,
    /// Every expression met on the way, outermost first (used for request-source checks).
    pub chain: Vec<String>,
    /// Expressions that produced the object this value was read from: the resolved
    /// receiver of `x.y`, `x[k]`, `x.m()`, and Go calls that filled `x` through `&x`.
    pub roots: Vec<String>,
    pub steps: Vec<Step>,
}

impl Resolved {
    /// A value read from text (a regex group): the text itself, unquoted.
    pub fn literal(text: &str) -> Resolved {
        let trimmed = text.trim();
        Resolved {
            value: Value::Literal(crate::facts::unquote_literal(trimmed).to_string()),
            chain: vec![trimmed.to_string()],
            roots: vec![],
            steps: vec![],
        }
    }

    /// Nothing resolved yet: the accumulator a resolution fills in.
    fn empty() -> Resolved {
        Resolved {
            value: Value::Expression(String::new()),
            chain: Vec::new(),
            roots: Vec::new(),
            steps: Vec::new(),
        }
    }
}

/// Resolves `node` as far as the rules above allow.
pub fn resolve(node: &AstNode<'_>, lang: Lang) -> Resolved {
    let mut resolved = Resolved::empty();
    resolved.value = resolve_node(node, lang, 0, &mut resolved);
    resolved
}

fn resolve_node(node: &AstNode<'_>, lang: Lang, depth: usize, out: &mut Resolved) -> Value {
    let text = node.text().to_string();
    out.chain.push(text.clone());
    let kind = node.kind();
    if let Some(literal) = literal(&kind, &text) {
        return Value::Literal(literal);
    }
    if let Some(config) = config_lookup(lang, &text) {
        return config;
    }
    if depth >= MAX_DEPTH {
        return Value::Expression(text);
    }
    // `req.session.returnTo`, `sess.Values["next"]`: what this file stores under that
    // session key joins the chain (provenance only), so request data kept in the session
    // at one step of a login and read back at the next is still request data.
    if depth < MAX_DEPTH - 1 {
        for (value, line) in session_writes(node, lang, &text) {
            let mut inner = Resolved::empty();
            resolve_node(&value, lang, MAX_DEPTH - 1, &mut inner);
            out.steps.push(Step {
                description: format!("stored in the session at line {line}"),
                line,
            });
            out.chain.extend(inner.chain);
        }
    }
    if is_identifier(lang, &kind) {
        let assigned = find_assignment(node, lang, &text);
        // Go variables declared empty (`var v T`, `v := &T{}`) are filled by calls.
        if lang == Lang::Go
            && assigned
                .as_ref()
                .is_none_or(|(value, _, _)| declared_empty(value))
        {
            fill_calls(node, lang, &text, depth, out);
        }
        if let Some((value_node, description, earlier)) = assigned {
            out.steps.push(Step {
                description,
                line: value_node.start_pos().line() + 1,
            });
            // `to := r.FormValue("to"); if !ok(to) { to = "/" }`: the value assigned
            // before a conditional reassignment still reaches the use, so its origin
            // joins the chain (the value itself stays the last assignment's).
            if let Some(earlier) = earlier {
                let mut inner = Resolved::empty();
                resolve_node(&earlier, lang, depth + 1, &mut inner);
                let value = resolve_node(&value_node, lang, depth + 1, out);
                out.chain.extend(inner.chain);
                out.roots.extend(inner.roots);
                return value;
            }
            return resolve_node(&value_node, lang, depth + 1, out);
        }
        if let Some(parameter) = parameter_declaration(node, lang, &text) {
            out.chain.push(parameter.text().to_string());
        }
        return Value::Expression(text);
    }
    // `auditParser(key)`, `this.webhookParser()`, `strictOpts()`: a helper of this file
    // that returns one expression stands for that expression.
    if let Some((returned, name)) = helper_return(node, lang) {
        out.steps.push(Step {
            description: format!(
                "returned by `{name}` at line {}",
                returned.start_pos().line() + 1
            ),
            line: returned.start_pos().line() + 1,
        });
        return resolve_node(&returned, lang, depth + 1, out);
    }
    if let Some(receiver) = receiver_root(node, lang) {
        let mut inner = Resolved::empty();
        resolve_node(&receiver, lang, depth + 1, &mut inner);
        out.roots.extend(inner.chain);
        out.roots.extend(inner.roots);
    }
    // `[]byte("k")`, `Buffer.from("k")`, `"k".getBytes()`, `"k".encode()`: the
    // encoded value is the literal's.
    if let Some(inner) = encoding_operand(node, lang) {
        return resolve_node(&inner, lang, depth + 1, out);
    }
    // `process.env.K || "dev"`, `os.environ.get("K") or "dev"`: a fallback literal.
    if let Some((left, right)) = fallback_operands(node, lang) {
        let first = resolve_node(&left, lang, depth + 1, out);
        let second = resolve_node(&right, lang, depth + 1, out);
        return match (first, second) {
            (Value::Config { key, default: None }, Value::Literal(fallback)) => Value::Config {
                key,
                default: Some(fallback),
            },
            (Value::Expression(_), literal @ Value::Literal(_)) => literal,
            (first, _) => first,
        };
    }
    if matches!(&*kind, "dictionary" | "object" | "composite_literal") {
        // Spread members contribute their own resolved text.
        let mut combined = text.clone();
        for child in node.children() {
            let spread = match &*child.kind() {
                "spread_element" | "dictionary_splat" => child.child(1).or_else(|| child.child(0)),
                _ => None,
            };
            if let Some(inner) = spread {
                if let Value::Expression(t) | Value::Literal(t) =
                    resolve_node(&inner, lang, depth + 1, out)
                {
                    combined.push('\n');
                    combined.push_str(&t);
                }
            }
        }
        return Value::Expression(combined);
    }
    // `landing != null ? landing : "/home"`, `a if ok else b`: either branch may be the
    // value, so both join the chain; the value is the whole expression.
    if let Some(branches) = conditional_branches(node, lang) {
        for branch in branches {
            resolve_node(&branch, lang, depth + 1, out);
        }
        return Value::Expression(text);
    }
    if matches!(&*kind, "parenthesized_expression" | "expression_list")
        && node.children().count() <= 3
    {
        if let Some(inner) = node.children().find(|c| c.is_named()) {
            return resolve_node(&inner, lang, depth + 1, out);
        }
    }
    Value::Expression(text)
}

/// The operand of a call that only re-encodes or wraps a value (as bytes, in an
/// `Optional`, through `requireNonNull`).
fn encoding_operand<'r>(node: &AstNode<'r>, lang: Lang) -> Option<AstNode<'r>> {
    let first_argument = |call: &AstNode<'r>| {
        call.field("arguments")
            .and_then(|args| args.children().find(|c| c.is_named()))
    };
    match (lang, &*node.kind()) {
        (Lang::Go, "call_expression" | "type_conversion_expression") => {
            let function = node.field("function").or_else(|| node.field("type"))?;
            if function.text() != "[]byte" {
                return None;
            }
            first_argument(node).or_else(|| node.field("operand"))
        }
        (Lang::JavaScript | Lang::TypeScript | Lang::Tsx, "call_expression") => {
            let function = node.field("function")?.text().to_string();
            let compact: String = function.split_whitespace().collect();
            let encodes = compact == "Buffer.from"
                || compact.ends_with("TextEncoder().encode")
                || compact.ends_with("TextEncoder.encode");
            if encodes {
                first_argument(node)
            } else {
                None
            }
        }
        (Lang::Java, "method_invocation") => {
            let name = node.field("name")?.text().to_string();
            let object = node.field("object").map(|o| o.text().to_string());
            match (name.as_str(), object.as_deref()) {
                ("getBytes", _) => node.field("object"),
                // `Optional.ofNullable(x).orElse(d)`: the value is x's (or the default).
                ("orElse" | "orElseGet" | "orElseThrow", Some(o))
                    if o.starts_with("Optional.of") || o.starts_with("java.util.Optional.of") =>
                {
                    node.field("object")
                }
                ("ofNullable" | "of", Some("Optional" | "java.util.Optional"))
                | (
                    "requireNonNull" | "requireNonNullElse",
                    Some("Objects" | "java.util.Objects"),
                )
                | ("valueOf", Some("String")) => first_argument(node),
                _ => None,
            }
        }
        (Lang::Python, "call") => {
            let function = node.field("function")?;
            if function.kind() != "attribute" || function.field("attribute")?.text() != "encode" {
                return None;
            }
            function.field("object")
        }
        _ => None,
    }
}

/// Session keys read in `text`, by language: gorilla/sessions `sess.Values["k"]` and
/// scs `sm.GetString(ctx, "k")`/`PopString`; `req.session.k`; Flask `session["k"]`,
/// `session.get("k")`/`pop`; servlet `getAttribute("k")`.
fn session_reads(lang: Lang) -> &'static Regex {
    static READS: OnceLock<Vec<(Lang, Regex)>> = OnceLock::new();
    let all = READS.get_or_init(|| {
        let go = r#"\bValues\["(\w+)"\]|\b(?:sm|sess\w*|session\w*|Session\w*)\.(?:Pop|Get)\w*\([^,()]*(?:\(\))?,\s*"(\w+)"\)"#;
        let js = r#"\breq\.session[!?]?\??\.(\w+)|\breq\.session\[["'](\w+)["']\]"#;
        let python = r#"\bsession\[["'](\w+)["']\]|\bsession\.(?:get|pop)\(["'](\w+)["']"#;
        let java = r#"\bgetAttribute\("(\w+)"\)"#;
        [
            (Lang::Python, python),
            (Lang::JavaScript, js),
            (Lang::TypeScript, js),
            (Lang::Tsx, js),
            (Lang::Go, go),
            (Lang::Java, java),
        ]
        .into_iter()
        .map(|(l, p)| (l, Regex::new(p).expect("valid session pattern")))
        .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has session reads")
        .1
}

/// The first capture group that took part in a match.
fn first_group(captures: &regex::Captures<'_>) -> Option<String> {
    captures
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map(|m| m.as_str().to_string())
}

/// The values this file stores under the session keys that `text` reads, with their
/// lines: assignments (`sess.Values["k"] = v`, `req.session.k = v`, `session["k"] = v`)
/// and calls (`sm.Put(ctx, "k", v)`, `session.setAttribute("k", v)`).
fn session_writes<'r>(node: &AstNode<'r>, lang: Lang, text: &str) -> Vec<(AstNode<'r>, usize)> {
    let keys: Vec<String> = session_reads(lang)
        .captures_iter(text)
        .filter_map(|c| first_group(&c))
        .collect();
    if keys.is_empty() {
        return vec![];
    }
    let reads = session_reads(lang);
    let mut found = Vec::new();
    for candidate in node.root().root().dfs() {
        for (target, value) in assignments(&candidate, lang) {
            let stored = reads
                .captures(&target)
                .filter(|c| c.get(0).is_some_and(|m| m.end() == target.len()))
                .and_then(|c| first_group(&c));
            if stored.is_some_and(|k| keys.contains(&k)) && !value.text().contains(text) {
                let line = value.start_pos().line() + 1;
                found.push((value, line));
            }
        }
        let is_call = matches!(&*candidate.kind(), "call_expression" | "method_invocation");
        if !is_call {
            continue;
        }
        let function = candidate
            .field("function")
            .or_else(|| candidate.field("name"))
            .map(|f| f.text().to_string())
            .unwrap_or_default();
        if !(function.ends_with(".Put") || function == "setAttribute") {
            continue;
        }
        let Some(arguments) = candidate.field("arguments") else {
            continue;
        };
        let args: Vec<AstNode<'r>> = arguments.children().filter(|c| c.is_named()).collect();
        let key_at = usize::from(lang == Lang::Go);
        let (Some(key), Some(value)) = (args.get(key_at), args.get(key_at + 1)) else {
            continue;
        };
        let key = crate::facts::unquote_literal(&key.text()).to_string();
        if keys.contains(&key) {
            let line = value.start_pos().line() + 1;
            found.push((value.clone(), line));
        }
    }
    found
}

/// The branches of a conditional expression: `c ? a : b` (JavaScript, Java) and
/// `a if c else b` (Python).
fn conditional_branches<'r>(node: &AstNode<'r>, lang: Lang) -> Option<Vec<AstNode<'r>>> {
    let branches = match (lang, &*node.kind()) {
        (Lang::JavaScript | Lang::TypeScript | Lang::Tsx | Lang::Java, "ternary_expression") => {
            vec![node.field("consequence")?, node.field("alternative")?]
        }
        (Lang::Python, "conditional_expression") => {
            let named: Vec<_> = node.children().filter(|c| c.is_named()).collect();
            // `a if c else b`: the first and last operands are the values.
            vec![named.first()?.clone(), named.last()?.clone()]
        }
        _ => return None,
    };
    Some(branches)
}

/// The two sides of `a || b`, `a ?? b` (JavaScript) and `a or b` (Python).
fn fallback_operands<'r>(node: &AstNode<'r>, lang: Lang) -> Option<(AstNode<'r>, AstNode<'r>)> {
    let operator = node.field("operator")?.text().to_string();
    let fallback = match lang {
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
            node.kind() == "binary_expression" && (operator == "||" || operator == "??")
        }
        Lang::Python => node.kind() == "boolean_operator" && operator == "or",
        _ => false,
    };
    if !fallback {
        return None;
    }
    Some((node.field("left")?, node.field("right")?))
}

fn literal(kind: &str, text: &str) -> Option<String> {
    let is_string = matches!(
        kind,
        "string" | "string_literal" | "interpreted_string_literal" | "raw_string_literal"
    ) || (kind == "template_string" && !text.contains("${"));
    if is_string && !text.starts_with(['f', 'F']) {
        return Some(crate::facts::unquote_literal(text).to_string());
    }
    let is_scalar = matches!(
        kind,
        "integer"
            | "float"
            | "number"
            | "int_literal"
            | "float_literal"
            | "decimal_integer_literal"
            | "decimal_floating_point_literal"
            | "true"
            | "false"
            | "none"
            | "null"
            | "nil"
    );
    is_scalar.then(|| text.to_string())
}

fn is_identifier(lang: Lang, kind: &str) -> bool {
    kind == "identifier" || (lang == Lang::Go && kind == "field_identifier")
}

/// Configuration look-ups by language, as regular expressions over the expression
/// text: group `key` is the configuration key, group `default` an optional fallback.
fn config_patterns(lang: Lang) -> &'static [Regex] {
    static PATTERNS: OnceLock<Vec<(Lang, Vec<Regex>)>> = OnceLock::new();
    let all = PATTERNS.get_or_init(|| {
        let build = |patterns: &[&str]| patterns.iter().map(|p| Regex::new(p).expect("valid pattern")).collect();
        let q = r#"["']"#;
        let python = build(&[
            &format!(r#"^os\.(?:environ\.get|getenv)\(\s*{q}(?P<key>[^"']+){q}\s*(?:,\s*{q}(?P<default>[^"']*){q})?\s*\)$"#),
            &format!(r#"^os\.environ\[\s*{q}(?P<key>[^"']+){q}\s*\]$"#),
            &format!(r#"^(?:[\w.]*\.)?(?:config|settings)\[\s*{q}(?P<key>[^"']+){q}\s*\]$"#),
            &format!(r#"^(?:[\w.]*\.)?(?:config|settings)\.get\(\s*{q}(?P<key>[^"']+){q}\s*(?:,\s*{q}(?P<default>[^"']*){q})?\s*\)$"#),
            r"^(?:django\.conf\.)?settings\.(?P<key>[A-Z][A-Z0-9_]*)$",
        ]);
        let js = build(&[
            r"^process\.env\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)$",
            &format!(r#"^process\.env\[\s*{q}(?P<key>[^"']+){q}\s*\]$"#),
            &format!(r#"^(?:[\w.]*\.)?config\.get\(\s*{q}(?P<key>[^"']+){q}\s*\)$"#),
        ]);
        let go = build(&[
            r#"^os\.Getenv\(\s*"(?P<key>[^"]+)"\s*\)$"#,
            r#"^viper\.Get(?:String|Int|Int64|Bool|Duration)?\(\s*"(?P<key>[^"]+)"\s*\)$"#,
        ]);
        let java = build(&[
            r#"^(?:[\w.()]*\.)?get(?:Required)?Property\(\s*"(?P<key>[^"]+)"\s*(?:,\s*"(?P<default>[^"]*)"\s*)?\)$"#,
            r#"^System\.getenv\(\s*"(?P<key>[^"]+)"\s*\)$"#,
        ]);
        vec![
            (Lang::Python, python),
            (Lang::JavaScript, js.clone()),
            (Lang::TypeScript, js.clone()),
            (Lang::Tsx, js),
            (Lang::Go, go),
            (Lang::Java, java),
        ]
    });
    all.iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, p)| p.as_slice())
        .unwrap_or(&[])
}

fn config_lookup(lang: Lang, text: &str) -> Option<Value> {
    let compact: String = if text.contains('\n') {
        text.split_whitespace().collect()
    } else {
        text.to_string()
    };
    config_patterns(lang).iter().find_map(|pattern| {
        let captures = pattern.captures(&compact)?;
        Some(Value::Config {
            key: captures.name("key")?.as_str().to_string(),
            default: captures.name("default").map(|d| d.as_str().to_string()),
        })
    })
}

fn function_kinds(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Python => &["function_definition", "lambda"],
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => &[
            "function_declaration",
            "function_expression",
            "arrow_function",
            "method_definition",
            "generator_function_declaration",
            "function",
        ],
        Lang::Go => &["function_declaration", "method_declaration", "func_literal"],
        Lang::Java => &[
            "method_declaration",
            "constructor_declaration",
            "lambda_expression",
        ],
    }
}

/// `(target, value)` pairs an assignment-like node binds.
fn assignments<'r>(node: &AstNode<'r>, lang: Lang) -> Vec<(String, AstNode<'r>)> {
    let kind = node.kind();
    let field_pair = |target: &str, value: &str| -> Vec<(String, AstNode<'r>)> {
        match (node.field(target), node.field(value)) {
            (Some(t), Some(v)) => vec![(t.text().to_string(), v)],
            _ => vec![],
        }
    };
    match (lang, &*kind) {
        (Lang::Python, "assignment") => field_pair("left", "right"),
        (Lang::JavaScript | Lang::TypeScript | Lang::Tsx | Lang::Java, "variable_declarator") => {
            field_pair("name", "value")
        }
        (Lang::JavaScript | Lang::TypeScript | Lang::Tsx | Lang::Java, "assignment_expression") => {
            field_pair("left", "right")
        }
        (Lang::Go, "short_var_declaration" | "assignment_statement") => {
            let (Some(left), Some(right)) = (node.field("left"), node.field("right")) else {
                return vec![];
            };
            let names: Vec<String> = left
                .children()
                .filter(|c| c.is_named())
                .map(|c| c.text().to_string())
                .collect();
            let values: Vec<AstNode<'r>> = right.children().filter(|c| c.is_named()).collect();
            // `v, err := f()`, `v, ok := x.(T)`: the first name holds
            // the main result.
            if values.len() == 1
                && names.len() > 1
                && matches!(
                    &*values[0].kind(),
                    "call_expression" | "type_assertion_expression"
                )
            {
                return vec![(names[0].clone(), values[0].clone())];
            }
            if names.len() != values.len() {
                return vec![];
            }
            names.into_iter().zip(values).collect()
        }
        (Lang::Go, "var_spec" | "const_spec") => {
            let names: Vec<String> = node
                .field_children("name")
                .map(|c| c.text().to_string())
                .collect();
            let Some(value) = node.field("value") else {
                return vec![];
            };
            let values: Vec<AstNode<'r>> = value.children().filter(|c| c.is_named()).collect();
            if names.len() != values.len() {
                return vec![];
            }
            names.into_iter().zip(values).collect()
        }
        _ => vec![],
    }
}

/// The value last assigned to `name` before `usage` in its function, else at module
/// or class level; with it, when that last assignment sits in an `if` block that does
/// not hold the use (so it may not have run), the assignment before it.
fn find_assignment<'r>(
    usage: &AstNode<'r>,
    lang: Lang,
    name: &str,
) -> Option<(AstNode<'r>, String, Option<AstNode<'r>>)> {
    let functions = function_kinds(lang);
    let use_start = usage.range().start;
    // Enclosing functions, innermost first (closures see their outer functions' locals).
    for scope in usage
        .ancestors()
        .filter(|a| functions.contains(&&*a.kind()))
    {
        if declares_parameter(&scope, name) {
            // A parameter shadows everything outside: its value comes from the caller.
            return None;
        }
        let mut last: Option<AstNode<'r>> = None;
        let mut before_last: Option<AstNode<'r>> = None;
        for node in scope.dfs() {
            if node.range().start >= use_start {
                break;
            }
            let bound = assignments(&node, lang);
            if bound.is_empty() {
                continue;
            }
            // Assignments inside a nested function belong to that function.
            let owner = node.ancestors().find(|a| functions.contains(&&*a.kind()));
            if owner.as_ref().map(|o| o.node_id()) != Some(scope.node_id()) {
                continue;
            }
            for (target, value) in bound {
                // The right-hand side must end before the use: `x = f(x)` uses the old x.
                if binds(&target, name) && value.range().end <= use_start {
                    before_last = last.replace(value);
                }
            }
        }
        if let Some(value) = last {
            let line = value.start_pos().line() + 1;
            let conditional = value
                .ancestors()
                .take_while(|a| a.node_id() != scope.node_id())
                .any(|a| a.kind() == "if_statement" && !a.range().contains(&use_start));
            let earlier = before_last.filter(|_| conditional);
            return Some((value, format!("`{name}` assigned at line {line}"), earlier));
        }
    }
    let in_function = usage.ancestors().any(|a| functions.contains(&&*a.kind()));
    let own_class = enclosing_class(usage).map(|c| c.node_id());
    let root = usage.root().root();
    let mut module_level: Option<AstNode<'r>> = None;
    // Everything outside function bodies, in document order (function bodies hold most
    // of a file's nodes and are never module level).
    let mut outside_functions = Vec::new();
    let mut stack: Vec<AstNode<'r>> = vec![root];
    while let Some(node) = stack.pop() {
        if functions.contains(&&*node.kind()) {
            continue;
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev());
        outside_functions.push(node);
    }
    for node in outside_functions {
        let bound = assignments(&node, lang);
        if bound.is_empty() {
            continue;
        }
        // Class bodies: only Java fields of the usage's own class are visible by bare name.
        let class = enclosing_class(&node).map(|c| c.node_id());
        if class.is_some() && (lang != Lang::Java || class != own_class) {
            continue;
        }
        for (target, value) in bound {
            // At module level only what ran before the use counts; a function body
            // runs later, so any module-level assignment counts for it.
            let in_time = if in_function {
                !value.range().contains(&use_start)
            } else {
                value.range().end <= use_start
            };
            if target == name && in_time {
                module_level = Some(value);
            }
        }
    }
    module_level.map(|value| {
        let line = value.start_pos().line() + 1;
        (
            value,
            format!("`{name}` set at module level, line {line}"),
            None,
        )
    })
}

/// Whether an assignment target binds `name`: the name itself, or a destructuring
/// pattern (`{ a, b: c } = v`, `a, _, b = v`) that names it.
fn binds(target: &str, name: &str) -> bool {
    if target == name {
        return true;
    }
    let destructuring = target.starts_with(['{', '[', '('])
        || (target.contains(',') && !target.contains(['(', '.']));
    destructuring
        && target
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .any(|part| part == name)
        // `{ a: b }` binds b, not a.
        && !target.contains(&format!("{name}:"))
}

/// For a call of a function or method declared in this file by its bare name (or
/// `this.`/`self.`), the expression its only `return` gives back, and the name.
fn helper_return<'r>(node: &AstNode<'r>, lang: Lang) -> Option<(AstNode<'r>, String)> {
    let name = match (lang, &*node.kind()) {
        (Lang::Java, "method_invocation") => {
            if node.field("object").is_some_and(|o| o.text() != "this") {
                return None;
            }
            node.field("name")?.text().to_string()
        }
        (_, "call" | "call_expression") => {
            let function = node.field("function")?;
            let text = function.text();
            let bare = text
                .strip_prefix("this.")
                .or_else(|| text.strip_prefix("self."))
                .unwrap_or(&text);
            if !bare
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            {
                return None;
            }
            bare.to_string()
        }
        _ => return None,
    };
    let declarations: &[&str] = match lang {
        Lang::Python => &["function_definition"],
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
            &["function_declaration", "method_definition"]
        }
        Lang::Go => &["function_declaration"],
        Lang::Java => &["method_declaration"],
    };
    let root = node.root().root();
    let near_top = declarations_near_top(&root, declarations);
    let mut found = near_top
        .into_iter()
        .filter(|n| n.field("name").is_some_and(|f| f.text() == name.as_str()));
    let function = found.next()?;
    if found.next().is_some() {
        // Overloads or same-named methods of several classes: no single answer.
        return None;
    }
    let body = function.field("body")?;
    let functions = function_kinds(lang);
    let returns: Vec<_> = body
        .dfs()
        .filter(|n| matches!(&*n.kind(), "return_statement"))
        .filter(|n| {
            // Returns of nested functions and lambdas belong to them.
            n.ancestors()
                .find(|a| functions.contains(&&*a.kind()))
                .is_some_and(|owner| owner.node_id() == function.node_id())
        })
        .collect();
    let [only] = returns.as_slice() else {
        return None;
    };
    let value = only
        .children()
        .find(|c| c.is_named() && c.kind() != "comment")?;
    // Go `return x, nil`: the first value.
    let value = if value.kind() == "expression_list" {
        value.children().find(|c| c.is_named())?
    } else {
        value
    };
    Some((value, name))
}

/// Declarations of the given kinds at the top of a file, in class bodies or behind
/// `export` and decorators (four levels at most, never inside a function body), so
/// that a call in a huge file does not walk the whole file.
fn declarations_near_top<'r>(root: &AstNode<'r>, kinds: &[&str]) -> Vec<AstNode<'r>> {
    let mut found = Vec::new();
    let mut level: Vec<AstNode<'r>> = root.children().collect();
    for _ in 0..4 {
        let mut next = Vec::new();
        for node in level {
            if kinds.contains(&&*node.kind()) {
                found.push(node);
            } else if !matches!(
                &*node.kind(),
                "block" | "statement_block" | "function_body" | "constructor_body"
            ) || node.parent().is_some_and(|p| p.kind().contains("class"))
            {
                next.extend(node.children());
            }
        }
        level = next;
    }
    found
}

/// Receiver expressions: the object `x.y`, `x[k]` and `x.m()` are read from.
fn receiver_root<'r>(node: &AstNode<'r>, lang: Lang) -> Option<AstNode<'r>> {
    let mut current = node.clone();
    for _ in 0..12 {
        let next = match (lang, &*current.kind()) {
            (_, "call" | "call_expression") => current.field("function"),
            (Lang::Python, "attribute") => current.field("object"),
            (Lang::Python, "subscript") => current.field("value"),
            (
                Lang::JavaScript | Lang::TypeScript | Lang::Tsx,
                "member_expression" | "subscript_expression",
            ) => current.field("object"),
            (
                Lang::JavaScript | Lang::TypeScript | Lang::Tsx,
                "non_null_expression" | "as_expression",
            ) => current.child(0),
            (Lang::Go, "selector_expression" | "index_expression") => current.field("operand"),
            (Lang::Java, "method_invocation" | "field_access") => current.field("object"),
            (Lang::Java, "array_access") => current.field("array"),
            _ => None,
        }?;
        if is_identifier(lang, &next.kind()) {
            // A bare function name (`f(x)`) is no receiver.
            return (!matches!(&*current.kind(), "call" | "call_expression")).then_some(next);
        }
        current = next;
    }
    None
}

/// Go: calls before `usage`, in its function, that may write into `name` through a
/// pointer (`Decode(&v)`, `Unmarshal(b, &v)`, `ParseUnverified(raw, v)` with
/// `v := &T{}`). Their text and their resolved identifier arguments join `roots`.
fn fill_calls(usage: &AstNode<'_>, lang: Lang, name: &str, depth: usize, out: &mut Resolved) {
    let functions = function_kinds(lang);
    let Some(scope) = usage.ancestors().find(|a| functions.contains(&&*a.kind())) else {
        return;
    };
    let use_start = usage.range().start;
    let pointer = format!("&{name}");
    let mut is_pointer: Option<bool> = None;
    for call in scope.dfs().filter(|n| n.kind() == "call_expression") {
        if call.range().end > use_start {
            continue;
        }
        let Some(arguments) = call.field("arguments") else {
            continue;
        };
        let passed: Vec<_> = arguments.children().filter(|c| c.is_named()).collect();
        let fills = passed.iter().any(|a| {
            let text = a.text();
            text == pointer
                || (text == name
                    && *is_pointer.get_or_insert_with(|| declared_as_pointer(&scope, name)))
        });
        if !fills {
            continue;
        }
        out.roots.push(call.text().to_string());
        for argument in passed
            .iter()
            .filter(|a| is_identifier(lang, &a.kind()) && a.text() != name)
        {
            if depth < MAX_DEPTH {
                let mut inner = Resolved::empty();
                resolve_node(argument, lang, depth + 1, &mut inner);
                out.roots.extend(inner.chain);
                out.roots.extend(inner.roots);
            }
        }
    }
}

/// Go: a value that leaves the variable to be filled later: `&T{}`, `T{}`, `new(T)`.
fn declared_empty(value: &AstNode<'_>) -> bool {
    let text = value.text();
    text.starts_with('&')
        || text.starts_with("new(")
        || (value.kind() == "composite_literal" && text.ends_with("{}"))
}

/// Go: `name := &T{}` or `name := new(T)` somewhere in `scope`.
fn declared_as_pointer(scope: &AstNode<'_>, name: &str) -> bool {
    scope.dfs().any(|n| {
        assignments(&n, Lang::Go)
            .into_iter()
            .any(|(target, value)| {
                target == name && {
                    let v = value.text();
                    v.starts_with('&') || v.starts_with("new(")
                }
            })
    })
}

/// The parameter declaration that introduces `name` in the innermost function
/// declaring it, when no assignment is visible.
fn parameter_declaration<'r>(usage: &AstNode<'r>, lang: Lang, name: &str) -> Option<AstNode<'r>> {
    let functions = function_kinds(lang);
    let function = usage
        .ancestors()
        .filter(|a| functions.contains(&&*a.kind()))
        .find(|f| declares_parameter(f, name))?;
    let parameters = function
        .field("parameters")
        .or_else(|| function.field("parameter"))?;
    if parameters.kind() == "identifier" {
        return Some(parameters);
    }
    let declaration = parameters.children().filter(|c| c.is_named()).find(|p| {
        p.dfs()
            .any(|n| is_identifier(lang, &n.kind()) && n.text() == name)
    });
    declaration
}

/// Whether a function declares `name` as a parameter.
fn declares_parameter(function: &AstNode<'_>, name: &str) -> bool {
    let Some(parameters) = function
        .field("parameters")
        .or_else(|| function.field("parameter"))
    else {
        return false;
    };
    if parameters.kind() == "identifier" {
        return parameters.text() == name;
    }
    let declared = parameters.dfs().any(|n| {
        matches!(
            &*n.kind(),
            "identifier" | "shorthand_property_identifier_pattern"
        ) && n.text() == name
    });
    declared
}

fn enclosing_class<'r>(node: &AstNode<'r>) -> Option<AstNode<'r>> {
    node.ancestors().find(|a| {
        matches!(
            &*a.kind(),
            "class_definition"
                | "class_declaration"
                | "class_body"
                | "class"
                | "enum_declaration"
                | "interface_declaration"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ast_grep_core::tree_sitter::LanguageExt;

    /// Resolves the last argument of the first call to `sink(...)` in `code`.
    fn resolve_sink(lang: Lang, code: &str) -> Resolved {
        let root = lang.support_lang().ast_grep(code);
        let call = root
            .root()
            .dfs()
            .find(|n| {
                matches!(&*n.kind(), "call" | "call_expression" | "method_invocation")
                    && n.text().starts_with("sink(")
            })
            .expect("a sink call");
        let args = call.field("arguments").expect("arguments");
        let arg = args
            .children()
            .filter(|c| c.is_named())
            .last()
            .expect("an argument");
        resolve(&arg, lang)
    }

    fn literal(s: &str) -> Value {
        Value::Literal(s.to_string())
    }

    fn chain_has(resolved: &Resolved, needle: &str) -> bool {
        resolved.chain.iter().any(|e| e.contains(needle))
    }

    #[test]
    fn session_stored_values_join_the_chain() {
        let go = "package m\nfunc a(w W, r *R) {\n\tsess.Values[\"return_to\"] = r.URL.Query().Get(\"n\")\n}\nfunc b(w W, r *R) {\n\tto, _ := sess.Values[\"return_to\"].(string)\n\tsink(w, r, to)\n}\n";
        assert!(chain_has(&resolve_sink(Lang::Go, go), "r.URL.Query()"));
        let scs = "package m\nfunc a(w W, r *R) {\n\ts.sm.Put(r.Context(), \"next\", r.FormValue(\"n\"))\n}\nfunc b(w W, r *R) {\n\tsink(w, r, s.sm.PopString(r.Context(), \"next\"))\n}\n";
        assert!(chain_has(&resolve_sink(Lang::Go, scs), "r.FormValue"));
        let js = "function a(req) { req.session.returnTo = req.query.returnTo; }\nfunction b(req, res) { const t = req.session.returnTo || '/'; sink(t); }\n";
        assert!(chain_has(
            &resolve_sink(Lang::JavaScript, js),
            "req.query.returnTo"
        ));
        // Another key is another value.
        let other = "function a(req) { req.session.other = req.query.x; }\nfunction b(req) { sink(req.session.returnTo); }\n";
        assert!(!chain_has(
            &resolve_sink(Lang::JavaScript, other),
            "req.query"
        ));
    }

    #[test]
    fn conditional_branches_and_reassignments_join_the_chain() {
        let java = "class A { void f(HttpServletRequest req) { String l = req.getParameter(\"l\"); sink(l != null ? l : \"/\"); } }";
        assert!(chain_has(&resolve_sink(Lang::Java, java), "getParameter"));
        let go = "package m\nfunc f(r *R) {\n\tto := r.FormValue(\"to\")\n\tif !ok(to) {\n\t\tto = \"/\"\n\t}\n\tsink(to)\n}\n";
        let resolved = resolve_sink(Lang::Go, go);
        assert_eq!(resolved.value, literal("/"));
        assert!(chain_has(&resolved, "r.FormValue"));
        // An unconditional reassignment replaces the value.
        let plain =
            "package m\nfunc f(r *R) {\n\tto := r.FormValue(\"to\")\n\tto = \"/\"\n\tsink(to)\n}\n";
        assert!(!chain_has(&resolve_sink(Lang::Go, plain), "r.FormValue"));
    }

    #[test]
    fn python_last_assignment_before_use_wins() {
        let code =
            "def f():\n    alg = 'sha256'\n    alg = 'md5'\n    sink(alg)\n    alg = 'bcrypt'\n";
        let r = resolve_sink(Lang::Python, code);
        assert_eq!(r.value, literal("md5"));
        assert_eq!(r.steps[0].line, 3);
    }

    #[test]
    fn python_reassigned_to_a_safe_value_before_the_call() {
        let code = "def f():\n    alg = 'md5'\n    alg = 'sha3_512'\n    sink(alg)\n";
        assert_eq!(resolve_sink(Lang::Python, code).value, literal("sha3_512"));
    }

    #[test]
    fn python_module_constant_and_chains() {
        let code = "WEAK = 'md5'\nALG = WEAK\ndef f():\n    sink(ALG)\n";
        let r = resolve_sink(Lang::Python, code);
        assert_eq!(r.value, literal("md5"));
        assert_eq!(r.steps.len(), 2);
    }

    #[test]
    fn python_environment_and_settings_lookups() {
        let r = resolve_sink(
            Lang::Python,
            "def f():\n    sink(os.environ.get('HASH_ALG', 'md5'))\n",
        );
        assert_eq!(
            r.value,
            Value::Config {
                key: "HASH_ALG".into(),
                default: Some("md5".into())
            }
        );
        let r = resolve_sink(Lang::Python, "def f():\n    sink(settings.PASSWORD_HASH)\n");
        assert_eq!(
            r.value,
            Value::Config {
                key: "PASSWORD_HASH".into(),
                default: None
            }
        );
    }

    #[test]
    fn python_options_dict_in_a_variable() {
        let code = "def f(t):\n    opts = {'verify_signature': False}\n    sink(t, options=opts)\n";
        let root = Lang::Python.support_lang().ast_grep(code);
        let arg = root
            .root()
            .dfs()
            .find(|n| n.kind() == "keyword_argument")
            .unwrap()
            .field("value")
            .unwrap();
        let r = resolve(&arg, Lang::Python);
        assert!(
            matches!(&r.value, Value::Expression(t) if t.contains("'verify_signature': False")),
            "{r:?}"
        );
    }

    #[test]
    fn parameters_and_nested_functions_stay_unresolved() {
        let code = "def f(alg):\n    def g():\n        alg = 'md5'\n    sink(alg)\n";
        assert_eq!(
            resolve_sink(Lang::Python, code).value,
            Value::Expression("alg".into())
        );
    }

    #[test]
    fn scopes_parameters_closures_and_classes() {
        // A later module-level assignment does not reach back to a module-level use.
        let code = "OPTS = 'safe'\nsink(OPTS)\nOPTS = 'md5'\n";
        assert_eq!(resolve_sink(Lang::Python, code).value, literal("safe"));
        // A parameter shadows a module-level name.
        let code = "opts = 'md5'\ndef f(t, opts):\n    sink(opts)\n";
        assert_eq!(
            resolve_sink(Lang::Python, code).value,
            Value::Expression("opts".into())
        );
        // A closure sees its outer function's local before the module's.
        let code = "ALG = 'md5'\ndef outer():\n    ALG = 'sha512'\n    def inner():\n        sink(ALG)\n    return inner\n";
        assert_eq!(resolve_sink(Lang::Python, code).value, literal("sha512"));
        // Another class's attribute is not a bare name in Python.
        let code = "class Helpers:\n    ALG = 'md5'\ndef f():\n    sink(ALG)\n";
        assert_eq!(
            resolve_sink(Lang::Python, code).value,
            Value::Expression("ALG".into())
        );
        // Java sees its own class's fields, not another class's.
        let code = "class B { static final String ALG = \"MD5\"; }\nclass A {\n  void f() { sink(ALG); }\n}\n";
        assert_eq!(
            resolve_sink(Lang::Java, code).value,
            Value::Expression("ALG".into())
        );
        let code = "function f(alg) { sink(alg); }\nconst alg = 'md5';\n";
        assert_eq!(
            resolve_sink(Lang::JavaScript, code).value,
            Value::Expression("alg".into())
        );
    }

    #[test]
    fn javascript_const_spread_and_env() {
        let code = "const base = { ignoreExpiration: true };\nfunction f(t) {\n  const opts = { ...base, audience: 'a' };\n  sink(t, opts);\n}\n";
        let r = resolve_sink(Lang::JavaScript, code);
        assert!(
            matches!(&r.value, Value::Expression(t) if t.contains("ignoreExpiration: true")),
            "{r:?}"
        );
        let r = resolve_sink(
            Lang::TypeScript,
            "function f() { const k: string = process.env.JWT_TTL!; sink(process.env.JWT_TTL); }",
        );
        assert_eq!(
            r.value,
            Value::Config {
                key: "JWT_TTL".into(),
                default: None
            }
        );
    }

    #[test]
    fn go_short_declarations_and_consts() {
        let code =
            "package a\nconst weak = \"md5\"\nfunc f() {\n\talg, n := weak, 1\n\tsink(n, alg)\n}\n";
        assert_eq!(resolve_sink(Lang::Go, code).value, literal("md5"));
        let code = "package a\nfunc f() {\n\tsink(os.Getenv(\"HASH\"))\n}\n";
        assert_eq!(
            resolve_sink(Lang::Go, code).value,
            Value::Config {
                key: "HASH".into(),
                default: None
            }
        );
    }

    #[test]
    fn java_locals_fields_and_properties() {
        let code = "class A {\n  private static final String ALG = \"MD5\";\n  void f() {\n    sink(ALG);\n  }\n}\n";
        assert_eq!(resolve_sink(Lang::Java, code).value, literal("MD5"));
        let code = "class A {\n  void f(Environment env) {\n    String alg = env.getProperty(\"security.hash\", \"SHA-256\");\n    sink(alg);\n  }\n}\n";
        assert_eq!(
            resolve_sink(Lang::Java, code).value,
            Value::Config {
                key: "security.hash".into(),
                default: Some("SHA-256".into())
            }
        );
    }
}
