import { pino } from "pino";

/**
 * Logs on stderr, level from LOG_LEVEL. Format from LOG_FORMAT: `json` (one JSON object a line,
 * for machines and files) or `pretty` (time, level, message, fields: for people); unset, pretty
 * when standard error is a terminal and JSON otherwise. Empty variables count as unset.
 */
const env = (name: string) => process.env[name]?.trim() || undefined;
const format = env("LOG_FORMAT") ?? (process.stderr.isTTY ? "pretty" : "json");

// An unknown LOG_LEVEL logs at info here; loadConfig() then refuses it with a clear message.
const level = env("LOG_LEVEL") ?? "info";

export const log = pino(
  { level: level === "silent" || level in pino.levels.values ? level : "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
  format === "pretty" ? prettyStream(process.stderr.isTTY === true) : pino.destination({ dest: 2, sync: true }),
);
export type Logger = typeof log;

const LEVELS: Record<number, [string, string]> = {
  10: ["TRACE", "90"],
  20: ["DEBUG", "36"],
  30: ["INFO ", "32"],
  40: ["WARN ", "33"],
  50: ["ERROR", "31"],
  60: ["FATAL", "35"],
};

/** `12:04:31.120 INFO  API listening url=http://127.0.0.1:4000/graphql`, written synchronously. */
function prettyStream(colour: boolean) {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        process.stderr.write(line);
        return;
      }
      const { level, time, msg, err, ...fields } = entry;
      const [name, code] = LEVELS[level as number] ?? [String(level), "0"];
      const clock = typeof time === "string" ? time.slice(11, 23) : "";
      const rest = Object.entries(fields).map(([k, v]) => `${paint("2", `${k}=`)}${typeof v === "string" ? v : JSON.stringify(v)}`);
      let text = `${paint("2", clock)} ${paint(code, name)} ${msg ?? ""}${rest.length ? `  ${rest.join(" ")}` : ""}\n`;
      if (err && typeof err === "object") {
        const e = err as { message?: string; stack?: string };
        text += `    ${(Number(level) >= 50 && e.stack) || e.message}\n`.replace(/\n(?=.)/g, "\n    ");
      }
      process.stderr.write(text);
    },
  };
}
