-- The requests of one benchmark scenario, for wrk (see bench/run.sh).
-- Environment: BENCH_SCENARIO (owner, owners-page, vets, add-pet, mixed or owner-secured, or a list scenario),
-- BENCH_OWNER_IDS (a sample of the data set's owner ids, one a line); for a list scenario (owners-first,
-- owners-next, owners-middle, owners-search, pets-search) BENCH_URLS, the paths it requests, one a line,
-- each picked at random (owners-next: the 20 pages reached by following next from the first page); for
-- owner-secured BENCH_TOKEN (a bearer token); BENCH_NETWORK (loopback or proxy: how the service reaches
-- PostgreSQL), written into the result line.
-- The mix of "mixed" is the one of JdbcScenario.MIXED: 50% owner, 20% owners-page, 10% vets, 20% add-pet.

local scenario = os.getenv("BENCH_SCENARIO")
local network = os.getenv("BENCH_NETWORK") or "loopback"
if network == "" then network = "loopback" end
local urls_file = os.getenv("BENCH_URLS")
if urls_file == "" then urls_file = nil end
local ids = {}
local urls = {}
local pages = 1
local page_size = 20
-- Numbered pages go at most petclinic.lists.max-offset (10,000) rows deep.
local deepest_page = 10000 / page_size
local threads_set_up = 0

local json = { ["Content-Type"] = "application/json" }
local new_pet = '{"name":"Bench","birthDate":"2020-02-29"}'

local function owner()
   return wrk.format("GET", "/api/owners/" .. ids[math.random(#ids)])
end

-- The owner read with the bearer token a secured service requires (and validates once, then remembers).
local secured = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }

local function owner_secured()
   return wrk.format("GET", "/api/owners/" .. ids[math.random(#ids)], secured)
end

local function owners_page()
   return wrk.format("GET", "/api/owners?page=" .. math.random(0, pages - 1))
end

local function vets()
   return wrk.format("GET", "/api/vets")
end

local function add_pet()
   return wrk.format("POST", "/api/owners/" .. ids[math.random(#ids)] .. "/pets", json, new_pet)
end

local function mixed()
   local roll = math.random(100)
   if roll <= 50 then return owner()
   elseif roll <= 70 then return owners_page()
   elseif roll <= 80 then return vets()
   else return add_pet() end
end

local function url()
   return wrk.format("GET", urls[math.random(#urls)])
end

local scenarios = { owner = owner, ["owners-page"] = owners_page, vets = vets, ["add-pet"] = add_pet, mixed = mixed,
   ["owner-secured"] = owner_secured }
request = scenarios[scenario]
if request == nil and urls_file ~= nil then
   request = url
end
if request == nil then
   error("BENCH_SCENARIO must be one of owner, owners-page, vets, add-pet, mixed, owner-secured, or have BENCH_URLS; got "
      .. tostring(scenario))
end

function setup(thread)
   threads_set_up = threads_set_up + 1
   thread:set("thread_number", threads_set_up)
end

function init(args)
   for line in io.lines(os.getenv("BENCH_OWNER_IDS")) do
      ids[#ids + 1] = line
   end
   pages = math.min(deepest_page + 1, math.max(1, math.floor(#ids / page_size)))
   if urls_file ~= nil then
      for line in io.lines(urls_file) do
         urls[#urls + 1] = line
      end
   end
   -- thread_number is the global that setup() gave this thread's Lua state.
   math.randomseed(os.time() * 1000 + thread_number)
end

-- One tab-separated line, as the JDBC baseline writes it (LoadResult): latency in microseconds;
-- errors are failed connections, reads, writes and timeouts, and responses with a status of 400 or more.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("http\t%s\tservice\t%d\t%.3f\t%d\t%d\t%d\t%d\t%s\n", scenario, summary.requests,
      summary.duration / 1e6, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
      e.connect + e.read + e.write + e.status + e.timeout, network))
end
