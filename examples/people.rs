//! The documented person calls, end to end: create John Smith with every value of Attio's
//! create-a-person example (email, three-part name, description, company by id and by
//! domain, phone, full location, LinkedIn), PATCH him (multiselects are appended to), PUT
//! him (multiselects are replaced), find him with a typed filter, follow his company
//! reference, and delete him and his company.
//!
//! ```text
//! cargo run --example people                        # against the in-process emulator
//! ATTIO_API_KEY=... cargo run --example people      # against your Attio workspace
//! ```

use std::error::Error;
use std::process::ExitCode;

use attio_core::values::{Domain, EmailAddress, Location, PersonalName, PhoneNumber, Timestamp};
use attio_core::{AttioRecord, Client, ErrorCode, Record, RecordRef};

/// `companies`: only the attributes this example uses.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    #[attio(unique)]
    domains: Vec<Domain>,
    name: Option<String>,
}

/// `people`, with the attributes of the documented create request.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    description: Option<String>,
    // `company` is single-valued in Attio, yet the documented request names the company
    // twice: once by record id and once by domain. Both resolve to the same company, which
    // Attio stores once. A `Vec` lets the model write exactly that body; what comes back
    // holds the one company, by record id. (A model that names it once would use
    // `Option<RecordRef<Company>>`.)
    company: Vec<RecordRef<Company>>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
    linkedin: Option<String>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
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
        "creates the company attio.com (unless it exists) and the person John Smith \
         (john-smith@attio.com), updates him, then deletes both",
    )
    .await?;
    let client = &attio.client;

    // The company first, so that the person's references to it resolve.
    let (company, company_is_ours) = create_or_find_company(client).await?;
    let company_id = company.id.record_id;

    // Every value of people/create.request.json. Its company id belongs to the docs'
    // workspace: here the reference by id names the company just created.
    let john = Person {
        email_addresses: vec![EmailAddress::new("john-smith@attio.com")?],
        name: Some(PersonalName {
            first_name: "John".into(),
            last_name: "Smith".into(),
            full_name: "John Smith".into(),
        }),
        description: Some("Developer met at event".into()),
        company: vec![
            RecordRef::new(company_id),
            RecordRef::by_domain("attio.com")?,
        ],
        phone_numbers: vec![PhoneNumber::new("+15558675309", Some("US"))?],
        primary_location: Some(Location {
            line_1: Some("1 Infinite Loop".into()),
            line_2: None,
            line_3: None,
            line_4: None,
            locality: Some("Cupertino".into()),
            region: Some("CA".into()),
            postcode: Some("95014".into()),
            country_code: Some("US".into()),
            latitude: Some("37.331741".into()),
            longitude: Some("-122.030333".into()),
        }),
        linkedin: Some("https://linkedin.com/in/johnsmith".into()),
        created_at: None,
    };
    let created = client.create(&john).await?;
    let id = created.id.record_id;
    println!("created person {id}");
    show_person(&created);

    // PATCH (`update`): people/update.request.json with a second email address in place of
    // the first. Attio adds the values of a multiselect to the ones it holds.
    let second = EmailAddress::new("john@smith.example")?;
    let patch = PersonUpdate::default()
        .email_addresses(vec![second.clone()])
        .name(john.name.clone())
        .description(john.description.clone())
        .company(john.company.clone())
        .phone_numbers(john.phone_numbers.clone())
        .primary_location(john.primary_location.clone())
        .linkedin(john.linkedin.clone());
    let patched = client.update(id, &patch).await?;
    println!(
        "PATCH sent email_addresses [{}]; person {id} now has [{}] (appended)",
        second,
        emails(&patched)
    );

    // PUT (`overwrite`): a multiselect holds exactly what is sent; attributes not sent stay.
    let put = PersonUpdate::default().email_addresses(vec![EmailAddress::new("john@smith.dev")?]);
    let replaced = client.overwrite(id, &put).await?;
    println!(
        "PUT   sent email_addresses [john@smith.dev]; person {id} now has [{}] (replaced), name still {}",
        emails(&replaced),
        replaced
            .values
            .name
            .as_ref()
            .map_or("-", |n| n.full_name.as_str())
    );

    // A typed filter: a misspelt attribute or an operator its type lacks does not compile.
    let found = client
        .query::<Person>()
        .filter(|p| p.name.last_name().eq("Smith").and(p.company.eq(company_id)))
        .send()
        .await?;
    println!(
        "query name.last_name = \"Smith\" and company = {company_id}: {} record(s)",
        found.len()
    );
    for p in &found {
        println!("  found person {} [{}]", p.id.record_id, emails(p));
    }

    // Follow the company reference (read back by record id) to the company record.
    let Some(reference) = replaced.values.company.first() else {
        return Err("the person came back without a company".into());
    };
    let followed = client.follow(reference).await?;
    println!(
        "followed company reference to {} {} ({})",
        followed.id.record_id,
        followed.values.name.as_deref().unwrap_or("-"),
        domains(&followed)
    );

    // Delete him, then his company (unless it was there before this example).
    client.delete::<Person>(id).await?;
    match client.get::<Person>(id).await {
        Err(e) if e.is_not_found() => println!("deleted person {id} (a get now answers 404)"),
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(format!("person {id} is still there after delete").into()),
    }
    if company_is_ours {
        client.delete::<Company>(company_id).await?;
        println!("deleted company {company_id}");
    }
    Ok(())
}

