// Entry point of `npm run quickstart` and `npm test` on a fresh machine: only Node built-ins here, because
// nothing is installed yet. Installs what is missing, then hands over to the TypeScript command.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const [command, ...args] = process.argv.slice(2);
const commands = { quickstart: "lib/cli/quickstart.ts", test: "lib/cli/test.ts" };
if (!commands[command]) {
  console.error(`usage: node lib/cli/bootstrap.mjs <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}

function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureNodeModules() {
  const lock = readFileSync(path.join(root, "package-lock.json"));
  const wanted = createHash("sha256").update(lock).digest("hex");
  const marker = path.join(root, "node_modules", ".keyhold-installed");
  if (existsSync(marker) && readFileSync(marker, "utf8") === wanted) return;
  // `npm install`, not `npm ci`: this machine's registry serves only Linux builds of the platform packages
  // (@next/swc-*, @tailwindcss/oxide-*), so npm ci calls the lock file out of sync. With an existing lock
  // file, npm install installs exactly its versions and leaves it unchanged.
  console.log("› installing npm packages…");
  if (run("npm", ["install", "--no-audit", "--no-fund"]) !== 0) process.exit(1);
  writeFileSync(marker, wanted);
}

// Playwright cannot download its browser here; Debian's chromium is used instead.
function ensureChromium() {
  if (process.env.KEYHOLD_CHROMIUM || existsSync("/usr/bin/chromium")) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ["sudo", "-n"];
  if (!asRoot && run("sudo", ["-n", "true"], { stdio: "ignore" }) !== 0) {
    console.error("Chromium is missing: install Debian's chromium (apt-get install chromium) or set KEYHOLD_CHROMIUM.");
    process.exit(1);
  }
  console.log("› installing Debian's chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...a) => (sudo.length ? run(sudo[0], [...sudo.slice(1), "apt-get", ...a], { env }) : run("apt-get", a, { env }));
  if (apt("update", "-qq") !== 0 || apt("install", "-y", "-qq", "--no-install-recommends", "chromium") !== 0) {
    console.error("Could not install chromium with apt-get.");
    process.exit(1);
  }
}

ensureNodeModules();
if (command === "test") ensureChromium();
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const child = spawnSync(process.execPath, [tsx, commands[command], ...args], { cwd: root, stdio: "inherit" });
process.exit(child.status ?? 1);
