/** `npm run token -- --role editor`: mints a bearer token signed with JWT_SECRET, for local use. */
import { Command, Option } from "commander";
import { mintToken, type Role } from "../auth/token.js";
import { loadConfig } from "../config.js";
import { runMain } from "./run.js";

const opts = new Command()
  .name("token")
  .description("Print a signed JWT for the API (Authorization: Bearer <token>)")
  .addOption(new Option("--role <role>", "role the token grants").choices(["editor", "reader"]).default("editor"))
  .option("--subject <name>", "who the token is for", "local-curator")
  .option("--expires <duration>", "lifetime, e.g. 30m, 8h, 7d", "8h")
  .parse()
  .opts<{ role: Role; subject: string; expires: string }>();

runMain(async () => {
  const { JWT_SECRET } = loadConfig();
  if (!JWT_SECRET) throw new Error("JWT_SECRET is not set: the API and this command must share it (32+ characters)");
  console.log(await mintToken(JWT_SECRET, { subject: opts.subject, roles: [opts.role], expiresIn: opts.expires }));
});