/// Creates the company attio.com, or finds it when the workspace already has it (a
/// `uniqueness_conflict` on `domains`). The flag says whether this example created it.
async fn create_or_find_company(
    client: &Client,
) -> Result<(Record<Company>, bool), Box<dyn Error>> {
    let attio = Company {
        domains: vec![Domain::new("attio.com")?],
        name: Some("Attio".into()),
    };
    match client.create(&attio).await {
        Ok(company) => {
            println!(
                "created company {} {} ({})",
                company.id.record_id,
                company.values.name.as_deref().unwrap_or("-"),
                domains(&company)
            );
            Ok((company, true))
        }
        Err(e) if e.code() == Some(&ErrorCode::UniquenessConflict) => {
            let company = client.follow(&RecordRef::by_domain("attio.com")?).await?;
            println!(
                "found company {} (attio.com was already there; it will be kept)",
                company.id.record_id
            );
            Ok((company, false))
        }
        Err(e) => Err(e.into()),
    }
}

fn show_person(p: &Record<Person>) {
    let v = &p.values;
    if let Some(n) = &v.name {
        println!(
            "  name              {} (first_name {:?}, last_name {:?})",
            n.full_name, n.first_name, n.last_name
        );
    }
    println!("  email_addresses   [{}]", emails(p));
    println!(
        "  description       {}",
        v.description.as_deref().unwrap_or("-")
    );
    let companies: Vec<String> = v
        .company
        .iter()
        .map(|c| c.record_id().map_or("?".into(), |id| id.to_string()))
        .collect();
    println!(
        "  company           {} (sent by id and by domain)",
        companies.join(", ")
    );
    for phone in &v.phone_numbers {
        println!(
            "  phone_numbers     {} ({})",
            phone
                .phone_number()
                .unwrap_or(phone.original_phone_number()),
            phone.country_code().unwrap_or("-")
        );
    }
    if let Some(l) = &v.primary_location {
        let line = [
            &l.line_1,
            &l.locality,
            &l.region,
            &l.postcode,
            &l.country_code,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
        println!(
            "  primary_location  {line} ({}, {})",
            l.latitude.as_deref().unwrap_or("-"),
            l.longitude.as_deref().unwrap_or("-")
        );
    }
    println!(
        "  linkedin          {}",
        v.linkedin.as_deref().unwrap_or("-")
    );
    if let Some(t) = v.created_at {
        println!("  created_at        {}", t.to_rfc3339());
    }
}

fn emails(p: &Record<Person>) -> String {
    p.values
        .email_addresses
        .iter()
        .map(EmailAddress::email_address)
        .collect::<Vec<_>>()
        .join(", ")
}

fn domains(c: &Record<Company>) -> String {
    c.values
        .domains
        .iter()
        .map(Domain::domain)
        .collect::<Vec<_>>()
        .join(", ")
}
