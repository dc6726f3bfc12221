import { getAttParts, isRecord, Template, writeIntoSub } from './cloudformation-template';
import { Lookup } from './takeover-stacks';

/** The outputs of a stack by OutputKey; undefined when there is no such stack. */
export type StackOutputs = Readonly<Record<string, string>> | undefined;

/**
 * The template with each deploy-time lookup replaced by the value it will read: every
 * `Fn::GetAtt: [<lookup logicalId>, <OutputKey>]` (or `"<logicalId>.<OutputKey>"`, or `${<logicalId>.<OutputKey>}`
 * in an `Fn::Sub` string) becomes that output of the lookup's stack, as the custom resource would answer.
 * `outputsOf` gives a lookup stack's outputs. Throws naming the lookup, the stack and the output when the
 * stack or the output does not exist: the deployment would fail there.
 */
export function resolveLookups(template: Template, lookups: readonly Lookup[], outputsOf: (stackName: string) => StackOutputs): Template {
  const byLogicalId = new Map(lookups.map((lookup) => [lookup.logicalId, lookup]));
  const valueOf = (lookup: Lookup, outputKey: string) => outputValue(lookup, outputKey, outputsOf(lookup.stackName));
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!isRecord(value)) return value;
    const [fn, ...more] = Object.keys(value);
    const target = more.length === 0 && fn === 'Fn::GetAtt' ? getAttParts(value[fn]) : undefined;
    const lookup = target && byLogicalId.get(target[0]);
    if (target && lookup) return valueOf(lookup, target[1]);
    const resolved = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
    return more.length === 0 && fn === 'Fn::Sub' ? { [fn]: resolveInSub(resolved[fn], byLogicalId, valueOf) } : resolved;
  };
  return resolve(template) as Template;
}

/** An `Fn::Sub` argument with each `${<lookup>.<OutputKey>}` of its string written in. */
function resolveInSub(sub: unknown, byLogicalId: ReadonlyMap<string, Lookup>, valueOf: (lookup: Lookup, outputKey: string) => string): unknown {
  const resolveText = (text: string) =>
    [...text.matchAll(/\$\{([^!}][^}.]*)\.([^}]+)\}/g)].reduce((result, [reference, logicalId, outputKey]) => {
      const lookup = byLogicalId.get(logicalId);
      return lookup ? writeIntoSub(result, reference, valueOf(lookup, outputKey)) : result;
    }, text);
  if (typeof sub === 'string') return resolveText(sub);
  if (Array.isArray(sub) && typeof sub[0] === 'string') return [resolveText(sub[0]), ...sub.slice(1)];
  return sub;
}

function outputValue(lookup: Lookup, outputKey: string, outputs: StackOutputs): string {
  if (!outputs) throw new Error(`lookup ${lookup.logicalId} reads stack ${lookup.stackName}, which does not exist`);
  const value = outputs[outputKey];
  if (value === undefined) {
    const known = Object.keys(outputs);
    throw new Error(
      `lookup ${lookup.logicalId} reads output ${outputKey} of stack ${lookup.stackName}, which has no such output ` +
        `(${known.length > 0 ? `it has ${known.join(', ')}` : 'it has none'})`,
    );
  }
  return value;
}
