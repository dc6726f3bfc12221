/**
 * The public API as every CDK language sees it: `npm run jsii` (scripts/jsii.sh) compiles lib/ into a jsii
 * assembly with no error and no unjustified warning, and the assembly holds exactly the classes and structs
 * the README's API table documents.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.join(__dirname, '..', '..');

/** The parts of a jsii type the test reads (@jsii/spec's ClassType and InterfaceType). */
interface AssemblyType {
  readonly kind: 'class' | 'interface' | 'enum';
  readonly datatype?: boolean;
  readonly docs?: { readonly summary?: string };
}

/** What the README's API table calls each kind of type, by how jsii records it. */
function readmeKind(type: AssemblyType): string {
  if (type.kind === 'interface') return type.datatype ? 'struct' : 'interface';
  return type.kind;
}

/** The README's "## API" table: each documented type and its kind. */
function documentedTypes(): Record<string, string> {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## API\n');
  if (start < 0) throw new Error('README.md has no "## API" section');
  const section = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
  const rows = [...section.matchAll(/^\| `(\w+)` \| (class|struct|interface|enum) \|/gm)];
  return Object.fromEntries(rows.map(([, name, kind]) => [name, kind]));
}

let types: Record<string, AssemblyType>;

/**
 * A copy of what jsii compiles (lib/ and the render/ sources its types come from, the package's metadata),
 * node_modules linked: jsii writes its output beside the sources, and the working tree keeps none of it.
 */
function compileCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-proton-instance-jsii-'));
  for (const file of ['package.json', 'tsconfig.jsii.json', 'README.md', 'LICENSE', 'scripts/jsii.sh']) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
  }
  for (const folder of ['lib', 'render']) {
    fs.cpSync(path.join(REPO_ROOT, folder), path.join(dir, folder), {
      recursive: true,
      filter: (source) => fs.statSync(source).isDirectory() || (source.endsWith('.ts') && !source.endsWith('.d.ts')),
    });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(() => {
  const dir = compileCopy();
  try {
    execFileSync('bash', ['scripts/jsii.sh'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    const assembly = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf8')) as { types: Record<string, AssemblyType> };
    types = Object.fromEntries(Object.entries(assembly.types).map(([fqn, type]) => [fqn.replace(/^cdk-proton-instance\./, ''), type]));
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`npm run jsii failed:\n${stdout ?? ''}${stderr ?? ''}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

it('lists every class and struct the README documents, each of its kind', () => {
  const documented = documentedTypes();
  expect(Object.keys(documented).length).toBeGreaterThan(0);
  expect(Object.fromEntries(Object.keys(documented).map((name) => [name, types[name] && readmeKind(types[name])]))).toEqual(documented);
});

it('exports nothing the README leaves undocumented', () => {
  expect(Object.keys(types).sort()).toEqual(Object.keys(documentedTypes()).sort());
});

it('documents every exported type', () => {
  const undocumented = Object.entries(types).filter(([, type]) => !type.docs?.summary).map(([name]) => name);
  expect(undocumented).toEqual([]);
});
