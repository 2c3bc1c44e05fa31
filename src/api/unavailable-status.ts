import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { loadConfig } from "../config.js";
import { SERVICE_UNAVAILABLE } from "./errors.js";

/**
 * At most `maxInFlight` operations run at once (MAX_CONCURRENT_OPERATIONS); the rest wait up to
 * `queueMs` (OPERATION_QUEUE_MS) for a turn, then are refused with 503 SERVICE_UNAVAILABLE. Neo4j
 * given more concurrent queries than its cores can plan and run does not answer sooner: after a
 * restart (cold planner and JIT) 50 queries at once on 2 cores all ran into their timeout and
 * nothing was answered for a minute (congestion collapse); with 8, correct answers came back 2–27 s
 * after Neo4j did (BENCHMARKS.md, soak).
 * One queue per process.
 */
class Turns {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxInFlight: number,
    readonly queueMs: number,
  ) {}

  /** A turn, or false after queueMs. */
  take(): Promise<boolean> {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        this.inFlight++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        resolve(false);
      }, this.queueMs);
      this.waiting.push(turn);
    });
  }

  end(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

let turns: Turns | undefined;

/**
 * The driver's error when no pooled connection came free within its acquisition timeout: Neo4j is
 * saturated or stalled (every connection busy with a query that does not finish), so the request
 * could not reach it. Clients should retry, as for a database that is down.
 */
const POOL_EXHAUSTED = /Connection acquisition timed out/;

/**
 * A response whose errors say the database is unreachable is HTTP 503, so load balancers and
 * clients retry it, rather than a 200 that looks like an answer. An error of a request that waited
 * in vain for a connection to Neo4j says so (SERVICE_UNAVAILABLE) instead of "internal error".
 */
export function unavailableStatus<T extends object>(): ApolloServerPlugin<T> {
  const cfg = loadConfig();
  if (turns?.maxInFlight !== cfg.MAX_CONCURRENT_OPERATIONS || turns.queueMs !== cfg.OPERATION_QUEUE_MS) {
    turns = new Turns(cfg.MAX_CONCURRENT_OPERATIONS, cfg.OPERATION_QUEUE_MS);
  }
  const queue = turns;
  return {
    async requestDidStart() {
      // Paths (as JSON) of the errors that were a pool timeout; read before the errors are formatted.
      const exhausted = new Set<string>();
      let turn = false;
      return {
        async didResolveOperation() {
          turn = await queue.take();
          if (!turn) {
            throw new GraphQLError(
              `the server is busy (${queue.maxInFlight} operations running, none ended within ${queue.queueMs} ms); try again shortly`,
              {
                extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 } },
              },
            );
          }
        },
        async didEncounterErrors({ errors }) {
          for (const e of errors) if (POOL_EXHAUSTED.test(e.originalError?.message ?? "")) exhausted.add(JSON.stringify(e.path ?? null));
        },
        async willSendResponse({ response }) {
          if (turn) {
            turn = false;
            queue.end();
          }
          const body = response.body;
          if (body.kind !== "single") return;
          const result = body.singleResult;
          if (exhausted.size > 0 && result.errors) {
            result.errors = result.errors.map((e) =>
              exhausted.has(JSON.stringify(e.path ?? null))
                ? {
                    message: "the database is too busy to take the request; try again shortly",
                    path: e.path,
                    extensions: { code: SERVICE_UNAVAILABLE },
                  }
                : e,
            );
          }
          if (result.errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) response.http.status = 503;
        },
      };
    },
  };
}
