/**
 * Checks inputs against the schema's input type, as Proton did before it rendered. The `jsonschema` package
 * validates; OpenAPI 3.0 schema objects are close to JSON Schema draft 04 (boolean exclusiveMinimum and
 * exclusiveMaximum included) and differ where toJsonSchema says.
 */
import { Schema, ValidationError, Validator } from 'jsonschema';
import { PyDict, isDict, pyRepr, toPlainValue } from './python-values';
import { ProtonSchema, SchemaObject } from './schema';
import { RenderError } from './render-error';
import { TemplateKind } from './template-kind';

/** One input that breaks one rule of the schema. */
export interface InputProblem {
  /** The input's dotted path (`port`, `db.size`, `subnets[1]`). */
  readonly input: string;
  /** The schema keyword it breaks: type, enum, pattern, minimum, exclusiveMaximum, maxLength, required, ... */
  readonly rule: string;
  /** The keyword's value in the schema: the limit, the pattern, the allowed values or types. */
  readonly limit: unknown;
  /** A sentence for people, naming input, value and rule. */
  readonly message: string;
}

/** Every problem of the inputs (defaults already filled), none when they are valid. */
export function validateInputs(schema: ProtonSchema, kind: TemplateKind, inputs: PyDict): InputProblem[] {
  const typeName = schema.inputTypes[kind];
  if (typeName === undefined) return [];
  const jsonSchema: Schema = {
    definitions: Object.fromEntries(Object.entries(schema.types).map(([name, type]) => [name, toJsonSchema(schema, type)])),
    $ref: `#/definitions/${encodeURIComponent(typeName)}`,
  };
  // Formats are hints in OpenAPI (int32, password, ...), not rules: only the keywords above are checked.
  const result = new Validator().validate(toPlainValue(inputs), jsonSchema, { skipAttributes: ['format'], nestedErrors: true });
  return result.errors.map(toProblem);
}

/**
 * An OpenAPI 3.0 schema object as JSON Schema draft 04:
 * - `nullable: true` adds null to the allowed types (and to `enum`); JSON Schema has no such keyword;
 * - `$ref: '#/types/Name'` points into the schema's `types`, which become `definitions`;
 * - keywords JSON Schema lacks (discriminator, readOnly, writeOnly, xml, example, externalDocs, deprecated)
 *   are annotations and are dropped.
 */
function toJsonSchema(schema: ProtonSchema, object: SchemaObject): Schema {
  const converted: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(object)) {
    if (OPENAPI_ONLY.has(keyword)) continue;
    if (keyword === '$ref') converted.$ref = definitionRef(schema, String(value));
    else if (SCHEMA_VALUED.has(keyword) && isDict(value)) converted[keyword] = toJsonSchema(schema, value);
    else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) converted[keyword] = value.map((item) => (isDict(item) ? toJsonSchema(schema, item) : item));
    else if (keyword === 'properties' && isDict(value)) {
      converted.properties = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, isDict(item) ? toJsonSchema(schema, item) : item]));
    } else converted[keyword] = toPlainValue(value);
  }
  if (object.nullable === true && typeof converted.type === 'string') converted.type = [converted.type, 'null'];
  if (object.nullable === true && Array.isArray(converted.enum) && !converted.enum.includes(null)) converted.enum = [...converted.enum, null];
  return converted as Schema;
}

const OPENAPI_ONLY = new Set(['nullable', 'discriminator', 'readOnly', 'writeOnly', 'xml', 'example', 'externalDocs', 'deprecated']);
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

function definitionRef(schema: ProtonSchema, ref: string): string {
  const name = /^#\/(?:schema\/)?types\/([^/]+)$/.exec(ref)?.[1];
  if (name === undefined || schema.types[decodeURIComponent(name)] === undefined) {
    throw new RenderError(schema.file, `\`$ref: ${ref}\` must point at a type under \`schema.types\` (#/types/Name)`);
  }
  return `#/definitions/${name}`;
}

function toProblem(error: ValidationError): InputProblem {
  const path = dottedPath(error.path);
  const { rule, input } = ruleAndInput(error, path);
  const limit = rule === 'required' || rule === 'additionalProperties' ? undefined : error.argument;
  return { input, rule, limit, message: sentence(rule, input, error.instance, limit) };
}

/** jsonschema names a missing property on its parent, and reports boolean exclusive bounds as minimum/maximum. */
function ruleAndInput(error: ValidationError, path: string): { rule: string; input: string } {
  const node = typeof error.schema === 'object' ? error.schema : {};
  if (error.name === 'required' || error.name === 'additionalProperties') {
    return { rule: error.name, input: path ? `${path}.${error.argument}` : String(error.argument) };
  }
  if (error.name === 'minimum' && node.exclusiveMinimum === true) return { rule: 'exclusiveMinimum', input: path };
  if (error.name === 'maximum' && node.exclusiveMaximum === true) return { rule: 'exclusiveMaximum', input: path };
  return { rule: error.name, input: path };
}

function dottedPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function sentence(rule: string, input: string, value: unknown, limit: unknown): string {
  const given = `input ${input} (${pyRepr(value)})`;
  switch (rule) {
    case 'required':
      return `input ${input} is required by the schema and has no default`;
    case 'additionalProperties':
      return `input ${input} is not a property of its type, which allows no others (additionalProperties)`;
    case 'type':
      return `${given} breaks type: it must be ${listed(limit)}`;
    case 'enum':
      return `${given} breaks enum: it must be one of ${pyRepr(toPlainValue(limit))}`;
    case 'pattern':
      return `${given} breaks pattern: it must match ${String(limit)}`;
    case 'minimum':
      return `${given} breaks minimum: it must be at least ${String(limit)}`;
    case 'maximum':
      return `${given} breaks maximum: it must be at most ${String(limit)}`;
    case 'exclusiveMinimum':
      return `${given} breaks exclusiveMinimum: it must be greater than ${String(limit)}`;
    case 'exclusiveMaximum':
      return `${given} breaks exclusiveMaximum: it must be less than ${String(limit)}`;
    case 'minLength':
      return `${given} breaks minLength: it must be at least ${String(limit)} characters long`;
    case 'maxLength':
      return `${given} breaks maxLength: it must be at most ${String(limit)} characters long`;
    case 'minItems':
      return `${given} breaks minItems: it must hold at least ${String(limit)} items`;
    case 'maxItems':
      return `${given} breaks maxItems: it must hold at most ${String(limit)} items`;
    case 'uniqueItems':
      return `${given} breaks uniqueItems: its items must differ from each other`;
    case 'multipleOf':
      return `${given} breaks multipleOf: it must be a multiple of ${String(limit)}`;
    default:
      return `${given} breaks ${rule}`;
  }
}

function listed(types: unknown): string {
  const names = (Array.isArray(types) ? types : [types]).map(String);
  return names.length === 1 ? `a ${names[0]}` : `one of ${names.join(', ')}`;
}
