-- Shared by the wrk scripts: counts responses by status in every thread and,
-- when the run ends, prints one machine-readable line:
--   BENCH_RESULT {"requests":..,"duration_s":..,"rps":..,"p50_ms":..,...}
-- Latencies come from wrk's own histogram (microseconds).

local M = {}

local threads = {}
local next_thread = 0

-- Runs in the main state once per thread before it starts.
function M.setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_index", next_thread)
  threads[#threads + 1] = thread
end

function M.thread_seed()
  return (thread_index or 0) * 7919
end

-- Runs in each thread; globals stay per thread.
status_counts = {}
function M.response(status, headers, body)
  status_counts[status] = (status_counts[status] or 0) + 1
end

function M.done(summary, latency, requests)
  local statuses = {}
  local non_2xx = 0
  for _, thread in ipairs(threads) do
    local counts = thread:get("status_counts") or {}
    for status, n in pairs(counts) do
      statuses[status] = (statuses[status] or 0) + n
      if status < 200 or status > 299 then
        non_2xx = non_2xx + n
      end
    end
  end
  local status_parts = {}
  for status, n in pairs(statuses) do
    status_parts[#status_parts + 1] = string.format('"%d":%d', status, n)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_s":%.3f,"rps":%.2f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
    '"non_2xx":%d,"statuses":{%s},' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    non_2xx, table.concat(status_parts, ","),
    e.connect, e.read, e.write, e.timeout))
end

return M
