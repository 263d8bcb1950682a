// A 5,000-message .mbox imported end to end (split, each message read, all stored in one
// transaction), in a process of its own so its peak memory is this import's alone. Half the
// messages carry an HTML body beside their text, as most mail clients send them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, sentence } from '../support';

export const MBOX_MESSAGES = 5000;

function messageText(index: number, random: () => number): string {
  const paragraphs = Array.from({ length: 3 + (index % 4) }, () => sentence(random, 30 + Math.floor(random() * 40)));
  const thread = Math.floor(index / 5);
  const headers = [
    `From: Sender ${index % 37} <sender${index % 37}@example.org>`,
    'To: Desk <desk@example.org>',
    `Subject: ${index % 5 === 0 ? '' : 'Re: '}Field report ${thread}`,
    `Date: Mon, 1 Jan 2024 ${String(index % 24).padStart(2, '0')}:00:00 +0000`,
    `Message-ID: <m${index}@bench.example.org>`,
    ...(index % 5 === 0 ? [] : [`In-Reply-To: <m${index - 1}@bench.example.org>`]),
    'MIME-Version: 1.0',
  ];
  const text = paragraphs.join('\n\n');
  if (index % 2 === 0) return [...headers, 'Content-Type: text/plain; charset=utf-8', '', text].join('\n');
  const boundary = `b${index}`;
  const html = `<html><body>${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('')}<p><a href="https://example.org/${index}">Source</a></p></body></html>`;
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    `--${boundary}--`,
  ].join('\n');
}

/** The mailbox, the same bytes every run. */
export function buildMbox(messages = MBOX_MESSAGES): string {
  const random = seededRandom(2026);
  return Array.from(
    { length: messages },
    (_, index) =>
      `From sender@example.org Mon Jan  1 09:30:00 2024\n${messageText(index, random).replace(/^From /gm, '>From ')}\n`,
  ).join('\n');
}

export async function mboxSection(): Promise<{ messages: number; seconds: number; peakRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-mbox-'));
  try {
    const path = join(dir, 'inbox.mbox');
    writeFileSync(path, buildMbox());
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'mbox-worker.ts'), path, join(dir, 'data')],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`the mbox import failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      messages: number;
      seconds: number;
      peakRssMb: number;
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
