import { stringify } from 'yaml';
import { Backend } from './backend';
import { createInstance, currentVersion, endDeployment, startDeployment } from './deployments';
import { TemplateRecord } from './records';
import { Seed, SeedInstance, SeedService, SeedTemplate } from './seed';
import { InstanceEntry, ServiceSpec, parseServiceSpec, readServiceSpec } from './service-spec';
import { findVersion, recommendedMinor, recommendedVersion } from './versions';

/** Fills an empty state from a seed; instances get their creating deployments, as in Proton. */
export function applySeed(b: Backend, seed: Seed): void {
  const now = b.clock.now();
  for (const template of seed.templates ?? []) {
    b.state.templates.set(template.name, seedTemplate(template, now));
  }
  for (const environment of seed.environments ?? []) {
    b.state.environments.add(environment);
  }
  for (const service of seed.services ?? []) {
    try {
      seedService(b, service, now);
    } catch (error) {
      throw new Error(`Seed service ${service.name}: ${(error as Error).message}`);
    }
  }
}

function seedTemplate(template: SeedTemplate, now: number): TemplateRecord {
  const recommendedMinorVersions: Record<string, string> = {};
  for (const [major, minor] of Object.entries(template.recommendedMinorVersions ?? {})) {
    recommendedMinorVersions[major] = String(minor);
  }
  return {
    name: template.name,
    createdAt: now,
    recommendedVersion: template.recommendedVersion,
    recommendedMinorVersions,
    versions: template.versions.map((version) => ({
      major: String(version.major),
      minor: String(version.minor),
      status: version.status ?? 'PUBLISHED',
      createdAt: now,
      ...schemaText(version.schema ?? template.schema),
    })),
  };
}

function seedService(b: Backend, seed: SeedService, now: number): void {
  const template = b.state.template(seed.templateName);
  const spec = seedSpec(seed.spec);
  const recommended = recommendedVersion(template);
  b.state.services.set(seed.name, {
    name: seed.name,
    templateName: seed.templateName,
    description: seed.description,
    createdAt: now,
    lastModifiedAt: now,
    status: 'ACTIVE',
    header: spec.header,
    pipeline: spec.header.pipeline !== undefined ? recommended : undefined,
  });
  const seeded = new Map((seed.instances ?? []).map((instance) => [instance.name, instance]));
  const names = [...new Set([...spec.entries.map((entry) => entry.name), ...seeded.keys()])];
  for (const name of names) {
    const entry = spec.entries.find((candidate) => candidate.name === name);
    seedInstance(b, seed.name, template, seeded.get(name) ?? { name }, entry, now);
  }
  for (const component of seed.components ?? []) {
    const instance = b.state.instance(seed.name, component.serviceInstanceName);
    const status = component.deploymentStatus ?? 'SUCCEEDED';
    b.state.components.set(component.name, {
      name: component.name,
      serviceName: seed.name,
      serviceInstanceName: instance.name,
      environmentName: instance.environmentName,
      description: component.description,
      serviceSpec: component.serviceSpec,
      createdAt: now,
      lastModifiedAt: now,
      deploymentStatus: status,
      lastDeploymentAttemptedAt: now,
      lastDeploymentSucceededAt: status === 'SUCCEEDED' ? now : undefined,
      busyUntil: status === 'IN_PROGRESS' ? now + b.behaviour.deploymentDurationMs : undefined,
    });
  }
}

function seedSpec(spec: SeedService['spec']): ServiceSpec {
  if (spec === undefined) {
    return { header: { proton: 'ServiceSpec' }, entries: [] };
  }
  return typeof spec === 'string' ? parseServiceSpec(spec) : readServiceSpec(spec);
}

function seedInstance(
  b: Backend,
  serviceName: string,
  template: TemplateRecord,
  seed: SeedInstance,
  entry: InstanceEntry | undefined,
  now: number,
): void {
  const environment = seed.environment ?? entry?.environment;
  if (environment === undefined) {
    throw new Error(`instance ${seed.name} needs an environment`);
  }
  b.state.requireEnvironment(environment);
  const major = String(seed.templateMajorVersion ?? recommendedVersion(template)?.major ?? '');
  const minor = String(seed.templateMinorVersion ?? recommendedMinor(template, major) ?? '');
  if (!findVersion(template, major, minor)) {
    throw new Error(`instance ${seed.name}: template ${template.name} has no version ${major || '?'}.${minor || '?'}`);
  }
  const { instance, creation } = createInstance(
    b,
    {
      name: seed.name,
      serviceName,
      environmentName: environment,
      templateName: template.name,
      versions: { major, minor },
      spec: seed.spec ?? entry?.spec ?? {},
    },
    { plan: { outcome: 'SUCCEEDED', dueAt: now } },
  );
  endDeployment(b, creation, now);
  if (seed.deploymentStatus === 'FAILED') {
    const failureMessage = seed.deploymentStatusMessage ?? 'Seeded failure';
    const failed = startDeployment(b, {
      instance,
      target: currentVersion(instance),
      creates: false,
      plan: { outcome: 'FAILED', failureMessage, dueAt: now },
    });
    endDeployment(b, failed, now);
  } else if (seed.deploymentStatus === 'IN_PROGRESS') {
    startDeployment(b, { instance, target: currentVersion(instance), creates: false });
  }
}

/** A seeded schema as Proton stores it: the text of schema.yaml. */
function schemaText(schema: string | Record<string, unknown> | undefined): { schema?: string } {
  if (schema === undefined) return {};
  return { schema: typeof schema === 'string' ? schema : stringify(schema) };
}
