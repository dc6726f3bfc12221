import type { Difference, ResourceDifference } from '@aws-cdk/cloudformation-diff';
import { isIntrinsic, isRecord, Template } from './cloudformation-template';
import { DiffLibrary } from './diff-library';
import { maskDifference } from './mask';

/**
 * What deploying would do to a resource: `replace` it (CloudFormation creates a new one and deletes the
 * old; also when it only may), `remove` it (delete it, or leave it unmanaged when its DeletionPolicy
 * retains it), `modify` it in place, `add` a new one.
 */
export type ResourceChangeKind = 'replace' | 'remove' | 'modify' | 'add';

/** One value that differs inside a resource or an entry of another section. */
export interface PathChange {
  /** Where, from the resource or entry: `Properties.PortMappings[0].ContainerPort`, `DeletionPolicy`, `Value`. */
  readonly path: string;
  /** The live stack's value; absent when it has none. Masked when the path looks like a secret's. */
  readonly current?: unknown;
  /** The synthesized template's value; absent when it has none. Masked likewise. */
  readonly desired?: unknown;
  /**
   * A property's impact, as the resource specification knows it: WILL_UPDATE, MAY_REPLACE or
   * WILL_REPLACE; absent for attributes (DependsOn, DeletionPolicy, ...) and for properties the
   * specification does not know (custom resources).
   */
  readonly impact?: string;
}

export interface ResourceChange {
  readonly logicalId: string;
  /** The resource type; the new one when the type changes. */
  readonly type: string;
  readonly change: ResourceChangeKind;
  /**
   * cloudformation-diff's ResourceImpact (WILL_REPLACE, MAY_REPLACE, WILL_DESTROY, WILL_ORPHAN,
   * WILL_UPDATE, WILL_CREATE); absent for a modification whose impact the specification does not know.
   */
  readonly impact?: string;
  /** With `replace` and `modify`: what differs. */
  readonly changes: PathChange[];
}

/** A change outside Resources: an entry of Parameters, Conditions, Mappings, Outputs, Metadata, Rules, ..., or Description, Transform. */
export interface TemplateChange {
  readonly section: string;
  /** The entry (a parameter's, an output's name); absent for Description, Transform and AWSTemplateFormatVersion. */
  readonly name?: string;
  readonly change: 'add' | 'remove' | 'modify';
  /** With `modify`: what differs inside the entry. */
  readonly changes: PathChange[];
}

export interface TemplateComparison {
  /** Replaced, removed, modified, then added ones. */
  readonly resources: ResourceChange[];
  readonly templateChanges: TemplateChange[];
}

type Equal = DiffLibrary['deepEqual'];

const ORDER: readonly ResourceChangeKind[] = ['replace', 'remove', 'modify', 'add'];

/** What deploying `desired` over a stack deployed with `current` would change, by cloudformation-diff's fullDiff. */
export function compareTemplates(current: Template, desired: Template, library: DiffLibrary): TemplateComparison {
  const diff = library.fullDiff(current, desired);
  const resources: ResourceChange[] = [];
  diff.resources.forEachDifference((logicalId, change) => resources.push(resourceChange(logicalId, change, library)));
  const templateChanges: TemplateChange[] = [];
  const sections = [
    ['Parameters', diff.parameters],
    ['Conditions', diff.conditions],
    ['Mappings', diff.mappings],
    ['Outputs', diff.outputs],
    ['Metadata', diff.metadata],
  ] as const;
  for (const [section, collection] of sections) {
    collection.forEachDifference((name, difference) => {
      templateChanges.push(entryChange(section, name, difference.oldValue, difference.newValue, library.deepEqual));
    });
  }
  // Sections cloudformation-diff does not model (Rules, ...) come whole: split them into entries too.
  diff.unknown.forEachDifference((section, difference) => templateChanges.push(...sectionChanges(section, difference, library.deepEqual)));
  for (const [section, difference] of [
    ['AWSTemplateFormatVersion', diff.awsTemplateFormatVersion],
    ['Description', diff.description],
    ['Transform', diff.transform],
  ] as const) {
    if (difference?.isDifferent) templateChanges.push(sectionChange(section, difference, library.deepEqual));
  }
  return { resources: resources.sort((a, b) => ORDER.indexOf(a.change) - ORDER.indexOf(b.change)), templateChanges };
}

