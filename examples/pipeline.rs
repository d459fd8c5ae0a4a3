//! A sales pipeline on a list: create the list `sales_pipeline` of companies with a `stage`
//! status (Lead, Qualified, Won, Lost) and an `amount` in USD, add three companies to it,
//! move one through the stages (and read its stage history), list the won deals with
//! their companies' names (a filter on the parent record's attributes, sent through the
//! `parent_record` path, then a get of each parent), and clean up.
//!
//! ```text
//! cargo run --example pipeline                        # against the in-process emulator
//! ATTIO_API_KEY=... cargo run --example pipeline      # against your Attio workspace
//! ```
//!
//! Against a workspace that already has a `sales_pipeline` list, the list is reused as it
//! is (it must have the `stage` and `amount` attributes); lists cannot be deleted through
//! the API, so the list is left in place. The companies and entries are deleted at the end.

use std::error::Error;
use std::process::ExitCode;

use attio_core::models::{CurrencyDisplay, NewAttribute, NewList, NewStatus, Target};
use attio_core::values::{Currency, Status};
use attio_core::{AttioEntry, AttioRecord, AttributeType, Client, Entry, Filter, RecordRef};
use uuid::Uuid;

/// The list's slug.
const LIST: &str = "sales_pipeline";

/// `companies`: only the name.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    name: Option<String>,
}

/// An entry of the pipeline: a company's deal.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "sales_pipeline")]
struct Deal {
    stage: Option<Status>,
    amount: Option<Currency>,
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
        "creates the list sales_pipeline (unless it exists) and three companies, \
         adds them to it, moves their deals through the stages, then deletes the \
         companies and their entries",
    )
    .await?;
    let client = &attio.client;
    ensure_pipeline(client).await?;

    // Three companies, each added to the pipeline as a lead.
    let deals = client.entries::<Deal>();
    let mut entries = Vec::new();
    for (name, amount) in [("Acme Corp", 12_000), ("Globex", 8_500), ("Initech", 3_000)] {
        let company = client
            .create(&Company {
                name: Some(name.into()),
            })
            .await?;
        println!("created company {} {name}", company.id.record_id);
        let parent = RecordRef::<Company>::new(company.id.record_id);
        let lead = Deal {
            stage: Some(Status::by_title("Lead")),
            amount: Some(Currency::new(amount)),
        };
        let entry = deals.create(&parent, &lead).await?;
        println!(
            "added {name} to {LIST} as entry {} ({}, {})",
            entry.id.entry_id,
            stage(&entry),
            amount_of(&entry)
        );
        entries.push((company.id.record_id, entry.id.entry_id));
    }

    // Acme moves through the stages to Won; Globex is lost.
    let (_, acme) = entries[0];
    for next in ["Qualified", "Won"] {
        let update = DealUpdate::default().stage(Some(Status::by_title(next)));
        let moved = deals.update(acme, &update).await?;
        println!("moved entry {acme} to {}", stage(&moved));
    }
    let (_, globex) = entries[1];
    let lost = DealUpdate::default().stage(Some(Status::by_title("Lost")));
    let moved = deals.update(globex, &lost).await?;
    println!("moved entry {globex} to {}", stage(&moved));

    let history = deals.history(acme, |d| d.stage).await?;
    let titles: Vec<&str> = history
        .iter()
        .map(|t| t.value.title.as_deref().unwrap_or("?"))
        .collect();
    println!("stage history of entry {acme}: {}", titles.join(" -> "));

    // The won deals of these companies, by company name: the stage is a list attribute;
    // the companies are named by a filter on the parent record, which the typed API sends
    // through the `parent_record` path.
    let ours: Vec<Uuid> = entries.iter().map(|(company, _)| *company).collect();
    let won = deals
        .query()
        .filter(|d| d.stage.eq("Won"))
        .filter_parent::<Company>(|_| Filter::record_id_in(ours.iter().copied()))
        .sort_parent::<Company>(|c| c.name.asc())
        .send()
        .await?;
    println!("won deals: {}", won.len());
    for deal in &won {
        let company = client
            .follow(&RecordRef::<Company>::new(deal.parent_record_id))
            .await?;
        println!(
            "  won {} {} ({})",
            deal.id.entry_id,
            company.values.name.as_deref().unwrap_or("-"),
            amount_of(deal)
        );
    }

    // Where Acme is listed, across every list.
    let listed = client
        .entries_of(&RecordRef::<Company>::new(entries[0].0))
        .await?;
    for e in &listed {
        println!("Acme Corp is entry {} of {}", e.entry_id, e.list_api_slug);
    }

    // Clean up: the entries, then the companies.
    for (company, entry) in entries {
        deals.delete(entry).await?;
        client.delete::<Company>(company).await?;
        println!("deleted entry {entry} and company {company}");
    }
    Ok(())
}

/// Uses the list `sales_pipeline` if the workspace has it; otherwise creates it with its
/// `stage` status and `amount` currency attributes and the four stages.
async fn ensure_pipeline(client: &Client) -> Result<(), Box<dyn Error>> {
    match client.lists().get(LIST).await {
        Ok(list) => {
            println!("found list {LIST} ({}): it will be reused", list.id.list_id);
            return Ok(());
        }
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e.into()),
    }
    let list = client
        .lists()
        .create(&NewList::new("Sales pipeline", LIST, "companies"))
        .await?;
    println!("created list {LIST} ({}) of companies", list.id.list_id);
    let schema = client.objects();
    let target = Target::list(LIST);
    let stage = NewAttribute::new("Stage", "stage", AttributeType::Status);
    let amount = NewAttribute::new("Amount", "amount", AttributeType::Currency)
        .currency("USD", CurrencyDisplay::Symbol);
    for attribute in [stage, amount] {
        schema.create_attribute(target.clone(), &attribute).await?;
    }
    let mut titles = Vec::new();
    for title in ["Lead", "Qualified", "Won", "Lost"] {
        let status = if title == "Won" {
            NewStatus::new(title).celebration()
        } else {
            NewStatus::new(title)
        };
        titles.push(
            schema
                .create_status(target.clone(), "stage", &status)
                .await?
                .title,
        );
    }
    println!(
        "  attributes stage (status: {}) and amount (currency, USD)",
        titles.join(", ")
    );
    Ok(())
}

fn stage(entry: &Entry<Deal>) -> &str {
    entry
        .values
        .stage
        .as_ref()
        .and_then(|s| s.title.as_deref())
        .unwrap_or("-")
}

fn amount_of(entry: &Entry<Deal>) -> String {
    match &entry.values.amount {
        Some(a) => format!(
            "{} {:.2}",
            a.currency_code.as_deref().unwrap_or(""),
            a.currency_value
        )
        .trim()
        .to_owned(),
        None => "-".to_owned(),
    }
}
