/**
 * Imported first by the server's entry point, before any package reads the environment.
 * graphql-js decides at load time, from NODE_ENV, whether each of its type checks also runs a
 * slow development-only check (a constructor-name comparison per resolved field); unset means
 * development. The product runs as production unless NODE_ENV says otherwise, as the config does.
 */
if (!process.env.NODE_ENV?.trim()) process.env.NODE_ENV = "production";
