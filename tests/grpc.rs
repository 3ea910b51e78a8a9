//! The gRPC contract, end to end: a real server on an ephemeral port, the
//! shipped model, a tonic client.

mod common;

use std::time::Duration;

use common::*;
use futures::StreamExt;
use threatlens::{model::THREAT_LABELS, proto};
use tonic::Code;

fn attribution(r: &proto::ClassifyResponse) -> &proto::Attribution {
    r.attribution.as_ref().expect("attribution present")
}

fn assert_well_formed(r: &proto::ClassifyResponse, title: &str, body: &str) {
    assert!(r.error.is_none(), "unexpected error {:?}", r.error);
    assert_eq!(r.threat_types.len(), THREAT_LABELS.len());
    for pair in r.threat_types.windows(2) {
        assert!(pair[0].score >= pair[1].score, "threat_types not sorted: {:?}", r.threat_types);
    }
    for l in &r.threat_types {
        assert!(THREAT_LABELS.contains(&l.label.as_str()), "unknown label {}", l.label);
        assert!((0.0..=1.0).contains(&l.score));
    }
    assert!(THREAT_LABELS.contains(&r.primary_threat.as_str()));
    let a = attribution(r);
    assert!(["none", "claimed", "suspected", "attributed"].contains(&a.level.as_str()));
    assert!((0.0..=1.0).contains(&a.confidence));
    let sum: f32 = a.level_scores.iter().map(|s| s.score).sum();
    assert!((sum - 1.0).abs() < 1e-3, "level scores sum to {sum}");
    let text_of = |span: &proto::Span| -> &str {
        let s = if span.field == "title" { title } else { body };
        assert!(s.is_char_boundary(span.start as usize) && s.is_char_boundary(span.end as usize));
        &s[span.start as usize..span.end as usize]
    };
    for e in &a.evidence {
        assert_eq!(text_of(e.span.as_ref().unwrap()), e.text);
    }
    for actor in &a.actors {
        for m in &actor.mentions {
            assert_eq!(text_of(m.span.as_ref().unwrap()), m.text);
        }
    }
    let usage = r.usage.as_ref().unwrap();
    assert!(usage.tokens > 0 && usage.windows >= 1);
    assert!(!r.model_version.is_empty());
}

#[tokio::test]
async fn classify_seed_article() {
    let mut client = client().await;
    let r = client.classify(article("seed-1", ESPIONAGE_TITLE, ESPIONAGE_BODY)).await.unwrap().into_inner();
    assert_well_formed(&r, ESPIONAGE_TITLE, ESPIONAGE_BODY);
    assert_eq!(r.id, "seed-1");
    assert_eq!(r.primary_threat, "espionage");
    let a = attribution(&r);
    assert_eq!(a.level, "attributed", "{a:?}");
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"APT31"), "actors {names:?}");
    assert!(names.contains(&"China"), "actors {names:?}");
    assert!(a.denied, "Beijing denies");
    assert!(!a.evidence.is_empty());
}

#[tokio::test]
async fn classify_non_threat_article() {
    let mut client = client().await;
    let title = "Five sleep hacks that will transform your mornings";
    let body = "Nutritionists say a consistent bedtime, less caffeine after noon and a short walk in daylight can reset your body clock within a week. Readers who tried the routine reported feeling sharper at work.";
    let r = client.classify(article("life", title, body)).await.unwrap().into_inner();
    assert_well_formed(&r, title, body);
    assert_eq!(r.primary_threat, "none");
    assert_eq!(attribution(&r).level, "none");
    assert!(attribution(&r).actors.is_empty());
}

#[tokio::test]
async fn batch_answers_in_request_order_with_item_errors() {
    let mut client = client().await;
    let requests = vec![
        article(
            "a",
            "LockBit claims attack on city council",
            "The LockBit ransomware gang listed the council on its leak site and demanded a ransom.",
        ),
        article("b", "", ""),
        article("c", "New smartphone launches with bigger battery", "The phone ships next month in three colours."),
        article(
            "d",
            "Critical flaw in VPN appliance exploited",
            "CVE-2025-1234 allows remote code execution; the vendor released a patch.",
        ),
    ];
    let r = client.classify_batch(proto::ClassifyBatchRequest { requests }).await.unwrap().into_inner();
    let ids: Vec<&str> = r.responses.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "c", "d"]);
    let idx: Vec<u32> = r.responses.iter().map(|x| x.index).collect();
    assert_eq!(idx, vec![0, 1, 2, 3]);
    let err = r.responses[1].error.as_ref().expect("empty article fails");
    assert_eq!(err.code, "INVALID_ARGUMENT");
    assert!(err.message.contains("article.title"), "{}", err.message);
    assert!(r.responses[0].error.is_none() && r.responses[2].error.is_none());
    assert_eq!(r.responses[0].primary_threat, "ransomware");
}

