//! The server's clock, as read from an answer's `Date` header.

use std::time::SystemTime;

use reqwest::header::HeaderValue;

/// The server's time (from a `Date` header) and ours when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ServerClock {
    /// The server's time.
    pub server: SystemTime,
    /// Ours, when the answer was read.
    pub local: SystemTime,
}

impl ServerClock {
    /// The server's clock from an answer's `Date` header, read now.
    pub(crate) fn from_date(date: Option<&HeaderValue>) -> Option<Self> {
        let server = httpdate::parse_http_date(date?.to_str().ok()?).ok()?;
        Some(ServerClock {
            server,
            local: SystemTime::now(),
        })
    }

    /// Our time `t`, in the server's clock.
    pub(crate) fn to_server(self, t: SystemTime) -> SystemTime {
        match self.server.duration_since(self.local) {
            Ok(ahead) => t + ahead,
            Err(behind) => t - behind.duration(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn translates_our_time_into_the_servers() {
        let local = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let behind = ServerClock {
            server: local - Duration::from_secs(30),
            local,
        };
        let ahead = ServerClock {
            server: local + Duration::from_secs(5),
            local,
        };
        let t = local - Duration::from_secs(10);
        assert_eq!(behind.to_server(t), t - Duration::from_secs(30));
        assert_eq!(ahead.to_server(t), t + Duration::from_secs(5));
        let date = HeaderValue::from_static("Tue, 23 May 2023 14:42:00 GMT");
        let read = ServerClock::from_date(Some(&date)).unwrap();
        assert_eq!(
            read.server,
            httpdate::parse_http_date("Tue, 23 May 2023 14:42:00 GMT").unwrap()
        );
        assert_eq!(ServerClock::from_date(None), None);
        let bad = HeaderValue::from_static("yesterday");
        assert_eq!(ServerClock::from_date(Some(&bad)), None);
    }
}
