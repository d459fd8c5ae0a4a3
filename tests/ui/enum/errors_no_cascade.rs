// A failed AttioEnum reports its own errors and nothing else: the enum is still a value
// type, so models, updates and filters using it compile.
use attio_core::{AttioEntry, AttioEnum, AttioRecord, Filter};

#[derive(AttioEnum, Debug, Clone, PartialEq)]
#[attio(status)]
pub enum DealStage {
    Lead,
    #[attio(title = "Lead")]
    Again,
}

#[derive(AttioRecord)]
#[attio(object = "deals")]
pub struct Deal {
    pub stage: Option<DealStage>,
}

#[derive(AttioEntry)]
#[attio(list = "sales")]
pub struct Sale {
    pub stage: Vec<DealStage>,
}

fn main() {
    let _: Filter<Deal> = Deal::attrs().stage.eq(DealStage::Lead);
    let _ = DealUpdate::default().stage(DealStage::Again);
    let _ = SaleUpdate::default().stage(vec![DealStage::Lead]);
}
