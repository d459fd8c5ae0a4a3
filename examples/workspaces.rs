//! The documented workspace call: create the company and the users a workspace refers to,
//! then the workspace with its `users` and `company` references (Attio's
//! create-a-workspace example), then query the workspace's users with a typed filter on the
//! users' `workspace` reference, which Attio fills in from the other side of the
//! relationship. Everything is deleted at the end.
//!
//! ```text
//! cargo run --example workspaces                    # against the in-process emulator
//! ATTIO_API_KEY=... cargo run --example workspaces  # against your Attio workspace
//! ```

use std::error::Error;
use std::process::ExitCode;

use attio_core::values::{Domain, EmailAddress};
use attio_core::{AttioRecord, Client, Record, RecordRef};

/// `companies`: only the attributes this example uses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
    name: Option<String>,
}

/// `workspaces`, with every attribute of the documented create request.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: String,
    name: Option<String>,
    avatar_url: Option<String>,
    users: Vec<RecordRef<User>>,
    company: Option<RecordRef<Company>>,
}

/// `users`. `workspace` is the other side of the workspace's `users`: Attio keeps the two in
/// step.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "users")]
struct User {
    #[attio(unique)]
    user_id: String,
    #[attio(unique)]
    primary_email_address: EmailAddress,
    workspace: Vec<RecordRef<Workspace>>,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let attio = attio_examples::connect(
        "creates the company customer.example, the users u-100, u-101 and u-200, and the \
         workspace \"123\", queries them, then deletes all five",
    )
    .await?;
    let client = &attio.client;

    // The records the workspace refers to come first.
    let company = client
        .create(&Company {
            domains: vec![Domain::new("customer.example")?],
            name: Some("Customer.com".into()),
        })
        .await?;
    println!(
        "created company   {} (customer.example)",
        company.id.record_id
    );
    let alice = create_user(client, "u-100", "alice@customer.example").await?;
    let bob = create_user(client, "u-101", "bob@customer.example").await?;
    // A user in no workspace, so that the query below has someone to leave out.
    let carol = create_user(client, "u-200", "carol@elsewhere.example").await?;

    // workspaces/create.request.json, with the ids of the records just created in place of
    // the docs' ids.
    let workspace = client
        .create(&Workspace {
            workspace_id: "123".into(),
            name: Some("Customer.com".into()),
            avatar_url: Some("https://example.com/avatar.png".into()),
            users: vec![
                RecordRef::new(alice.id.record_id),
                RecordRef::new(bob.id.record_id),
            ],
            company: Some(RecordRef::new(company.id.record_id)),
        })
        .await?;
    let ws_id = workspace.id.record_id;
    let v = &workspace.values;
    println!("created workspace {ws_id}");
    println!("  workspace_id  {}", v.workspace_id);
    println!("  name          {}", v.name.as_deref().unwrap_or("-"));
    println!("  avatar_url    {}", v.avatar_url.as_deref().unwrap_or("-"));
    println!("  users         [{}]", ids(&v.users));
    println!("  company       {}", ids(v.company.as_slice()));

    // The workspace's users: a typed filter on the users' `workspace` reference.
    let members = client
        .query::<User>()
        .filter(|u| u.workspace.eq(ws_id))
        .sort(|u| u.user_id.asc())
        .send()
        .await?;
    println!(
        "query users with workspace = {ws_id}: {} user(s)",
        members.len()
    );
    for u in &members {
        println!(
            "  found user {} {} {}",
            u.id.record_id,
            u.values.user_id,
            u.values.primary_email_address.email_address()
        );
    }

    // Clean up.
    for user in [&alice, &bob, &carol] {
        client.delete::<User>(user.id.record_id).await?;
    }
    client.delete::<Workspace>(ws_id).await?;
    client.delete::<Company>(company.id.record_id).await?;
    println!(
        "deleted workspace {ws_id}, 3 users and company {}",
        company.id.record_id
    );
    Ok(())
}

async fn create_user(
    client: &Client,
    user_id: &str,
    email: &str,
) -> Result<Record<User>, attio_core::Error> {
    let user = client
        .create(&User {
            user_id: user_id.into(),
            primary_email_address: EmailAddress::new(email)?,
            workspace: vec![],
        })
        .await?;
    println!(
        "created user      {} {} {}",
        user.id.record_id,
        user.values.user_id,
        user.values.primary_email_address.email_address()
    );
    Ok(user)
}

fn ids<T>(refs: &[RecordRef<T>]) -> String {
    refs.iter()
        .filter_map(RecordRef::record_id)
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
