-- POST /api/v1/events in batches of 10 for returning visitors: page views with a category (they
-- update counters and scores), custom events and a conversion.
package.path = (os.getenv("BENCH_SCRIPTS") or ".") .. "/?.lua;" .. package.path
local common = require("common")

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
  local events = {}
  for i = 1, 7 do
    local category = common.pick(common.categories)
    events[#events + 1] = string.format(
      '{"type":"pageview","page":{"url":"https://shop.example/%s/item-%d"},"properties":{"category":"%s"}}',
      category, math.random(500), category)
  end
  events[#events + 1] = '{"type":"custom","name":"video-play","properties":{"category":"' ..
    common.pick(common.categories) .. '"}}'
  events[#events + 1] = '{"type":"custom","name":"newsletter-view"}'
  events[#events + 1] = string.format('{"type":"conversion","goal":"purchase","value":%d.95}', math.random(20, 200))
  local body = string.format('{"space":"%s","visitorId":"%s","events":[%s]}',
    space, common.pick(common.visitors), table.concat(events, ","))
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = common.pick(common.agents),
  }, body)
end

function done(summary, latency, requests)
  common.report(summary, latency)
end
