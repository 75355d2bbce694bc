/**
 * Benchmark servers run as child processes so their CPU time and memory are their own, not the
 * load generator's. The parent talks to them over the fork IPC channel, never over HTTP, so the
 * measurement adds no route and no request to what is measured.
 */
import { fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ServerStats {
  /** process.cpuUsage(): microseconds of user and system time since the process started. */
  cpu: NodeJS.CpuUsage;
  rss: number;
  heapUsed: number;
}

type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

/** How long the event loop was blocked (ms): a long stall shows here, queueing does not. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export function stats(): ServerStats {
  const memory = process.memoryUsage();
  return { cpu: process.cpuUsage(), rss: memory.rss, heapUsed: memory.heapUsed };
}

/** Child side: announces readiness (with the port and anything else) and answers commands. */
export function serveCommands(ready: Record<string, unknown>, handlers: Record<string, Handler>): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const loopDelay = (): LoopDelay => {
    const ms = (ns: number) => ns / 1e6;
    const found = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    delay.reset();
    return found;
  };
  const all: Record<string, Handler> = { stats, loopDelay, ...handlers };
  process.on('message', async (message: { id: number; cmd: string; args?: Record<string, unknown> }) => {
    try {
      const result = await all[message.cmd]?.(message.args ?? {});
      process.send?.({ id: message.id, result });
    } catch (error) {
      process.send?.({ id: message.id, error: String(error) });
    }
  });
  process.send?.({ ready });
}

export interface ChildServer {
  ready: Record<string, unknown> & { port?: number };
  url: string;
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  stats(): Promise<ServerStats>;
  /** Asks the server to close cleanly, then waits for the process to exit. */
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL): for a server stuck in work the benchmark gave up on. */
  kill(): Promise<void>;
}

/** Parent side: `node <script>` (compiled) with `env`, resolved once the child says it is ready. */
export function spawnServer(
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
  /** Where the child's stdout (riskcheck's log) goes; nowhere when unset. */
  logFile?: string,
) {
  const log = logFile === undefined ? 'ignore' : openSync(logFile, 'a');
  const child = fork(script, [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  // The child has its own copy of the descriptor.
  if (typeof log === 'number') closeSync(log);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  // Created now, not when ready: an exit before anyone waits for it must still be seen.
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise<ChildServer>((resolve, reject) => {
    child.once('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`${script} exited with ${code}`));
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
    child.on(
      'message',
      (message: { ready?: ChildServer['ready']; id?: number; result?: unknown; error?: string }) => {
        if (message.ready) {
          const server: ChildServer = {
            ready: message.ready,
            url: `http://127.0.0.1:${message.ready.port}`,
            call: <T>(cmd: string, args: Record<string, unknown> = {}) =>
              new Promise<T>((res, rej) => {
                // A killed or crashed child has no channel: sending would throw an unhandled 'error'.
                if (!child.connected) {
                  rej(new Error(`${script} is not running`));
                  return;
                }
                const id = ++nextId;
                pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
                child.send({ id, cmd, args });
              }),
            stats: () => server.call<ServerStats>('stats'),
            async stop() {
              await server.call('close').catch(() => undefined);
              await exited;
            },
            async kill() {
              child.kill('SIGKILL');
              await exited;
            },
          };
          resolve(server);
          return;
        }
        const waiter = message.id === undefined ? undefined : pending.get(message.id);
        if (!waiter || message.id === undefined) return;
        pending.delete(message.id);
        if (message.error) waiter.reject(new Error(message.error));
        else waiter.resolve(message.result);
      },
    );
  });
}
