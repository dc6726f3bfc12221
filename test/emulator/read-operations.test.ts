import {
  GetComponentCommand,
  GetDeploymentCommand,
  GetServiceTemplateVersionCommand,
  ListComponentsCommand,
  ListServiceInstancesCommand,
  ListServiceTemplateVersionsCommand,
  } from '@aws-sdk/client-proton';
import { emulatorPerTest, startDemoWithComponent } from './harness';

describe('the read operations', () => {
  const demo = emulatorPerTest(startDemoWithComponent);

  it('lists the instances of a service', async () => {
    const { serviceInstances } = await demo.client.send(new ListServiceInstancesCommand({ serviceName: 'payments' }));

    expect(serviceInstances?.map((instance) => instance.name)).toEqual(['prod', 'staging']);
  });

  it('pages through a list with maxResults and nextToken', async () => {
    const first = await demo.client.send(new ListServiceInstancesCommand({ serviceName: 'payments', maxResults: 1 }));
    const second = await demo.client.send(
      new ListServiceInstancesCommand({ serviceName: 'payments', maxResults: 1, nextToken: first.nextToken }),
    );

    expect([first.serviceInstances?.[0].name, second.serviceInstances?.[0].name, second.nextToken]).toEqual([
      'prod',
      'staging',
      undefined,
    ]);
  });

  it('filters instances by environment', async () => {
    const { serviceInstances } = await demo.client.send(
      new ListServiceInstancesCommand({ filters: [{ key: 'environmentName', value: 'staging' }] }),
    );

    expect(serviceInstances?.map((instance) => instance.name)).toEqual(['staging']);
  });

  it('gets and lists the components attached to an instance', async () => {
    const { component } = await demo.client.send(new GetComponentCommand({ name: 'payments-queue' }));
    const { components } = await demo.client.send(
      new ListComponentsCommand({ serviceName: 'payments', serviceInstanceName: 'prod' }),
    );

    expect(component).toMatchObject({ serviceInstanceName: 'prod', environmentName: 'prod', deploymentStatus: 'SUCCEEDED' });
    expect(components?.map((listed) => listed.name)).toEqual(['payments-queue']);
  });

  it('lists template versions of one major with their recommended minor', async () => {
    const { templateVersions } = await demo.client.send(
      new ListServiceTemplateVersionsCommand({ templateName: 'fargate-svc', majorVersion: '2' }),
    );

    expect(templateVersions?.map((version) => [version.minorVersion, version.status, version.recommendedMinorVersion])).toEqual([
      ['0', 'PUBLISHED', '1'],
      ['1', 'PUBLISHED', '1'],
      ['2', 'DRAFT', '1'],
    ]);
  });

  it('answers a missing template version with ResourceNotFoundException', async () => {
    const call = demo.client.send(new GetServiceTemplateVersionCommand({ templateName: 'fargate-svc', majorVersion: '3', minorVersion: '0' }));

    await expect(call).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('answers a missing deployment with ResourceNotFoundException', async () => {
    const call = demo.client.send(new GetDeploymentCommand({ id: '00000000-0000-0000-0000-000000000000' }));

    await expect(call).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('answers a missing component with ResourceNotFoundException', async () => {
    await expect(demo.client.send(new GetComponentCommand({ name: 'nothing' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
