-- GET requests over a list of paths, one picked at random per request.
-- Usage: wrk ... -s bench/paths.lua http://host:port -- PATHS_FILE
-- PATHS_FILE holds one path (with its query string) per line.

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local paths = {}

function init(args)
  local file = args[1] or error("usage: -- PATHS_FILE")
  for path in io.lines(file) do
    if path ~= "" then
      paths[#paths + 1] = path
    end
  end
  if #paths == 0 then
    error("no paths in " .. file)
  end
  math.randomseed(os.time() + common.thread_seed())
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

response = common.response
setup = common.setup
done = common.done
