/**
 * A template bundle's schema/schema.yaml: an OpenAPI 3.0 data-model document whose `types:` hold one object
 * type per kind of input (`service_input_type`, `environment_input_type`, `pipeline_input_type`).
 * Pure functions, no file access and no validator library, so a Lambda handler can fill defaults with it.
 */
import { PyDict, isDict } from './python-values';
import { parsePythonYaml } from './python-yaml';
import { RenderError } from './render-error';
import { KIND_FACTS, TemplateKind } from './template-kind';

/** One OpenAPI schema object (`type`, `properties`, `default`, `$ref`, ...), as parsed. */
export type SchemaObject = PyDict;

export interface ProtonSchema {
  /** Where the schema came from, for messages. */
  readonly file: string;
  /** The object types under `schema.types`, by name. */
  readonly types: Readonly<Record<string, SchemaObject>>;
  /** The type name each kind's inputs have, for the kinds the schema declares. */
  readonly inputTypes: Readonly<Partial<Record<TemplateKind, string>>>;
}

/** Parses schema.yaml text (YAML as Proton's Python tooling read it: floats stay floats). */
export function parseSchema(text: string, file: string): ProtonSchema {
  return readSchema(parsePythonYaml(text, file), file);
}

/** Reads a schema document parsed by the caller's own YAML parser. */
export function readSchema(doc: unknown, file: string): ProtonSchema {
  const root = isDict(doc) ? doc.schema : undefined;
  if (!isDict(root)) throw new RenderError(file, 'must hold a `schema:` mapping');
  const format = root.format;
  if (!isDict(format) || !String(format.openapi).startsWith('3.0')) {
    throw new RenderError(file, 'must declare `schema.format.openapi: "3.0.0"`');
  }
  const types = root.types;
  if (!isDict(types) || !Object.values(types).every(isDict)) {
    throw new RenderError(file, 'must hold a `schema.types:` mapping of type names to OpenAPI schema objects');
  }
  const inputTypes: Partial<Record<TemplateKind, string>> = {};
  for (const kind of Object.values(TemplateKind)) {
    const key = KIND_FACTS[kind].inputTypeKey;
    const name = root[key];
    if (name === undefined || name === null) continue;
    if (typeof name !== 'string' || !isDict(types[name])) {
      throw new RenderError(file, `\`${key}\` must name one of the types under \`schema.types\` (${Object.keys(types).join(', ')})`);
    }
    inputTypes[kind] = name;
  }
  return { file, types: types as Record<string, SchemaObject>, inputTypes };
}

/** The object type of a kind's inputs, or undefined when the schema declares none for that kind. */
export function inputTypeOf(schema: ProtonSchema, kind: TemplateKind): SchemaObject | undefined {
  const name = schema.inputTypes[kind];
  return name === undefined ? undefined : schema.types[name];
}

/**
 * The schema object a `$ref` points at (`#/types/Name`, or `#/schema/types/Name` from the document root);
 * an object without `$ref` is itself. OpenAPI 3.0 ignores the siblings of a `$ref`, and so does this.
 */
export function resolveRef(schema: ProtonSchema, object: SchemaObject): SchemaObject {
  let current = object;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const name = /^#\/(?:schema\/)?types\/([^/]+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : schema.types[decodeURIComponent(name)];
    if (target === undefined) {
      throw new RenderError(schema.file, `\`$ref: ${current.$ref}\` must point at a type under \`schema.types\` (#/types/Name)`);
    }
    if (hops > Object.keys(schema.types).length) throw new RenderError(schema.file, `\`$ref: ${current.$ref}\` refers to itself in a loop`);
    current = target;
  }
  return current;
}

/**
 * The inputs with the schema's defaults for what they leave out, at every level: the properties of nested
 * objects (and of objects in lists) get their defaults too, wherever the object itself is given or comes
 * from a default. A `null` input is a value, not an absence: a default does not replace it (whether null is
 * allowed at all is the validator's question: only where the schema says `nullable: true`). Keys come in
 * the order Python's `defaults | inputs` gives: the defaults' properties in schema order, then the rest.
 */
export function fillDefaults(schema: ProtonSchema, kind: TemplateKind, inputs: PyDict): PyDict {
  const type = inputTypeOf(schema, kind);
  return type === undefined ? { ...inputs } : fillObject(schema, type, inputs);
}

function fillValue(schema: ProtonSchema, object: SchemaObject, value: unknown): unknown {
  const resolved = resolveRef(schema, object);
  if (isDict(value)) return fillObject(schema, resolved, value);
  if (Array.isArray(value) && isDict(resolved.items)) {
    const items = resolved.items;
    return value.map((item) => fillValue(schema, items, item));
  }
  return value;
}

function fillObject(schema: ProtonSchema, object: SchemaObject, value: PyDict): PyDict {
  const resolved = resolveRef(schema, object);
  const properties = isDict(resolved.properties) ? resolved.properties : {};
  const filled: PyDict = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isDict(property)) continue;
    const declared = resolveRef(schema, property);
    if ('default' in declared) filled[name] = name in value ? value[name] : copyValue(declared.default);
  }
  for (const name of Object.keys(value)) {
    if (!(name in filled)) filled[name] = value[name];
  }
  for (const [name, property] of Object.entries(properties)) {
    if (isDict(property) && name in filled) filled[name] = fillValue(schema, property, filled[name]);
  }
  return filled;
}

/** A default is shared by every rendering: hand out copies of lists and dicts (scalars are immutable). */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (isDict(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyValue(item)]));
  return value;
}
