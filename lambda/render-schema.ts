// The renderer's schema module, in a module of its own: schema-defaults.ts imports it on first use, and the
// bundle keeps it in a chunk that a container loads only then.
export { fillDefaults, readSchema } from '../render/schema';
export { TemplateKind } from '../render/template-kind';
