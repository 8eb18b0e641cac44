// Builds @anquan/rules: compiles TypeScript, generates the JSON Schema of the public result types with
// typescript-json-schema, and copies rules-data (with its schema/) beside dist so the package carries the law.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as TJS from 'typescript-json-schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (label) => process.stdout.write(`@anquan/rules build: ${label}\n`);

step('compiling TypeScript');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
chmodSync(join(root, 'dist', 'cli', 'main.js'), 0o755);

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
