import type { ApolloServerPlugin } from "@apollo/server";
import { SERVICE_UNAVAILABLE } from "./errors.js";

/**
 * A response whose errors say the database is unreachable is HTTP 503, so load balancers and
 * clients retry it, rather than a 200 that looks like an answer.
 */
export function unavailableStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) response.http.status = 503;
        },
      };
    },
  };
}
