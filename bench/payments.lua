-- Milestone payments: each connection funds a milestone into escrow, then
-- releases it to the freelancer, then moves on to its next milestone. Run
-- with one connection per thread (-t N -c N) so each thread's requests go
-- in order.
-- Usage: wrk ... -s bench/payments.lua http://host:port -- MILESTONES_FILE THREADS
-- MILESTONES_FILE holds "ACCESS_TOKEN CONTRACT_ID MILESTONE_ID" per line;
-- thread i takes every THREADS-th line starting at line i.

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local milestones = {}
local current = 1
local releasing = false

function init(args)
  local file = args[1] or error("usage: -- MILESTONES_FILE THREADS")
  local threads = tonumber(args[2]) or error("usage: -- MILESTONES_FILE THREADS")
  local line_number = 0
  for line in io.lines(file) do
    line_number = line_number + 1
    if (line_number - 1) % threads == (thread_index or 1) - 1 then
      local token, contract, milestone = line:match("^(%S+) (%S+) (%S+)$")
      if token then
        milestones[#milestones + 1] = { token = token, contract = contract, milestone = milestone }
      end
    end
  end
  if #milestones == 0 then
    error("no milestones for thread " .. tostring(thread_index) .. " in " .. file)
  end
end

function request()
  local m = milestones[current]
  local action = releasing and "release" or "fund"
  return wrk.format("POST", "/api/contracts/" .. m.contract .. "/payment", {
    ["Authorization"] = "Bearer " .. m.token,
    ["Content-Type"] = "application/json",
  }, '{"milestone_id":"' .. m.milestone .. '","action":"' .. action .. '"}')
end

function response(status, headers, body)
  common.response(status, headers, body)
  if releasing or status ~= 200 then
    -- A cycle ends with its release, or early when a step is refused.
    releasing = false
    current = current + 1
    if current > #milestones then
      error("thread " .. tostring(thread_index) .. " ran out of milestones; seed more contracts")
    end
  else
    releasing = true
  end
end

setup = common.setup
done = common.done
