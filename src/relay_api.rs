//! Talking to a relay's token API (see `crates/relay/src/api.rs`) with the
//! browser's fetch.

use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a call to the relay did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The relay could not be reached (offline, wrong address, down).
    Unreachable,
    /// The relay answered no, with its reason code (`revoked`, `unknown`,
    /// `other-timebank`, `not-coordinator`, `already-claimed`, `closed`,
    /// `claim-key`, `relay-full`, `too-many-claims`, …).
    Refused(String),
    /// The relay's answer made no sense (not a Tally relay?).
    Strange,
}

/// What a token may do, as the relay says.
#[derive(Debug, Clone, Deserialize)]
pub struct Access {
    pub document: String,
    pub role: String,
    /// The device that named itself as using the token, if any.
    #[serde(default)]
    pub device: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Issued {
    pub token: String,
}

/// A device's token as listed to coordinators.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Device {
    pub id: String,
    pub role: String,
    pub label: String,
    pub created: u64,
    pub revoked: Option<u64>,
    /// The timebank's invitation the token was handed out with (the invite
    /// key's device id), if any.
    #[serde(default)]
    pub invitation: Option<String>,
    /// The device that named itself as using the token, if any.
    #[serde(default)]
    pub device: Option<String>,
}

#[derive(Deserialize)]
struct Refusal {
    code: String,
}

/// `http://host:port` from whatever the person typed (spaces and a trailing
/// slash removed; `https://` assumed when no scheme is given).
pub fn normal_url(typed: &str) -> Option<String> {
    let typed = typed.trim().trim_end_matches('/');
    let with_scheme = if typed.starts_with("http://") || typed.starts_with("https://") {
        typed.to_string()
    } else {
        format!("https://{typed}")
    };
    let url = web_sys::Url::new(&with_scheme).ok()?;
    (!url.host().is_empty()).then(|| url.origin())
}

/// The WebSocket address of a relay's sync endpoint.
pub fn sync_url(relay: &str, token: &str, peer: &str) -> String {
    let base = relay
        .replacen("https://", "wss://", 1)
        .replacen("http://", "ws://", 1);
    let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
    format!(
        "{base}/sync?token={}&peer={}&heartbeat=1",
        encode(token),
        encode(peer)
    )
}

async fn call(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<String>,
) -> Result<(u16, String), ApiError> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(|_| ApiError::Unreachable)?;
    if let Some(token) = token {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&body.into());
    }
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Unreachable)?;
    let response = JsFuture::from(leptos::prelude::window().fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ApiError::Strange)?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok((response.status(), text))
}

fn answer<T: for<'de> Deserialize<'de>>(status: u16, text: &str) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        return serde_json::from_str(text).map_err(|_| ApiError::Strange);
    }
    match serde_json::from_str::<Refusal>(text) {
        Ok(refusal) => Err(ApiError::Refused(refusal.code)),
        Err(_) => Err(ApiError::Strange),
    }
}

/// What `token` may do at `relay`. `Ok(None)`: the relay has no token API
/// (a plain automerge-repo sync server), so there is nothing to check.
pub async fn access(relay: &str, token: &str) -> Result<Option<Access>, ApiError> {
    let (status, text) = call("GET", &format!("{relay}/api/access"), Some(token), None).await?;
    if status == 404 || status == 405 {
        return Ok(None);
    }
    answer(status, &text).map(Some)
}

/// Brings a timebank to a relay for the first time: a coordinator token.
/// `key` is the operator's key, for a relay that takes new timebanks only
/// with it.
pub async fn claim(
    relay: &str,
    document: &str,
    label: &str,
    key: Option<&str>,
) -> Result<Issued, ApiError> {
    let body = match key {
        Some(key) => serde_json::json!({ "label": label, "key": key }),
        None => serde_json::json!({ "label": label }),
    }
    .to_string();
    let url = format!("{relay}/api/timebanks/{document}/claim");
    let (status, text) = call("POST", &url, None, Some(body)).await?;
    answer(status, &text)
}

