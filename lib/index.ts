export * from './service-instance';
export * from './service-instance-spec';
export * from './service-template-bundle';
export * from './environment-outputs';
export * from './service-instance-stack';
export * from './environment-stack';
