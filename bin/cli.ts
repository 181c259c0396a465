#!/usr/bin/env node
/** The `ballast` command (bundled as dist/bin/ballast.js and bundle/ballast.js). */
import { describeFailure, logLine, main } from './command.js';

// `ballast … | head` closes the pipe early: that is the reader's choice, not a crash to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(logLine(`ballast: ${describeFailure(error)}\n`));
  if (process.env['BALLAST_DEBUG'] === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  process.exitCode = 2;
}
