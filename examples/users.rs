//! The documented user calls: create the person and the workspace a user belongs to, then
//! the user referencing both (Attio's create-a-user example); a second create with the same
//! `primary_email_address` is refused with a typed `uniqueness_conflict`, and `assert` on
//! that address updates the existing user instead. Everything is deleted at the end.
//!
//! ```text
//! cargo run --example users                         # against the in-process emulator
//! ATTIO_API_KEY=... cargo run --example users       # against your Attio workspace
//! ```

use std::error::Error;
use std::process::ExitCode;

use attio_core::values::{EmailAddress, PersonalName};
use attio_core::{AttioRecord, ErrorCode, Record, RecordRef};

/// `people`: only the attributes this example uses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
}

/// `workspaces`: the customer workspaces of your product.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
struct Workspace {
    #[attio(unique)]
    workspace_id: String,
    name: Option<String>,
}

/// `users`: the users of your product. Both `user_id` and `primary_email_address` are
/// required and unique in Attio, so both are plain (not `Option`) fields and either may be
/// the key of an assert.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "users")]
struct User {
    #[attio(unique)]
    user_id: String,
    #[attio(unique)]
    primary_email_address: EmailAddress,
    person: Option<RecordRef<Person>>,
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
        "creates the person person@company.com, the workspace \"123\" and the user \"123\", \
         updates the user, then deletes all three",
    )
    .await?;
    let client = &attio.client;

    // The person and the workspace first: a reference must name a record that exists.
    let person = client
        .create(&Person {
            email_addresses: vec![EmailAddress::new("person@company.com")?],
            name: Some(PersonalName::new("Pat", "Doe")),
        })
        .await?;
    println!(
        "created person    {} (person@company.com)",
        person.id.record_id
    );
    let workspace = client
        .create(&Workspace {
            workspace_id: "123".into(),
            name: Some("Customer.com".into()),
        })
        .await?;
    println!(
        "created workspace {} (workspace_id {})",
        workspace.id.record_id, workspace.values.workspace_id
    );

    // users/create.request.json, with the ids of the records just created in place of the
    // docs' ids.
    let user = User {
        user_id: "123".into(),
        primary_email_address: EmailAddress::new("person@company.com")?,
        person: Some(RecordRef::new(person.id.record_id)),
        workspace: vec![RecordRef::new(workspace.id.record_id)],
    };
    let created = client.create(&user).await?;
    println!("created user      {}", created.id.record_id);
    show_user(&created);

    // The same primary_email_address again: Attio refuses it and stores nothing. The error
    // is typed: match on its code, never on the message.
    let again = User {
        user_id: "124".into(),
        ..user.clone()
    };
    match client.create(&again).await {
        Err(e) if e.code() == Some(&ErrorCode::UniquenessConflict) => {
            let api = e.as_api();
            println!(
                "second create refused: status {}, code {}, attribute {}",
                api.map_or(0, |a| a.status),
                api.map_or("-", |a| a.code.as_str()),
                api.and_then(|a| a.attribute.as_deref()).unwrap_or("-")
            );
            println!("  ({e})");
        }
        Err(e) => return Err(e.into()),
        Ok(r) => {
            return Err(format!(
                "the second create was accepted (user {}): expected a uniqueness conflict",
                r.id.record_id
            )
            .into());
        }
    }

    // assert (an upsert) on the unique primary_email_address finds the user and updates it.
    let asserted = client.assert(&again, |u| u.primary_email_address).await?;
    let same = if asserted.id == created.id {
        "the same user"
    } else {
        "a new user"
    };
    println!(
        "assert on primary_email_address updated {} {}: user_id {} -> {}",
        same, asserted.id.record_id, created.values.user_id, asserted.values.user_id
    );

    // Clean up: the user, the workspace and the person.
    client.delete::<User>(asserted.id.record_id).await?;
    client.delete::<Workspace>(workspace.id.record_id).await?;
    client.delete::<Person>(person.id.record_id).await?;
    println!(
        "deleted user {}, workspace {}, person {}",
        asserted.id.record_id, workspace.id.record_id, person.id.record_id
    );
    Ok(())
}

fn show_user(u: &Record<User>) {
    let v = &u.values;
    println!("  user_id               {}", v.user_id);
    println!(
        "  primary_email_address {}",
        v.primary_email_address.email_address()
    );
    let person = v.person.as_ref().and_then(RecordRef::record_id);
    println!(
        "  person                {}",
        person.map_or("-".into(), |id| id.to_string())
    );
    let workspaces: Vec<String> = v
        .workspace
        .iter()
        .filter_map(RecordRef::record_id)
        .map(|id| id.to_string())
        .collect();
    println!("  workspace             [{}]", workspaces.join(", "));
}
