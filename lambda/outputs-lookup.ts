import { OutputsPort } from './cloudformation-sdk';
import { errorLabel } from './errors';

/**
 * The lookup behind EnvironmentOutputs.fromStack: the outputs of a stack Proton deployed, which a rendered
 * template uses as `environment.outputs.<name>` (or a component's), read at deploy time. Properties as the
 * construct writes them.
 */
export interface StackOutputsProperties {
  /** The stack whose outputs are read. */
  readonly StackName: string;
  /** The outputs the template uses: each must exist. */
  readonly OutputNames: string[];
  /** What the outputs are, for messages: `environment` or `component <name>`. */
  readonly Role: string;
}

export interface StackOutputsEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: StackOutputsProperties;
}

export interface StackOutputsResult {
  readonly PhysicalResourceId: string;
  /** Each used output by name: the template's `Fn::GetAtt` attributes. */
  readonly Data?: Record<string, string>;
}

/**
 * Create and Update read the stack's outputs and answer those the template uses; one it lacks fails the
 * deploy naming it. Delete reads nothing: the stack is someone else's.
 */
export async function onEvent(event: StackOutputsEvent, stacks: OutputsPort): Promise<StackOutputsResult> {
  const { StackName, OutputNames, Role } = event.ResourceProperties;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? StackName };
  let outputs: Record<string, string>;
  try {
    outputs = await stacks.outputsOf(StackName);
  } catch (e) {
    throw new Error(`Reading the ${Role} outputs from stack ${StackName}: CloudFormation answered ${errorLabel(e)}`);
  }
  const missing = OutputNames.filter((name) => !Object.prototype.hasOwnProperty.call(outputs, name));
  if (missing.length > 0) {
    const has = Object.keys(outputs).sort().join(', ') || 'none';
    throw new Error(`The template uses ${Role} output ${missing.join(', ')}, which stack ${StackName} does not have (its outputs: ${has})`);
  }
  return { PhysicalResourceId: StackName, Data: Object.fromEntries(OutputNames.map((name) => [name, outputs[name]])) };
}
