//! The seeded workspace members: an admin who owns the token, a member and a suspended
//! member, each with its own email address, all readable by id.

mod common;

use common::start;
use serde_json::json;

#[tokio::test]
async fn three_members_are_seeded_one_per_access_level() {
    let api = start().await;
    let members = api.ok("GET", "/workspace_members", None).await["data"].clone();
    let members = members.as_array().unwrap();
    assert_eq!(members.len(), 3);
    let levels: Vec<&str> = members
        .iter()
        .map(|m| m["access_level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["admin", "member", "suspended"]);
    let mut emails: Vec<&str> = members
        .iter()
        .map(|m| m["email_address"].as_str().unwrap())
        .collect();
    assert_eq!(emails[0], "owner@emulator.example.com");
    emails.sort_unstable();
    emails.dedup();
    assert_eq!(emails.len(), 3, "distinct emails");
    for m in members {
        let mid = m["id"]["workspace_member_id"].as_str().unwrap();
        let one = api
            .ok("GET", &format!("/workspace_members/{mid}"), None)
            .await;
        assert_eq!(&one["data"], m);
        assert_eq!(m["avatar_url"], json!(null));
    }
    // The token was authorised by the admin.
    let me = api.ok("GET", "/self", None).await;
    assert_eq!(
        me["authorized_by_workspace_member_id"],
        members[0]["id"]["workspace_member_id"]
    );
}
