import { ConfigError } from "../config.js";
import { StartupError } from "../db/embedded/startup-error.js";
import { ExtractInputError } from "../extract/input.js";
import { DataError, formatProblem } from "../ingest/problems.js";
import { log } from "../log.js";

/** A failure the user can fix, said in one message: printed alone, without a stack trace. */
export class CliError extends Error {}

/** Runs a CLI main: failures print their message (no stack trace) and exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof StartupError) {
      log.fatal({ code: err.code }, "start-up failed");
      console.error(`\n${err.message}\n`);
    } else if (err instanceof CliError || err instanceof ConfigError) {
      console.error(err.message);
    } else if (err instanceof ExtractInputError) {
      console.error(`\n${err.message}\n`);
    } else if (err instanceof DataError) {
      for (const p of err.problems) console.error(formatProblem(p));
      console.error(`\n${err.problems.length} problem(s) in the article data; nothing was written.`);
    } else {
      // The stack trace is for developers: in the log at debug level only.
      log.debug({ err }, "failed");
      console.error(`\n${(err as Error).message ?? err}\n(LOG_LEVEL=debug shows where it happened)\n`);
    }
    process.exit(1);
  });
}
