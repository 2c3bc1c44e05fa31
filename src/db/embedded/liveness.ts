import net from "node:net";

/** How the supervisor tells a hung JVM from a busy one (settings NEO4J_LIVENESS_*). */
export interface LivenessOptions {
  /** Probe every this often. */
  intervalMs: number;
  /** A probe not answered within this counts as a failure. */
  timeoutMs: number;
  /** This many failures in a row and the JVM is killed (SIGKILL) and restarted. */
  failures: number;
}

export const DEFAULT_LIVENESS: LivenessOptions = { intervalMs: 5_000, timeoutMs: 2_000, failures: 3 };

/** Bolt's magic preamble, then four version proposals (5.0–5.8, 4.4, none, none). */
const HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
]);

/**
 * Whether the Neo4j on 127.0.0.1:port answers a Bolt handshake within `timeoutMs`, on a connection
 * of its own (not the driver's pool, which a busy API may have exhausted). A stopped (SIGSTOP) or
 * wedged JVM still has its listening socket, so the kernel accepts the connection; only a JVM whose
 * threads run answers the handshake. Any 4-byte answer counts: it is the process that is probed.
 */
export function boltAnswers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let received = 0;
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once("connect", () => socket.write(HANDSHAKE));
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 4) done(true);
    });
    socket.once("error", () => done(false));
    socket.once("close", () => done(received >= 4));
  });
}

/** The Bolt port of a `bolt://host:port` URI. */
export function boltPort(uri: string): number {
  return Number(new URL(uri.replace(/^bolt:/, "http:")).port || 7687);
}
