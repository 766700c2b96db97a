use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-STATE",
        title: "The application's callback checks state",
        control: "CSRF",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.2.1, V10.1.2; RFC 6749 §10.12; RFC 9700 §4.7.1",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider.\n\n\
**Sends** the application's login, answered with a valid code and ID token, but delivers the authorization response to the callback with a `state` the application never issued.\n\n\
**Passes when** the application refuses the login. An application that ignores `state` (and uses no PKCE or nonce binding to the browser) can be made to sign a victim in to the attacker's account: login CSRF.\n\n\
**Fix** keep the `state` you sent in the user's session and refuse a callback whose `state` differs or is missing.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(
        cx,
        "a callback with a foreign state",
        IdToken::Valid,
        &|answer| {
            answer.insert("state".into(), crate::probe::oauth::random_token(16));
        },
    )
}
