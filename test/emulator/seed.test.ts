import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { GetServiceInstanceCommand, GetServiceTemplateVersionCommand } from '@aws-sdk/client-proton';
import { ProtonEmulator, Seed, loadSeedFile } from '../../emulator';
import { clientFor } from './harness';

const SEED_YAML = `
region: eu-west-1
account: "111122223333"
templates:
  - name: api-svc
    versions: [{ major: 1, minor: 0 }, { major: 1, minor: 1 }, { major: 1, minor: 2, status: DRAFT }]
    recommendedMinorVersions: { "1": 0 }
environments: [dev]
services:
  - name: orders
    templateName: api-svc
    spec: |
      proton: ServiceSpec
      instances:
        - name: dev
          environment: dev
          spec: { size: small }
    instances:
      - { name: dev, templateMajorVersion: 1, templateMinorVersion: 1, deploymentStatus: FAILED, deploymentStatusMessage: boom }
`;

function writeSeed(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'proton-seed-')), name);
  writeFileSync(path, text);
  return path;
}

describe('seeding', () => {
  let emulator: ProtonEmulator | undefined;

  afterEach(() => emulator?.stop());

  it('reads templates, environments, services and instances from a YAML file', async () => {
    emulator = await ProtonEmulator.start({ seed: loadSeedFile(writeSeed('seed.yaml', SEED_YAML)), clock: 'manual' });

    const { serviceInstance } = await clientFor(emulator).send(new GetServiceInstanceCommand({ serviceName: 'orders', name: 'dev' }));

    expect(serviceInstance).toMatchObject({
      arn: 'arn:aws:proton:eu-west-1:111122223333:service/orders/service-instance/dev',
      templateMajorVersion: '1',
      templateMinorVersion: '1',
      deploymentStatus: 'FAILED',
      deploymentStatusMessage: 'boom',
    });
    expect(serviceInstance?.spec).toContain('size: small');
  });

  it('takes a seeded recommended minor over the highest published one', async () => {
    emulator = await ProtonEmulator.start({ seed: loadSeedFile(writeSeed('seed.yaml', SEED_YAML)) });

    const { serviceTemplateVersion } = await clientFor(emulator).send(
      new GetServiceTemplateVersionCommand({ templateName: 'api-svc', majorVersion: '1', minorVersion: '2' }),
    );

    expect(serviceTemplateVersion).toMatchObject({ status: 'DRAFT', recommendedMinorVersion: '0' });
  });

  it('reads the same shape from JSON', async () => {
    const seed: Seed = {
      templates: [{ name: 'api-svc', versions: [{ major: 3, minor: 4 }] }],
      environments: ['dev'],
      services: [{ name: 'orders', templateName: 'api-svc', instances: [{ name: 'dev', environment: 'dev' }] }],
    };
    emulator = await ProtonEmulator.start({ seed: loadSeedFile(writeSeed('seed.json', JSON.stringify(seed))) });

    expect(emulator.state.instance('orders', 'dev')).toMatchObject({ templateMajorVersion: '3', templateMinorVersion: '4' });
  });

  it('starts an IN_PROGRESS instance with a deployment that ends after the deployment time', async () => {
    emulator = await ProtonEmulator.start({
      clock: 'manual',
      deploymentDurationMs: 50,
      seed: {
        templates: [{ name: 'api-svc', versions: [{ major: 1, minor: 0 }] }],
        environments: ['dev'],
        services: [{ name: 'orders', templateName: 'api-svc', instances: [{ name: 'dev', environment: 'dev', deploymentStatus: 'IN_PROGRESS' }] }],
      },
    });
    expect(emulator.state.instance('orders', 'dev')?.deploymentStatus).toBe('IN_PROGRESS');

    emulator.advance(50);

    expect(emulator.state.instance('orders', 'dev')?.deploymentStatus).toBe('SUCCEEDED');
  });

  it('names the service and the problem when a seed is inconsistent', async () => {
    const seed: Seed = {
      templates: [{ name: 'api-svc', versions: [{ major: 1, minor: 0 }] }],
      environments: ['dev'],
      services: [{ name: 'orders', templateName: 'api-svc', instances: [{ name: 'dev', environment: 'dev', templateMajorVersion: 9 }] }],
    };

    await expect(ProtonEmulator.start({ seed })).rejects.toThrow('Seed service orders: instance dev: template api-svc has no version 9.?');
  });
});
