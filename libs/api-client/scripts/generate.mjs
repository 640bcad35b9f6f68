// Writes the gateway's OpenAPI document (openapi.json), the TypeScript types generated from
// it (src/schema.ts), the values of its named enums as runtime constants (src/constants.ts)
// and copies of the few pure rules of libs/contracts a client applies itself (src/rules.ts).
// With --check, writes nothing and fails when any checked-in file
// differs from what the gateway's code produces now: the client has drifted.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import ts from 'typescript';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const lib = resolve(here, '..');
const root = resolve(lib, '../..');
const check = process.argv.includes('--check');

const { createTestDatabase, stopTestPostgres } = await import(
  join(root, 'tools/local-stack/dist/index.js')
).then((m) => m.default ?? m);

/**
 * The pure functions of libs/contracts that a client must apply exactly as the services do,
 * copied from their source with the types they use taken from the document's schemas (the
 * client cannot import contracts: Nest and class-validator come with it). Each must depend on
 * nothing but its parameters and those types; the api-client typecheck proves it.
 */
const CONTRACT_RULES = [
  {
    file: 'libs/contracts/src/stock/stock-level.ts',
    functions: ['stockStatus'],
    types: ['StockStatus'],
  },
];

const rulesHeader =
  '// Generated from libs/contracts by `npx nx run api-client:generate` (see CONTRACT_RULES in\n' +
  '// scripts/generate.mjs). Do not edit: change the rule in libs/contracts and generate again.\n\n';

// The gateway is created (never started) to build its document; it wants a database to
// connect to, nothing in it.
const database = await createTestDatabase('openapi');
const folder = mkdtempSync(join(tmpdir(), 'openapi-'));
let drift = [];
try {
  const documentFile = join(folder, 'openapi.json');
  await run(process.execPath, [join(root, 'apps/gateway/dist/openapi-document.js'), documentFile], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
  });
  const document = readFileSync(documentFile, 'utf8');
  const header =
    "// Generated from the gateway's OpenAPI document by `npx nx run api-client:generate`.\n" +
    '// Do not edit: change the gateway and generate again.\n\n';
  const types = astToString(await openapiTS(JSON.parse(document), { alphabetize: false }));
  const outputs = {
    'openapi.json': await format(document, 'openapi.json'),
    'src/schema.ts': await format(header + types, 'src/schema.ts'),
    'src/constants.ts': await format(
      header + enumConstants(JSON.parse(document)),
      'src/constants.ts',
    ),
    'src/rules.ts': await format(rulesHeader + contractRules(JSON.parse(document)), 'src/rules.ts'),
  };
  for (const [file, content] of Object.entries(outputs)) {
    const path = join(lib, file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not generated yet
    }
    if (current === content) continue;
    if (check) drift.push(`libs/api-client/${file}`);
    else writeFileSync(path, content);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
  await database.drop().catch(() => undefined);
  await stopTestPostgres();
}

if (drift.length > 0) {
  console.error(
    `The API client has drifted from the gateway: ${drift.join(', ')} differ from what the ` +
      'gateway produces now. Run `npx nx run api-client:generate` and commit the result.',
  );
  process.exit(1);
}
console.log(check ? 'api-client matches the gateway' : 'api-client generated');

/**
 * Every named enum of the document (a component schema that is a list of strings) as a
 * constant: `ProductSort` → `PRODUCT_SORT_VALUES`, in the document's order, typed by the
 * schema it comes from. What a client offers (sorts, CSV columns, roles) then comes from
 * the gateway instead of a copy.
 */
function enumConstants(document) {
  const named = Object.entries(document.components?.schemas ?? {})
    .filter(([, schema]) => schema.type === 'string' && Array.isArray(schema.enum))
    .sort(([a], [b]) => a.localeCompare(b));
  const lines = ["import type { components } from './schema';", ''];
  for (const [name, schema] of named) {
    const constant = `${name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toUpperCase()}_VALUES`;
    if (schema.description) lines.push(`/** ${schema.description} */`);
    lines.push(
      `export const ${constant} = ${JSON.stringify(schema.enum)} as const satisfies readonly components['schemas']['${name}'][];`,
      '',
    );
  }
  return lines.join('\n');
}

function contractRules(document) {
  const lines = ["import type { components } from './schema';", ''];
  for (const rule of CONTRACT_RULES) {
    for (const type of rule.types) {
      if (!document.components?.schemas?.[type]) {
        throw new Error(`${rule.file}: the API document has no schema ${type}`);
      }
      lines.push(`type ${type} = components['schemas']['${type}'];`);
    }
    lines.push('');
    const text = readFileSync(join(root, rule.file), 'utf8');
    const source = ts.createSourceFile(rule.file, text, ts.ScriptTarget.Latest, true);
    for (const name of rule.functions) {
      const found = source.statements.find(
        (statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === name,
      );
      if (!found) throw new Error(`${rule.file} has no function ${name}`);
      // The full text keeps the doc comment above the function.
      lines.push(found.getFullText(source).trim(), '');
    }
  }
  return lines.join('\n');
}

async function format(text, file) {
  const options = (await prettier.resolveConfig(join(lib, file))) ?? {};
  return prettier.format(text, { ...options, filepath: join(lib, file) });
}
