// The CLI's commands as commander declares them: a flag a command doesn't take is refused,
// every command's --help lists its own flags and examples, and the bash and zsh completion
// scripts generated from the same declarations complete commands and flags in a real shell.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliSession, buildProgram } from '../../src/cli/cli';
import { runCliCaptured } from '../support/cli-run';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const cli = (args: string[]) => runCliCaptured(['--data-dir', join(temp.path, 'lib'), ...args]);

/** Every command and subcommand with the words that run it: ['bundle', 'export'], say. */
function commandsOf(command: Command, words: string[] = []): Array<{ words: string[]; command: Command }> {
  return command.commands.flatMap((sub) => {
    const path = [...words, sub.name()];
    return [{ words: path, command: sub }, ...commandsOf(sub, path)];
  });
}

const program = buildProgram(
  new CliSession({ stdout: () => undefined, stderr: () => undefined, env: {} }, { version: '1' }, []),
);

function hasShell(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

describe('the CLI refuses a flag its command does not take', () => {
  it('exits 1 naming the flag, for list --quote and profile --out', async () => {
    expect(await cli(['list', '--quote', 'x'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'marginalia: Unknown option --quote.\nRun marginalia --help for usage.\n',
    });
    expect(await cli(['profile', '--out', 'x.pdf'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'marginalia: Unknown option --out.\nRun marginalia --help for usage.\n',
    });
    expect(await cli(['search', 'Sabratha', '--colour', 'red'])).toMatchObject({
      code: 1,
      stderr: 'marginalia: Unknown option --colour.\nRun marginalia --help for usage.\n',
    });
    expect((await cli(['export', 'x', '--out', 'x.pdf', '--colour', 'red'])).stderr).toBe(
      'marginalia: Unknown option --colour. Did you mean --color?\nRun marginalia --help for usage.\n',
    );
  });

  it('suggests the nearest command for a mistyped one, as it does for flags', async () => {
    expect(await cli(['lst'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'marginalia: unknown command “lst”. Did you mean list? Run marginalia --help.\n',
    });
    expect((await cli(['bundle', 'exprt'])).stderr).toBe(
      'marginalia: unknown command “exprt”. Did you mean export? Run marginalia --help.\n',
    );
    expect((await cli(['zzzzz'])).stderr).toBe('marginalia: unknown command “zzzzz”. Run marginalia --help.\n');
  });

  it('exits 1 saying which argument is missing or extra, with the usage and an example', async () => {
    expect(await cli(['list', 'extra'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^marginalia: list takes no arguments, not 1\.\nusage: marginalia list \[options\]\n/,
      ),
    });
    expect(await cli(['show'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^marginalia: show needs DOC: .+\nusage: marginalia show DOC\n/),
    });
    expect(await cli(['tags', 'rename', 'Only'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^marginalia: tags rename needs NEW.*\nusage: marginalia tags rename OLD NEW\n/),
    });
  });
});

describe('--help', () => {
  it('lists every command for the program', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const { words } of commandsOf(program).filter((entry) => entry.words.length === 1))
      expect(help.stdout).toMatch(new RegExp(`^  ${words[0]}\\b`, 'm'));
  });

  it("shows each command's own flags, the global ones and an example", async () => {
    const entries = commandsOf(program);
    expect(entries.length).toBeGreaterThanOrEqual(18);
    for (const { words, command } of entries) {
      const help = await cli([...words, '--help']);
      expect(help.code, words.join(' ')).toBe(0);
      expect(help.stdout, words.join(' ')).toContain(`Usage: marginalia ${words.join(' ')}`);
      for (const option of command.options) expect(help.stdout, words.join(' ')).toContain(option.long!);
      expect(help.stdout, words.join(' ')).toContain('--data-dir');
      expect(help.stdout, words.join(' ')).toMatch(new RegExp(`\\nExamples:\\n  .*marginalia .*${words.at(-1)}`));
    }
  });
});

describe('shell completion', () => {
  const script = (shell: 'bash' | 'zsh') => {
    let text = '';
    const session = new CliSession(
      { stdout: (out) => (text += out), stderr: () => undefined, env: {} },
      { version: '1' },
      [],
    );
    void buildProgram(session).parseAsync(['completion', shell], { from: 'user' });
    return text;
  };

  it.runIf(hasShell('bash'))('completes command names and a command’s flags in bash', () => {
    const file = join(temp.path, 'marginalia.bash');
    writeFileSync(file, script('bash'));
    const complete = (...words: string[]) => {
      const shell = `source ${JSON.stringify(file)}
COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')}); COMP_CWORD=${words.length - 1}
_marginalia; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['--norc', '-c', shell], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter(Boolean);
    };
    expect(complete('marginalia', 'lis')).toEqual(['list']);
    expect(complete('marginalia', 'list', '--').sort()).toEqual(
      ['--help', '--data-dir', '--workspace', '--json', '--max-import-mb'].sort(),
    );
    expect(complete('marginalia', '--data-dir', '/tmp', 'bundle', 'ex')).toEqual(['export']);
    expect(complete('marginalia', 'annotate', 'x', '--o')).toEqual(['--occurrence']);
    expect(complete('marginalia', 'export', 'x', '--paper', '')).toEqual(['a4', 'letter']);
    expect(complete('marginalia', 'completion', '')).toEqual(['bash', 'zsh']);
  });

  it.runIf(hasShell('zsh'))('is a zsh script that parses and completes command names and flags', () => {
    const file = join(temp.path, '_marginalia');
    writeFileSync(file, script('zsh'));
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    // compadd and compdef stand in for the completion system: print what would be offered.
    const complete = (...words: string[]) => {
      const shell = `compdef() { :; }; _files() { :; }
compadd() { [[ $1 == -a ]] && print -l -- \${(M)\${(P)2}:#\${words[CURRENT]}*}; }
source ${JSON.stringify(file)}
words=(${words.map((word) => JSON.stringify(word)).join(' ')}); CURRENT=${words.length}
_marginalia`;
      const result = spawnSync('zsh', ['-f', '-c', shell], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter(Boolean);
    };
    expect(complete('marginalia', 'lis')).toEqual(['list']);
    expect(complete('marginalia', 'list', '--').sort()).toEqual(
      ['--help', '--data-dir', '--workspace', '--json', '--max-import-mb'].sort(),
    );
    expect(complete('marginalia', 'bundle', 'im')).toEqual(['import']);
  });
});
