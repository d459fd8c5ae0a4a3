//! A person's activity: write a markdown note about Ada Lovelace (and a plain-text one,
//! back-dated to last week), open a task assigned to a workspace member and linked to Ada
//! and her company, complete it, comment on her record, and print her activity timeline,
//! newest first. Then everything is deleted again.
//!
//! ```text
//! cargo run --example activity                        # against the in-process emulator
//! ATTIO_API_KEY=... cargo run --example activity      # against your Attio workspace
//! ```

use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use attio_core::models::{Activity, Assignee, NewComment, NewNote, NewTask, TaskUpdate};
use attio_core::values::{Domain, EmailAddress, PersonalName, Timestamp};
use attio_core::{AttioRecord, Client, RecordRef};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// `companies`: only the attributes this example uses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
    name: Option<String>,
}

/// `people`: only the attributes this example uses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    company: Option<RecordRef<Company>>,
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
        "creates the company analytical-engines.example and the person Ada Lovelace \
         (ada@analytical-engines.example) unless they exist, writes two notes, a task and a \
         comment on her, then deletes them all again (the company and the person only if \
         this run added them)",
    )
    .await?;
    let client = &attio.client;

    // Who the task is for and who writes the comment: the member the token belongs to, or
    // else the first active member.
    let members = client.members().all().await?;
    let me = client.identify().await?.authorized_by_workspace_member_id;
    let Some(member) = members
        .iter()
        .find(|m| Some(m.id.workspace_member_id) == me)
        .or_else(|| {
            members
                .iter()
                .find(|m| m.access_level.as_str() != "suspended")
        })
    else {
        return Err("the workspace has no active member to assign the task to".into());
    };
    let member_name = format!("{} {}", member.first_name, member.last_name);
    println!("member {} {member_name}", member.id.workspace_member_id);

    let (company, company_is_ours) = company(client).await?;
    let (ada, ada_is_ours) = person(client, &company).await?;

    // A markdown note, and a plain-text one back-dated to last week.
    let now = SystemTime::now();
    let call = client
        .notes()
        .create(&NewNote::markdown(
            &ada,
            "Discovery call",
            "## Summary\n- wants the **analytical engine** demo\n- budget approved",
        ))
        .await?;
    println!(
        "wrote note {} {:?}: {:?}",
        call.id.note_id, call.title, call.content_plaintext
    );
    let met = client
        .notes()
        .create(
            &NewNote::plaintext(&ada, "First contact", "Met Ada at the Royal Society.")
                .created_at(Timestamp::from(now - 7 * DAY)),
        )
        .await?;
    println!("wrote note {} {:?} (back-dated)", met.id.note_id, met.title);

    // A task for the member, linked to Ada and to her company, due in a week; then done.
    let task = client
        .tasks()
        .create(
            &NewTask::new("Send Ada the demo contract")
                .linked_to(&ada)
                .linked_to(&company)
                .assignee(Assignee::from(member))
                .deadline(Timestamp::from(now + 7 * DAY)),
        )
        .await?;
    println!(
        "opened task {} {:?}, linked to {} record(s), assigned to {}",
        task.id.task_id,
        task.content_plaintext,
        task.linked_records.len(),
        member_name
    );
    let task = client
        .tasks()
        .update(task.id.task_id, &TaskUpdate::default().completed(true))
        .await?;
    println!(
        "completed task {} (is_completed {})",
        task.id.task_id, task.is_completed
    );

    let comment = client
        .comments()
        .create(&NewComment::on_record(
            &ada,
            member.id.workspace_member_id,
            "Contract sent, waiting for her signature.",
        ))
        .await?;
    println!("commented in thread {}", comment.thread_id);

    // The timeline: notes, tasks and comment threads, newest first.
    let timeline = client.activities(&ada).await?;
    println!(
        "timeline of Ada ({} item(s), newest first):",
        timeline.len()
    );
    for activity in &timeline {
        let at = activity.at().format("%Y-%m-%d %H:%M:%S");
        match activity {
            Activity::Note(n) => println!("  {at}  note    {}", n.title),
            Activity::Task(t) => println!(
                "  {at}  task    {} [{}]",
                t.content_plaintext,
                if t.is_completed { "done" } else { "open" }
            ),
            Activity::Thread(t) => println!(
                "  {at}  thread  {}",
                t.comments
                    .first()
                    .map_or("", |c| c.content_plaintext.as_str())
            ),
            other => println!("  {at}  {}", other.kind()),
        }
    }

    // Clean up: the comment (and with it its thread), the task, the notes, then the
    // records this example created.
    client.comments().delete(comment.id.comment_id).await?;
    client.tasks().delete(task.id.task_id).await?;
    client.notes().delete(call.id.note_id).await?;
    client.notes().delete(met.id.note_id).await?;
    println!("deleted the comment, the task and the two notes");
    if let (true, Some(id)) = (ada_is_ours, ada.record_id()) {
        client.delete::<Person>(id).await?;
        println!("deleted person {id}");
    }
    if let (true, Some(id)) = (company_is_ours, company.record_id()) {
        client.delete::<Company>(id).await?;
        println!("deleted company {id}");
    }
    Ok(())
}

/// The company analytical-engines.example, created or found; whether it was created here.
async fn company(client: &Client) -> Result<(RecordRef<Company>, bool), Box<dyn Error>> {
    let company = Company {
        domains: vec![Domain::new("analytical-engines.example")?],
        name: Some("Analytical Engines".into()),
    };
    match client.create(&company).await {
        Ok(c) => {
            println!("created company {}", c.id.record_id);
            Ok((RecordRef::new(c.id.record_id), true))
        }
        Err(e) if e.is_uniqueness_conflict() => {
            let by_domain = RecordRef::<Company>::by_domain("analytical-engines.example")?;
            let c = client.follow(&by_domain).await?;
            println!("found company {} (it will be kept)", c.id.record_id);
            Ok((RecordRef::new(c.id.record_id), false))
        }
        Err(e) => Err(e.into()),
    }
}

/// Ada Lovelace, created or found; whether she was created here.
async fn person(
    client: &Client,
    company: &RecordRef<Company>,
) -> Result<(RecordRef<Person>, bool), Box<dyn Error>> {
    let ada = Person {
        email_addresses: vec![EmailAddress::new("ada@analytical-engines.example")?],
        name: Some(PersonalName::new("Ada", "Lovelace")),
        company: Some(company.clone()),
    };
    match client.create(&ada).await {
        Ok(p) => {
            println!("created person {} Ada Lovelace", p.id.record_id);
            Ok((RecordRef::new(p.id.record_id), true))
        }
        Err(e) if e.is_uniqueness_conflict() => {
            let by_email = RecordRef::<Person>::by_email_address("ada@analytical-engines.example")?;
            let p = client.follow(&by_email).await?;
            println!("found person {} (she will be kept)", p.id.record_id);
            Ok((RecordRef::new(p.id.record_id), false))
        }
        Err(e) => Err(e.into()),
    }
}
