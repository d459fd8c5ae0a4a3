//! Importing a CSV of people with the bulk call: every row becomes a `Person`, checked
//! before anything is sent, and the valid ones are upserted on their email address with
//! `assert_many` (several requests in flight, paced to Attio's write budget, retried
//! safely), behind a progress bar. The summary says how many were created and updated,
//! which rows failed and why, how long it took and how many records per second.
//!
//! ```text
//! cargo run --example bulk_import                      # the sample examples/data/people.csv
//! cargo run --example bulk_import -- my-people.csv     # any CSV with the same columns
//! ATTIO_API_KEY=... cargo run --example bulk_import    # into your Attio workspace
//! ```
//!
//! Columns (a header row names them, in any order; others are ignored):
//! `email,first_name,last_name,job_title,phone,city,country`. `phone` is either
//! international (`+44 20 7946 0101`) or national with the row's two-letter `country`.

use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use attio_core::filter::Filter;
use attio_core::values::{EmailAddress, Location, PersonalName, PhoneNumber};
use attio_core::{AttioRecord, Client, Record};
use indicatif::{ProgressBar, ProgressStyle};

/// `people`: the attributes the CSV fills in.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    job_title: Option<String>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
}

/// The sample that ships with this example (`examples/data/people.csv`).
const SAMPLE: &str = include_str!("data/people.csv");
const SAMPLE_NAME: &str = "examples/data/people.csv (the sample)";

const COLUMNS: [&str; 7] = [
    "email",
    "first_name",
    "last_name",
    "job_title",
    "phone",
    "city",
    "country",
];

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

/// One CSV row made into a person, with where it came from.
struct Row {
    line: usize,
    email: String,
    person: Person,
}

/// A row that could not be imported, and why.
struct Failure {
    line: usize,
    email: String,
    reason: String,
}

async fn run() -> Result<(), Box<dyn Error>> {
    // Read and check the whole file before connecting: a bad file sends nothing.
    let (source, text) = match std::env::args().nth(1) {
        Some(path) => {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            (path, text)
        }
        None => (SAMPLE_NAME.to_owned(), SAMPLE.to_owned()),
    };
    let records = parse_csv(&text).map_err(|e| format!("{source}: {e}"))?;
    let (rows, mut failures) = people_from_csv(records).map_err(|e| format!("{source}: {e}"))?;
    println!(
        "read {} rows from {source}: {} valid, {} refused before sending",
        rows.len() + failures.len(),
        rows.len(),
        failures.len()
    );

    let attio = attio_examples::connect(&format!(
        "creates or updates {} people from {source} (matched on their email address)",
        rows.len()
    ))
    .await?;
    let client = &attio.client;
    let started = Instant::now();

    // Attio answers an assert the same way whether it created the record or updated it, so
    // ask first which of the addresses are already there.
    let existing = existing_emails(client, &rows).await?;

    // Rows that repeat an earlier row's address go in a second pass, so the later row
    // deterministically wins (within one pass requests run concurrently).
    let mut seen = HashSet::new();
    let (first, repeats): (Vec<Row>, Vec<Row>) =
        rows.into_iter().partition(|r| seen.insert(r.email.clone()));

    let bar = ProgressBar::new((first.len() + repeats.len()) as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} people, {msg} [{elapsed}]")?
            .progress_chars("=> "),
    );
    let mut created = 0;
    let mut updated = 0;
    // (whether it was an update, the record as Attio stored it)
    let mut imported: Vec<(bool, Record<Person>)> = Vec::new();
    let mut offset = 0;
    let refused_before_sending = failures.len();
    for pass in [first, repeats] {
        if pass.is_empty() {
            continue;
        }
        let (meta, people): (Vec<(usize, String)>, Vec<Person>) = pass
            .into_iter()
            .map(|r| ((r.line, r.email), r.person))
            .unzip();
        let progress_bar = bar.clone();
        // Failures of earlier passes; the bar counts only rows that were sent.
        let failed_before = failures.len() - refused_before_sending;
        let results = client
            .assert_many(people, |p| p.email_addresses)
            .concurrency(8)
            .on_progress(move |p| {
                progress_bar.set_position((offset + p.done) as u64);
                progress_bar.set_message(format!("{} failed", failed_before + p.failed));
            })
            .await;
        offset += meta.len();
        for ((line, email), result) in meta.into_iter().zip(results) {
            match result {
                Ok(record) => {
                    let update = existing.contains(&email) || !seen.remove(&email);
                    if update {
                        updated += 1;
                    } else {
                        created += 1;
                    }
                    imported.push((update, record));
                }
                Err(e) => failures.push(Failure {
                    line,
                    email,
                    reason: e.to_string(),
                }),
            }
        }
    }
    bar.finish_and_clear();
    let elapsed = started.elapsed();

    // A few of the records as Attio sent them back.
    for update in [false, true] {
        let mut these = imported
            .iter()
            .filter(|(u, _)| *u == update)
            .map(|(_, r)| r);
        for r in these.by_ref().take(3) {
            show(if update { "updated" } else { "created" }, r);
        }
        let more = these.count();
        if more > 0 {
            println!("  ... and {more} more");
        }
    }
    failures.sort_by_key(|f| f.line);
    println!("created  {created}");
    println!("updated  {updated}");
    println!("failed   {}", failures.len());
    for f in &failures {
        println!("  line {} ({}): {}", f.line, f.email, f.reason);
    }
    println!(
        "elapsed  {:.2} s, {:.1} records/s",
        elapsed.as_secs_f64(),
        per_second(created + updated, elapsed)
    );
    Ok(())
}

