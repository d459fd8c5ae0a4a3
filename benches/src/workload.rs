//! A seeded generator of Attio read-side responses: a people query response of N records,
//! about 20 attributes each, full metadata on every value, and a share of records carrying a
//! closed historic value next to the active one; and the same values as the entries of a
//! list.

use std::fmt::Write;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct GenConfig {
    /// Records in the response.
    pub records: usize,
    /// Share of records with a closed historic value (0..=1).
    pub historic_share: f64,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            records: 1000,
            historic_share: 0.10,
            seed: 7,
        }
    }
}

fn uuid(rng: &mut fastrand::Rng) -> String {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string()
}

fn ts(rng: &mut fastrand::Rng) -> String {
    format!(
        "20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
        rng.u32(18..26),
        rng.u32(1..13),
        rng.u32(1..29),
        rng.u32(0..24),
        rng.u32(0..60),
        rng.u32(0..60),
        rng.u32(0..1_000_000_000)
    )
}

fn word(rng: &mut fastrand::Rng, len: usize) -> String {
    (0..len).map(|_| rng.lowercase()).collect()
}

struct Ctx<'a> {
    rng: &'a mut fastrand::Rng,
    member: String,
    token: String,
    historic_share: f64,
}

impl Ctx<'_> {
    fn envelope(&mut self, out: &mut String, active_until: Option<String>) {
        let from = ts(self.rng);
        let actor = match self.rng.u8(0..3) {
            0 => r#"{"type":"system","id":null}"#.to_owned(),
            1 => format!(r#"{{"type":"workspace-member","id":"{}"}}"#, self.member),
            _ => format!(r#"{{"type":"api-token","id":"{}"}}"#, self.token),
        };
        let until = active_until
            .map(|t| format!("\"{t}\""))
            .unwrap_or_else(|| "null".into());
        write!(
            out,
            r#"{{"active_from":"{from}","active_until":{until},"created_by_actor":{actor},"#
        )
        .unwrap();
    }

    /// One attribute: `"slug":[values]`, with a closed historic value first when asked.
    fn attr(
        &mut self,
        out: &mut String,
        slug: &str,
        historic: bool,
        body: &mut dyn FnMut(&mut Ctx, &mut String),
    ) {
        write!(out, r#""{slug}":["#).unwrap();
        if historic {
            let until = ts(self.rng);
            self.envelope(out, Some(until));
            body(self, out);
            out.push_str("},");
        }
        self.envelope(out, None);
        body(self, out);
        out.push_str("}]");
    }
}

fn text(v: String) -> impl FnMut(&mut Ctx, &mut String) {
    move |_, out| write!(out, r#""value":"{v}","attribute_type":"text""#).unwrap()
}

/// The attribute slugs every generated record carries (the model in `models` matches them).
pub const SLUGS: [&str; 20] = [
    "record_id",
    "email_addresses",
    "name",
    "description",
    "job_title",
    "company",
    "phone_numbers",
    "primary_location",
    "linkedin",
    "twitter",
    "facebook",
    "instagram",
    "angellist",
    "avatar_url",
    "created_at",
    "created_by",
    "strongest_connection_strength",
    "twitter_follower_count",
    "strongest_connection_strength_legacy",
    "last_interaction",
];

/// The envelope the values are wrapped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A people record: `{id:{…,object_id,record_id}, created_at, web_url, values}`.
    Record,
    /// An entry of a list whose parent is that person: `{id:{…,list_id,entry_id},
    /// parent_record_id, parent_object, created_at, entry_values}`.
    Entry,
}

fn record(c: &mut Ctx, out: &mut String, shape: Shape, workspace: &str, owner: &str) {
    let id = uuid(c.rng);
    let historic_slug = if c.rng.f64() < c.historic_share {
        Some(c.rng.usize(1..SLUGS.len()))
    } else {
        None
    };
    let created_at = ts(c.rng);
    match shape {
        Shape::Record => write!(
            out,
            r#"{{"id":{{"workspace_id":"{workspace}","object_id":"{owner}","record_id":"{id}"}},"created_at":"{created_at}","web_url":"https://app.attio.com/bench/person/{id}","values":{{"#
        ),
        Shape::Entry => write!(
            out,
            r#"{{"id":{{"workspace_id":"{workspace}","list_id":"{owner}","entry_id":"{id}"}},"parent_record_id":"{id}","parent_object":"people","created_at":"{created_at}","entry_values":{{"#
        ),
    }
    .unwrap();
    let first = word(c.rng, 6);
    let last = word(c.rng, 8);
    let domain = format!("{}.com", word(c.rng, 7));
    for (i, slug) in SLUGS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let h = historic_slug == Some(i);
        match *slug {
            "record_id" => c.attr(out, slug, false, &mut text(id.clone())),
            "email_addresses" => {
                let (f, l, d) = (first.clone(), last.clone(), domain.clone());
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""original_email_address":"{f}.{l}@{d}","email_address":"{f}.{l}@{d}","email_domain":"{d}","email_root_domain":"{d}","email_local_specifier":"{f}.{l}","attribute_type":"email-address""#).unwrap()
                })
            }
            "name" => {
                let (f, l) = (first.clone(), last.clone());
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""first_name":"{f}","last_name":"{l}","full_name":"{f} {l}","attribute_type":"personal-name""#).unwrap()
                })
            }
            "description" => {
                let v = (0..8).map(|_| word(c.rng, 6)).collect::<Vec<_>>().join(" ");
                c.attr(out, slug, h, &mut text(v))
            }
            "job_title" => {
                let v = word(c.rng, 9);
                c.attr(out, slug, h, &mut text(v))
            }
            "company" => {
                let target = uuid(c.rng);
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""target_object":"companies","target_record_id":"{target}","attribute_type":"record-reference""#).unwrap()
                })
            }
            "phone_numbers" => {
                let n = format!("+1555{:07}", c.rng.u32(0..10_000_000));
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""original_phone_number":"{n}","country_code":"US","phone_number":"{n}","attribute_type":"phone-number""#).unwrap()
                })
            }
            "primary_location" => {
                let lat = format!("{:.6}", c.rng.f64() * 180.0 - 90.0);
                let lon = format!("{:.6}", c.rng.f64() * 360.0 - 180.0);
                let street = word(c.rng, 10);
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""line_1":"1 {street} Street","line_2":null,"line_3":null,"line_4":null,"locality":"Cupertino","region":"CA","postcode":"95014","country_code":"US","latitude":"{lat}","longitude":"{lon}","attribute_type":"location""#).unwrap()
                })
            }
            "linkedin" | "twitter" | "facebook" | "instagram" | "angellist" | "avatar_url" => {
                let v = format!("https://{slug}.com/{first}{last}");
                c.attr(out, slug, h, &mut text(v))
            }
            "created_at" => {
                let v = ts(c.rng);
                c.attr(out, slug, false, &mut move |_, out| {
                    write!(out, r#""value":"{v}","attribute_type":"timestamp""#).unwrap()
                })
            }
            "created_by" => {
                let token = c.token.clone();
                c.attr(out, slug, false, &mut move |_, out| {
                    write!(out, r#""referenced_actor_type":"api-token","referenced_actor_id":"{token}","attribute_type":"actor-reference""#).unwrap()
                })
            }
            "strongest_connection_strength" => {
                let (w, o, a, opt) = (
                    workspace.to_owned(),
                    owner.to_owned(),
                    uuid(c.rng),
                    uuid(c.rng),
                );
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""option":{{"id":{{"workspace_id":"{w}","object_id":"{o}","attribute_id":"{a}","option_id":"{opt}"}},"title":"Very strong","is_archived":false}},"attribute_type":"select""#).unwrap()
                })
            }
            "twitter_follower_count" => {
                let v = c.rng.u32(0..100_000);
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""value":{v},"attribute_type":"number""#).unwrap()
                })
            }
            "strongest_connection_strength_legacy" => {
                let v = c.rng.f64() * 100.0;
                c.attr(out, slug, h, &mut move |_, out| {
                    write!(out, r#""value":{v},"attribute_type":"number""#).unwrap()
                })
            }
            "last_interaction" => {
                let (at, m) = (ts(c.rng), c.member.clone());
                c.attr(out, slug, false, &mut move |_, out| {
                    write!(out, r#""interaction_type":"email","interacted_at":"{at}","owner_actor":{{"type":"workspace-member","id":"{m}"}},"attribute_type":"interaction""#).unwrap()
                })
            }
            other => unreachable!("no generator for {other}"),
        }
    }
    out.push_str("}}");
}

/// A query response `{"data":[…]}` with `config.records` people records.
pub fn people_response(config: GenConfig) -> Vec<u8> {
    response(config, Shape::Record)
}

/// An entries query response `{"data":[…]}` with `config.records` entries holding, as list
/// attributes, the same values as the records of [`people_response`] with the same config.
pub fn entries_response(config: GenConfig) -> Vec<u8> {
    response(config, Shape::Entry)
}

fn response(config: GenConfig, shape: Shape) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(config.seed);
    let workspace = uuid(&mut rng);
    let object = uuid(&mut rng);
    let member = uuid(&mut rng);
    let token = uuid(&mut rng);
    let mut c = Ctx {
        rng: &mut rng,
        member,
        token,
        historic_share: config.historic_share,
    };
    let mut out = String::with_capacity(config.records * 6_000);
    out.push_str(r#"{"data":["#);
    for i in 0..config.records {
        if i > 0 {
            out.push(',');
        }
        record(&mut c, &mut out, shape, &workspace, &object);
    }
    out.push_str("]}");
    out.into_bytes()
}
