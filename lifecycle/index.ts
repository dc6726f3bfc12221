export * from './cloud-assembly';
export * from './handler-module';
export * from './provider-simulator';
export * from './simulated-resource';
