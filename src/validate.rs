//! Request validation: the one place where a request is checked against the
//! limits. Every rejection names the field and the limit it broke.

use crate::{config::Limits, error::ClassifyError, model::THREAT_LABELS, proto};

/// Most evidence sentences a client may ask for.
pub const MAX_EVIDENCE_LIMIT: usize = 20;

/// A request that passed validation, with options resolved to their defaults.
#[derive(Debug, Clone)]
pub struct ValidRequest {
    pub id: String,
    pub title: String,
    pub body: String,
    pub top_k: usize,
    pub include_evidence: bool,
    pub max_evidence: usize,
}

pub fn validate(req: proto::ClassifyRequest, limits: &Limits) -> Result<ValidRequest, ClassifyError> {
    let article = req.article.ok_or_else(|| ClassifyError::invalid("article", "is required"))?;
    if article.title.trim().is_empty() && article.body.trim().is_empty() {
        return Err(ClassifyError::invalid(
            "article.title, article.body",
            "both are empty; at least one must contain text",
        ));
    }
    let size = article.title.len() + article.body.len();
    if size > limits.max_article_bytes {
        return Err(ClassifyError::invalid(
            "article.body",
            format!(
                "article is {size} bytes (title + body); the limit is {} bytes (max-article-bytes)",
                limits.max_article_bytes
            ),
        ));
    }
    if article.id.len() > 1024 {
        return Err(ClassifyError::invalid("article.id", format!("is {} bytes; the limit is 1024", article.id.len())));
    }
    let options = req.options.unwrap_or_default();
    let top_k = options.top_k as usize;
    if top_k > THREAT_LABELS.len() {
        return Err(ClassifyError::invalid(
            "options.top_k",
            format!("is {top_k}; there are {} labels (0 returns all)", THREAT_LABELS.len()),
        ));
    }
    let max_evidence = options.max_evidence as usize;
    if max_evidence > MAX_EVIDENCE_LIMIT {
        return Err(ClassifyError::invalid(
            "options.max_evidence",
            format!("is {max_evidence}; the limit is {MAX_EVIDENCE_LIMIT} (0 uses the server default)"),
        ));
    }
    Ok(ValidRequest {
        id: article.id,
        title: article.title,
        body: article.body,
        top_k,
        include_evidence: options.include_evidence.unwrap_or(true),
        max_evidence: if max_evidence == 0 { limits.max_evidence } else { max_evidence },
    })
}

/// Checks the size of a ClassifyBatch call.
pub fn validate_batch_size(items: usize, limits: &Limits) -> Result<(), ClassifyError> {
    if items == 0 {
        return Err(ClassifyError::invalid("requests", "is empty; send at least one article"));
    }
    if items > limits.max_batch_items {
        return Err(ClassifyError::invalid(
            "requests",
            format!("has {items} articles; the limit is {} (max-batch-items)", limits.max_batch_items),
        ));
    }
    Ok(())
}

/// Checks the window count once the article is tokenized.
pub fn validate_windows(windows: usize, tokens: usize, limits: &Limits) -> Result<(), ClassifyError> {
    if windows > limits.max_windows_per_article {
        return Err(ClassifyError::invalid(
            "article.body",
            format!(
                "article needs {windows} model windows ({tokens} tokens); the limit is {} (max-windows-per-article)",
                limits.max_windows_per_article
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(title: &str, body: &str) -> proto::ClassifyRequest {
        proto::ClassifyRequest {
            article: Some(proto::Article { title: title.into(), body: body.into(), ..Default::default() }),
            options: None,
        }
    }

    fn field_of(err: ClassifyError) -> String {
        match err {
            ClassifyError::InvalidArgument { field, .. } => field,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn rejects_empty_and_oversize_articles_naming_the_field() {
        let limits = Limits { max_article_bytes: 10, ..Limits::default() };
        assert_eq!(field_of(validate(req(" ", "\n"), &limits).unwrap_err()), "article.title, article.body");
        let err = validate(req("t", "0123456789"), &limits).unwrap_err();
        assert!(err.to_string().contains("max-article-bytes"), "{err}");
        assert!(validate(req("title", "body"), &limits).is_ok());
        assert_eq!(field_of(validate(proto::ClassifyRequest::default(), &limits).unwrap_err()), "article");
    }

    #[test]
    fn rejects_unknown_option_values() {
        let limits = Limits::default();
        let mut r = req("t", "b");
        r.options = Some(proto::ClassifyOptions { top_k: 13, ..Default::default() });
        assert_eq!(field_of(validate(r.clone(), &limits).unwrap_err()), "options.top_k");
        r.options = Some(proto::ClassifyOptions { max_evidence: 21, ..Default::default() });
        assert_eq!(field_of(validate(r, &limits).unwrap_err()), "options.max_evidence");
    }

    #[test]
    fn batch_size_limits() {
        let limits = Limits { max_batch_items: 2, ..Limits::default() };
        assert!(validate_batch_size(2, &limits).is_ok());
        assert!(validate_batch_size(3, &limits).unwrap_err().to_string().contains("max-batch-items"));
        assert!(validate_batch_size(0, &limits).is_err());
    }
}
