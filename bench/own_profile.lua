-- The caller's own profile: GET /api/users/profile with the bearer token of a
-- random logged-in demo user. Unlike public profiles this is never cached:
-- every request checks the session and loads the profile from the database.
-- Usage: wrk ... -s bench/own_profile.lua http://host:port -- TOKENS_FILE
-- TOKENS_FILE holds one access token per line.

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local requests = {}

function init(args)
  local file = args[1] or error("usage: -- TOKENS_FILE")
  for token in io.lines(file) do
    if token ~= "" then
      requests[#requests + 1] = wrk.format("GET", "/api/users/profile", { ["Authorization"] = "Bearer " .. token })
    end
  end
  if #requests == 0 then
    error("no tokens in " .. file)
  end
  math.randomseed(os.time() + common.thread_seed())
end

function request()
  return requests[math.random(#requests)]
end

response = common.response
setup = common.setup
done = common.done
