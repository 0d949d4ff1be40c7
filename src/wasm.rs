//! The JavaScript boundary: the only place that uses wasm_bindgen and js_sys.

use crate::{check as check_text, Lang, Offsets, Options, RULES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true)
}

/// `check(text, { lang: "zh" | "en" })` → the report, with UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let mut opts = Options { offsets: Offsets::Utf16, ..Options::default() };
    if options.is_object() {
        let lang = js_sys::Reflect::get(&options, &JsValue::from_str("lang")).ok().and_then(|v| v.as_string());
        if lang.as_deref() == Some("en") {
            opts.lang = Lang::En;
        }
    }
    let report = check_text(text, opts);
    report.serialize(&serializer()).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Every rule's id, titles and documentation (Markdown), for the page to explain findings.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let metas: Vec<_> = RULES.iter().map(|r| r.meta()).collect();
    metas.serialize(&serializer()).map_err(|e| JsValue::from_str(&e.to_string()))
}
