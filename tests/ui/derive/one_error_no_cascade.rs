// A failed derive reports its own error and nothing else: the model's attribute handles
// and its update type still exist, so every use of them compiles.
use attio_core::values::{EmailAddress, PersonalName};
use attio_core::{json, AttioRecord, Client, Filter, Sort};

#[derive(AttioRecord)]
#[attio(objct = "people")]
pub struct Person {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub name: Option<PersonalName>,
    #[attio(rename = "linkedin")]
    pub linkedin_url: Option<String>,
    pub score: f64,
    #[attio(read_only)]
    pub created_at: Option<attio_core::values::Timestamp>,
}

async fn uses(client: &Client, person: &Person) -> Result<(), attio_core::Error> {
    let p = Person::attrs();
    let _: &str = p.linkedin_url.slug();
    let _: Filter<Person> = p.name.last_name().eq("Smith").and(p.score.gt(2.0));
    let _: Filter<Person> = p.email_addresses.email_domain().eq("example.com");
    let _: Sort<Person> = p.created_at.desc();
    let update = PersonUpdate::default()
        .name(None)
        .linkedin_url(Some("https://linkedin.com/in/ada".to_owned()))
        .score(3.5);
    let _ = json::encode_update(&update)?;
    let _ = client.update(uuid::Uuid::nil(), &update).await?;
    let _ = client.assert(person, |p| p.email_addresses).await?;
    let _ = client
        .query::<Person>()
        .filter(|p| p.linkedin_url.contains("ada"))
        .sort(|p| p.name.asc_by("last_name"))
        .send()
        .await?;
    Ok(())
}

fn main() {
    let _ = uses;
}
