/** Entry point of the built CLI: wires the commands, maps failures to exit codes. */
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, UsageError, colourWanted, makePaint, type Io } from './common';
import { breachesCommand } from './breaches';
import { reportCommand } from './report';
import { summaryCommand } from './summary';
import { dueCommand } from './due';
import { initCommand } from './init';
import { calendarCommand } from './calendar';
import { policyCommand } from './policy';
import { validateCommand } from './validate';
import { lockCommand } from './lock';
import { explainCommand } from './explain';
import { diffCommand } from './diff';
import { escapeTerminal } from '../render/escape';

const VERSION: string = require('../../package.json').version;

/**
 * What became of standard output and error. A reader that stops reading (`| head -1`) closes the
 * pipe: the rest of the output is dropped quietly and the exit code is the command's own. Any
 * other error writing standard output (a full disk, `> /dev/full`) is an I/O error: one line on
 * stderr and exit 2. Errors writing stderr are dropped: there is nowhere left to say them.
 */
const streams = { outClosed: false, errClosed: false, failure: null as string | null };

function guard(stream: NodeJS.WriteStream, which: 'out' | 'err'): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (which === 'err') {
      streams.errClosed = true;
      return;
    }
    if (streams.outClosed) return;
    streams.outClosed = true;
    if (err.code === 'EPIPE') return;
    streams.failure = `svc-sla: cannot write to standard output (${err.code ?? err.message})\n`;
    if (!streams.errClosed) process.stderr.write(streams.failure);
    // an error after main() returned still decides the exit code
    process.exitCode = EXIT_USAGE;
  });
}

function writeOut(data: string | Uint8Array): void {
  if (!streams.outClosed) process.stdout.write(data);
}

function writeErr(data: string): void {
  if (!streams.errClosed) process.stderr.write(data);
}

/** Resolves once what was written to stdout has gone (or failed). */
function flushed(): Promise<void> {
  if (streams.outClosed) return Promise.resolve();
  return new Promise((resolve) => process.stdout.write('', () => resolve()));
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  guard(process.stdout, 'out');
  guard(process.stderr, 'err');
  const code = await run(argv, env);
  await flushed();
  return streams.failure !== null ? EXIT_USAGE : code;
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const io: Io = {
    out: writeOut,
    outBytes: writeOut,
    err: writeErr,
    paint: await makePaint(colourWanted(env, process.stdout.isTTY === true)),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env,
    cwd: process.cwd(),
    exitCode: 0,
  };
  const program = new Command('svc-sla')
    .description('Turns a maintenance-support contract and its evidence records into numbers nobody can argue with.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  program.addCommand(validateCommand(io));
  program.addCommand(breachesCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(summaryCommand(io));
  program.addCommand(dueCommand(io));
  program.addCommand(initCommand(io));
  program.addCommand(calendarCommand(io));
  program.addCommand(policyCommand(io));
  program.addCommand(lockCommand(io));
  program.addCommand(explainCommand(io));
  program.addCommand(diffCommand(io));
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run with --help for usage)');

  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with code 0
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      io.err(`svc-sla: ${escapeTerminal(err.message, { newlines: true })}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  return io.exitCode;
}