#[tokio::test]
async fn stream_keeps_going_after_bad_items() {
    let mut client = client().await;
    let items = vec![
        article(
            "s0",
            "DDoS attack knocks bank websites offline",
            "A pro-Russian hacktivist group claimed the DDoS attack on Telegram.",
        ),
        proto::ClassifyRequest { article: None, options: None },
        article("s2", "", "   "),
        article(
            "s3",
            "Phishing campaign impersonates tax office",
            "Emails with a fake login page harvested credentials from thousands of taxpayers.",
        ),
        proto::ClassifyRequest {
            article: Some(proto::Article { id: "s4".into(), title: "x".into(), ..Default::default() }),
            options: Some(proto::ClassifyOptions { top_k: 99, ..Default::default() }),
        },
        article("s5", ESPIONAGE_TITLE, ESPIONAGE_BODY),
    ];
    let n = items.len();
    let stream = client.classify_stream(futures::stream::iter(items)).await.unwrap().into_inner();
    let answers: Vec<proto::ClassifyResponse> = stream.map(|r| r.unwrap()).collect().await;
    assert_eq!(answers.len(), n);
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a.index as usize, i);
    }
    assert!(answers[0].error.is_none());
    assert_eq!(answers[1].error.as_ref().unwrap().code, "INVALID_ARGUMENT");
    assert!(answers[1].error.as_ref().unwrap().message.contains("article"));
    assert_eq!(answers[2].error.as_ref().unwrap().code, "INVALID_ARGUMENT");
    assert!(answers[3].error.is_none());
    assert!(answers[4].error.as_ref().unwrap().message.contains("options.top_k"));
    assert_eq!(answers[5].id, "s5");
    assert_eq!(answers[5].primary_threat, "espionage");
}

#[tokio::test]
async fn model_info_lists_taxonomy_and_limits() {
    let mut client = client().await;
    let info = client.get_model_info(proto::GetModelInfoRequest {}).await.unwrap().into_inner();
    assert_eq!(info.name, "threatlens-minilm");
    let mut labels = info.threat_labels.clone();
    labels.sort();
    let mut want: Vec<String> = THREAT_LABELS.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(labels, want);
    assert_eq!(info.attribution_levels, vec!["none", "claimed", "suspected", "attributed"]);
    assert_eq!(info.max_window_tokens, 256);
    assert!(info.actor_count > 100);
    assert!(info.limits.unwrap().max_batch_items > 0);
    assert!(!info.metrics_json.is_empty() && info.metrics_json != "null");
}

#[tokio::test]
async fn bad_inputs_get_invalid_argument_naming_field_and_limit() {
    let mut client = client().await;
    let cases: Vec<(proto::ClassifyRequest, &str)> = vec![
        (article("e", "", ""), "article.title"),
        (article("e", " \n ", "\t"), "article.title"),
        (proto::ClassifyRequest { article: None, options: None }, "article"),
        (
            proto::ClassifyRequest {
                article: article("o", "t", "b").article,
                options: Some(proto::ClassifyOptions { top_k: 50, ..Default::default() }),
            },
            "options.top_k",
        ),
        (
            proto::ClassifyRequest {
                article: article("o", "t", "b").article,
                options: Some(proto::ClassifyOptions { max_evidence: 1000, ..Default::default() }),
            },
            "options.max_evidence",
        ),
    ];
    for (req, field) in cases {
        let status = client.classify(req).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(status.message().contains(field), "message {:?} should name {field}", status.message());
    }
}

#[tokio::test]
async fn three_megabyte_body_is_rejected_by_the_article_limit() {
    let mut client = client().await;
    let body = "The quick brown fox jumps over the lazy dog. ".repeat(3 * 1024 * 1024 / 45 + 1);
    assert!(body.len() >= 3 * 1024 * 1024);
    let status = client.classify(article("big", "Huge", &body)).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(status.message().contains("max-article-bytes"), "{}", status.message());
    assert!(status.message().contains("article.body"), "{}", status.message());
}

#[tokio::test]
async fn over_limit_batch_is_rejected() {
    let mut client = client().await;
    let requests: Vec<_> = (0..65).map(|i| article(&i.to_string(), "Title", "Body text.")).collect();
    let status = client.classify_batch(proto::ClassifyBatchRequest { requests }).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(status.message().contains("max-batch-items"), "{}", status.message());
    let status = client.classify_batch(proto::ClassifyBatchRequest { requests: vec![] }).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn long_article_attribution_in_last_paragraph() {
    let mut client = client().await;
    let title = "Ministry completes review of its digital services programme";
    let mut body = filler_paragraphs(116);
    body.push_str("\n\nIn a statement on Friday, the National Cyber Security Centre formally attributed the intrusion into the ministry's network to APT29, a hacking group run by Russia's SVR foreign intelligence service.");
    let words = body.split_whitespace().count();
    assert!(words >= 3000, "only {words} words");
    let r = client.classify(article("long", title, &body)).await.unwrap().into_inner();
    assert_well_formed(&r, title, &body);
    let usage = r.usage.as_ref().unwrap();
    assert!(usage.windows > 10, "windows {}", usage.windows);
    assert!(usage.windowed);
    let a = attribution(&r);
    assert_eq!(a.level, "attributed", "{:?}", a.level_scores);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"APT29"), "{names:?}");
    let ev = a.evidence.first().expect("evidence");
    assert!(ev.text.contains("APT29"), "{ev:?}");
    assert!(ev.window as usize + 1 == usage.windows as usize, "evidence in last window: {ev:?}");
}

