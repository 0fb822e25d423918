//! The messages of the protocol and their CBOR form.

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};

use crate::DocumentId;

/// What a peer says about itself in `join` and `peer`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerMetadata {
    /// A stable id for the peer's storage, so a server can keep its sync
    /// state between connections. Absent (or CBOR `undefined`) for peers
    /// that keep nothing.
    pub storage_id: Option<String>,
    pub is_ephemeral: bool,
}

/// One frame of the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// First message from the connecting side.
    Join {
        sender: String,
        versions: Vec<String>,
        metadata: Option<PeerMetadata>,
    },
    /// The accepting side's answer to `join`.
    Peer {
        sender: String,
        target: String,
        version: String,
        metadata: Option<PeerMetadata>,
    },
    Leave {
        sender: String,
    },
    /// A sync message from a peer that does not have the document yet.
    Request {
        document: DocumentId,
        sender: String,
        target: String,
        data: Vec<u8>,
    },
    /// An Automerge sync message.
    Sync {
        document: DocumentId,
        sender: String,
        target: String,
        data: Vec<u8>,
    },
    /// Answer to a `request` for a document the peer does not have.
    DocUnavailable {
        document: DocumentId,
        sender: String,
        target: String,
    },
    Ephemeral {
        document: DocumentId,
        sender: String,
        target: String,
        count: u64,
        session: String,
        data: Vec<u8>,
    },
    /// The peer is closing the connection, saying why.
    Error {
        message: String,
    },
    /// A message type this crate does not act on (newer protocol features
    /// such as `remote-heads-changed`); receivers ignore it.
    Other {
        kind: String,
    },
}

/// Why a frame could not be read. Every variant says it in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the message is {0} bytes, more than the {max} allowed", max = crate::MAX_FRAME_BYTES)]
    TooLarge(usize),
    #[error("the message is not CBOR the protocol expects: {0}")]
    Cbor(String),
    #[error("the message is not a map")]
    NotAMap,
    #[error("the message has no {0:?}")]
    Missing(&'static str),
    #[error("the message's {0:?} has the wrong type")]
    WrongType(&'static str),
    #[error("the message names a document whose id is not valid")]
    BadDocumentId,
    #[error("the message has bytes after its end")]
    TrailingBytes,
}

impl From<minicbor::decode::Error> for DecodeError {
    fn from(error: minicbor::decode::Error) -> DecodeError {
        DecodeError::Cbor(error.to_string())
    }
}

/// Values are nested at most this deep when skipping unknown fields; deeper
/// frames are refused rather than risking the stack.
const MAX_NESTING: usize = 16;

#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender: Option<String>,
    target: Option<String>,
    version: Option<String>,
    message: Option<String>,
    session: Option<String>,
    document: Option<String>,
    versions: Option<Vec<String>>,
    data: Option<Vec<u8>>,
    count: Option<u64>,
    metadata: Option<PeerMetadata>,
}

impl Message {
    /// Reads one frame.
    pub fn decode(frame: &[u8]) -> Result<Message, DecodeError> {
        if frame.len() > crate::MAX_FRAME_BYTES {
            return Err(DecodeError::TooLarge(frame.len()));
        }
        let mut decoder = Decoder::new(frame);
        let fields = read_fields(&mut decoder)?;
        if decoder.position() != frame.len() {
            return Err(DecodeError::TrailingBytes);
        }
        fields.into_message()
    }

    /// Writes one frame.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Encoder::new(Vec::new());
        // Writing to a Vec cannot fail; the results are Infallible.
        let _ = write_message(&mut out, self);
        out.into_writer()
    }

    /// The `type` this message travels as.
    pub fn kind(&self) -> &str {
        match self {
            Message::Join { .. } => "join",
            Message::Peer { .. } => "peer",
            Message::Leave { .. } => "leave",
            Message::Request { .. } => "request",
            Message::Sync { .. } => "sync",
            Message::DocUnavailable { .. } => "doc-unavailable",
            Message::Ephemeral { .. } => "ephemeral",
            Message::Error { .. } => "error",
            Message::Other { kind } => kind,
        }
    }
}

fn read_fields(decoder: &mut Decoder<'_>) -> Result<Fields, DecodeError> {
    let mut fields = Fields::default();
    let length = match decoder.datatype()? {
        Type::Map | Type::MapIndef => decoder.map()?,
        _ => return Err(DecodeError::NotAMap),
    };
    let mut index = 0u64;
    loop {
        match length {
            Some(length) if index >= length => break,
            None if decoder.datatype()? == Type::Break => {
                decoder.skip()?;
                break;
            }
            _ => {}
        }
        index += 1;
        if decoder.datatype()? != Type::String {
            skip(decoder, 0)?;
            skip(decoder, 0)?;
            continue;
        }
        let key = decoder.str()?;
        match key {
            "type" => fields.kind = Some(text(decoder, "type")?),
            "senderId" => fields.sender = Some(text(decoder, "senderId")?),
            "targetId" => fields.target = Some(text(decoder, "targetId")?),
            "selectedProtocolVersion" => {
                fields.version = Some(text(decoder, "selectedProtocolVersion")?);
            }
            "message" => fields.message = Some(text(decoder, "message")?),
            "sessionId" => fields.session = Some(text(decoder, "sessionId")?),
            "documentId" => fields.document = Some(text(decoder, "documentId")?),
            "supportedProtocolVersions" => fields.versions = Some(texts(decoder)?),
            "data" => {
                if decoder.datatype()? != Type::Bytes {
                    return Err(DecodeError::WrongType("data"));
                }
                fields.data = Some(decoder.bytes()?.to_vec());
            }
            "count" => fields.count = Some(number(decoder, "count")?),
            "peerMetadata" | "metadata" => fields.metadata = read_metadata(decoder)?,
            _ => skip(decoder, 0)?,
        }
    }
    Ok(fields)
}

