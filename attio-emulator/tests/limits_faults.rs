//! Rate limits (429 with a `Retry-After` HTTP date, nothing processed) and seeded fault
//! injection (reproducible, 500/503/429, drops before and after processing, latency).

mod common;

use std::time::{Duration, Instant, SystemTime};

use attio_emulator::{Emulator, FaultRates, Faults, RateLimits};
use common::with;
use serde_json::json;

#[tokio::test]
async fn writes_beyond_the_limit_get_429_with_retry_after_and_are_not_processed() {
    let api = with(Emulator::builder().rate_limits(RateLimits {
        reads_per_second: 4,
        writes_per_second: 2,
    }))
    .await;
    let mut statuses = vec![];
    let mut retry_after = None;
    for i in 0..4 {
        let r = api
            .http
            .post(api.url("/objects/companies/records"))
            .bearer_auth(api.emu.api_key())
            .body(json!({"data": {"values": {"name": format!("c{i}")}}}).to_string())
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        if r.status().as_u16() == 429 {
            let h = r.headers()["retry-after"].to_str().unwrap().to_string();
            let v: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
            assert_eq!(
                v,
                json!({"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded",
                       "message": v["message"].clone()})
            );
            retry_after = Some(h);
        }
    }
    assert_eq!(statuses, [200, 200, 429, 429]);
    assert_eq!(
        api.emu.record_count("companies"),
        2,
        "a 429 must not be processed"
    );
    let when = httpdate::parse_http_date(retry_after.as_deref().unwrap()).expect("HTTP date");
    let now = SystemTime::now();
    assert!(when > now - Duration::from_secs(1));
    assert!(when <= now + Duration::from_secs(2), "next whole second");
    assert_eq!(api.emu.stats().rate_limited, 2);

    // Reads have their own bucket.
    let mut read_statuses = vec![];
    for _ in 0..5 {
        let (s, _) = api.call("GET", "/objects", None).await;
        read_statuses.push(s);
    }
    assert_eq!(read_statuses, [200, 200, 200, 200, 429]);
    // records/query counts as a read.
    let (s, _) = api
        .call("POST", "/objects/companies/records/query", Some(json!({})))
        .await;
    assert_eq!(s, 429);

    // After the Retry-After date a request goes through.
    let wait = when.duration_since(SystemTime::now()).unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(20)).await;
    let (s, _) = api
        .call(
            "POST",
            "/objects/companies/records",
            Some(json!({"data": {"values": {"name": "later"}}})),
        )
        .await;
    assert_eq!(s, 200);

    // Limits can be turned off at runtime.
    api.emu.set_rate_limits(None);
    for _ in 0..30 {
        let (s, _) = api.call("GET", "/objects", None).await;
        assert_eq!(s, 200);
    }
}

/// Sends a fixed request sequence and records what the client saw for each.
async fn run_sequence(seed: u64) -> (Vec<String>, attio_emulator::Stats, usize) {
    let rates = FaultRates {
        error_500: 0.1,
        error_503: 0.1,
        rate_limit_429: 0.1,
        drop_before: 0.1,
        drop_after: 0.1,
        latency: None,
    };
    let api = with(Emulator::builder().no_rate_limits().faults(Faults {
        seed,
        reads: rates,
        writes: rates,
    }))
    .await;
    let mut seen = vec![];
    for i in 0..60 {
        let req = if i % 3 == 0 {
            api.http.get(api.url("/objects/people"))
        } else {
            api.http
                .post(api.url("/objects/companies/records"))
                .body(json!({"data": {"values": {"name": format!("c{i}")}}}).to_string())
        };
        let outcome = match req.bearer_auth(api.emu.api_key()).send().await {
            Err(_) => "transport-error".to_string(),
            Ok(r) => {
                let s = r.status().as_u16();
                if s == 429 {
                    assert!(
                        httpdate::parse_http_date(r.headers()["retry-after"].to_str().unwrap())
                            .is_ok()
                    );
                }
                match r.text().await {
                    Ok(body) => {
                        if s != 200 {
                            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                            assert_eq!(v["status_code"], s);
                            assert!(v["code"].is_string() && v["type"].is_string());
                        }
                        s.to_string()
                    }
                    Err(_) => "body-error".to_string(),
                }
            }
        };
        seen.push(outcome);
    }
    let count = api.emu.record_count("companies");
    (seen, api.emu.stats(), count)
}

