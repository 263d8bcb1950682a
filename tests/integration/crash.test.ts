// Every change is committed at once: a process killed with SIGKILL in the middle of
// writing loses nothing it had acknowledged, and the store opens cleanly afterwards.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { bundledChild } from '../support/bundled-child';
import { APP_ROOT, SAMPLE_REPORT, makeTempDir } from '../support/temp';

describe('persistence', () => {
  it('keeps every acknowledged annotation when the writer is killed with SIGKILL', async () => {
    const temp = makeTempDir();
    const setup = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    const documentId = setup.importPath(SAMPLE_REPORT).document.id;
    setup.close();
    const writer = await bundledChild('annotate-forever');
    for (let round = 0; round < 3; round += 1) {
      const child = spawn(process.execPath, [writer, temp.path, documentId], {
        cwd: APP_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const acknowledged: string[] = [];
      let buffer = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          acknowledged.push(...lines.filter(Boolean));
          if (acknowledged.length >= 20 + round * 15 && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      const reopened = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(reopened.annotations.list(documentId).map((annotation) => annotation.id));
      for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
      expect(reopened.searchService.search('tag:Crash').total).toBeGreaterThan(0);
      reopened.close();
    }
    temp.remove();
  });
});
