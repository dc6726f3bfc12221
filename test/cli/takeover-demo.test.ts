/**
 * The takeover part of `npm run demo` (scripts/demo/takeover-steps.ts), step by step, as the demo plays it:
 * the example app (bin/takeover-example.ts) synthesized by `cdk synth`, the built takeover-check against the
 * CloudFormation stand-in. The steps run in order: the later ones check against the stacks the first two put.
 */
import { TakeoverWorld, takeoverSteps } from '../../scripts/demo/takeover-steps';

// Three steps run `cdk synth` on the example app (about 10 s each) and the built command.
jest.setTimeout(60_000);

let world: TakeoverWorld;
beforeAll(async () => {
  world = await TakeoverWorld.start();
});
afterAll(() => world.stop());

const steps = takeoverSteps();

/** Plays the step named `name`: what it observed, what it expects, and what it printed. */
async function play(name: string): Promise<{ got: string; expected: string; printed: string }> {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`the demo has no takeover step ${name}`);
  const lines: string[] = [];
  const got = await step.run(world, (line) => lines.push(line));
  return { got, expected: step.expected, printed: lines.join('\n') };
}

it('has the five steps these tests play, in this order', () => {
  expect(steps.map((s) => s.name)).toEqual(['Render v1', 'The stack Proton deployed', 'Take over', 'Spec change', 'Move to v2']);
});

it("renders v1 as Proton did, the schema's default filling the input the spec leaves out", async () => {
  const { got, expected, printed } = await play('Render v1');
  expect(got).toBe(expected);
  expect(printed).toMatch(/^ {2}default +port = 8080: prod's spec leaves it out/m);
  expect(printed).toMatch(/^ {2}rendered +Family: 'payments-prod'$/m);
});

it("deploys what Proton deployed: the rendering as the live template, the environment's outputs", async () => {
  const { got, expected } = await play('The stack Proton deployed');
  expect(got).toBe(expected);
});

it("takes the stack over with exit 0: none of Proton's resources replaced, removed or modified", async () => {
  const { got, expected, printed } = await play('Take over');
  expect(got).toBe(expected);
  expect(printed).toContain('Takeover check: 0 would replace or remove resources, 1 would not.');
});

it('lists a spec change as a modification in place, with exit 0', async () => {
  const { got, expected, printed } = await play('Spec change');
  expect(got).toBe(expected);
  expect(printed).toMatch(/^ +modify +Service +AWS::ECS::Service\n +Properties\.DesiredCount: 2 → 3$/m);
});

it('exits 2 on the move to v2, listing the log group it would replace', async () => {
  const { got, expected, printed } = await play('Move to v2');
  expect(got).toBe(expected);
  expect(printed).toMatch(/^ +replace +LogGroup +AWS::Logs::LogGroup\n +Properties\.LogGroupName: \/proton\/payments\/prod → \/ecs\/prod\/payments-prod {2}\(replaces\)$/m);
});
