// Builds @anquan/rules: compiles TypeScript, bundles each entry point into one file, generates the JSON Schema
// of the public result types with typescript-json-schema, and copies rules-data (with its schema/) beside dist
// so the package carries the law.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as TJS from 'typescript-json-schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (label) => process.stdout.write(`@anquan/rules build: ${label}\n`);

step('compiling TypeScript');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });

// Cold start: Node resolves, reads and compiles each ES module separately, so ~60 modules of ours cost more
// than their code. The entry points are bundled (code they share and what they import() later go to
// dist/chunks, so a dynamic import stays lazy); the per-module files tsc wrote stay beside them with the
// declarations. zod is bundled too: its ~100 modules cost about as much to resolve and load as to run. zod 4
// is made to coexist with a caller's copy (instanceof goes by traits; its registry and config live on
// globalThis). json-rules-engine stays an import: its interop functions take the caller's Engine. A module
// that finds files from import.meta.url (rules-data, the cache key, the batch worker) is given the URL of
// the place tsc put it, so paths are the same bundled or not.
step('bundling entry points');
const dist = join(root, 'dist');
const entryPoints = ['index.js', join('cli', 'main.js'), join('engine', 'batch-worker.js')];
const distRoot = '__ANQUAN_DIST_ROOT__';
const ownUrl = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.js$/ }, ({ path }) => {
      if (!path.startsWith(dist)) return undefined;
      const from = relative(dist, path).split('\\').join('/');
      const contents = readFileSync(path, 'utf8').replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, new URL('${distRoot}', import.meta.url)).href`);
      return { contents, loader: 'js', resolveDir: dirname(path) };
    });
  },
};
const bundled = await build({
  entryPoints: entryPoints.map((entry) => join(dist, entry)),
  outdir: dist,
  outbase: dist,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter((name) => name !== 'zod'),
  plugins: [ownUrl],
  write: false,
  logLevel: 'warning',
});
rmSync(join(dist, 'chunks'), { recursive: true, force: true });
for (const file of bundled.outputFiles) {
  const up = relative(dirname(file.path), dist).split('\\').join('/');
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.text.replaceAll(distRoot, up ? `${up}/` : './'));
}
// tsc's source maps described single modules, not the bundles.
for (const entry of entryPoints) rmSync(join(dist, `${entry}.map`), { force: true });
chmodSync(join(dist, 'cli', 'main.js'), 0o755);

// The data formats' JSON Schema comes from zod (rules-data/schema, committed); typescript-json-schema
// makes the schema of the public result types, which have no zod value.
step('generating schema/assessment.schema.json');
const program = TJS.getProgramFromFiles([join(root, 'src', 'engine', 'assess.ts')], { strict: true, skipLibCheck: true, module: 'NodeNext', moduleResolution: 'NodeNext' }, root);
const schema = TJS.generateSchema(program, 'Assessment', { required: true, noExtraProps: true, ref: true, topRef: false, ignoreErrors: true });
if (!schema) throw new Error('typescript-json-schema produced no schema for Assessment');
// Inferred types are named after the module they come from (with this machine's path): give them
// their plain names, so the schema is the same wherever it is built.
const plainName = (name) => name.replace(/import\("[^"]*",\{with:\{"resolution-mode":"import"\}\}\)\./g, '');
const renames = Object.keys(schema.definitions ?? {}).map((name) => [name, plainName(name)]);
let text = JSON.stringify(schema);
for (const [from, to] of renames) text = text.split(`#/definitions/${encodeURIComponent(from)}`).join(`#/definitions/${encodeURIComponent(to)}`);
const portable = JSON.parse(text);
portable.definitions = Object.fromEntries(Object.entries(portable.definitions ?? {}).map(([name, value]) => [plainName(name), value]));
mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(
  join(root, 'schema', 'assessment.schema.json'),
  `${JSON.stringify({ $id: 'urn:anquan:schema:assessment', title: 'Anquan assessment (the result of assess())', ...portable }, null, 2)}\n`,
);

step('copying rules-data');
rmSync(join(root, 'rules-data'), { recursive: true, force: true });
cpSync(join(root, '..', '..', 'rules-data'), join(root, 'rules-data'), { recursive: true });
step('done');
