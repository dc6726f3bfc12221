import { ProtonEmulator, Seed, exampleSeedPath, loadSeedFile } from '../../emulator';
import { DeploymentType } from '../../lambda/planner';
import { RequestOutcome, RunOptions, SimulatedResource, withInstanceValue } from '../../lifecycle';

/** Custom resource properties, as CloudFormation sends them: all strings. */
export type Props = Record<string, string>;

/** What CloudFormation sends for the step. A rollback is an Update back to the last good properties. */
export type Request = 'Create' | 'Update' | 'Update (rollback)' | 'Delete';

/** What Proton must see the handler do: the deployment it starts, or no write at all. */
export type Deployment = DeploymentType | 'no change';

export interface Expectation {
  readonly result: RequestOutcome['status'];
  readonly deployment: Deployment;
  /** The instance's template version afterwards, `major.minor`. */
  readonly version: string;
  /** Proton reads the request may make (a no-op must cost one). @default - not checked */
  readonly reads?: number;
}

/**
 * One step of the lifecycle. The runner in scripts/demo.ts shows each step, sends its request and
 * checks the expectation; another action per step (a plan preview of `props`, say) belongs there.
 */
export interface DemoStep {
  readonly name: string;
  readonly request: Request;
  /** Why this step happens, one sentence (never spec values: they may be secrets). */
  readonly story: string;
  /** The properties of a Create or Update, from the ones CloudFormation applied last. Rollback and Delete send CloudFormation's own. */
  readonly props?: (applied: Props) => Props;
  /** Sets up the world before the request, e.g. a scripted failure. */
  readonly arrange?: (emulator: ProtonEmulator) => void;
  readonly expect: Expectation;
}

/** The instance the demo drives: the example app's `prod`. */
export const INSTANCE = { serviceName: 'payments', instanceName: 'prod' } as const;

/**
 * The example account, plus a published fargate-svc 1.2: the app declares 1.1, the highest minor of
 * major 1 in the seed, and the minor upgrade step needs somewhere to go.
 */
export function demoSeed(): Seed {
  const seed = loadSeedFile(exampleSeedPath);
  return {
    ...seed,
    templates: seed.templates?.map((t) => (t.name === 'fargate-svc' ? { ...t, versions: [...t.versions, { major: 1, minor: 2 }] } : t)),
  };
}

const DEPLOYMENT_FAILURE = 'CloudFormation stack payments-prod: Resource handler returned message: "port 8080 already in use"';

export function demoSteps(synthesized: Props): DemoStep[] {
  return [
    {
      name: 'Create',
      request: 'Create',
      story: 'First deploy of the stack. Proton already runs payments/prod at 1.0, so the handler adopts it.',
      props: () => synthesized,
      expect: { result: 'SUCCESS', deployment: 'MINOR_VERSION', version: '1.1' },
    },
    {
      name: 'Spec change',
      request: 'Update',
      story: "desired_count is raised in prod's entry of the spec.",
      props: (applied) => withInstanceSpecValue(applied, 'desired_count', 4),
      expect: { result: 'SUCCESS', deployment: 'CURRENT_VERSION', version: '1.1' },
    },
    {
      name: 'Minor upgrade',
      request: 'Update',
      story: 'templateMinorVersion goes to 1.2.',
      props: (applied) => ({ ...applied, TemplateMinorVersion: '2' }),
      expect: { result: 'SUCCESS', deployment: 'MINOR_VERSION', version: '1.2' },
    },
    {
      name: 'Major upgrade',
      request: 'Update',
      story: "templateMajorVersion goes to 2, the minor is left out: Proton's recommended minor of 2.",
      props: (applied) => withoutKey({ ...applied, TemplateMajorVersion: '2' }, 'TemplateMinorVersion'),
      expect: { result: 'SUCCESS', deployment: 'MAJOR_VERSION', version: '2.1' },
    },
    {
      name: 'No-op',
      request: 'Update',
      story: 'The stack is deployed again with nothing changed: one read, no write.',
      props: (applied) => applied,
      expect: { result: 'SUCCESS', deployment: 'no change', version: '2.1', reads: 1 },
    },
    {
      name: 'Failed deployment',
      request: 'Update',
      story: 'A new image for prod; Proton is scripted to fail this deployment.',
      props: (applied) => withInstanceSpecValue(applied, 'image', 'public.ecr.aws/example/payments:1.4.0'),
      arrange: (emulator) => emulator.faults.failNextDeployments(1, DEPLOYMENT_FAILURE),
      expect: { result: 'FAILED', deployment: 'CURRENT_VERSION', version: '2.1' },
    },
    {
      name: 'Rollback',
      request: 'Update (rollback)',
      story: 'CloudFormation rolls the stack back: an Update from the failed props to the last good ones.',
      expect: { result: 'SUCCESS', deployment: 'CURRENT_VERSION', version: '2.1' },
    },
    {
      name: 'Delete',
      request: 'Delete',
      story: 'The stack is deleted. Proton has no DeleteServiceInstance: the instance stays as it is.',
      expect: { result: 'SUCCESS', deployment: 'no change', version: '2.1' },
    },
  ];
}

/** Sends the step's request: a Create or Update with `props`, a rollback or Delete with CloudFormation's own. */
export function sendStep(step: DemoStep, props: Props | undefined, resource: SimulatedResource, options?: RunOptions): Promise<RequestOutcome> {
  switch (step.request) {
    case 'Create':
      return resource.create(required(props, step), options);
    case 'Update':
      return resource.update(required(props, step), options);
    case 'Update (rollback)':
      return resource.rollback(options);
    case 'Delete':
      return resource.delete(options);
  }
}

function required(props: Props | undefined, step: DemoStep): Props {
  if (!props) throw new Error(`step ${step.name} sends ${step.request} but has no props`);
  return props;
}

/** The props with one value of this instance's entry in the Spec changed; comments and layout kept. */
function withInstanceSpecValue(props: Props, key: string, value: unknown): Props {
  return { ...props, Spec: withInstanceValue(props.Spec, INSTANCE.instanceName, ['spec', key], value) };
}

/** CloudFormation leaves an unset optional property out of the event altogether. */
function withoutKey(props: Props, key: string): Props {
  const { [key]: _removed, ...rest } = props;
  return rest;
}