function resourceChange(logicalId: string, change: ResourceDifference, library: DiffLibrary): ResourceChange {
  const { ResourceImpact } = library;
  const type = change.newResourceType ?? change.oldResourceType ?? '';
  const impact = change.changeImpact;
  if (change.isAddition || change.isRemoval) return { logicalId, type, change: change.isAddition ? 'add' : 'remove', impact, changes: [] };
  const replaced = impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE;
  return {
    logicalId,
    type,
    change: replaced ? 'replace' : 'modify',
    ...(impact !== ResourceImpact.NO_CHANGE ? { impact } : {}),
    changes: resourcePaths(change, library),
  };
}

function resourcePaths(change: ResourceDifference, { ResourceImpact, deepEqual }: DiffLibrary): PathChange[] {
  const paths: PathChange[] = [];
  if (change.resourceTypeChanged) {
    paths.push({ path: 'Type', current: change.oldResourceType, desired: change.newResourceType, impact: ResourceImpact.WILL_REPLACE });
  }
  for (const [name, property] of sortedEntries(change.propertyUpdates)) {
    const path = `Properties.${name}`;
    // A property that differs only in cloudformation-diff's eyes refers to a replaced resource: its own
    // values mark the reference "(replaced)", and the paths into them show where.
    const found = differingPaths(change.oldProperties?.[name], change.newProperties?.[name], path, deepEqual);
    const marked = found.length > 0 ? found : differingPaths(property.oldValue, property.newValue, path, deepEqual);
    const shown = marked.length > 0 ? marked : [{ path, current: property.oldValue, desired: property.newValue }];
    const impact = property.changeImpact !== ResourceImpact.NO_CHANGE ? property.changeImpact : undefined;
    paths.push(...shown.map((p) => ({ ...masked(p), ...(impact ? { impact } : {}) })));
  }
  for (const [name, other] of sortedEntries(change.otherChanges)) {
    paths.push(...differingPaths(other.oldValue, other.newValue, name, deepEqual).map(masked));
  }
  return paths;
}

/** A change of one entry of a keyed section (a parameter, an output, ...), paths from its name (`DbPassword.Default`). */
function entryChange(section: string, name: string, current: unknown, desired: unknown, equal: Equal): TemplateChange {
  const change = current === undefined ? 'add' : desired === undefined ? 'remove' : 'modify';
  return { section, name, change, changes: change === 'modify' ? differingPaths(current, desired, name, equal).map(masked) : [] };
}

/** The entries of a section cloudformation-diff passes whole, or the section as one change when it is no map. */
function sectionChanges(section: string, difference: Difference<unknown>, equal: Equal): TemplateChange[] {
  const { oldValue: current, newValue: desired } = difference;
  if (!(current === undefined || isRecord(current)) || !(desired === undefined || isRecord(desired))) {
    return [sectionChange(section, difference, equal)];
  }
  const names = [...new Set([...Object.keys(current ?? {}), ...Object.keys(desired ?? {})])];
  return names.filter((name) => !equal(current?.[name], desired?.[name])).map((name) => entryChange(section, name, current?.[name], desired?.[name], equal));
}

function sectionChange(section: string, difference: Difference<unknown>, equal: Equal): TemplateChange {
  const change = difference.isAddition ? 'add' : difference.isRemoval ? 'remove' : 'modify';
  return { section, change, changes: change === 'modify' ? differingPaths(difference.oldValue, difference.newValue, section, equal).map(masked) : [] };
}

/**
 * The innermost paths at which two values differ, by cloudformation-diff's own equality (so a path shows
 * exactly where fullDiff saw a change). Maps and lists are followed; an intrinsic (`Fn::Join`, `Ref`) is
 * one value.
 */
export function differingPaths(current: unknown, desired: unknown, path: string, equal: Equal): PathChange[] {
  if (equal(current, desired)) return [];
  if (isRecord(current) && isRecord(desired) && !isIntrinsic(current) && !isIntrinsic(desired)) {
    const keys = [...new Set([...Object.keys(current), ...Object.keys(desired)])];
    return keys.flatMap((key) => differingPaths(current[key], desired[key], path ? `${path}.${key}` : key, equal));
  }
  if (Array.isArray(current) && Array.isArray(desired)) {
    return Array.from({ length: Math.max(current.length, desired.length) }, (_, i) => differingPaths(current[i], desired[i], `${path}[${i}]`, equal)).flat();
  }
  return [{ path, ...(current !== undefined ? { current } : {}), ...(desired !== undefined ? { desired } : {}) }];
}

/** The change with the values under a secret-looking path masked, as `plan` masks spec values. */
function masked(change: PathChange): PathChange {
  const { current, desired } = maskDifference({ path: change.path, current: change.current, desired: change.desired });
  return { path: change.path, ...(current !== undefined ? { current } : {}), ...(desired !== undefined ? { desired } : {}) };
}

function sortedEntries<T>(record: { [key: string]: T }): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
