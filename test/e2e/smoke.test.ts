import { Harness, startHarness } from './support';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.emulator.stop());

it('adopts the seeded prod instance on Create and upgrades it to the declared minor', async () => {
  const outcome = await h.resource.create(h.props);
  expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'payments/prod', data: { TemplateMajorVersion: '1', TemplateMinorVersion: '1' } });
  expect(h.emulator.calls.of('UpdateServiceInstance')[0].input).toMatchObject({ deploymentType: 'MINOR_VERSION', templateMinorVersion: '1' });
  expect(h.emulator.state.instance('payments', 'prod')).toMatchObject({ templateMinorVersion: '1', deploymentStatus: 'SUCCEEDED' });
});
