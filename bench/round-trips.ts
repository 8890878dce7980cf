// Counts round trips to PostgreSQL: a TCP proxy between a server and the database that counts
// what the client sends to be answered — a Sync (one extended-protocol statement, as
// node-postgres sends them) or a simple Query. Used only for a short probe, never under load:
// the proxy costs CPU of its own.
import net from "node:net";

export type RoundTripCounter = { url: string; count(): number; close(): Promise<void> };

export async function countingProxy(databaseUrl: string, port: number): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
    let started = false;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      // The startup message has no type byte: a length, then the protocol version.
      if (!started) {
        if (pending.length < 4) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        pending = pending.subarray(length);
        started = true;
      }
      while (pending.length >= 5) {
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        const type = String.fromCharCode(pending[0] ?? 0);
        if (type === "S" || type === "Q") count += 1;
        pending = pending.subarray(length + 1);
      }
    });
    upstream.pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    count: () => count,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
