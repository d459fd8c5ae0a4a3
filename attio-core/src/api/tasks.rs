//! Tasks: `GET/POST /v2/tasks`, `GET/PATCH/DELETE /v2/tasks/{task_id}`.

use futures_util::{Stream, StreamExt, stream};
use reqwest::Method;
use uuid::Uuid;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{Assignee, NewTask, Task, TaskUpdate, record_id_of};
use crate::record::AttioRecord;
use crate::values::{AnyRecordRef, RecordRef};

/// `GET /v2/tasks`'s default page size; Attio states no maximum.
const PAGE: usize = 500;

/// The tasks of the workspace, borrowed from the client by [`Client::tasks`].
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client, RecordRef};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
/// # async fn run(client: Client, ada: RecordRef<Person>, deadline: attio_core::values::Timestamp)
/// # -> Result<(), attio_core::Error> {
/// use attio_core::models::{Assignee, NewTask, TaskUpdate};
///
/// let task = client
///     .tasks()
///     .create(
///         &NewTask::new("Send the contract")
///             .linked_to(&ada)
///             .deadline(deadline)
///             .assignee(Assignee::email("owner@example.com")?),
///     )
///     .await?;
/// let done = client
///     .tasks()
///     .update(task.id.task_id, &TaskUpdate::default().completed(true))
///     .await?;
/// assert!(done.is_completed);
/// let open = client.tasks().query().linked_to(&ada).completed(false).send().await?;
/// # let _ = open;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Tasks<'c> {
    client: &'c Client,
}

impl Client {
    /// The tasks area (scopes `task:read` / `task:read-write`, with
    /// `object_configuration:read`, `record_permission:read` and `user_management:read`).
    pub fn tasks(&self) -> Tasks<'_> {
        Tasks { client: self }
    }
}

fn decode_task(body: &[u8]) -> Result<Task, Error> {
    json::decode_data(body, "task")
}

fn task_page(body: &[u8]) -> Result<Page<Task>, Error> {
    json::decode_data_list(body, "task").map(Page::of)
}

impl<'c> Tasks<'c> {
    /// Creates a task: `POST /v2/tasks`, with all six fields Attio requires. Content over
    /// 2,000 characters is refused before sending.
    pub async fn create(&self, task: &NewTask) -> Result<Task, Error> {
        let request = Request::new(Method::POST, "/v2/tasks".to_owned(), Safety::Create)
            .body(task.to_body()?);
        self.client.call(&request, decode_task).await
    }

    /// One task: `GET /v2/tasks/{task_id}`.
    pub async fn get(&self, task_id: Uuid) -> Result<Task, Error> {
        self.client
            .call(&Request::get(format!("/v2/tasks/{task_id}")), decode_task)
            .await
    }

    /// Changes a task's deadline, completion, links or assignees:
    /// `PATCH /v2/tasks/{task_id}`. Links and assignees that are set replace the old ones.
    /// (The content cannot change: see [`TaskUpdate`].)
    pub async fn update(&self, task_id: Uuid, update: &TaskUpdate) -> Result<Task, Error> {
        let request = Request::new(
            Method::PATCH,
            format!("/v2/tasks/{task_id}"),
            Safety::IdempotentWrite,
        )
        .body(update.to_body()?);
        self.client.call(&request, decode_task).await
    }

    /// Deletes a task: `DELETE /v2/tasks/{task_id}`.
    pub async fn delete(&self, task_id: Uuid) -> Result<(), Error> {
        let request = Request::new(
            Method::DELETE,
            format!("/v2/tasks/{task_id}"),
            Safety::IdempotentWrite,
        );
        self.client.call(&request, |_| Ok(())).await
    }

    /// A listing of tasks (`GET /v2/tasks`), narrowed by the query's filters.
    pub fn query(&self) -> TaskQuery<'c> {
        TaskQuery {
            client: self.client,
            linked: None,
            assignee: None,
            completed: None,
            sort: None,
            limit: None,
            offset: 0,
        }
    }
}

/// The order of a task listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaskSort {
    /// Oldest first (`created_at:asc`, Attio's default).
    CreatedAsc,
    /// Newest first (`created_at:desc`).
    CreatedDesc,
}

impl TaskSort {
    /// Attio's spelling, e.g. `created_at:desc`.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskSort::CreatedAsc => "created_at:asc",
            TaskSort::CreatedDesc => "created_at:desc",
        }
    }
}

/// Who a task listing keeps.
#[derive(Debug, Clone, PartialEq)]
enum AssigneeFilter {
    Member(Assignee),
    Nobody,
}

