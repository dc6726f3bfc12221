import { ServiceInstanceSpec } from '../../lib';

/** A spec with one entry per name, each in the prod environment. */
export const spec = (...names: string[]) =>
  ServiceInstanceSpec.fromObject({ proton: 'ServiceSpec', instances: names.map((name) => ({ name, environment: 'prod', spec: { port: 80 } })) });

/** The spec of the payments service, with a staging and a prod instance, each in its own environment. */
export const STAGING_AND_PROD_SPEC = ServiceInstanceSpec.fromObject({
  proton: 'ServiceSpec',
  instances: ['staging', 'prod'].map((name) => ({ name, environment: name, spec: { port: 80 } })),
});
