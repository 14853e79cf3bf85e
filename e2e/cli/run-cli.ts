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

export function runCli(args: string[], options: { home: { home: string; config: string }; env?: Record<string, string>; input?: string; cwd?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? options.home.home,
      env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: options.home.home, XDG_CONFIG_HOME: options.home.config, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
