//! The token API the app uses (JSON over HTTP; the token in
//! `Authorization: Bearer …`):
//! - `GET /api/access`: what the shown token may do (and the device it
//!   names, if any), or why it is refused.
//! - `PUT /api/access/device` `{device}`: the device using the shown token
//!   names itself (its key's device id, 32 hex digits: else 400
//!   `bad-device`), once (409 `device-named` if the token names another),
//!   so that revoking that device revokes the token too, however the token
//!   reached it (an invite, a request approved, a link from the Sync page).
//! - `POST /api/timebanks/{document}/claim` `{label, key?}`: the first
//!   device to bring a timebank gets a coordinator token, within the relay's
//!   rules: a few claims an hour from one address (429 `too-many-claims`,
//!   with `Retry-After`), at most `--max-timebanks` timebanks (507
//!   `relay-full`), open to new timebanks (403 `closed`), and with the
//!   operator's key if the relay has one (403 `claim-key`).
//! - `GET|POST /api/timebanks/{document}/invites` (coordinators): list, or
//!   create `{label, role, invitation?}` a token for another device
//!   (`invitation`: the timebank's invitation that goes with it, the invite
//!   key's device id, listed back so that revoking the device that used it
//!   revokes this token in the same step).
//! - `DELETE /api/timebanks/{document}/invites/{id}` (coordinators): revoke;
//!   the device's open connections close at once. The timebank's last
//!   coordinator token that is not revoked cannot be (409 `last-coordinator`):
//!   no one could invite or revoke again.
//!
//! Refusals are `{code, message}` with 401, 403, 404, 409, 429 or 507; any
//! other address under `/api/` is 404 `no-such-address`.
//!
//! A change (claim, invite, revoke) waits for its turn and for the token
//! file to be written on a thread of its own, so no request waits for it
//! but the one that made it.

use std::time::Instant;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use wire::DocumentId;

use crate::claims::TooOften;
use crate::limits::ClientAddress;
use crate::sync::SyncState;
use crate::tokens::{Refusal, Role, TokenFileError};

pub fn refused(refusal: &Refusal) -> Response {
    let status = match refusal {
        Refusal::Missing | Refusal::Malformed | Refusal::Unknown => StatusCode::UNAUTHORIZED,
        Refusal::Revoked
        | Refusal::OtherTimebank
        | Refusal::NotCoordinator
        | Refusal::ClosedToNew
        | Refusal::ClaimKey => StatusCode::FORBIDDEN,
        Refusal::AlreadyClaimed | Refusal::LastCoordinator | Refusal::DeviceNamed => {
            StatusCode::CONFLICT
        }
        Refusal::BadDevice => StatusCode::BAD_REQUEST,
        Refusal::NoSuchToken => StatusCode::NOT_FOUND,
        Refusal::TooManyClaims => StatusCode::TOO_MANY_REQUESTS,
        Refusal::RelayFull => StatusCode::INSUFFICIENT_STORAGE,
    };
    let body = json!({ "code": refusal.code(), "message": refusal.to_string() });
    (status, Json(body)).into_response()
}

fn storage_failed(error: &TokenFileError) -> Response {
    tracing::error!(%error, "could not save the tokens");
    not_changed()
}

fn not_changed() -> Response {
    let body = json!({
        "code": "storage",
        "message": "the relay could not save this change; nothing was changed",
    });
    (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
}

fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default()
}

/// A path that names no document.
pub struct BadDocument;

impl IntoResponse for BadDocument {
    fn into_response(self) -> Response {
        let body =
            json!({ "code": "bad-document", "message": "that is not a timebank's document id" });
        (StatusCode::BAD_REQUEST, Json(body)).into_response()
    }
}

