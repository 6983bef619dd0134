-- GET requests as one logged-in user: a random path per request from
-- PATHS_FILE, each with the bearer token.
-- Usage: wrk ... -s bench/authed_paths.lua http://host:port -- TOKEN PATHS_FILE

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local requests = {}

function init(args)
  local token = args[1] or error("usage: -- TOKEN PATHS_FILE")
  local file = args[2] or error("usage: -- TOKEN PATHS_FILE")
  for path in io.lines(file) do
    if path ~= "" then
      requests[#requests + 1] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
    end
  end
  if #requests == 0 then
    error("no paths in " .. file)
  end
  math.randomseed(os.time() + common.thread_seed())
end

function request()
  return requests[math.random(#requests)]
end

response = common.response
setup = common.setup
done = common.done
