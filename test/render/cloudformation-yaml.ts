import { Node, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

/** A CloudFormation template's YAML as data, short-form intrinsics (`!Ref x`) in their long form (`{ Ref: x }`). */
export function parseCloudFormation(text: string): unknown {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0].message}`);
  return longForm(doc.contents);
}

function longForm(node: Node | null | unknown): unknown {
  const value = plain(node);
  const tag = (node as Node | null)?.tag;
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return value;
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') return { 'Fn::GetAtt': value.split('.') };
  return { [`Fn::${name}`]: value };
}

function plain(node: Node | null | unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map(longForm);
  if (isMap(node)) {
    return Object.fromEntries(node.items.filter(isPair).map((pair) => [String(plain(pair.key)), longForm(pair.value)]));
  }
  return node ?? null;
}
