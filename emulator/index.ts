export { ProtonEmulator } from './emulator';
export type { ProtonEmulatorOptions, EmulatorClientConfig } from './emulator';
export { CallLog, isRead, isWrite } from './call-log';
export type { CallRecord } from './call-log';
export { Faults } from './faults';
export type { ExternalDeploymentOptions, ComponentDeploymentOptions } from './faults';
export { StateInspector } from './inspector';
export { loadSeedFile, exampleSeedPath } from './seed';
export type { Seed, SeedTemplate, SeedTemplateVersion, SeedService, SeedInstance, SeedComponent } from './seed';
