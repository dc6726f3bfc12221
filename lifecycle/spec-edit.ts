import { parseDocument } from 'yaml';
import { SpecMap, findInstanceIndex } from '../lambda/spec';

/**
 * The service spec with one value in one instance's entry replaced (`['spec', 'image']`, say): the
 * entry found by name as the handler finds it, the rest of the document (comments, layout) as written.
 */
export function withInstanceValue(specYaml: string, instanceName: string, path: readonly string[], value: unknown): string {
  const doc = parseDocument(specYaml);
  const index = findInstanceIndex(doc.toJS() as SpecMap, instanceName);
  if (index < 0) throw new Error(`the service spec has no instances entry named ${instanceName}`);
  doc.setIn(['instances', index, ...path], value);
  return doc.toString();
}
