// The command line shared by matrix.mjs and inspector.mjs:
//   node matrix.mjs [--repo DIR] [--report FILE] [--timeout SECONDS] (--http URL | --stdio -- COMMAND [ARG...])
// --repo defaults to $MCP_CLIENTS_REPO, else the repository holding this folder; --report to $MCP_CLIENTS_REPORT.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = 'usage: node <script> [--repo DIR] [--report FILE] [--timeout SECONDS] (--http URL | --stdio -- COMMAND [ARG...])';

/** The options of the command line; a bad one prints the usage and ends the process with exit status 2. */
export function parseOptions(argv) {
  try {
    return parse(argv);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}

function parse(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options = {
    repo: process.env.MCP_CLIENTS_REPO || path.resolve(here, '..', '..', '..'),
    report: process.env.MCP_CLIENTS_REPORT || null,
    timeoutMs: 120_000,
    transport: null,
    url: null,
    command: null,
    args: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value. ${usage}`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--repo': options.repo = path.resolve(value()); break;
      case '--report': options.report = path.resolve(value()); break;
      case '--timeout': options.timeoutMs = Number(value()) * 1000; break;
      case '--http': options.transport = 'http'; options.url = value(); break;
      case '--stdio': {
        const rest = argv.slice(argv[i + 1] === '--' ? i + 2 : i + 1);
        if (rest.length === 0) throw new Error(`--stdio needs the server command. ${usage}`);
        options.transport = 'stdio';
        [options.command, ...options.args] = rest;
        i = argv.length;
        break;
      }
      default: throw new Error(`unknown argument ${argv[i]}. ${usage}`);
    }
  }
  if (!options.transport) throw new Error(usage);
  if (!(options.timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  return options;
}
