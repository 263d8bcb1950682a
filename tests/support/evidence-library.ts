// A small library for the evidence tests: two short reports on the same events, each with
// highlights, and a helper that calls the contract and unwraps its result.
import { join } from 'node:path';
import { MarginaliaCore } from '../../src/core/core';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { makeTempDir } from './temp';

export const FIRST_REPORT =
  'Harbour Radio reported that fishing boats left Zuwara at dawn.\n\n' +
  'Residents told Harbour Radio that eleven boats did not come back.\n';
export const SECOND_REPORT =
  'The Coast Courier, citing Harbour Radio, said fishing boats left Zuwara at dawn.\n\n' +
  'Port officials said the storm closed the harbour by noon.\n';

export interface EvidenceLibrary {
  firstDoc: string;
  secondDoc: string;
  /** Highlights the first place `quote` occurs in the document, returning the annotation id. */
  highlight(documentId: string, quote: string): string;
}

export function makeEvidenceLibrary(core: MarginaliaCore): EvidenceLibrary {
  const firstDoc = core.importBytes('harbour-radio.txt', new TextEncoder().encode(FIRST_REPORT)).document.id;
  const secondDoc = core.importBytes('coast-courier.txt', new TextEncoder().encode(SECOND_REPORT)).document.id;
  return {
    firstDoc,
    secondDoc,
    highlight(documentId, quote) {
      const text = core.documents.canonicalText(documentId);
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`“${quote}” is not in the document`);
      return core.annotations.create({ documentId, start, end: start + quote.length }).id;
    },
  };
}

/** A contract call through the validating dispatcher; a failure throws its {code, message}. */
export async function callOk<M extends MethodName>(
  core: MarginaliaCore,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = (await core.call(method, input)) as Result<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The failure of a contract call that must fail. */
export async function callError(
  core: MarginaliaCore,
  method: MethodName,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const result = await core.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}

/** Two analysts' libraries in one temp folder: Ana's holds the two reports, Rui's is empty. */
export interface TwoAnalysts {
  temp: ReturnType<typeof makeTempDir>;
  ana: MarginaliaCore;
  rui: MarginaliaCore;
  library: EvidenceLibrary;
  /** Opens a library (another, or one of the two again) in the same folder, closed with the rest. */
  open(name: string, displayName: string): MarginaliaCore;
  close(): void;
}

export function openTwoAnalysts(): TwoAnalysts {
  const temp = makeTempDir();
  const opened: MarginaliaCore[] = [];
  const open = (name: string, displayName: string) => {
    const core = new MarginaliaCore({ dataDir: join(temp.path, name), host: 'cli', version: 'test' });
    core.profile.rename(displayName);
    opened.push(core);
    return core;
  };
  const ana = open('ana', 'Ana Analyst');
  const rui = open('rui', 'Rui Reviewer');
  // Every library opened here, reopened ones too; closing one already closed does nothing.
  const close = () => {
    for (const core of opened) core.close();
    temp.remove();
  };
  return { temp, ana, rui, library: makeEvidenceLibrary(ana), open, close };
}
