-- POST /api/v1/decisions for a page of 3 slots, as browsers send it: 30% new visitors (no
-- cookie: Bespoke issues an id and starts a profile), 70% returning ones with a signed
-- bespoke_vid cookie whose profile is in Redis; varied user agents, languages, countries
-- (the trusted CF-IPCountry header), referrers, pages and UTM parameters.
-- The same script drives the baseline: only the URL's path differs.
package.path = (os.getenv("BENCH_SCRIPTS") or ".") .. "/?.lua;" .. package.path
local common = require("common")

local new_share = tonumber(os.getenv("NEW_SHARE") or "0.3")
local space = os.getenv("SPACE") or "bench"

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  common.load()
end

function request()
  local n = #common.slots
  local first = math.random(n)
  local slots = string.format('"%s","%s","%s"', common.slots[first],
    common.slots[(first + 336) % n + 1], common.slots[(first + 671) % n + 1])
  local category = common.pick(common.categories)
  local body = string.format(
    '{"space":"%s","channel":"%s","slots":[%s],"page":{"url":"https://shop.example/%s/item-%d%s","referrer":"%s"}}',
    space, math.random() < 0.8 and "web" or "mobile", slots, category, math.random(500),
    common.pick(common.utm), common.pick(common.referrers))
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = common.pick(common.agents),
    ["Accept-Language"] = common.pick(common.languages),
    ["CF-IPCountry"] = common.pick(common.countries),
  }
  if math.random() >= new_share then
    headers["Cookie"] = "bespoke_vid=" .. common.pick(common.visitors)
  end
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  common.report(summary, latency)
end
