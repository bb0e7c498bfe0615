-- Shared by the wrk scripts: the visitor population, request signals and the result line.
-- BENCH_DIR (environment) holds visitors.txt and slots.txt from generate.py.

local common = {}

common.agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Linux; Android 13; SM-X706B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
}
common.referrers = {
  "https://www.google.com/", "https://www.facebook.com/", "https://l.instagram.com/", "",
  "https://www.bing.com/search?q=shoes", "https://t.co/x1", "https://news.example.org/article", "",
}
common.countries = { "NL", "BE", "DE", "FR", "GB", "US", "ES", "IT", "LU", "AT", "CH", "SE" }
common.languages = { "nl-NL,nl;q=0.9,en;q=0.8", "en-GB,en;q=0.9", "de-DE,de;q=0.9", "fr-FR,fr;q=0.9", "nl-BE,nl;q=0.8" }
common.categories = { "shoes", "boots", "bags", "socks", "jackets", "hats", "running", "outdoor" }
common.utm = { "", "", "", "?utm_source=newsletter&utm_medium=email&utm_campaign=winter",
               "?utm_source=facebook&utm_medium=cpc&utm_campaign=sale" }

local function lines(path)
  local t = {}
  local f = assert(io.open(path, "r"), "missing " .. path .. " (run generate.py first)")
  for line in f:lines() do
    if #line > 0 then t[#t + 1] = line end
  end
  f:close()
  return t
end

function common.load()
  local dir = os.getenv("BENCH_DIR") or "."
  common.visitors = lines(dir .. "/visitors.txt")
  common.slots = lines(dir .. "/slots.txt")
end

function common.pick(t)
  return t[math.random(#t)]
end

-- One line of JSON the harness collects: throughput, latency percentiles (microseconds), errors.
function common.report(summary, latency)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"bytes":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout, summary.bytes))
end

return common
