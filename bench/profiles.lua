-- Public profile reads: GET /api/users/{id} over the ids of the seeded users.
-- Usage: wrk ... -s bench/profiles.lua http://host:port -- IDS_FILE
-- IDS_FILE holds one user id per line.

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local paths = {}

function init(args)
  local file = args[1] or error("usage: -- IDS_FILE")
  for id in io.lines(file) do
    if id ~= "" then
      paths[#paths + 1] = "/api/users/" .. id
    end
  end
  if #paths == 0 then
    error("no user ids in " .. file)
  end
  math.randomseed(os.time() + common.thread_seed())
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

response = common.response
setup = common.setup
done = common.done
