//! Helpers shared by the HTTP-level tests: a plain reqwest client and JSON in, JSON out.
#![allow(dead_code)]

use attio_emulator::Emulator;
use serde_json::Value;

pub struct Api {
    pub emu: Emulator,
    pub http: reqwest::Client,
}

pub async fn start() -> Api {
    with(Emulator::builder().no_rate_limits()).await
}

pub async fn with(b: attio_emulator::EmulatorBuilder) -> Api {
    let emu = b.start().await.expect("emulator starts");
    Api {
        emu,
        http: reqwest::Client::new(),
    }
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        format!("{}/v2{}", self.emu.base_url(), path)
    }

    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut rb = self
            .http
            .request(m, self.url(path))
            .bearer_auth(self.emu.api_key());
        if let Some(b) = body {
            rb = rb
                .header("content-type", "application/json")
                .body(serde_json::to_vec(&b).unwrap());
        }
        let resp = rb.send().await.expect("request sent");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body read");
        let v = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
        };
        (status, v)
    }

    pub async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (s, v) = self.call(method, path, body).await;
        assert_eq!(s, 200, "{method} {path} → {s}: {v}");
        v
    }

    /// Creates a record and returns `data`.
    pub async fn create(&self, object: &str, values: Value) -> Value {
        let v = self
            .ok(
                "POST",
                &format!("/objects/{object}/records"),
                Some(serde_json::json!({"data": {"values": values}})),
            )
            .await;
        v["data"].clone()
    }

    /// Runs a records query and returns `data`.
    pub async fn query(&self, object: &str, body: Value) -> Vec<Value> {
        let v = self
            .ok(
                "POST",
                &format!("/objects/{object}/records/query"),
                Some(body),
            )
            .await;
        v["data"].as_array().cloned().unwrap_or_default()
    }

    /// Expects an Attio error and returns its body.
    pub async fn err(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        status: u16,
        code: &str,
    ) -> Value {
        let (s, v) = self.call(method, path, body).await;
        assert_eq!(
            s, status,
            "{method} {path}: expected {status} {code}, got {s}: {v}"
        );
        assert_eq!(v["code"], code, "{v}");
        assert_eq!(v["status_code"], status, "{v}");
        assert!(v["type"].is_string() && v["message"].is_string(), "{v}");
        v
    }
}

pub fn id(record: &Value) -> String {
    record["id"]["record_id"].as_str().unwrap().to_string()
}

/// The given field of every current value of `slug`.
pub fn field(record: &Value, slug: &str, f: &str) -> Vec<Value> {
    record["values"][slug]
        .as_array()
        .unwrap_or_else(|| panic!("no {slug} in {record}"))
        .iter()
        .map(|v| v[f].clone())
        .collect()
}

pub fn strs(record: &Value, slug: &str, f: &str) -> Vec<String> {
    field(record, slug, f)
        .into_iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}
