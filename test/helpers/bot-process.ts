/**
 * Runs the bot as its own process, the way `npm start` or `npm run start:prod` does, and collects
 * what it prints so a test can wait for a line or read everything once it exited.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface BotProcess {
  child: ChildProcess;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Everything printed so far once `pattern` appears; rejects if the process exits without it. */
  printed(pattern: RegExp): Promise<string>;
  output(): string;
}

/** `node <args>` with only PATH, `LOG_LEVEL=info` and `env` in its environment. */
export function startBotProcess(args: string[], env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const printed = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (pattern.test(output) ? resolve(output) : undefined);
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      exited.then(() => (pattern.test(output) ? resolve(output) : reject(new Error(`exited: ${output}`))));
    });
  return { child, exited, printed, output: () => output };
}
