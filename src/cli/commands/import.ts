// `marginalia import`: files and web addresses into the library (an encrypted PDF with its
// password), or with --update a changed version of one document's file, re-anchoring its annotations.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { unwrap } from '../../shared/client';
import type { ImportOutcome, OcrLanguages } from '../../shared/model';
import { IMPORTABLE_EXTENSIONS, OCR_LANGUAGES } from '../../shared/model';
import { lowConfidenceHint } from '../../shared/ocr-confidence-hint';
import { withWebScheme } from '../../shared/web-address';
import type { Result } from '../../shared/result';
import { resolveDocument } from '../document-reference';
import { EXIT_INTERNAL_ERROR, EXIT_USER_ERROR, exitCodeFor } from '../exit-codes';
import { importFile, readFile, updateFromFile } from '../host';
import type { ProgressLine } from '../import-progress';
import { importProgressLine } from '../import-progress';
import { mailboxExistingText, outcomeCounts } from '../../shared/mailbox-outcome';
import type { CliSession } from '../session';
import { UsageError, oneOf, parsedOption, valueOption } from '../usage';

interface ImportOptions {
  update?: string;
  attachment?: string;
  password?: string;
  passwordFile?: string;
  ocrLang?: OcrLanguages;
}

/** What a file is read with beyond its bytes: its password, and OCR's language(s) when the flag says. */
type FileOptions = { password?: string; ocrLanguages?: OcrLanguages };

function fileOptions(password: string | undefined, options: ImportOptions): FileOptions {
  return {
    ...(password === undefined ? {} : { password }),
    ...(options.ocrLang === undefined ? {} : { ocrLanguages: options.ocrLang }),
  };
}

/** One file's line of `import --json`: the document it made, or its error's code and message. */
type ImportReport = {
  file: string;
  id?: string;
  title?: string;
  created?: boolean;
  /** A new document read by OCR: its mean confidence, language(s), and the hint when it read poorly. */
  ocr?: ImportOutcome['ocr'] & { hint?: string };
  code?: string;
  error?: string;
};

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A scan read poorly says so and how to read it again in the other language: a file with
 * --update, which keeps its id (and annotations); an address or an attachment, which can only be
 * imported again, once removed (the same bytes would return the document already there).
 */
function confidenceHint(name: string, outcome: ImportOutcome, again: (language: string) => string): string | undefined {
  if (outcome.ocr === undefined) return undefined;
  return lowConfidenceHint(`“${name}”`, outcome.ocr, ({ code }) => again(code));
}

/** The hint for a file or an address given to `import`, its command with the path as --update reads it. */
export function fileHint(file: string, outcome: ImportOutcome): string | undefined {
  const id = outcome.document.id;
  const target = importTarget(file);
  return confidenceHint(file, outcome, (code) =>
    'path' in target
      ? `read it again with marginalia import --update ${id} --ocr-lang ${code} ${shellWord(target.path)}`
      : `remove it (marginalia remove ${id}) and import it again with --ocr-lang ${code}`,
  );
}

/** What `import --json` says of a document read by OCR. */
function ocrReport(outcome: ImportOutcome, hint: string | undefined): Pick<ImportReport, 'ocr'> {
  if (outcome.ocr === undefined) return {};
  return { ocr: { ...outcome.ocr, ...(hint === undefined ? {} : { hint }) } };
}

/** After a mailbox's cut-off message was refused: how much of the file came in, in one line. */
function leftOutSummary(file: string, taken: number, leftOut: number): string {
  const all = taken + leftOut;
  return `“${file}”: ${taken} of its ${all} messages ${taken === 1 ? 'is' : 'are'} in the library, ${leftOut} left out.`;
}

/**
 * What an argument names: an address given with its scheme (any scheme, so "ftp://…" is refused
 * as an address, not looked for as a file; file:// is the file's path), a file that exists, or
 * else an address typed without a scheme ("example.org/page", "127.0.0.1:8716/gone"), which gets
 * https:// (http:// on this machine or a private network), as a browser's address bar does. A
 * bare name that ends like a file we import ("report.pdf") stays a file, missing or not.
 */
