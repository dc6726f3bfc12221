export * from './cloud-assembly';
export * from './cloudformation-stand-in';
export * from './handler-module';
export * from './provider-simulator';
export * from './request-event';
export * from './simulated-resource';
export * from './simulation';
export * from './spec-edit';
