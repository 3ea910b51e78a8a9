//! Error types, and the one place where they become gRPC statuses.

use std::path::PathBuf;

use tonic::{Code, Status};

/// Everything that can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ClassifyError {
    /// The request breaks a rule or a limit; the message names the field and the limit.
    #[error("{field}: {message}")]
    InvalidArgument { field: String, message: String },

    /// The bounded queue has no room; the client should back off and retry.
    #[error("server saturated: {0}")]
    QueueFull(String),

    /// The client's deadline passed before the answer was ready.
    #[error("deadline exceeded after {0} ms")]
    DeadlineExceeded(u64),

    /// The server is draining for shutdown.
    #[error("server is shutting down")]
    ShuttingDown,

    /// A failure inside the model or the worker pool; never the client's fault.
    #[error("inference failed: {0}")]
    Inference(String),
}

impl ClassifyError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        ClassifyError::InvalidArgument { field: field.into(), message: message.into() }
    }

    /// The gRPC code for this error.
    pub fn code(&self) -> Code {
        match self {
            ClassifyError::InvalidArgument { .. } => Code::InvalidArgument,
            ClassifyError::QueueFull(_) => Code::ResourceExhausted,
            ClassifyError::DeadlineExceeded(_) => Code::DeadlineExceeded,
            ClassifyError::ShuttingDown => Code::Unavailable,
            ClassifyError::Inference(_) => Code::Internal,
        }
    }

    /// The per-item error carried inside batch and stream answers.
    pub fn to_item_error(&self) -> crate::proto::ItemError {
        crate::proto::ItemError { code: code_name(self.code()).to_string(), message: self.to_string() }
    }
}

impl From<ClassifyError> for Status {
    fn from(err: ClassifyError) -> Status {
        Status::new(err.code(), err.to_string())
    }
}

/// Upper-case gRPC code name, as grpcurl and the gRPC docs spell it.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// Start-up failures: a model directory that is missing, incomplete or corrupt.
/// Every variant names the file so that an operator can fix it.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model directory {0} does not exist")]
    MissingDir(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("invalid manifest {path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error("cannot load tokenizer {path}: {message}")]
    Tokenizer { path: PathBuf, message: String },
    #[error("cannot load ONNX graph {path}: {message}")]
    Onnx { path: PathBuf, message: String },
    #[error("invalid lexicon {path}: {message}")]
    Lexicon { path: PathBuf, message: String },
    #[error("invalid actor base {path}: {message}")]
    Actors { path: PathBuf, message: String },
    #[error("configuration: {0}")]
    Config(String),
}
