import { parse } from 'yaml';
import type { FillDefaults } from './spec';

/**
 * The defaults a template version's schema (GetServiceTemplateVersion's `schema`, the text of the bundle's
 * schema/schema.yaml) gives an instance's inputs: the renderer's own reading of them (render/schema.ts),
 * loaded on first use, since an update whose inputs all match never needs it. Undefined when the text is no
 * schema this reading understands: the inputs are then compared as they are, which can only deploy more.
 */
export async function schemaDefaults(schemaText: string, where: string): Promise<FillDefaults | undefined> {
  const { readSchema, fillDefaults, TemplateKind } = await import('./render-schema.js');
  try {
    const schema = readSchema(parse(schemaText), where);
    return (inputs) => fillDefaults(schema, TemplateKind.SERVICE_INSTANCE, inputs);
  } catch {
    return undefined;
  }
}
