//! The token API the app uses (JSON over HTTP; the token in
//! `Authorization: Bearer …`):
//! - `GET /api/access`: what the shown token may do, or why it is refused.
//! - `POST /api/timebanks/{document}/claim` `{label}`: the first device to
//!   bring a timebank gets a coordinator token.
//! - `GET|POST /api/timebanks/{document}/invites` (coordinators): list, or
//!   create `{label, role}` a token for another device.
//! - `DELETE /api/timebanks/{document}/invites/{id}` (coordinators): revoke;
//!   the device's open connections close at once. The timebank's last
//!   coordinator token that is not revoked cannot be (409 `last-coordinator`):
//!   no one could invite or revoke again.
//!
//! Refusals are `{code, message}` with 401, 403, 404 or 409; any other
//! address under `/api/` is 404 `no-such-address`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use wire::DocumentId;

use crate::sync::SyncState;
use crate::tokens::{Refusal, Role, TokenFileError};

pub fn refused(refusal: &Refusal) -> Response {
    let status = match refusal {
        Refusal::Missing | Refusal::Malformed | Refusal::Unknown => StatusCode::UNAUTHORIZED,
        Refusal::Revoked
        | Refusal::OtherTimebank
        | Refusal::NotCoordinator
        | Refusal::ClosedToNew => StatusCode::FORBIDDEN,
        Refusal::AlreadyClaimed | Refusal::LastCoordinator => StatusCode::CONFLICT,
        Refusal::NoSuchToken => StatusCode::NOT_FOUND,
    };
    let body = json!({ "code": refusal.code(), "message": refusal.to_string() });
    (status, Json(body)).into_response()
}

fn storage_failed(error: &TokenFileError) -> Response {
    tracing::error!(%error, "could not save the tokens");
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
        }))
        .into_response(),
        Err(refusal) => refused(&refusal),
    }
}

#[derive(Debug, Deserialize)]
pub struct Claim {
    #[serde(default)]
    label: String,
}

pub async fn claim(
    State(state): State<SyncState>,
    Path(document_text): Path<String>,
    Json(claim): Json<Claim>,
) -> Result<Response, BadDocument> {
    let document = document(&document_text)?;
    Ok(changed(
        state.tokens.claim(document, &claim.label),
        |issued| {
            tracing::info!(%document, token = %issued.id, "a timebank was brought to this relay");
            (StatusCode::CREATED, Json(issued)).into_response()
        },
    ))
}

#[derive(Debug, Deserialize)]
pub struct Invite {
    #[serde(default)]
    label: String,
    #[serde(default = "device")]
    role: Role,
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
    let issued = state
        .tokens
        .invite(bearer(&headers), document, invite.role, &invite.label);
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
    let revoked = state.tokens.revoke(bearer(&headers), document, &token_id);
    Ok(changed(revoked, |()| {
        tracing::info!(%document, token = %token_id, "access revoked");
        state.cut_off(&token_id);
        StatusCode::NO_CONTENT.into_response()
    }))
}

/// The answer to a change of the tokens: `done` when it was made and saved,
/// the refusal, or a failed save (nothing changed).
fn changed<T>(
    result: Result<Result<T, Refusal>, TokenFileError>,
    done: impl FnOnce(T) -> Response,
) -> Response {
    match result {
        Ok(Ok(value)) => done(value),
        Ok(Err(refusal)) => refused(&refusal),
        Err(error) => storage_failed(&error),
    }
}
