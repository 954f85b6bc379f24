// What the server can do, read from GET /api/capabilities, with the defaults the API
// documents when a field is absent.

const DEFAULT_CONTEXT_CHARS = 4000;

function pick(object, names) {
  for (const name of names) {
    if (object && object[name] !== undefined && object[name] !== null) return object[name];
  }
  return undefined;
}

export function readCapabilities(caps) {
  const limits = caps?.limits || {};
  const search = Boolean(caps?.search);
  const llm = Boolean(caps?.llm);
  const hubspot = Boolean(caps?.hubspot);
  const deepSearch = caps?.deep_search !== undefined ? Boolean(caps.deep_search) : search && llm;
  const contextChars = Number(pick(limits, ["max_context_chars", "context_chars", "context"])
    ?? pick(caps, ["max_context_chars", "context_max_chars"])) || DEFAULT_CONTEXT_CHARS;
  const uploadBytes = Number(pick(limits, ["max_upload_bytes", "upload_bytes", "file_bytes"])
    ?? pick(caps, ["max_upload_bytes"])) || null;
  const maxRows = Number(pick(limits, ["max_rows", "rows"]) ?? pick(caps, ["max_rows"])) || null;
  let deepSearchReason = "";
  if (!deepSearch) {
    const missing = [!search && "search provider", !llm && "LLM"].filter(Boolean);
    deepSearchReason = missing.length
      ? `Unavailable: this server has no ${missing.join(" and no ")} configured.`
      : "Unavailable on this server.";
  }
  const hubspotReason = hubspot ? "" : "Unavailable: this server has no HubSpot token configured.";
  const qualification = Boolean(caps?.qualification);
  // A server that does not mention qualification predates it, which is not the same as
  // one without a language model.
  const qualificationReason = qualification ? ""
    : caps?.qualification === undefined ? "Unavailable: this server does not offer qualification."
      : "Unavailable: this server has no language model configured.";
  const customFieldsReason = llm ? "" : "Unavailable: this server has no language model configured.";
  return {
    customFieldsReason,
    search, llm, hubspot, deepSearch, deepSearchReason, hubspotReason, qualification,
    qualificationReason, contextChars, uploadBytes, maxRows,
  };
}