/// A task listing, made by [`Tasks::query`]: `GET /v2/tasks` with its filters as query
/// parameters. Without filters it lists every task.
///
/// ```no_run
/// # async fn run(client: attio_core::Client, member: uuid::Uuid) -> Result<(), attio_core::Error> {
/// use attio_core::api::TaskSort;
/// use futures_util::TryStreamExt;
///
/// let mine: Vec<_> = client
///     .tasks()
///     .query()
///     .assignee(member)
///     .completed(false)
///     .sort(TaskSort::CreatedDesc)
///     .stream()
///     .try_collect()
///     .await?;
/// # let _ = mine;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it is sent or streamed"]
pub struct TaskQuery<'c> {
    client: &'c Client,
    linked: Option<AnyRecordRef>,
    assignee: Option<AssigneeFilter>,
    completed: Option<bool>,
    sort: Option<TaskSort>,
    limit: Option<usize>,
    offset: usize,
}

impl TaskQuery<'_> {
    /// Keeps the tasks linked to `record` (named by id: a reference by a unique value is
    /// refused when the query is sent).
    pub fn linked_to<P: AttioRecord>(self, record: &RecordRef<P>) -> Self {
        self.linked_to_any(record.to_any())
    }

    /// [`linked_to`](Self::linked_to) for a record of any object.
    pub fn linked_to_any(mut self, record: AnyRecordRef) -> Self {
        self.linked = Some(record);
        self
    }

    /// Keeps the tasks assigned to a workspace member, by id or email address.
    pub fn assignee(mut self, assignee: impl Into<Assignee>) -> Self {
        self.assignee = Some(AssigneeFilter::Member(assignee.into()));
        self
    }

    /// Keeps the tasks assigned to nobody.
    pub fn unassigned(mut self) -> Self {
        self.assignee = Some(AssigneeFilter::Nobody);
        self
    }

    /// Keeps the completed tasks (`true`) or the open ones (`false`); both by default.
    pub fn completed(mut self, completed: bool) -> Self {
        self.completed = Some(completed);
        self
    }

    /// Orders the tasks by creation time.
    pub fn sort(mut self, sort: TaskSort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// The page size: tasks per request (default 500).
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// How many matching tasks to skip (default 0).
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// The request without its position: `GET /v2/tasks` and the filters.
    fn base(&self) -> Result<Request, Error> {
        let mut request = Request::get("/v2/tasks".to_owned());
        if let Some(sort) = self.sort {
            request = request.query("sort", sort.as_str());
        }
        if let Some(record) = &self.linked {
            let record_id = record_id_of("linked record", record)?;
            request = request
                .query("linked_object", record.target_object.clone())
                .query("linked_record_id", record_id.to_string());
        }
        match &self.assignee {
            Some(AssigneeFilter::Member(a)) => request = request.query("assignee", a.to_string()),
            Some(AssigneeFilter::Nobody) => request = request.query("assignee", "null"),
            None => {}
        }
        if let Some(completed) = self.completed {
            request = request.query("is_completed", completed.to_string());
        }
        Ok(request)
    }

    /// Sends the query and returns one page: at most `limit` tasks from `offset`.
    pub async fn send(&self) -> Result<Vec<Task>, Error> {
        let mut request = self.base()?.query("offset", self.offset.to_string());
        if let Some(limit) = self.limit {
            request = request.query("limit", limit.to_string());
        }
        self.client
            .call(&request, |body| json::decode_data_list(body, "task"))
            .await
    }

    /// Every matching task, page after page (`limit` tasks per request, default 500),
    /// fetched lazily as the stream is polled.
    pub fn stream(self) -> impl Stream<Item = Result<Task, Error>> + Send + 'static {
        let paging = Paging::query_offset(self.limit.unwrap_or(PAGE), usize::MAX);
        match self.base() {
            Ok(base) => {
                let endpoint = Endpoint {
                    base,
                    body: None,
                    decode: task_page,
                };
                self.client
                    .pages(paging, paging.first(self.offset), endpoint)
                    .left_stream()
            }
            Err(e) => stream::once(std::future::ready(Err(e))).right_stream(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_the_query_parameters_attio_reads() {
        let client = Client::builder()
            .api_key("k")
            .base_url("http://127.0.0.1:1")
            .build()
            .unwrap();
        let record = AnyRecordRef::new("people", Uuid::nil());
        let q = client
            .tasks()
            .query()
            .linked_to_any(record)
            .assignee(Assignee::email("a@b.com").unwrap())
            .completed(false)
            .sort(TaskSort::CreatedDesc);
        assert_eq!(
            q.base().unwrap().describe(),
            "GET /v2/tasks?sort=created_at:desc&linked_object=people\
             &linked_record_id=00000000-0000-0000-0000-000000000000&assignee=a@b.com&is_completed=false"
        );
        let q = client.tasks().query().unassigned();
        assert_eq!(q.base().unwrap().describe(), "GET /v2/tasks?assignee=null");
        let by_domain = AnyRecordRef::by_domain("companies", "acme.com").unwrap();
        let err = client
            .tasks()
            .query()
            .linked_to_any(by_domain)
            .base()
            .unwrap_err();
        assert!(err.as_invalid_value().is_some(), "{err}");
    }
}
