import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Annotations, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import type { DeferredValue } from '../render';
import { EnvironmentOutputs } from './environment-outputs';
import { renderer } from './renderer';
import { StackOutputsLookup, removeStackOutputsProvider } from './stack-outputs-lookup';

/** The construct metadata that marks a takeover stack for `cdk-proton-instance takeover-check` (cli/takeover-stacks.ts). */
const TAKEOVER_METADATA = 'cdk-proton-instance:takeover';

/** The prefix of the stacks Proton deployed (its service role may act on `stack/AWSProton-*` only). */
const PROTON_STACK_PREFIX = 'AWSProton-';

/** What a takeover stack renders with: output values known now, and resolvers for those read at deploy time. */
export interface RenderInputs {
  readonly environmentOutputs?: { [name: string]: string };
  readonly components?: { [slot: string]: { [name: string]: string } };
  readonly resolveEnvironmentOutput?: (name: string) => string;
  readonly resolveComponentOutputs?: { [slot: string]: (name: string) => string };
}

export interface TakeoverTemplateProps {
  /** ServiceInstanceStack or EnvironmentStack: how takeover-check and messages name the stack. */
  readonly kind: string;
  readonly environmentOutputs?: EnvironmentOutputs;
  readonly componentOutputs?: { [slot: string]: EnvironmentOutputs };
  /** Renders the template (YAML text) with these inputs. */
  readonly render: (inputs: RenderInputs) => string;
}

/**
 * Brings the template Proton deployed into `stack`: rendered, then included with cloudformation-include, so
 * logical ids, properties, conditions, mappings, parameters and outputs stay Proton's. Outputs read at
 * deploy time render as placeholders, which become parameters that cloudformation-include replaces with the
 * lookup's attributes. Marks the stack for takeover-check.
 */
export function includeTakeoverTemplate(stack: Stack, props: TakeoverTemplateProps): CfnInclude {
  checkStackName(stack, props.kind);
  const deferred = new DeferredOutputs(stack);
  const inputs: RenderInputs = {
    ...literalOutputs(props),
    ...(props.environmentOutputs?.stackName ? { resolveEnvironmentOutput: deferred.resolver('EnvironmentOutputs', props.environmentOutputs.stackName, 'environment') } : {}),
    resolveComponentOutputs: Object.fromEntries(
      Object.entries(props.componentOutputs ?? {})
        .filter(([, outputs]) => outputs.stackName !== undefined)
        .map(([slot, outputs]) => [slot, deferred.resolver(`ComponentOutputs-${slot}`, outputs.stackName!, `component ${slot}`)]),
    ),
  };
  const text = props.render(inputs);
  const file = `the template rendered for ${stack.stackName}`;
  const template = renderer.substituteDeferred(renderer.parseTemplate(text, file), { marker: deferred.marker, values: deferred.values }, file);
  const include = new CfnInclude(stack, 'Template', { templateFile: writeTemplate(stack, template), parameters: deferred.parameters() });
  const lookups = deferred.lookups().map((lookup) => ({ logicalId: lookup.logicalId, stackName: lookup.stackName }));
  stack.node.addMetadata(TAKEOVER_METADATA, { kind: props.kind, lookups });
  return include;
}

/** The stack to take over must be named: a name the CDK made up would deploy a new stack beside Proton's. */
export function requireStackName(kind: string, id: string, stackName: string | undefined): string {
  if (stackName === undefined) {
    throw new Error(`${kind} ${id}: stackName is required: the name of the stack Proton deployed, which this stack takes over`);
  }
  return stackName;
}

/** Users may have renamed a stack since Proton deployed it; a name Proton would not give is worth a look. */
function checkStackName(stack: Stack, kind: string): void {
  if (!stack.stackName.startsWith(PROTON_STACK_PREFIX)) {
    Annotations.of(stack).addWarningV2(
      'cdk-proton-instance:stackName',
      `${kind} ${stack.node.path}: stackName '${stack.stackName}' does not start with '${PROTON_STACK_PREFIX}', as the stacks Proton deployed do; ` +
        'make sure it names the stack to take over (cdk-proton-instance takeover-check compares them before a deploy)',
    );
  }
}

function literalOutputs(props: TakeoverTemplateProps): Pick<RenderInputs, 'environmentOutputs' | 'components'> {
  const components = Object.entries(props.componentOutputs ?? {}).filter(([, outputs]) => outputs.values !== undefined);
  return {
    ...(props.environmentOutputs?.values ? { environmentOutputs: props.environmentOutputs.values } : {}),
    ...(components.length > 0 ? { components: Object.fromEntries(components.map(([slot, outputs]) => [slot, outputs.values!])) } : {}),
  };
}

/**
 * The outputs a template reads at deploy time: one lookup per stack read, created before the rendering (its
 * attributes must exist as the template prints them), removed after it when the template read nothing of it.
 */
class DeferredOutputs {
  /** What every placeholder of this rendering starts with; random, so no text of the template holds it by chance. */
  readonly marker = `cdkproton${randomBytes(6).toString('hex')}v`;
  readonly values: DeferredValue[] = [];
  private readonly references = new Map<string, string>();
  private readonly created: StackOutputsLookup[] = [];

  constructor(private readonly stack: Stack) {}

  /** The resolver of one stack's outputs: each name read gets a placeholder, and becomes an attribute of the lookup. */
  resolver(id: string, stackName: string, role: string): (name: string) => string {
    const lookup = new StackOutputsLookup(this.stack, id, { stackName, role });
    this.created.push(lookup);
    const placeholders = new Map<string, string>();
    return (name) => {
      let placeholder = placeholders.get(name);
      if (placeholder === undefined) {
        placeholder = `${this.marker}${this.values.length}x`;
        placeholders.set(name, placeholder);
        const parameter = `ProtonOutput${this.values.length}`;
        this.values.push({ placeholder, parameter, description: `${role} output ${name}` });
        this.references.set(parameter, lookup.valueOf(name));
      }
      return placeholder;
    };
  }

  /** The values of the placeholders' parameters: the lookups' attributes. */
  parameters(): { [parameter: string]: string } {
    return Object.fromEntries(this.references);
  }

  /** The lookups the template read; the others leave the stack, with their provider when none is left. */
  lookups(): StackOutputsLookup[] {
    for (const unused of this.created.filter((lookup) => !lookup.used)) this.stack.node.tryRemoveChild(unused.node.id);
    const used = this.created.filter((lookup) => lookup.used);
    if (used.length === 0) removeStackOutputsProvider(this.stack);
    return used;
  }
}

/** cloudformation-include reads a file: the template goes to one of its own, as JSON. */
function writeTemplate(stack: Stack, template: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-proton-takeover-'));
  const file = path.join(dir, `${stack.artifactId}.json`);
  fs.writeFileSync(file, JSON.stringify(template, undefined, 2));
  return file;
}
