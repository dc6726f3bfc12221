/**
 * A spec document as the construct sends it to Proton: YAML 1.2 text, parsed with merge keys as the
 * handler's diff reads it (lambda/spec.ts). The renderer reads specs its own way (spec.ts: PyYAML's rules).
 */
import { parse, stringify } from 'yaml';

/** The parsed document; throws the parser's error when the text is not YAML. */
export function parseSpecText(text: string): unknown {
  return parse(text, { merge: true });
}

/** YAML text for a spec given as an object, long values kept on one line. */
export function specTextOf(spec: unknown): string {
  return stringify(spec, { lineWidth: 0 });
}
