// Runs the keyhold CLI (cli/bin/keyhold.mjs) as a user would: a child process with its own HOME and config dir.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type CliRun = { code: number | null; stdout: string; stderr: string };
const BIN = path.resolve("cli/bin/keyhold.mjs");

/** A temporary HOME (and XDG_CONFIG_HOME inside it), so each test has its own credentials. */
export function cliHome(): { home: string; config: string } {
  const home = mkdtempSync(path.join(tmpdir(), "keyhold-cli-"));
  return { home, config: path.join(home, ".config") };
}

type RunOptions = { home: { home: string; config: string }; env?: Record<string, string>; input?: string };

const spawnCli = (args: string[], options: RunOptions) =>
  spawn(process.execPath, [BIN, ...args], {
    cwd: options.home.home,
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: options.home.home, XDG_CONFIG_HOME: options.home.config, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });

export function runCli(args: string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A command that keeps running (audit tail): its stdout so far, a wait for a line, and a stop. */
export function startCli(args: string[], options: RunOptions) {
  const child = spawnCli(args, options);
  let stdout = "";
  let stderr = "";
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    waiters.forEach((wake) => wake());
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdin.end();
  return {
    output: () => ({ stdout, stderr }),
    waitFor: (pattern: RegExp, timeoutMs = 15_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`)), timeoutMs);
        const check = () => {
          const match = stdout.match(pattern);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        };
        waiters.push(check);
        check();
      }),
    stop: () => {
      child.kill();
      return new Promise((resolve) => (child.exitCode === null ? child.on("close", resolve) : resolve(null)));
    },
  };
}
