-- Logins: POST /api/users/login as random seeded users.
-- Usage: wrk ... -s bench/login.lua http://host:port -- EMAILS_FILE PASSWORD
-- EMAILS_FILE holds one e-mail address per line.

local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local bodies = {}
local headers = { ["Content-Type"] = "application/json" }

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function init(args)
  local file = args[1] or error("usage: -- EMAILS_FILE PASSWORD")
  local password = args[2] or "demo-password"
  for email in io.lines(file) do
    if email ~= "" then
      bodies[#bodies + 1] = '{"email":' .. json_string(email) .. ',"password":' .. json_string(password) .. '}'
    end
  end
  if #bodies == 0 then
    error("no e-mail addresses in " .. file)
  end
  math.randomseed(os.time() + common.thread_seed())
end

function request()
  return wrk.format("POST", "/api/users/login", headers, bodies[math.random(#bodies)])
end

response = common.response
setup = common.setup
done = common.done
