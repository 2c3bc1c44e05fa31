/** `npm run token -- --role editor`: mints a bearer token signed with JWT_SECRET, for local use. */
import { Command, Option } from "commander";
import { formatDuration, parseDuration } from "../auth/rules.js";
import { mintToken, type Role } from "../auth/token.js";
import { loadConfig } from "../config.js";
import { CliError, runMain } from "./run.js";

const opts = new Command()
  .name("token")
  .description("Print a signed JWT for the API (Authorization: Bearer <token>)")
  .addOption(new Option("--role <role>", "role the token grants").choices(["editor", "reader"]).default("editor"))
  .option("--subject <name>", "who the token is for", "local-curator")
  .option("--expires <duration>", "lifetime, e.g. 30m, 8h, 7d (default 8h, at most JWT_MAX_LIFETIME)")
  .parse()
  .opts<{ role: Role; subject: string; expires?: string }>();

runMain(async () => {
  const cfg = loadConfig();
  if (!cfg.JWT_SECRET)
    throw new CliError(
      "JWT_SECRET is not set: give this command the same JWT_SECRET as the server (32+ characters), e.g. JWT_SECRET=… npm run token",
    );
  if (opts.expires === undefined) opts.expires = formatDuration(Math.min(8 * 3600, cfg.JWT_MAX_LIFETIME));
  const lifetime = parseDuration(opts.expires);
  if (lifetime === undefined) throw new CliError(`--expires ${opts.expires}: give a duration like 30m, 8h or 7d`);
  if (lifetime > cfg.JWT_MAX_LIFETIME)
    throw new CliError(
      `--expires ${opts.expires} is longer than the server accepts (JWT_MAX_LIFETIME ${formatDuration(cfg.JWT_MAX_LIFETIME)}): choose a shorter lifetime or raise JWT_MAX_LIFETIME on both sides`,
    );
  console.log(
    await mintToken(cfg.JWT_SECRET, {
      subject: opts.subject,
      roles: [opts.role],
      expiresIn: lifetime,
      issuer: cfg.JWT_ISSUER,
      audience: cfg.JWT_AUDIENCE,
    }),
  );
});
