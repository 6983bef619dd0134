import { spawn } from "node:child_process";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Starts `downwork serve` on a free loopback port with a fresh data
 * directory, and resolves once it logs the address it listens on.
 */
export async function startServer({ bin, webDir, timeoutMs = 30_000 }) {
  await access(bin).catch(() => {
    throw new Error(`server binary not found at ${bin} (build it with \`cargo build -p server\`, or set DOWNWORK_BIN)`);
  });
  await access(path.join(webDir, "index.html")).catch(() => {
    throw new Error(`no built web app in ${webDir} (run \`npm run build\` first)`);
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), "downwork-e2e-"));
  const child = spawn(bin, ["serve"], {
    env: {
      ...process.env,
      DOWNWORK_ADDR: "127.0.0.1:0",
      DOWNWORK_DATA_DIR: dataDir,
      DOWNWORK_WEB_DIR: webDir,
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  let log = "";
  const onData = (data) => {
    log += data.toString().replace(ANSI, "");
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the server did not log its address within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(log);
      if (match) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = ({ code, signal }) => {
      cleanup();
      reject(new Error(`the server exited early (code ${code}, signal ${signal}):\n${log}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stderr.off("data", check);
      child.stdout.off("data", check);
    }
    child.stderr.on("data", check);
    child.stdout.on("data", check);
    exited.then(onExit);
  });

  return {
    url,
    dataDir,
    get log() {
      return log;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