/// Any other address under `/api/`: a program asking is told so, rather than
/// handed the app's page.
pub async fn no_such_address() -> Response {
    let body = json!({
        "code": "no-such-address",
        "message": "the relay has nothing at this address",
    });
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

fn document(text: &str) -> Result<DocumentId, BadDocument> {
    text.parse().map_err(|_| BadDocument)
}

pub async fn access(State(state): State<SyncState>, headers: HeaderMap) -> Response {
    match state.tokens.check(bearer(&headers)) {
        Ok(grant) => Json(json!({
            "document": grant.document.to_string(),
            "role": grant.role,
            "id": grant.token_id,
            "device": grant.device,
        }))
        .into_response(),
        Err(refusal) => refused(&refusal),
    }
}

#[derive(Debug, Deserialize)]
pub struct NamedDevice {
    device: String,
}

/// The device using the shown token names itself (its key's device id),
/// once, so that revoking that device revokes the token too.
pub async fn name_device(
    State(state): State<SyncState>,
    headers: HeaderMap,
    Json(named): Json<NamedDevice>,
) -> Response {
    let (tokens, token) = (state.tokens.clone(), bearer(&headers).to_owned());
    let done = in_turn(move || tokens.name_device(&token, &named.device)).await;
    changed(done, |()| StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize)]
pub struct Claim {
    #[serde(default)]
    label: String,
    /// The operator's key, for a relay that takes new timebanks only with it.
    #[serde(default)]
    key: Option<String>,
}

pub async fn claim(
    State(state): State<SyncState>,
    ClientAddress(client): ClientAddress,
    Path(document_text): Path<String>,
    Json(claim): Json<Claim>,
) -> Result<Response, BadDocument> {
    let document = document(&document_text)?;
    if let Err(too_often) = state.claim_rate.take(client, Instant::now()) {
        if too_often.first {
            tracing::warn!(ip = %client, "refusing claims: too many from this address lately");
        }
        return Ok(claimed_too_often(too_often));
    }
    let tokens = state.tokens.clone();
    let claimed = in_turn(move || tokens.claim(document, &claim.label, claim.key.as_deref())).await;
    Ok(changed(claimed, |issued| {
        tracing::info!(%document, token = %issued.id, "a timebank was brought to this relay");
        (StatusCode::CREATED, Json(issued)).into_response()
    }))
}

/// 429 `too-many-claims`, saying in `Retry-After` when to try again.
fn claimed_too_often(too_often: TooOften) -> Response {
    let mut response = refused(&Refusal::TooManyClaims);
    let seconds = too_often.wait.as_secs() + u64::from(too_often.wait.subsec_nanos() > 0);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

#[derive(Debug, Deserialize)]
pub struct Invite {
    #[serde(default)]
    label: String,
    #[serde(default = "device")]
    role: Role,
    /// The timebank's invitation that goes with it: the invite key's
    /// device id (32 hex digits), kept so that revoking the device that
    /// used the invite can revoke this token too.
    #[serde(default)]
    invitation: Option<String>,
}

fn device() -> Role {
    Role::Device
}

pub async fn list(
    State(state): State<SyncState>,
    Path(document_text): Path<String>,
    headers: HeaderMap,
) -> Result<Response, BadDocument> {
    let document = document(&document_text)?;
    Ok(match state.tokens.list(bearer(&headers), document) {
        Ok(listed) => Json(listed).into_response(),
        Err(refusal) => refused(&refusal),
    })
}

pub async fn invite(
    State(state): State<SyncState>,
    Path(document_text): Path<String>,
    headers: HeaderMap,
    Json(invite): Json<Invite>,
) -> Result<Response, BadDocument> {
    let document = document(&document_text)?;
    // An invitation is a device id: anything else is not kept.
    let invitation = invite
        .invitation
        .filter(|id| id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    let (tokens, by) = (state.tokens.clone(), bearer(&headers).to_owned());
    let issued = in_turn(move || {
        tokens.invite_for(
            &by,
            document,
            invite.role,
            &invite.label,
            invitation.as_deref(),
        )
    })
    .await;
    Ok(changed(issued, |issued| {
        tracing::info!(%document, token = %issued.id, "invite created");
        (StatusCode::CREATED, Json(issued)).into_response()
    }))
}

pub async fn revoke(
    State(state): State<SyncState>,
    Path((document_text, token_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, BadDocument> {
    let document = document(&document_text)?;
    let (tokens, by, id) = (
        state.tokens.clone(),
        bearer(&headers).to_owned(),
        token_id.clone(),
    );
    let revoked = in_turn(move || tokens.revoke(&by, document, &id)).await;
    Ok(changed(revoked, |()| {
        tracing::info!(%document, token = %token_id, "access revoked");
        state.cut_off(&token_id);
        StatusCode::NO_CONTENT.into_response()
    }))
}

/// What a change of the tokens came to: made and saved, refused, or not
/// saved (then nothing changed).
type Change<T> = Result<Result<T, Refusal>, TokenFileError>;

/// Runs a change of the tokens where waiting for its turn, and for the file
/// to be written, holds up no other request. `None` if it could not run.
async fn in_turn<T: Send + 'static>(
    change: impl FnOnce() -> Change<T> + Send + 'static,
) -> Option<Change<T>> {
    match tokio::task::spawn_blocking(change).await {
        Ok(change) => Some(change),
        Err(error) => {
            tracing::error!(%error, "a change of the tokens stopped before it was done");
            None
        }
    }
}

/// The answer to a change of the tokens: `done` when it was made and saved,
/// the refusal, or a failed save (nothing changed).
fn changed<T>(result: Option<Change<T>>, done: impl FnOnce(T) -> Response) -> Response {
    match result {
        Some(Ok(Ok(value))) => done(value),
        Some(Ok(Err(refusal))) => refused(&refusal),
        Some(Err(error)) => storage_failed(&error),
        None => not_changed(),
    }
}