fn show(what: &str, r: &Record<Person>) {
    let v = &r.values;
    println!(
        "  {what} person {} {} <{}> {} {}",
        r.id.record_id,
        v.name.as_ref().map_or("-", |n| n.full_name.as_str()),
        v.email_addresses
            .first()
            .map_or("-", EmailAddress::email_address),
        v.job_title.as_deref().unwrap_or("-"),
        v.phone_numbers
            .first()
            .and_then(PhoneNumber::phone_number)
            .unwrap_or("-"),
    );
}

fn per_second(n: usize, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 { n as f64 / secs } else { 0.0 }
}

/// The (lower-cased) addresses of `rows` that a person in Attio already has: one query per
/// 50 addresses, `{"$or": [{"email_addresses": {"email_address": {"$eq": …}}}, …]}`.
async fn existing_emails(
    client: &Client,
    rows: &[Row],
) -> Result<HashSet<String>, attio_core::Error> {
    let emails: Vec<&str> = rows.iter().map(|r| r.email.as_str()).collect();
    let mut found = HashSet::new();
    for chunk in emails.chunks(50) {
        let people = client
            .query::<Person>()
            .filter(|p| Filter::any(chunk.iter().map(|e| p.email_addresses.eq(*e))))
            .send()
            .await?;
        for person in people {
            for e in person.values.email_addresses {
                found.insert(e.email_address().to_ascii_lowercase());
            }
        }
    }
    Ok(found)
}

/// Turns CSV records (the first one the header) into people. A row whose values Attio would
/// refuse (a malformed email, a phone number without a country, …) becomes a failure with
/// the typed error's message; nothing is sent for it.
fn people_from_csv(records: Vec<(usize, Vec<String>)>) -> Result<(Vec<Row>, Vec<Failure>), String> {
    let mut records = records.into_iter();
    let Some((_, header)) = records.next() else {
        return Err("the file is empty: expected a header row".into());
    };
    let index: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_ascii_lowercase(), i))
        .collect();
    let mut columns = [0; COLUMNS.len()];
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        *slot = *index.get(name).ok_or_else(|| {
            format!(
                "the header has no `{name}` column (expected {})",
                COLUMNS.join(",")
            )
        })?;
    }
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for (line, fields) in records {
        let get = |c: usize| fields.get(columns[c]).map_or("", |s| s.trim());
        let email = get(0).to_owned();
        if fields.len() != header.len() {
            failures.push(Failure {
                line,
                email,
                reason: format!(
                    "{} fields where the header has {}",
                    fields.len(),
                    header.len()
                ),
            });
            continue;
        }
        let [first_name, last_name, job_title, phone, city, country] = [1, 2, 3, 4, 5, 6].map(get);
        match person(
            &email, first_name, last_name, job_title, phone, city, country,
        ) {
            Ok(person) => rows.push(Row {
                line,
                email: email.to_ascii_lowercase(),
                person,
            }),
            Err(e) => failures.push(Failure {
                line,
                email,
                reason: e.to_string(),
            }),
        }
    }
    Ok((rows, failures))
}

fn person(
    email: &str,
    first_name: &str,
    last_name: &str,
    job_title: &str,
    phone: &str,
    city: &str,
    country: &str,
) -> Result<Person, attio_core::Error> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let country = some(country);
    let phone_numbers = if phone.is_empty() {
        vec![]
    } else {
        vec![PhoneNumber::new(phone, country.as_deref())?]
    };
    let primary_location = (!city.is_empty() || country.is_some()).then(|| Location {
        locality: some(city),
        country_code: country.clone(),
        ..Location::default()
    });
    Ok(Person {
        email_addresses: vec![EmailAddress::new(email)?],
        name: (!first_name.is_empty() || !last_name.is_empty())
            .then(|| PersonalName::new(first_name, last_name)),
        job_title: some(job_title),
        phone_numbers,
        primary_location,
    })
}

/// Parses CSV (RFC 4180): fields separated by commas, records by LF or CRLF. A field in
/// double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). Blank
/// lines are skipped. Returns each record with the line it starts on (1-based).
fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    // Whether the current field was quoted, and whether we are inside its quotes.
    let mut quoted = false;
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                quoted = true;
                in_quotes = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                quoted = false;
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            _ if quoted => {
                return Err(format!(
                    "line {line}: unexpected {c:?} after a closing quote (a quote inside a quoted field is written \"\")"
                ));
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!(
            "line {start}: a quoted field is not closed before the end of the file"
        ));
    }
    if !field.is_empty() || !record.is_empty() || quoted {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}