/// A token for another device; `invitation`: the timebank's invitation
/// that goes with it (the invite key's device id), so that revoking the
/// device that uses it revokes this token too.
pub async fn invite(
    relay: &str,
    token: &str,
    document: &str,
    label: &str,
    coordinator: bool,
    invitation: Option<&str>,
) -> Result<Issued, ApiError> {
    let role = if coordinator { "coordinator" } else { "device" };
    let body = match invitation {
        Some(invitation) => {
            serde_json::json!({ "label": label, "role": role, "invitation": invitation })
        }
        None => serde_json::json!({ "label": label, "role": role }),
    }
    .to_string();
    let url = format!("{relay}/api/timebanks/{document}/invites");
    let (status, text) = call("POST", &url, Some(token), Some(body)).await?;
    answer(status, &text)
}

/// Names this device (its key's device id) as the one using `token`, so
/// that a coordinator revoking this device revokes the token too.
pub async fn name_device(relay: &str, token: &str, device: &str) -> Result<(), ApiError> {
    let body = serde_json::json!({ "device": device }).to_string();
    let url = format!("{relay}/api/access/device");
    let (status, text) = call("PUT", &url, Some(token), Some(body)).await?;
    if status == 204 {
        return Ok(());
    }
    answer::<serde_json::Value>(status, &text).map(|_| ())
}

/// The tokens in `tokens`, not revoked yet, that went with one of `ids`
/// (device ids: a device's, or an invite key's) as their invitation, or
/// whose device named itself as one of them.
pub fn tokens_of<'a>(tokens: &'a [Device], ids: &[String]) -> Vec<&'a Device> {
    tokens
        .iter()
        .filter(|token| {
            token.revoked.is_none()
                && [&token.invitation, &token.device]
                    .into_iter()
                    .flatten()
                    .any(|named| ids.contains(named))
        })
        .collect()
}

pub async fn devices(relay: &str, token: &str, document: &str) -> Result<Vec<Device>, ApiError> {
    let url = format!("{relay}/api/timebanks/{document}/invites");
    let (status, text) = call("GET", &url, Some(token), None).await?;
    answer(status, &text)
}

pub async fn revoke(relay: &str, token: &str, document: &str, id: &str) -> Result<(), ApiError> {
    let url = format!("{relay}/api/timebanks/{document}/invites/{id}");
    let (status, text) = call("DELETE", &url, Some(token), None).await?;
    if status == 204 {
        return Ok(());
    }
    answer::<serde_json::Value>(status, &text).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens a device's revocation withdraws, by how each reached it.
    #[test]
    fn a_revoked_device_s_tokens_are_those_of_its_invite_and_those_it_named() {
        let token =
            |id: &str, invitation: Option<&str>, device: Option<&str>, revoked: bool| Device {
                id: id.into(),
                role: "device".into(),
                label: id.into(),
                created: 1,
                revoked: revoked.then_some(2),
                invitation: invitation.map(str::to_string),
                device: device.map(str::to_string),
            };
        let (phone, invite, other) = ("a".repeat(32), "b".repeat(32), "c".repeat(32));
        let tokens = [
            token("by-invite", Some(&invite), None, false),
            token("by-request", None, Some(&phone), false),
            token("both", Some(&invite), Some(&phone), false),
            token("someone-else", Some(&other), Some(&other), false),
            token("revoked-already", None, Some(&phone), true),
            token("never-named", None, None, false),
        ];
        let ids = |found: Vec<&Device>| found.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(tokens_of(&tokens, &[phone.clone(), invite.clone()])),
            ["by-invite", "by-request", "both"]
        );
        assert_eq!(
            ids(tokens_of(&tokens, std::slice::from_ref(&phone))),
            ["by-request", "both"]
        );
        assert_eq!(ids(tokens_of(&tokens, &[])), Vec::<String>::new());
    }
}
