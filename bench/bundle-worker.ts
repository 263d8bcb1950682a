// One bundle operation in a process of its own, so maxRSS is its peak memory.
import { readFileSync, writeFileSync } from 'node:fs';
import { MarginaliaCore } from '../src/core/core';
import type { AnnotationRow, TagRow } from '../src/core/annotations';

const [mode, dataDir, file] = process.argv.slice(2) as ['export' | 'import' | 'direct', string, string];
const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'bench' });
const started = performance.now();
if (mode === 'export') {
  const documentIds = core.documents.list().map((document) => document.id);
  writeFileSync(file, core.exportBundle({ documentIds }).bytes);
} else if (mode === 'import') {
  await core.importBundle(readFileSync(file), { allowUnsigned: false, apply: true });
} else {
  // The baseline: the same documents, annotation rows and tags, inserted straight into the store.
  const rows = JSON.parse(readFileSync(file, 'utf8')) as {
    documents: Array<Parameters<MarginaliaCore['documents']['insertWithId']>[1] & { id: string; sourceBase64: string }>;
    tags: TagRow[];
    annotations: Array<AnnotationRow & { tagIds: string[] }>;
  };
  core.db
    .transaction(() => {
      for (const document of rows.documents)
        core.documents.insertWithId(document.id, {
          ...document,
          sourceBytes: Buffer.from(document.sourceBase64, 'base64'),
        });
      for (const tag of rows.tags) core.annotations.store.upsertTag(tag);
      for (const { tagIds, ...row } of rows.annotations) {
        core.annotations.store.insertRow(row);
        core.annotations.store.setTags(row.id, tagIds);
      }
      core.annotations.store.reindex(rows.annotations.map((row) => row.id));
    })
    .immediate();
}
const milliseconds = performance.now() - started;
process.stdout.write(`${JSON.stringify({ milliseconds, maxRssMegabytes: process.resourceUsage().maxRSS / 1024 })}\n`);
core.close();
