// Realtime benchmark: many connected sockets, messages sent at a fixed rate
// between pairs of users, delivery latency measured from the sender's emit to
// the receiver's `message:new` (one process, one clock).
//
//   node bench/realtime.mjs --url http://127.0.0.1:8080 [--sockets 1000] [--rate 200] [--duration 60]
//                           [--ramp 400,800,1600] [--step-duration 15]
//
// Sets up its own users over HTTP (half clients who post a job, half
// freelancers who propose on it, so each pair may talk), connects every
// socket, runs the steady rate, then steps up through the ramp rates until
// p99 goes over 250 ms or a message is lost. Prints one JSON object.

import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(new URL("../web/package.json", import.meta.url));
const { io } = require("socket.io-client");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const URL_BASE = args.url ?? "http://127.0.0.1:8080";
const SOCKETS = Number(args.sockets ?? 1000);
const RATE = Number(args.rate ?? 200);
const DURATION = Number(args.duration ?? 60);
const RAMP = (args.ramp ?? "400,800,1200,1600,2400,3200").split(",").filter(Boolean).map(Number);
const STEP_DURATION = Number(args["step-duration"] ?? 15);
const RAMP_P99_LIMIT_MS = 250;
const GRACE_MS = 3000;

const log = (message) => process.stderr.write(`[realtime ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function api(path, body, token) {
  const response = await fetch(`${URL_BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pooled(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

async function setUp(pairs) {
  const run = Date.now().toString(36);
  log(`signing up ${pairs * 2} users`);
  const users = await pooled([...Array(pairs * 2).keys()], 8, (i) =>
    api("/api/users/signup", {
      email: `rt-${run}-${i}@bench.downwork.test`,
      password: "bench-password-1",
      name: `Bench ${i}`,
      role: i % 2 === 0 ? "client" : "freelancer",
    }),
  );
  log(`posting ${pairs} jobs and proposing on each`);
  await pooled([...Array(pairs).keys()], 8, async (p) => {
    const client = users[2 * p];
    const freelancer = users[2 * p + 1];
    const job = await api(
      "/api/jobs",
      {
        title: `Benchmark job ${p} for realtime chat`,
        description: "A job posted so that a client and a freelancer may talk to each other in the benchmark.",
        category: "web-development",
        skills: [],
        payment_type: "fixed",
        budget: { amount: 50000, currency: "usd" },
      },
      client.access_token,
    );
    await api(`/api/jobs/${job.id}/bid`, { cover_letter: "I would like to help with this job, I have done it before.", amount: { amount: 50000, currency: "usd" } }, freelancer.access_token);
  });
  return users.map((u) => ({ id: u.user.id, token: u.access_token }));
}

function connect(user) {
  return new Promise((resolve, reject) => {
    const socket = io(URL_BASE, { auth: { token: user.token }, transports: ["websocket"], reconnection: false });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sends `rate` messages a second for `seconds` between the pairs; measures delivery. */
async function measure(sockets, users, rate, seconds, label) {
  const pending = new Map();
  const latencies = [];
  let acked = 0;
  let failed = 0;
  const onMessage = (message) => {
    const sent = pending.get(message.client_id);
    if (sent !== undefined) {
      latencies.push(performance.now() - sent);
      pending.delete(message.client_id);
    }
  };
  sockets.forEach((socket, i) => {
    const me = users[i].id;
    socket.on("message:new", (message) => {
      if (message.sender_id !== me) onMessage(message);
    });
  });
  const total = Math.round(rate * seconds);
  const pairs = sockets.length / 2;
  let sent = 0;
  const started = performance.now();
  log(`${label}: ${rate} messages/s for ${seconds} s`);
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const pair = sent % pairs;
        const from = (sent / pairs) % 2 < 1 ? 2 * pair : 2 * pair + 1;
        const to = from % 2 === 0 ? from + 1 : from - 1;
        const clientId = `${label}-${sent}`;
        pending.set(clientId, performance.now());
        sockets[from]
          .timeout(10000)
          .emit("message:send", { to_user_id: users[to].id, body: `bench message ${sent}`, client_id: clientId }, (err, answer) => {
            if (err || !answer?.message) failed++;
            else acked++;
          });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + GRACE_MS;
  while (pending.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  sockets.forEach((socket) => socket.off("message:new"));
  latencies.sort((a, b) => a - b);
  const result = {
    label,
    rate,
    seconds,
    sent,
    achieved_rate: sent / sendSeconds,
    acked,
    failed,
    delivered: latencies.length,
    lost: pending.size,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.at(-1) ?? null,
  };
  log(`${label}: delivered ${result.delivered}/${sent}, lost ${result.lost}, p50 ${result.p50_ms?.toFixed(1)} ms, p99 ${result.p99_ms?.toFixed(1)} ms`);
  return result;
}

async function main() {
  const pairs = Math.floor(SOCKETS / 2);
  const users = await setUp(pairs);
  log(`connecting ${users.length} sockets`);
  const sockets = await pooled(users, 50, connect);
  // A first message per pair opens each conversation, outside the measurement.
  await measure(sockets, users, Math.min(RATE, 500), pairs / Math.min(RATE, 500), "warm-up");
  const steady = await measure(sockets, users, RATE, DURATION, "steady");
  const ramp = [];
  let highest = steady.lost === 0 && steady.p99_ms !== null && steady.p99_ms < RAMP_P99_LIMIT_MS ? steady.rate : null;
  for (const rate of RAMP) {
    const step = await measure(sockets, users, rate, STEP_DURATION, `ramp-${rate}`);
    ramp.push(step);
    const sustained = step.lost === 0 && step.failed === 0 && step.p99_ms < RAMP_P99_LIMIT_MS && step.achieved_rate >= 0.95 * rate;
    if (!sustained) break;
    highest = rate;
  }
  sockets.forEach((socket) => socket.close());
  console.log(JSON.stringify({ sockets: sockets.length, steady, ramp, highest_sustained_rate: highest }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
