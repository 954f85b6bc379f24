// The rules the server applies to a custom field list (shared/fields/checks.py), checked
// in the browser first so a mistake shows beside its field before anything is uploaded.

export const MAX_FIELDS = 10;
export const MAX_NAME_CHARS = 40;
export const MAX_DESCRIPTION_CHARS = 300;
export const MAX_OPTIONS = 20;
export const MAX_OPTION_CHARS = 60;
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_ -]*$/;

export const FIELD_TYPES = [
  ["text", "Text"],
  ["number", "Number"],
  ["boolean", "Yes / no"],
  ["enum", "One of a list"],
  ["url", "URL"],
  ["date", "Date"],
];

// "SMB, Mid-market" as typed into the options box.
export function splitOptions(text) {
  return String(text || "").split(",").map((option) => option.trim()).filter(Boolean);
}

// The problem with one field, or "" when it meets every rule on its own. Descriptions are
// held to the limit by the input's maxlength; the server still refuses a longer one.
function fieldProblem(field) {
  if (!field.name) return "Give the field a name.";
  if (field.name.length > MAX_NAME_CHARS) return `A name has at most ${MAX_NAME_CHARS} characters.`;
  if (!NAME_PATTERN.test(field.name)) {
    return "A name starts with a letter and holds only letters, digits, spaces, _ and -.";
  }
  if (field.type !== "enum") return "";
  const { options } = field;
  if (!options.length) return "A list field needs its options, separated by commas.";
  if (options.length > MAX_OPTIONS) return `A list has at most ${MAX_OPTIONS} options.`;
  if (options.some((option) => option.length > MAX_OPTION_CHARS)) {
    return `An option has at most ${MAX_OPTION_CHARS} characters.`;
  }
  if (new Set(options).size !== options.length) return "The options repeat.";
  return "";
}

// One message per field (by position), "" where the field is fine.
export function fieldProblems(fields) {
  const seen = new Set();
  return fields.map((field) => {
    const problem = fieldProblem(field);
    if (problem) return problem;
    const key = field.name.toLowerCase();
    if (seen.has(key)) return `The name “${field.name}” is already used by another field.`;
    seen.add(key);
    return "";
  });
}

// A field as the API takes it: options only for a list.
export function toApi(field) {
  const body = { name: field.name, description: field.description, type: field.type };
  if (field.type === "enum") body.options = field.options;
  return body;
}

// Which field (0-based) a server refusal names: "field 3: ..." or "the field name 'x'".
export function fieldIndexOf(error, fields) {
  const numbered = /\bfield (\d+)\b/.exec(error?.message || "");
  if (numbered) return Number(numbered[1]) - 1;
  const named = /field name '([^']*)'/.exec(error?.message || "");
  if (named) {
    const key = named[1].toLowerCase();
    const matches = fields.map((f, i) => [f.name.toLowerCase(), i]).filter(([name]) => name === key);
    if (matches.length) return matches[matches.length - 1][1];
  }
  return -1;
}
