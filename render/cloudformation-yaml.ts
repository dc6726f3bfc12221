/**
 * A CloudFormation template's text as data, every short-form intrinsic (`!Ref x`, `!GetAtt a.b`, `!Sub ...`)
 * in its long form (`{ "Ref": "x" }`, `{ "Fn::GetAtt": "a.b" }`). YAML is read with the YAML 1.2 core
 * schema, as aws-cdk-lib's cloudformation-include reads a template: the same text gives the same data
 * (`2012-10-17` and `yes` stay strings), whether the construct or takeover-check reads it.
 */
import { CollectionTag, Pair, ParsedNode, Scalar, ScalarTag, YAMLMap, parseDocument } from 'yaml';
import { RenderError } from './render-error';

/** A CloudFormation template as data: its sections (Resources, Outputs, ...) by name. */
export type Template = Record<string, unknown>;

/**
 * The functions CloudFormation's YAML writes with a tag: all but Ref and Condition stand for `Fn::<name>`.
 * Those of the rules section and of the LanguageExtensions transform included.
 */
const FUNCTIONS = [
  'And', 'Base64', 'Cidr', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'FindInMap', 'GetAZs', 'GetAtt',
  'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or', 'RefAll', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform', 'ValueOf',
];

/** The template in `text` (JSON, or YAML with short-form intrinsics); `file` names it in messages. */
export function parseTemplate(text: string, file: string): Template {
  const data = /^\s*\{/.test(text) ? parseJson(text, file) : parseYaml(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new RenderError(file, `is not a template: its top level is ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}`);
  }
  return data as Template;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RenderError(file, `is not valid JSON: ${(e as Error).message}`);
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { schema: 'core', customTags: SHORT_FORMS });
  // A tag CloudFormation does not know is only a warning to the parser; CloudFormation would have refused it.
  const problem = doc.errors[0] ?? doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) throw new RenderError(file, `is not valid CloudFormation YAML: ${problem.message.split('\n')[0].replace(/:$/, '')}`);
  return doc.toJS({ maxAliasCount: -1 });
}

/** `!Name x` is `{ "Fn::Name": x }` (`{ "Ref": x }`, `{ "Condition": x }`) whether x is a scalar, a list or a map. */
const SHORT_FORMS: (ScalarTag | CollectionTag)[] = [...FUNCTIONS.map((name) => `Fn::${name}`), 'Ref', 'Condition'].flatMap((key) => {
  const tag = `!${key.replace(/^Fn::/, '')}`;
  const scalar: ScalarTag = { tag, resolve: (text) => ({ [key]: text }) };
  const wrap = (collection: ParsedNode) => {
    const map = new YAMLMap();
    map.items.push(new Pair(new Scalar(key), collection));
    return map;
  };
  return [scalar, { tag, collection: 'seq', resolve: wrap }, { tag, collection: 'map', resolve: wrap }];
});
