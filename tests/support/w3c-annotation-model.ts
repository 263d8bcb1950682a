// The W3C Web Annotation "must" assertions kept in tests/fixtures/w3c-annotation-model,
// compiled with Ajv (draft-04, as the suite is written) and run over a collection, its
// first page and each of its annotations.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FIXTURES } from './temp';

const ROOT = join(FIXTURES, 'w3c-annotation-model');

interface Assertion {
  file: string;
  check: (value: unknown) => boolean;
}

function load(folder: string): Array<{ file: string; schema: Record<string, unknown> }> {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      file: `${folder}/${name}`,
      schema: JSON.parse(readFileSync(join(ROOT, folder, name), 'utf8')) as Record<string, unknown>,
    }));
}

let compiled: Record<'annotation' | 'collection' | 'page', Assertion[]> | undefined;

function assertions(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  // The suite's own keywords (assertionType, errorMessage…) are not JSON Schema: not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const { schema } of load('definitions')) ajv.addSchema(schema);
  const compile = (folder: string, only?: (file: string) => boolean): Assertion[] =>
    load(folder)
      .filter(({ file }) => only?.(file) ?? true)
      .map(({ file, schema }) => {
        const validate = ajv.compile(schema);
        return { file, check: (value) => validate(value) };
      });
  compiled = {
    annotation: [...compile('annotations'), ...compile('local', (file) => file.includes('annotation'))],
    collection: [...compile('collections'), ...compile('local', (file) => file.includes('collection'))],
    page: compile('collections/pages'),
  };
  return compiled;
}

/**
 * The W3C assertions a collection (a sidecar or a bundle's annotations.jsonld) fails, as
 * "where: assertion file". Each annotation is checked with the collection's @context, which
 * JSON-LD gives the items it holds.
 */
export function w3cFailures(collection: Record<string, unknown>): string[] {
  const { annotation, collection: collectionChecks, page } = assertions();
  const failures: string[] = [];
  const run = (where: string, checks: Assertion[], value: unknown) => {
    for (const assertion of checks) if (!assertion.check(value)) failures.push(`${where}: ${assertion.file}`);
  };
  run('collection', collectionChecks, collection);
  const first = collection.first as { items?: unknown[] } | undefined;
  if (first !== undefined) run('first page', page, first);
  const items = first?.items ?? (collection.items as unknown[] | undefined) ?? [];
  items.forEach((item, index) =>
    run(`annotation ${index}`, annotation, { '@context': collection['@context'], ...(item as object) }),
  );
  return failures;
}