#[tokio::test]
async fn faults_are_reproducible_from_the_seed() {
    let (a, stats_a, count_a) = run_sequence(42).await;
    let (b, stats_b, count_b) = run_sequence(42).await;
    assert_eq!(a, b, "same seed, same requests ⇒ same faults");
    assert_eq!(stats_a, stats_b);
    assert_eq!(count_a, count_b);
    let (c, _, _) = run_sequence(43).await;
    assert_ne!(a, c, "another seed gives another sequence");

    // Every kind of fault happened, and drops are transport errors for the client.
    for kind in ["500", "503", "429", "transport-error", "200"] {
        assert!(a.iter().any(|o| o == kind), "no {kind} in {a:?}");
    }
    assert!(
        !a.iter().any(|o| o == "body-error"),
        "drops must fail before the status line"
    );
    let drops = a.iter().filter(|o| *o == "transport-error").count() as u64;
    assert_eq!(drops, stats_a.dropped_before + stats_a.dropped_after);
    assert!(stats_a.injected_500 > 0 && stats_a.injected_503 > 0 && stats_a.injected_429 > 0);

    // Writes dropped after processing are stored; those dropped before are not.
    let writes_ok = a
        .iter()
        .enumerate()
        .filter(|(i, o)| i % 3 != 0 && *o == "200")
        .count();
    assert!(stats_a.dropped_after > 0 && stats_a.dropped_before > 0);
    assert!(count_a >= writes_ok);
    assert_eq!(stats_a.writes_stored as usize, count_a);
}

#[tokio::test]
async fn drop_after_stores_the_write_and_drop_before_does_not() {
    let api = with(Emulator::builder().no_rate_limits().faults(Faults {
        seed: 1,
        reads: FaultRates::default(),
        writes: FaultRates {
            drop_after: 1.0,
            ..Default::default()
        },
    }))
    .await;
    let r = api
        .http
        .post(api.url("/objects/companies/records"))
        .bearer_auth(api.emu.api_key())
        .body(r#"{"data":{"values":{"name":"kept"}}}"#)
        .send()
        .await;
    assert!(r.is_err(), "the client must see a transport error");
    assert_eq!(api.emu.record_count("companies"), 1);

    api.emu.set_faults(Faults {
        seed: 1,
        reads: FaultRates::default(),
        writes: FaultRates {
            drop_before: 1.0,
            ..Default::default()
        },
    });
    let r = api
        .http
        .post(api.url("/objects/companies/records"))
        .bearer_auth(api.emu.api_key())
        .body(r#"{"data":{"values":{"name":"lost"}}}"#)
        .send()
        .await;
    assert!(r.is_err());
    assert_eq!(api.emu.record_count("companies"), 1);
    // Reads are unaffected by write faults.
    let (s, v) = api
        .call("POST", "/objects/companies/records/query", Some(json!({})))
        .await;
    assert_eq!(s, 200);
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    let st = api.emu.stats();
    assert_eq!((st.dropped_after, st.dropped_before), (1, 1));
}

#[tokio::test]
async fn latency_is_added() {
    let api = with(Emulator::builder().no_rate_limits().faults(Faults {
        seed: 9,
        reads: FaultRates {
            latency: Some((Duration::from_millis(60), Duration::from_millis(80))),
            ..Default::default()
        },
        writes: FaultRates::default(),
    }))
    .await;
    let t = Instant::now();
    let (s, _) = api.call("GET", "/objects", None).await;
    assert_eq!(s, 200);
    assert!(t.elapsed() >= Duration::from_millis(60));
}
