import { readTemplateBundle, renderServiceInstance } from '../../render';
import { serviceBundle, serviceSpec } from './fixtures';

/** Renders a template whose environment outputs are known only by name; returns the text and the names read. */
function renderByName(template: string): { text: string; read: string[] } {
  const read: string[] = [];
  const text = renderServiceInstance(readTemplateBundle(serviceBundle(template)), {
    serviceName: 'api',
    instanceName: 'web',
    spec: serviceSpec(),
    resolveEnvironmentOutput: (name) => {
      read.push(name);
      return `deferred-${name}`;
    },
  });
  return { text, read };
}

describe('outputs known only by name', () => {
  it('gives each output the template reads, by attribute or by key, and nothing else', () => {
    const { text, read } = renderByName("Vpc: {{ environment.outputs.VpcId }}\nCluster: {{ environment.outputs['Cluster'] | proton_cfn_sanitize }}\n");
    expect(text).toBe('Vpc: deferred-VpcId\nCluster: deferred-Cluster');
    expect(read).toEqual(['VpcId', 'Cluster']);
  });

  it('counts an output as defined', () => {
    expect(renderByName('{% if environment.outputs.VpcId is defined %}yes{% endif %}').text).toBe('yes');
  });

  it('fails the rendering, naming the mapping, when the template reads the outputs as a whole', () => {
    expect(() => renderByName('Env: {{ environment.outputs | proton_cfn_ecs_task_definition_formatted_env_vars }}\n')).toThrow(
      /line 1: environment\.outputs is read as a whole, but its values are known only by name/,
    );
    expect(() => renderByName('{% for name in environment.outputs %}{{ name }}{% endfor %}')).toThrow(/environment\.outputs is read as a whole/);
  });

  it('reads component outputs by name per slot', () => {
    const text = renderServiceInstance(readTemplateBundle(serviceBundle('Bucket: {{ service_instance.components.default.outputs.Bucket }}\n')), {
      serviceName: 'api',
      instanceName: 'web',
      spec: serviceSpec(),
      resolveComponentOutputs: { default: (name) => `deferred-${name}` },
    });
    expect(text).toBe('Bucket: deferred-Bucket');
  });
});