fn text(decoder: &mut Decoder<'_>, name: &'static str) -> Result<String, DecodeError> {
    if decoder.datatype()? != Type::String {
        return Err(DecodeError::WrongType(name));
    }
    Ok(decoder.str()?.to_string())
}

fn texts(decoder: &mut Decoder<'_>) -> Result<Vec<String>, DecodeError> {
    const NAME: &str = "supportedProtocolVersions";
    if decoder.datatype()? != Type::Array {
        return Err(DecodeError::WrongType(NAME));
    }
    let length = decoder.array()?.ok_or(DecodeError::WrongType(NAME))?;
    let mut out = Vec::new();
    for _ in 0..length {
        out.push(text(decoder, NAME)?);
    }
    Ok(out)
}

/// A count or timestamp: JavaScript servers may send either integers or
/// floats; negative, fractional and non-finite values are refused.
fn number(decoder: &mut Decoder<'_>, name: &'static str) -> Result<u64, DecodeError> {
    match decoder.datatype()? {
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => Ok(decoder.u64()?),
        Type::F16 | Type::F32 | Type::F64 => {
            let value = match decoder.datatype()? {
                Type::F32 => f64::from(decoder.f32()?),
                Type::F64 => decoder.f64()?,
                _ => {
                    skip(decoder, 0)?;
                    return Err(DecodeError::WrongType(name));
                }
            };
            if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value < 2f64.powi(53) {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Ok(value as u64)
            } else {
                Err(DecodeError::WrongType(name))
            }
        }
        _ => Err(DecodeError::WrongType(name)),
    }
}

fn read_metadata(decoder: &mut Decoder<'_>) -> Result<Option<PeerMetadata>, DecodeError> {
    const NAME: &str = "peerMetadata";
    match decoder.datatype()? {
        Type::Null | Type::Undefined => {
            decoder.skip()?;
            return Ok(None);
        }
        Type::Map => {}
        _ => return Err(DecodeError::WrongType(NAME)),
    }
    let length = decoder.map()?.ok_or(DecodeError::WrongType(NAME))?;
    let mut metadata = PeerMetadata::default();
    for _ in 0..length {
        if decoder.datatype()? != Type::String {
            skip(decoder, 1)?;
            skip(decoder, 1)?;
            continue;
        }
        match decoder.str()? {
            "storageId" => match decoder.datatype()? {
                Type::String => metadata.storage_id = Some(decoder.str()?.to_string()),
                Type::Undefined | Type::Null => decoder.skip()?,
                _ => return Err(DecodeError::WrongType("storageId")),
            },
            "isEphemeral" => match decoder.datatype()? {
                Type::Bool => metadata.is_ephemeral = decoder.bool()?,
                Type::Undefined | Type::Null => decoder.skip()?,
                _ => return Err(DecodeError::WrongType("isEphemeral")),
            },
            _ => skip(decoder, 1)?,
        }
    }
    Ok(Some(metadata))
}

/// Skips one value of any type, refusing nesting deeper than [`MAX_NESTING`].
fn skip(decoder: &mut Decoder<'_>, depth: usize) -> Result<(), DecodeError> {
    if depth > MAX_NESTING {
        return Err(DecodeError::Cbor("values nested too deeply".into()));
    }
    match decoder.datatype()? {
        Type::Array => {
            let length = decoder.array()?.unwrap_or(0);
            for _ in 0..length {
                skip(decoder, depth + 1)?;
            }
        }
        Type::Map => {
            let length = decoder.map()?.unwrap_or(0);
            for _ in 0..length {
                skip(decoder, depth + 1)?;
                skip(decoder, depth + 1)?;
            }
        }
        Type::Tag => {
            decoder.tag()?;
            skip(decoder, depth + 1)?;
        }
        Type::ArrayIndef | Type::MapIndef => {
            decoder.skip()?;
        }
        _ => decoder.skip()?,
    }
    Ok(())
}

