//! The standard objects of a fresh workspace (reference §4): people, companies, deals,
//! users and workspaces, with their standard attributes.

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::model::{
    AttributeDef, Member, ObjectDef, RelationshipRef, SelectOption, State, StatusDef,
};

/// Turns `email_addresses` into `Email addresses`.
pub(crate) fn title_from_slug(slug: &str) -> String {
    let s = slug.replace('_', " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Builder for a system attribute definition.
struct A(AttributeDef);

impl A {
    fn new(slug: &str, ty: &str, now: DateTime<Utc>) -> A {
        A(AttributeDef {
            id: Uuid::new_v4(),
            title: title_from_slug(slug),
            description: None,
            api_slug: slug.to_string(),
            attr_type: ty.to_string(),
            is_system_attribute: true,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_archived: false,
            default_value: Value::Null,
            relationship: None,
            created_at: now,
            currency_code: None,
            currency_display_type: None,
            allowed_objects: None,
            options: vec![],
            statuses: vec![],
            enriched: false,
        })
    }
    fn title(mut self, t: &str) -> A {
        self.0.title = t.to_string();
        self
    }
    fn multi(mut self) -> A {
        self.0.is_multiselect = true;
        self
    }
    fn unique(mut self) -> A {
        self.0.is_unique = true;
        self
    }
    fn required(mut self) -> A {
        self.0.is_required = true;
        self
    }
    fn read_only(mut self) -> A {
        self.0.is_writable = false;
        self
    }
    fn enriched(mut self) -> A {
        self.0.is_writable = false;
        self.0.enriched = true;
        self
    }
    fn refs(mut self, object: &str) -> A {
        self.0.allowed_objects = Some(vec![object.to_string()]);
        self
    }
    fn rel(mut self, object: &str, attribute: &str) -> A {
        self.0.relationship = Some(RelationshipRef {
            object: object.to_string(),
            attribute: attribute.to_string(),
        });
        self
    }
    fn currency(mut self, code: &str) -> A {
        self.0.currency_code = Some(code.to_string());
        self.0.currency_display_type = Some("symbol".to_string());
        self
    }
    fn options(mut self, titles: &[&str]) -> A {
        self.0.options = titles
            .iter()
            .map(|t| SelectOption {
                id: Uuid::new_v4(),
                title: t.to_string(),
                is_archived: false,
            })
            .collect();
        self
    }
    fn statuses(mut self, titles: &[(&str, bool)]) -> A {
        self.0.statuses = titles
            .iter()
            .map(|(t, celebrate)| StatusDef {
                id: Uuid::new_v4(),
                title: t.to_string(),
                is_archived: false,
                celebration_enabled: *celebrate,
                target_time_in_status: None,
            })
            .collect();
        self
    }
}

/// The system attributes every object carries.
pub(crate) fn common_head(now: DateTime<Utc>) -> Vec<AttributeDef> {
    vec![
        A::new("record_id", "text", now)
            .title("Record ID")
            .unique()
            .read_only()
            .0,
    ]
}

/// `created_at` and `created_by`, last in every object's attribute list.
pub(crate) fn common_tail(now: DateTime<Utc>) -> Vec<AttributeDef> {
    vec![
        A::new("created_at", "timestamp", now)
            .title("Created at")
            .read_only()
            .0,
        A::new("created_by", "actor-reference", now)
            .title("Created by")
            .read_only()
            .0,
    ]
}

const INTERACTIONS: [&str; 8] = [
    "first_calendar_interaction",
    "last_calendar_interaction",
    "next_calendar_interaction",
    "first_email_interaction",
    "last_email_interaction",
    "first_interaction",
    "last_interaction",
    "next_interaction",
];

const STRENGTH: [&str; 5] = ["Very weak", "Weak", "Good", "Strong", "Very strong"];

fn enriched_tail(now: DateTime<Utc>, out: &mut Vec<A>) {
    for s in INTERACTIONS {
        out.push(A::new(s, "interaction", now).enriched());
    }
    out.push(A::new("strongest_connection_strength_legacy", "number", now).enriched());
    out.push(
        A::new("strongest_connection_strength", "select", now)
            .options(&STRENGTH)
            .enriched(),
    );
    out.push(A::new("strongest_connection_user", "actor-reference", now).enriched());
}

fn socials(now: DateTime<Utc>, out: &mut Vec<A>) {
    for (s, t) in [
        ("angellist", "AngelList"),
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("twitter", "Twitter"),
    ] {
        out.push(A::new(s, "text", now).title(t));
    }
}

fn object(
    slug: &str,
    singular: &str,
    plural: &str,
    now: DateTime<Utc>,
    attrs: Vec<A>,
) -> ObjectDef {
    let mut attributes = common_head(now);
    attributes.extend(attrs.into_iter().map(|a| a.0));
    attributes.extend(common_tail(now));
    ObjectDef {
        id: Uuid::new_v4(),
        api_slug: slug.to_string(),
        singular_noun: singular.to_string(),
        plural_noun: plural.to_string(),
        created_at: now,
        attributes,
    }
}

fn people(now: DateTime<Utc>) -> ObjectDef {
    let mut a = vec![
        A::new("name", "personal-name", now),
        A::new("email_addresses", "email-address", now)
            .multi()
            .unique(),
        A::new("description", "text", now),
        A::new("company", "record-reference", now)
            .refs("companies")
            .rel("companies", "team"),
        A::new("job_title", "text", now),
        A::new("avatar_url", "text", now)
            .title("Avatar URL")
            .enriched(),
        A::new("phone_numbers", "phone-number", now).multi(),
        A::new("primary_location", "location", now),
    ];
    socials(now, &mut a);
    a.push(A::new("twitter_follower_count", "number", now).enriched());
    enriched_tail(now, &mut a);
    a.push(
        A::new("associated_deals", "record-reference", now)
            .multi()
            .refs("deals")
            .rel("deals", "associated_people"),
    );
    a.push(
        A::new("associated_users", "record-reference", now)
            .multi()
            .refs("users")
            .rel("users", "person"),
    );
    object("people", "Person", "People", now, a)
}

fn companies(now: DateTime<Utc>) -> ObjectDef {
    let mut a = vec![
        A::new("domains", "domain", now).multi().unique(),
        A::new("name", "text", now),
        A::new("description", "text", now),
        A::new("team", "record-reference", now)
            .multi()
            .refs("people")
            .rel("people", "company"),
        A::new("categories", "select", now).multi().options(&[
            "Accounting",
            "Advertising",
            "Agriculture",
            "B2B",
            "B2C",
            "Biotechnology",
            "Consulting",
            "E-commerce",
            "Education",
            "Energy",
            "Enterprise",
            "Finance",
            "Food",
            "Hardware",
            "Health Care",
            "Information Technology",
            "Insurance",
            "Internet",
            "Logistics",
            "Manufacturing",
            "Marketing",
            "Media",
            "Real Estate",
            "Retail",
            "SaaS",
            "Security",
            "Software",
            "Telecommunications",
            "Transportation",
            "Travel",
        ]),
        A::new("primary_location", "location", now),
        A::new("logo_url", "text", now).title("Logo URL").enriched(),
    ];
    socials(now, &mut a);
    a.push(A::new("twitter_follower_count", "number", now).enriched());
    a.push(
        A::new("estimated_arr_usd", "select", now)
            .title("Estimated ARR")
            .options(&[
                "$0-$1M",
                "$1M-$10M",
                "$10M-$50M",
                "$50M-$100M",
                "$100M-$250M",
                "$250M-$500M",
                "$500M-$1B",
                "$1B-$10B",
                "$10B+",
            ]),
    );
    a.push(A::new("employee_range", "select", now).options(&[
        "1-10", "11-50", "51-250", "251-1K", "1K-5K", "5K-10K", "10K-50K", "50K-100K", "100K+",
    ]));
    a.push(
        A::new("funding_raised_usd", "currency", now)
            .title("Funding raised")
            .currency("USD"),
    );
    a.push(A::new("foundation_date", "date", now));
    enriched_tail(now, &mut a);
    a.push(
        A::new("associated_deals", "record-reference", now)
            .multi()
            .refs("deals")
            .rel("deals", "associated_company"),
    );
    a.push(
        A::new("associated_workspaces", "record-reference", now)
            .multi()
            .refs("workspaces")
            .rel("workspaces", "company"),
    );
    object("companies", "Company", "Companies", now, a)
}

fn deals(now: DateTime<Utc>) -> ObjectDef {
    let a = vec![
        A::new("name", "text", now).required(),
        A::new("stage", "status", now).required().statuses(&[
            ("Lead", false),
            ("In Progress", false),
            ("Won 🎉", true),
            ("Lost", false),
        ]),
        A::new("owner", "actor-reference", now).required(),
        A::new("value", "currency", now).currency("USD"),
        A::new("associated_people", "record-reference", now)
            .multi()
            .refs("people")
            .rel("people", "associated_deals"),
        A::new("associated_company", "record-reference", now)
            .refs("companies")
            .rel("companies", "associated_deals"),
    ];
    object("deals", "Deal", "Deals", now, a)
}

fn users(now: DateTime<Utc>) -> ObjectDef {
    let a = vec![
        A::new("person", "record-reference", now)
            .refs("people")
            .rel("people", "associated_users"),
        A::new("primary_email_address", "email-address", now)
            .required()
            .unique(),
        A::new("user_id", "text", now)
            .title("User ID")
            .required()
            .unique(),
        A::new("workspace", "record-reference", now)
            .multi()
            .refs("workspaces")
            .rel("workspaces", "users"),
    ];
    object("users", "User", "Users", now, a)
}

fn workspaces(now: DateTime<Utc>) -> ObjectDef {
    let a = vec![
        A::new("workspace_id", "text", now)
            .title("Workspace ID")
            .required()
            .unique(),
        A::new("name", "text", now),
        A::new("users", "record-reference", now)
            .multi()
            .refs("users")
            .rel("users", "workspace"),
        A::new("company", "record-reference", now)
            .refs("companies")
            .rel("companies", "associated_workspaces"),
        A::new("avatar_url", "text", now).title("Avatar URL"),
    ];
    object("workspaces", "Workspace", "Workspaces", now, a)
}

/// The seeded workspace members: an admin who owns the token (first, as `/v2/self`'s
/// `authorized_by_workspace_member_id`), a member, and a suspended member.
fn members(slug: &str, now: DateTime<Utc>) -> Vec<Member> {
    let member = |first: &str, last: &str, email: &str, access: &str| Member {
        id: Uuid::new_v4(),
        first_name: first.to_string(),
        last_name: last.to_string(),
        email_address: format!("{email}@{slug}.example.com"),
        access_level: access.to_string(),
        created_at: now,
    };
    vec![
        member("Emulator", "Owner", "owner", "admin"),
        member("Morgan", "Member", "morgan", "member"),
        member("Sam", "Suspended", "sam", "suspended"),
    ]
}

/// A fresh workspace with the five standard objects and three workspace members.
pub(crate) fn new_state(slug: &str) -> State {
    let now = Utc::now();
    State::new(
        Uuid::new_v4(),
        slug.to_string(),
        "Attio Emulator".to_string(),
        Uuid::new_v4(),
        members(slug, now),
        vec![
            people(now),
            companies(now),
            deals(now),
            users(now),
            workspaces(now),
        ],
    )
}
