export * from './service-instance';
export * from './service-instance-spec';
