//! The value history of one attribute of one item (`…/attributes/{a}/values`).

use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, Record, StoredValue};

use super::render::current_values;

/// The values of `attr` on `item`: the current ones, or with `historic` every value it
/// ever held, oldest first. Enriched and interaction attributes keep no history.
pub(crate) fn history(
    item: &Record,
    attr: &AttributeDef,
    historic: bool,
) -> ApiResult<Vec<StoredValue>> {
    if historic && (attr.enriched || attr.attr_type == "interaction") {
        return Err(ApiError::validation(format!(
            "Historic values cannot be queried on enriched or communication intelligence attribute \"{}\".",
            attr.api_slug
        )));
    }
    let mut vals: Vec<StoredValue> = current_values(item, attr).into_owned();
    if historic {
        if let Some(av) = item.values.get(&attr.api_slug) {
            vals.extend(av.closed.iter().cloned());
        }
        vals.sort_by_key(|v| v.active_from);
    }
    Ok(vals)
}
