import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { ProtonServiceInstance, ProtonServiceInstanceProps, ServiceInstanceSpec } from '../../lib';
import { spec } from './fixtures';

const newStack = () => new Stack(new App(), 'Test');

/** Declares the instance payments/prod, with the given props changed, in a fresh stack. */
function declare(changes: Partial<ProtonServiceInstanceProps>, stack = newStack()): () => ProtonServiceInstance {
  return () => new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod'), ...changes });
}

const failure = (problem: string) => new Error(`ProtonServiceInstance Test/Prod: ${problem}`);

describe('names', () => {
  it('refuses a serviceName with characters Proton does not allow', () => {
    expect(declare({ serviceName: 'pay ments' })).toThrow(
      failure("serviceName 'pay ments' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit"),
    );
  });

  it('refuses an instanceName that starts with a hyphen', () => {
    expect(declare({ instanceName: '-prod', spec: spec('-prod') })).toThrow(
      failure("instanceName '-prod' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit"),
    );
  });

  it('refuses an empty serviceName', () => {
    expect(declare({ serviceName: '' })).toThrow(
      failure("serviceName '' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit"),
    );
  });

  it('refuses a name of 101 characters and accepts one of 100', () => {
    const name = (length: number) => 'a'.repeat(length);
    expect(declare({ instanceName: name(101), spec: spec(name(101)) })).toThrow(
      failure(`instanceName '${name(101)}' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit`),
    );
    expect(declare({ instanceName: name(100), spec: spec(name(100)) })).not.toThrow();
  });

  it('refuses a templateName Proton would not accept', () => {
    expect(declare({ templateName: 'web/service' })).toThrow(
      failure("templateName 'web/service' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit"),
    );
  });
});

describe('versions', () => {
  it('refuses a major version with a leading zero', () => {
    expect(declare({ templateMajorVersion: '01' })).toThrow(
      failure("templateMajorVersion '01' is not a Proton template version part: a whole number such as '0' or '12', no leading zeros, at most 20 digits"),
    );
  });

  it('refuses a dotted minor version', () => {
    expect(declare({ templateMajorVersion: '1', templateMinorVersion: '1.2' })).toThrow(
      failure("templateMinorVersion '1.2' is not a Proton template version part: a whole number such as '0' or '12', no leading zeros, at most 20 digits"),
    );
  });

  it('refuses a version of 21 digits', () => {
    const version = '1'.repeat(21);
    expect(declare({ templateMajorVersion: version })).toThrow(
      failure(`templateMajorVersion '${version}' is not a Proton template version part: a whole number such as '0' or '12', no leading zeros, at most 20 digits`),
    );
  });

  it('refuses a minor version without a major version', () => {
    expect(declare({ templateMinorVersion: '3' })).toThrow(
      failure("templateMinorVersion '3' needs templateMajorVersion: a minor version belongs to one major version"),
    );
  });
});

