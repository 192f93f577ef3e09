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

const VERSION: string = require('../../package.json').version;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io: Io = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
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
      io.err(`svc-sla: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  return io.exitCode;
}