impl Fields {
    fn into_message(self) -> Result<Message, DecodeError> {
        let kind = self.kind.clone().ok_or(DecodeError::Missing("type"))?;
        let sender = || self.sender.clone().ok_or(DecodeError::Missing("senderId"));
        let target = || self.target.clone().ok_or(DecodeError::Missing("targetId"));
        let document = || {
            self.document
                .as_deref()
                .ok_or(DecodeError::Missing("documentId"))?
                .parse::<DocumentId>()
                .map_err(|_| DecodeError::BadDocumentId)
        };
        let data = || self.data.clone().ok_or(DecodeError::Missing("data"));
        Ok(match kind.as_str() {
            "join" => Message::Join {
                sender: sender()?,
                versions: self
                    .versions
                    .clone()
                    .ok_or(DecodeError::Missing("supportedProtocolVersions"))?,
                metadata: self.metadata.clone(),
            },
            "peer" => Message::Peer {
                sender: sender()?,
                target: target()?,
                version: self
                    .version
                    .clone()
                    .ok_or(DecodeError::Missing("selectedProtocolVersion"))?,
                metadata: self.metadata.clone(),
            },
            "leave" => Message::Leave { sender: sender()? },
            "request" => Message::Request {
                document: document()?,
                sender: sender()?,
                target: target()?,
                data: data()?,
            },
            "sync" => Message::Sync {
                document: document()?,
                sender: sender()?,
                target: target()?,
                data: data()?,
            },
            "doc-unavailable" => Message::DocUnavailable {
                document: document()?,
                sender: sender()?,
                target: target()?,
            },
            "ephemeral" => Message::Ephemeral {
                document: document()?,
                sender: sender()?,
                target: target()?,
                count: self.count.ok_or(DecodeError::Missing("count"))?,
                session: self
                    .session
                    .clone()
                    .ok_or(DecodeError::Missing("sessionId"))?,
                data: data()?,
            },
            "error" => Message::Error {
                message: self
                    .message
                    .clone()
                    .ok_or(DecodeError::Missing("message"))?,
            },
            _ => Message::Other { kind },
        })
    }
}

type Written = Result<(), minicbor::encode::Error<std::convert::Infallible>>;

fn write_message(out: &mut Encoder<Vec<u8>>, message: &Message) -> Written {
    match message {
        Message::Join {
            sender,
            versions,
            metadata,
        } => {
            out.map(3 + u64::from(metadata.is_some()))?;
            out.str("type")?.str("join")?;
            out.str("senderId")?.str(sender)?;
            out.str("supportedProtocolVersions")?
                .array(versions.len() as u64)?;
            for version in versions {
                out.str(version)?;
            }
            write_metadata(out, metadata.as_ref())?;
        }
        Message::Peer {
            sender,
            target,
            version,
            metadata,
        } => {
            out.map(4 + u64::from(metadata.is_some()))?;
            out.str("type")?.str("peer")?;
            out.str("senderId")?.str(sender)?;
            out.str("targetId")?.str(target)?;
            out.str("selectedProtocolVersion")?.str(version)?;
            write_metadata(out, metadata.as_ref())?;
        }
        Message::Leave { sender } => {
            out.map(2)?;
            out.str("type")?.str("leave")?;
            out.str("senderId")?.str(sender)?;
        }
        Message::Request {
            document,
            sender,
            target,
            data,
        }
        | Message::Sync {
            document,
            sender,
            target,
            data,
        } => {
            out.map(5)?;
            out.str("type")?.str(message.kind())?;
            out.str("documentId")?.str(&document.to_string())?;
            out.str("senderId")?.str(sender)?;
            out.str("targetId")?.str(target)?;
            out.str("data")?.bytes(data)?;
        }
        Message::DocUnavailable {
            document,
            sender,
            target,
        } => {
            out.map(4)?;
            out.str("type")?.str("doc-unavailable")?;
            out.str("documentId")?.str(&document.to_string())?;
            out.str("senderId")?.str(sender)?;
            out.str("targetId")?.str(target)?;
        }
        Message::Ephemeral {
            document,
            sender,
            target,
            count,
            session,
            data,
        } => {
            out.map(7)?;
            out.str("type")?.str("ephemeral")?;
            out.str("documentId")?.str(&document.to_string())?;
            out.str("senderId")?.str(sender)?;
            out.str("targetId")?.str(target)?;
            out.str("count")?.u64(*count)?;
            out.str("sessionId")?.str(session)?;
            out.str("data")?.bytes(data)?;
        }
        Message::Error { message } => {
            out.map(2)?;
            out.str("type")?.str("error")?;
            out.str("message")?.str(message)?;
        }
        Message::Other { kind } => {
            out.map(1)?;
            out.str("type")?.str(kind)?;
        }
    }
    Ok(())
}

fn write_metadata(out: &mut Encoder<Vec<u8>>, metadata: Option<&PeerMetadata>) -> Written {
    let Some(metadata) = metadata else {
        return Ok(());
    };
    out.str("peerMetadata")?
        .map(1 + u64::from(metadata.storage_id.is_some()))?;
    if let Some(storage_id) = &metadata.storage_id {
        out.str("storageId")?.str(storage_id)?;
    }
    out.str("isEphemeral")?.bool(metadata.is_ephemeral)?;
    Ok(())
}
