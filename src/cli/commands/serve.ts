// `marginalia serve`: the app in a browser on 127.0.0.1, served until Ctrl+C.
import { Command } from 'commander';
import type { CliSession } from '../session';
import { UsageError, parsedOption } from '../usage';

function portOf(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0 to 65535, not “${value}”.`);
  return port;
}

export function serveCommand(session: CliSession): Command {
  return new Command('serve')
    .summary('serve the app to a browser on 127.0.0.1 (prints a URL with a token)')
    .description('Serve the app to a browser on 127.0.0.1 and print its URL, which carries a token; Ctrl+C stops it.')
    .usage('[--port N]')
    .addOption(parsedOption('--port <n>', 'the port (default: any free one)', session.argv, portOf))
    .addHelpText('after', '\nExamples:\n  marginalia serve\n  marginalia --data-dir ~/case-files serve --port 8080')
    .action(async (flags: { port?: number }) => {
      const { serve } = session.context;
      if (!serve) throw new UsageError('serve is not available in this build.');
      session.library(); // a library folder that can't be used is said before anything starts
      await serve({ core: session.handOver(), port: flags.port ?? 0, io: session.io });
    });
}