describe('spec', () => {
  it('refuses text that is not YAML at the call, with the parser\'s first line', () => {
    expect(() => ServiceInstanceSpec.fromYaml('instances: [a, b')).toThrow(
      'ServiceInstanceSpec.fromYaml: the spec is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 17',
    );
  });

  it('refuses a file that is not YAML at the call, naming the file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spec-')), 'payments-spec.yaml');
    fs.writeFileSync(file, 'proton: ServiceSpec\ninstances: [a, b\n');
    expect(() => ServiceInstanceSpec.fromFile(file)).toThrow(new RegExp(`^ServiceInstanceSpec\\.fromFile\\(${file.replace(/[.\\/]/g, '\\$&')}\\): the spec is not valid YAML: `));
  });

  it('accepts YAML text holding tokens, known only at deploy time', () => {
    const rest = Token.asString(Fn.ref('Rest'));
    expect(() => ServiceInstanceSpec.fromYaml(Fn.join('', ['instances: [', rest]))).not.toThrow();
  });

  it('refuses YAML that is a list, not a mapping', () => {
    expect(declare({ spec: ServiceInstanceSpec.fromYaml('- name: prod\n') })).toThrow(
      failure('spec must be a YAML mapping (proton: ServiceSpec, instances: [...]), not a list'),
    );
  });

  it('refuses an empty spec', () => {
    expect(declare({ spec: ServiceInstanceSpec.fromYaml('') })).toThrow(
      failure('spec must be a YAML mapping (proton: ServiceSpec, instances: [...]), not empty'),
    );
  });

  it("refuses a spec over Proton's 51,200 characters", () => {
    const yaml = `proton: ServiceSpec\ninstances:\n  - name: prod\n    spec:\n      padding: ${'x'.repeat(51200)}\n`;
    expect(declare({ spec: ServiceInstanceSpec.fromYaml(yaml) })).toThrow(
      failure(`spec is ${yaml.length} characters; Proton accepts at most 51200`),
    );
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const head = 'proton: ServiceSpec\ninstances:\n  - name: prod\n    spec:\n      padding: ';
    // Each emoji is one character but two UTF-16 units.
    const yaml = `${head}${'😀'.repeat(51200 - head.length - 1)}\n`;
    expect(yaml.length).toBeGreaterThan(51200);
    expect(declare({ spec: ServiceInstanceSpec.fromYaml(yaml) })).not.toThrow();
  });

  it('refuses a spec without an entry for the instance under instances', () => {
    expect(declare({ spec: spec('staging', 'dev') })).toThrow(
      failure("spec has no entry named 'prod' under instances (found: staging, dev)"),
    );
  });

  it('refuses a spec without instances', () => {
    expect(declare({ spec: ServiceInstanceSpec.fromYaml('proton: ServiceSpec\n') })).toThrow(
      failure("spec has no entry named 'prod' under instances (found: none)"),
    );
  });

  it('never quotes the spec itself in a message', () => {
    const secret = 'postgres://admin:hunter2@db';
    const missingEntry = `proton: ServiceSpec\ninstances:\n  - name: staging\n    spec:\n      url: ${secret}\n`;
    const notYaml = `proton: ServiceSpec\ninstances:\n  - name: prod\n    spec: { url: ${secret}\n`;
    expect(declare({ spec: ServiceInstanceSpec.fromYaml(missingEntry) })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    expect(() => ServiceInstanceSpec.fromYaml(notYaml)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});

describe('timing', () => {
  it('refuses a deploymentTimeout under 1 minute', () => {
    expect(declare({ deploymentTimeout: Duration.seconds(59) })).toThrow(
      failure("deploymentTimeout 59 seconds is out of range: from 1 minute to 1 hour (CloudFormation's limit)"),
    );
  });

  it('refuses a deploymentTimeout over 1 hour', () => {
    expect(declare({ deploymentTimeout: Duration.minutes(61) })).toThrow(
      failure("deploymentTimeout 1 hour 1 minute is out of range: from 1 minute to 1 hour (CloudFormation's limit)"),
    );
  });

  it('refuses a pollInterval under 1 second', () => {
    expect(declare({ pollInterval: Duration.millis(0) })).toThrow(failure('pollInterval 0 millis is out of range: from 1 second to 5 minutes'));
  });

  it('refuses a pollInterval over 5 minutes', () => {
    expect(declare({ pollInterval: Duration.minutes(6) })).toThrow(failure('pollInterval 6 minutes is out of range: from 1 second to 5 minutes'));
  });

  it('refuses a pollInterval that is not a whole number of seconds', () => {
    expect(declare({ pollInterval: Duration.millis(1500) })).toThrow(failure('pollInterval 1 second 500 millis is not a whole number of seconds'));
  });

  it('refuses a pollInterval over half the deploymentTimeout', () => {
    expect(declare({ deploymentTimeout: Duration.minutes(2), pollInterval: Duration.seconds(61) })).toThrow(
      failure('pollInterval 1 minute 1 second must be at most half of deploymentTimeout 2 minutes'),
    );
  });

  it('refuses durations that are tokens, since the provider is built from them', () => {
    const seconds = Duration.seconds(Token.asNumber(Fn.ref('Seconds')));
    expect(declare({ deploymentTimeout: seconds, pollInterval: seconds })).toThrow(
      failure(
        "deploymentTimeout is a token: it must be known at synth time, since the provider's waiter is built from it; " +
        "pollInterval is a token: it must be known at synth time, since the provider's waiter is built from it",
      ),
    );
  });
});

describe('one declaration per instance and stack', () => {
  it('refuses the same service instance twice in one stack', () => {
    const stack = newStack();
    new ProtonServiceInstance(stack, 'First', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
    expect(declare({}, stack)).toThrow(
      failure('service instance payments/prod is already declared in stack Test (by Test/First): declare it once per stack, since two resources would fight over it'),
    );
  });

  it('accepts the same service instance in stacks of other stages, each with its own account or region', () => {
    const app = new App();
    expect(() => {
      for (const region of ['eu-west-1', 'us-east-1']) {
        const stack = new Stack(app, `Payments-${region}`, { env: { account: '123456789012', region } });
        new ProtonServiceInstance(stack, 'Prod', { serviceName: 'payments', instanceName: 'prod', spec: spec('prod') });
      }
    }).not.toThrow();
  });

  it('accepts two instances of one service in one stack', () => {
    const stack = newStack();
    new ProtonServiceInstance(stack, 'Staging', { serviceName: 'payments', instanceName: 'staging', spec: spec('staging') });
    expect(declare({}, stack)).not.toThrow();
  });
});

it('lists every problem in one error', () => {
  expect(declare({ serviceName: 'a b', templateMinorVersion: '1' })).toThrow(
    failure(
      "serviceName 'a b' is not a Proton name: 1 to 100 letters, digits, '-' and '_', starting with a letter or digit; " +
      "templateMinorVersion '1' needs templateMajorVersion: a minor version belongs to one major version",
    ),
  );
});

describe('tokens', () => {
  const token = (name: string) => Token.asString(Fn.ref(name));

  it('leaves names that are tokens to deploy time, spec entry and duplicate checks included', () => {
    const stack = newStack();
    const instanceName = token('Instance');
    const twice = () => new ProtonServiceInstance(stack, `I${stack.node.children.length}`, { serviceName: token('Service'), instanceName, spec: spec('prod') });
    expect(twice).not.toThrow();
    expect(twice).not.toThrow();
  });

  it('leaves a templateName that is a token to deploy time', () => {
    expect(declare({ templateName: token('Template') })).not.toThrow();
  });

  it('leaves versions that are tokens to deploy time', () => {
    expect(declare({ templateMajorVersion: token('Major'), templateMinorVersion: token('Minor') })).not.toThrow();
  });

  it('leaves YAML text holding a token to deploy time', () => {
    expect(declare({ spec: ServiceInstanceSpec.fromYaml(Fn.join('', ['instances: ', token('Rest')])) })).not.toThrow();
  });

  it('checks the structure of an object spec whose values are tokens, but not its length', () => {
    const withToken = (name: string) => ServiceInstanceSpec.fromObject({
      proton: 'ServiceSpec',
      instances: [{ name, environment: 'prod', spec: { url: token('Url'), padding: 'x'.repeat(51200) } }],
    });
    expect(declare({ spec: withToken('prod') })).not.toThrow();
    expect(declare({ spec: withToken('staging') })).toThrow(failure("spec has no entry named 'prod' under instances (found: staging)"));
  });

  it('leaves the instance entry to deploy time when an entry name is a token', () => {
    const s = ServiceInstanceSpec.fromObject({ proton: 'ServiceSpec', instances: [{ name: token('Name'), environment: 'prod', spec: {} }] });
    expect(declare({ spec: s })).not.toThrow();
  });
});

describe('removal policy', () => {
  it('refuses a removal policy other than RETAIN or DESTROY', () => {
    expect(declare({ removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(
      failure('removalPolicy snapshot is not supported: RETAIN leaves the instance in Proton, DESTROY removes it; Proton has nothing to snapshot'),
    );
  });
});