export function importTarget(argument: string): { url: string; guessed: boolean } | { path: string } {
  const trimmed = argument.trim();
  if (/^file:\/\//i.test(trimmed)) return { path: fileURLToPath(trimmed) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return { url: trimmed, guessed: false };
  if (existsSync(argument)) return { path: argument };
  const url = withWebScheme(trimmed);
  const bareFileName = !/[/:?#]/.test(trimmed) && extname(trimmed).toLowerCase() in IMPORTABLE_EXTENSIONS;
  return url === undefined || bareFileName ? { path: argument } : { url, guessed: true };
}

/** The password from --password or the first line of --password-file (kept out of shell history); never printed. */
async function passwordOf(options: ImportOptions): Promise<string | undefined> {
  if (options.password !== undefined && options.passwordFile !== undefined) {
    throw new UsageError('Give the password with --password or --password-file, not both.');
  }
  if (options.passwordFile === undefined) return options.password;
  const line = (await readFile(options.passwordFile)).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError(`The password file “${options.passwordFile}” is empty.`);
  return line;
}

/** What the person can do about a refusal the command line can help with. */
function withHint(code: string, message: string): string {
  if (code === 'PASSWORD_REQUIRED') return `${message} Give it with --password-file FILE (or --password PASSWORD).`;
  return message;
}

async function importOne(
  session: CliSession,
  argument: string,
  password: string | undefined,
  options: ImportOptions,
): Promise<Result<ImportOutcome>> {
  const choices = fileOptions(password, options);
  const target = importTarget(argument);
  const progress = importProgressLine(session.io, 'path' in target ? basename(target.path) : target.url, session.json);
  if ('path' in target) {
    return importFile(session, target.path, { ...choices, onProgress: progress.onProgress }).finally(progress.end);
  }
  const languages = choices.ocrLanguages === undefined ? {} : { ocrLanguages: choices.ocrLanguages };
  const outcome = await followed(session, progress, (jobId) =>
    session.request('importUrl', { url: target.url, jobId, ...languages }),
  );
  if (outcome.ok || !target.guessed) return outcome;
  // An address guessed from a path that was not there: say both, in case a file was meant.
  const message = `${outcome.error.message} (No file “${argument}” exists here either.)`;
  return { ok: false, error: { ...outcome.error, message } };
}

/** Runs a contract import under a jobId of its own, its importProgress events shown on `progress`. */
async function followed<T>(
  session: CliSession,
  progress: ProgressLine,
  run: (jobId: string) => Promise<T>,
): Promise<T> {
  const jobId = `cli-${randomUUID()}`;
  const stop = session.library().events.subscribe(({ event, payload }) => {
    if (event === 'importProgress' && payload.jobId === jobId)
      progress.onProgress(payload.done, payload.total, payload.stage);
  });
  try {
    return await run(jobId);
  } finally {
    stop();
    progress.end();
  }
}

const PROMPTS = 3;

/**
 * Runs one import (a file, an address, an attachment); an encrypted PDF given without a
 * password asks for it on the terminal (hidden), up to three times, where there is one.
 */
async function importAsking(
  session: CliSession,
  name: string,
  password: string | undefined,
  attempt: (password: string | undefined) => Promise<Result<ImportOutcome>>,
): Promise<Result<ImportOutcome>> {
  let outcome = await attempt(password);
  const ask = session.io.askPassword;
  if (ask === undefined || password !== undefined) return outcome;
  for (let tries = 0; tries < PROMPTS && !outcome.ok; tries++) {
    const { code } = outcome.error;
    if (code !== 'PASSWORD_REQUIRED' && code !== 'PASSWORD_WRONG') break;
    const typed = await ask(
      code === 'PASSWORD_WRONG' ? `Wrong password. Password for ${name}: ` : `Password for ${name}: `,
    );
    if (typed === null || typed === '') break;
    outcome = await attempt(typed);
  }
  return outcome;
}

/** Imports each file or address in turn; one that fails is reported and the rest still go in. */
async function importFiles(session: CliSession, files: readonly string[], options: ImportOptions): Promise<void> {
  const password = await passwordOf(options);
  const results: ImportReport[] = [];
  for (const file of files) {
    const outcome = await importAsking(session, basename(file), password, (given) =>
      importOne(session, file, given, options),
    );
    if (!outcome.ok) {
      if (exitCodeFor(outcome.error.code) === EXIT_INTERNAL_ERROR) unwrap(outcome);
      session.exitCode = EXIT_USER_ERROR;
      const message = withHint(outcome.error.code, outcome.error.message);
      results.push({ file, code: outcome.error.code, error: message });
      // With --json the refusal is told once, in the JSON on stdout, as the other outcomes are.
      if (!session.json) session.warn(message);
      continue;
    }
    const unplaced = outcome.value.notesNotPlaced ?? 0;
    if (unplaced > 0)
      session.warn(
        `${unplaced === 1 ? '1 comment' : `${unplaced} comments`} in “${file}” commented on text that is not in ` +
          'the document (an image, a header), so did not become margin notes.',
      );
    // An .mbox makes a document per message: each is listed, the first with the rest after it,
    // and the messages already in the library are counted in one line.
    const { total, existing } = outcomeCounts(outcome.value);
    const hint = fileHint(file, outcome.value);
    for (const { document, created } of [outcome.value, ...(outcome.value.also ?? [])]) {
      const ocr = document === outcome.value.document ? ocrReport(outcome.value, hint) : {};
      results.push({ file, id: document.id, title: document.title, created, ...ocr });
      if (session.json) continue;
      session.io.stdout(`${document.id}\n`);
      if (!created && total === 1) session.warn(`“${file}” is already in the library as “${document.title}”.`);
    }
    if (hint !== undefined && !session.json) session.warn(hint);
    const mailbox = session.json ? undefined : mailboxExistingText(`“${file}”`, total, existing);
    if (mailbox !== undefined) session.warn(mailbox);
    // A cut-off last message was refused while the rest came in: said, and not a clean exit.
    const leftOut = outcome.value.leftOut ?? [];
    for (const reason of leftOut) {
      session.exitCode = EXIT_USER_ERROR;
      if (session.json) results.push({ file, code: 'INVALID_INPUT', error: reason });
      else session.warn(reason);
    }
    if (leftOut.length > 0 && !session.json) session.warn(leftOutSummary(file, total, leftOut.length));
  }
  if (session.json) session.io.stdout(`${JSON.stringify(results, null, 2)}\n`);
}

async function updateDocument(
  session: CliSession,
  reference: string,
  files: readonly string[],
  options: ImportOptions,
): Promise<void> {
  const doc = await resolveDocument(session, reference);
  if (files.length !== 1 || files[0]!.trim() === '') throw new UsageError('usage: marginalia import --update DOC FILE');
  const password = await passwordOf(options);
  const progress = importProgressLine(session.io, basename(files[0]!), session.json);
  const counts = await updateFromFile(session, doc.id, files[0]!, {
    ...fileOptions(password, options),
    onProgress: progress.onProgress,
  }).finally(progress.end);
  session.print(
    `Updated “${doc.title}”: ${counts.kept} kept, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.\n`,
    { id: doc.id, ...counts },
  );
}

/**
 * `import --attachment N DOC`: the Nth file (from 1) a message carried, as a document of its
 * own; an encrypted PDF opens with --password or --password-file, or asks on a terminal, as a file
 * does, and a scan is read in --ocr-lang's languages, as a file's is.
 */
async function importAttachment(
  session: CliSession,
  number: string,
  files: readonly string[],
  options: ImportOptions,
): Promise<void> {
  const index = Number(number) - 1;
  if (files.length !== 1 || !Number.isInteger(index) || index < 0) {
    throw new UsageError('usage: marginalia import --attachment N DOC (N counts from 1)');
  }
  const message = await resolveDocument(session, files[0]!);
  const password = await passwordOf(options);
  const { provenance } = await session.call('getDocumentSource', { id: message.id });
  // The name the prompt and the messages use; a number the message lacks is refused by the import itself.
  const name =
    provenance?.attachments?.find((attachment) => attachment.index === index)?.fileName ?? `attachment ${index + 1}`;
  const progress = importProgressLine(session.io, name, session.json);
  const outcome = await importAsking(session, name, password, (given) =>
    followed(session, progress, (jobId) =>
      session.request('importAttachment', {
        documentId: message.id,
        index,
        jobId,
        ...(given === undefined ? {} : { password: given }),
        ...(options.ocrLang === undefined ? {} : { ocrLanguages: options.ocrLang }),
      }),
    ),
  );
  const hinted = outcome.ok
    ? outcome
    : { ...outcome, error: { ...outcome.error, message: withHint(outcome.error.code, outcome.error.message) } };
  const imported = unwrap(hinted);
  const { document, created } = imported;
  const hint = confidenceHint(
    name,
    imported,
    (code) =>
      `remove it (marginalia remove ${document.id}) and import it again with ` +
      `marginalia import --attachment ${index + 1} --ocr-lang ${code} ${message.id}`,
  );
  session.print(`${document.id}\n`, {
    file: `${message.id}#${index + 1}`,
    id: document.id,
    title: document.title,
    created,
    ...ocrReport(imported, hint),
  });
  if (!created && !session.json) session.warn(`“${name}” is already in the library as “${document.title}”.`);
  if (hint !== undefined && !session.json) session.warn(hint);
}

export function importCommand(session: CliSession): Command {
  return new Command('import')
    .summary('import files (prints the new document ids), or --update one')
    .description(
      'Import files and web addresses and print the new document ids: .txt, .md and .html, PDF, Word (.docx), EPUB, ' +
        'e-mail (.eml, .mbox), saved pages (.mhtml) and scans (images, .png, .jpg, .tif, and scanned PDFs, read by OCR ' +
        'in --ocr-lang); an http or https address is fetched and read the same way. ' +
        'The bytes decide the type, not the name. An encrypted PDF opens with --password-file FILE (its first line) ' +
        'or --password PASSWORD. With --attachment N DOC, import the Nth file the message DOC carried (an encrypted ' +
        'PDF with the same password options). With --update DOC, ' +
        "replace DOC's text with FILE (a text file or one PDF, Word, EPUB, e-mail or saved page, whose provenance and " +
        'pages replace the old ones) and re-anchor its annotations, printing how many were kept, moved, fuzzy and orphaned.',
    )
    .argument('<file...>', 'the files (or http/https addresses) to import')
    .usage(
      '[--password-file FILE] FILE|URL... | marginalia import --update DOC FILE | ' +
        'marginalia import --attachment N [--password-file FILE] [--ocr-lang LANG] DOC',
    )
    .addOption(
      valueOption(
        '--update <doc>',
        "replace this document's text with FILE and re-anchor its annotations",
        session.argv,
      ),
    )
    .addOption(
      valueOption(
        '--attachment <n>',
        'import the Nth file the message DOC carried, as a document of its own',
        session.argv,
      ),
    )
    .addOption(
      valueOption('--password <password>', "an encrypted PDF's password (seen in shell history)", session.argv),
    )
    .addOption(
      valueOption(
        '--password-file <file>',
        "read an encrypted PDF's password from the file's first line",
        session.argv,
      ),
    )
    .addOption(
      parsedOption(
        '--ocr-lang <languages>',
        'the language(s) of scanned pages and images: eng, fra or eng+fra (default: as in Settings, English at first)',
        session.argv,
        oneOf(OCR_LANGUAGES, (value) => `--ocr-lang must be eng, fra or eng+fra, not “${value}”.`),
        OCR_LANGUAGES,
      ),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia import report.txt page.html notes.md https://example.org/article\n' +
        '  marginalia import --password-file ~/.secret/report-password locked.pdf\n  marginalia import --update "reports of" report-v2.txt\n' +
        '  marginalia import --ocr-lang fra scan-fr.pdf\n  marginalia --max-import-mb 100 import big-report.html',
    )
    .action(async (files: string[], options: ImportOptions) => {
      if (options.update !== undefined) return updateDocument(session, options.update, files, options);
      if (options.attachment !== undefined) return importAttachment(session, options.attachment, files, options);
      return importFiles(session, files, options);
    });
}
