import { pino } from "pino";

/** Structured JSON logs on stderr; level from LOG_LEVEL. */
export const log = pino(
  { level: process.env.LOG_LEVEL ?? "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
  pino.destination(2),
);
export type Logger = typeof log;