#[tokio::test]
async fn sixty_four_concurrent_clients_match_sequential_answers() {
    let texts: Vec<(String, String)> = (0..16)
        .map(|i| match i % 4 {
            0 => (ESPIONAGE_TITLE.to_string(), ESPIONAGE_BODY.to_string()),
            1 => (
                "Hospital hit by ransomware".to_string(),
                format!("Patients were diverted after ransomware encrypted systems at hospital number {i}."),
            ),
            2 => (
                "Camera maker unveils new mirrorless model".to_string(),
                format!("The model {i} has a faster sensor and better autofocus."),
            ),
            _ => (
                "Botnet infects routers".to_string(),
                filler_paragraphs(i) + " A new botnet infected thousands of home routers.",
            ),
        })
        .collect();
    let mut client = client().await;
    let mut sequential = Vec::new();
    for (i, (t, b)) in texts.iter().enumerate() {
        sequential.push(client.classify(article(&i.to_string(), t, b)).await.unwrap().into_inner());
    }
    let addr = server();
    let tasks: Vec<_> = (0..64)
        .map(|c| {
            let texts = texts.clone();
            tokio::spawn(async move {
                let mut client = client_for(addr).await;
                let i = c % texts.len();
                let (t, b) = &texts[i];
                (i, client.classify(article(&i.to_string(), t, b)).await)
            })
        })
        .collect();
    for task in tasks {
        let (i, r) = task.await.unwrap();
        let r = r.expect("no request is shed at this load").into_inner();
        let s = &sequential[i];
        assert_eq!(r.primary_threat, s.primary_threat);
        assert_eq!(attribution(&r).level, attribution(s).level);
        for (a, b) in r.threat_types.iter().zip(&s.threat_types) {
            assert_eq!(a.label, b.label);
            assert!((a.score - b.score).abs() < 1e-4, "{} {} vs {}", a.label, a.score, b.score);
        }
    }
}

#[tokio::test]
async fn deadline_shorter_than_the_work_returns_deadline_exceeded() {
    let mut client = client().await;
    let body = filler_paragraphs(300);
    let mut req = tonic::Request::new(article("slow", "Slow", &body));
    req.set_timeout(Duration::from_millis(300));
    let status = client.classify(req).await.unwrap_err();
    assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
    // The server is still healthy and answers the next call.
    let r = client.classify(article("after", "Quick", "Ransomware hit a school district.")).await.unwrap().into_inner();
    assert!(r.error.is_none());
}

#[tokio::test]
async fn health_and_reflection_v1_and_v1alpha() {
    let addr = server();
    let ch = tonic::transport::Channel::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
    let mut health = tonic_health::pb::health_client::HealthClient::new(ch.clone());
    for service in ["", "threatlens.v1.ThreatClassifier"] {
        let r =
            health.check(tonic_health::pb::HealthCheckRequest { service: service.into() }).await.unwrap().into_inner();
        assert_eq!(r.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    }

    use tonic_reflection::pb::{v1, v1alpha};
    let mut c1 = v1::server_reflection_client::ServerReflectionClient::new(ch.clone());
    let req = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(String::new())),
    };
    let mut resp = c1.server_reflection_info(futures::stream::iter(vec![req])).await.unwrap().into_inner();
    let msg = resp.next().await.unwrap().unwrap();
    let Some(v1::server_reflection_response::MessageResponse::ListServicesResponse(list)) = msg.message_response else {
        panic!("unexpected reflection answer");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    assert!(names.contains(&"threatlens.v1.ThreatClassifier".to_string()), "{names:?}");
    assert!(names.contains(&"grpc.health.v1.Health".to_string()), "{names:?}");

    let mut c2 = v1alpha::server_reflection_client::ServerReflectionClient::new(ch);
    let req = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1alpha::server_reflection_request::MessageRequest::FileContainingSymbol(
            "threatlens.v1.ThreatClassifier".into(),
        )),
    };
    let mut resp = c2.server_reflection_info(futures::stream::iter(vec![req])).await.unwrap().into_inner();
    let msg = resp.next().await.unwrap().unwrap();
    let Some(v1alpha::server_reflection_response::MessageResponse::FileDescriptorResponse(fd)) = msg.message_response
    else {
        panic!("unexpected v1alpha answer");
    };
    assert!(!fd.file_descriptor_proto.is_empty());
}
