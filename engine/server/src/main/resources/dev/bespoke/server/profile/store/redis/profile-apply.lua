-- Applies one ProfileUpdate to a visitor's or customer's profile hash, atomically, in one round
-- trip. Mirrors ProfileState.java (the in-process store) step by step; change both together.
--
-- KEYS[1]  the profile hash            bespoke:{<space>:<id>}:p
-- KEYS[2]  the profile's tombstone     bespoke:{<space>:<id>}:erased
-- KEYS[3]  applied update ids (ZSET)   bespoke:{<space>:<id>}:u, scored by update time
-- KEYS[4]  score recency (ZSET)        bespoke:{<space>:<id>}:rs, score key by when last raised
-- KEYS[5..] bucket recency (ZSET) per event group, bespoke:{<space>:<id>}:rb:<group>, member
--          <key>:<day> by when last counted; the group is the key's last segment
-- ARGV[1]  update id ('' for none)     ARGV[2]  now, epoch ms        ARGV[3]  TTL ms
-- ARGV[4]  session gap ms              ARGV[5]  score half-life ms   ARGV[6]  today (yyyy-mm-dd)
-- ARGV[7]  oldest day kept             ARGV[8]  touch '1'|'0'        ARGV[9]  pageviews to add
-- ARGV[10] consent gate: none | granted | not-refused
-- ARGV[11] how long update ids are remembered, ms (at most 1,000 of them)
-- ARGV[12] day buckets kept per profile   ARGV[13] per event group   ARGV[14] scores kept
-- ARGV[15..] operations, four arguments each: op, a, b, c
--   c  key day amount      count in a day bucket          field b:<key>:<day>
--   s  key value asOf      add a decayed score            field s:<key> = "<value>@<asOf ms>"
--   t  name json -         set a trait                    field t:<name>
--   T  - - -               clear the traits
--   x  experiment arm -    assign unless assigned         field x:<experiment>
--   g  goal at -           conversion, earliest kept      field g:<goal>
--   k  p a at              consent, the newest kept       fields cp ca ck
--   R  - - -               forget everything but the update ids (consent revoked)
--   u  customer - -        link the customer              field c
--   v  visits first last|pv  fold another profile's visits
-- Scalars: n visits, fs first seen, ls last seen, pv pageviews this visit, pd day last pruned,
-- Update ids live in their own key so that a retry drained long after newer writes is still known.
-- Caps: beyond a cap the least recently written bucket or score goes (ProfileCaps.java): the
-- group's cap first, then the profile's across groups; ties by member bytes, as a ZSET orders.
-- Answers: applied | duplicate | erased | no-consent

local key = KEYS[1]
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 'erased'
end

local state = redis.call('HMGET', key, 'cp', 'ul', 'ls', 'pd', 'ck') -- 'ul' unused since ids moved to KEYS[3]
local gate = ARGV[10]
if gate == 'granted' and state[1] ~= '1' then
  return 'no-consent'
end
if gate == 'not-refused' and state[1] == '0' then
  return 'no-consent'
end

local id = ARGV[1]
if id ~= '' then
  if redis.call('ZSCORE', KEYS[3], id) then
    return 'duplicate'
  end
  local at = tonumber(ARGV[2])
  local window = tonumber(ARGV[11])
  redis.call('ZADD', KEYS[3], at, id)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (at - window))
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -1001)
  redis.call('PEXPIRE', KEYS[3], window)
end

local now = tonumber(ARGV[2])
local halfLife = tonumber(ARGV[5])
local oldest = ARGV[7]

local function decay(elapsed)
  return math.pow(2, -elapsed / halfLife)
end

local function formatScore(value, asOf)
  return string.format('%.17g@%.0f', value, asOf)
end

local function parseScore(text)
  local v, a = string.match(text, '^([^@]+)@(%d+)$')
  return tonumber(v), tonumber(a)
end

local maxBuckets, maxPerGroup, maxScores = tonumber(ARGV[12]), tonumber(ARGV[13]), tonumber(ARGV[14])
local scoreIndex = KEYS[4]
local groupIndex = {}
for g = 5, #KEYS do
  groupIndex[string.match(KEYS[g], ':([^:]+)$')] = KEYS[g]
end

-- The group of a counter key: its event name (the text before the first dot), else 'other'.
local function groupOf(counterKey)
  return groupIndex[string.match(counterKey, '^[^.]*')] or groupIndex['other']
end

-- Byte order, whatever collation the server's locale would give '<'.
local function bytesBefore(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then
      return x < y
    end
  end
  return #a < #b
end

local function leastRecentGroup()
  local best, bestAt, bestMember
  for g = 5, #KEYS do
    local head = redis.call('ZRANGE', KEYS[g], 0, 0, 'WITHSCORES')
    if head[1] then
      local at = tonumber(head[2])
      if (not best) or at < bestAt or (at == bestAt and bytesBefore(head[1], bestMember)) then
        best, bestAt, bestMember = KEYS[g], at, head[1]
      end
    end
  end
  return best
end

-- Deletes the hash fields of members popped from an index (member, score, member, score, ...).
local function dropPopped(prefix, popped)
  local fields = {}
  for j = 1, #popped, 2 do
    fields[#fields + 1] = prefix .. popped[j]
  end
  -- unpack is bounded by Lua's stack, so at most 500 fields a call.
  for j = 1, #fields, 500 do
    redis.call('HDEL', key, unpack(fields, j, math.min(j + 499, #fields)))
  end
end

-- Once per write, after its operations (ProfileState.java evicts at the same point): the cap per
-- group, then the cap per profile across the groups, then the score cap. Once per write rather
-- than after every operation, so a full batch costs a few commands more, not several per value.
local function enforceCaps()
  local buckets = 0
  for g = 5, #KEYS do
    local size = redis.call('ZCARD', KEYS[g])
    if size > maxPerGroup then
      dropPopped('b:', redis.call('ZPOPMIN', KEYS[g], size - maxPerGroup))
      size = maxPerGroup
    end
    buckets = buckets + size
  end
  while buckets > maxBuckets do
    dropPopped('b:', redis.call('ZPOPMIN', leastRecentGroup()))
    buckets = buckets - 1
  end
  local scores = redis.call('ZCARD', scoreIndex)
  if scores > maxScores then
    dropPopped('s:', redis.call('ZPOPMIN', scoreIndex, scores - maxScores))
  end
end

if ARGV[8] == '1' then
  local ls = tonumber(state[3])
  if not ls then
    redis.call('HINCRBY', key, 'n', 1)
    redis.call('HSET', key, 'pv', 0)
    redis.call('HSETNX', key, 'fs', ARGV[2])
  elseif now - ls > tonumber(ARGV[4]) then
    redis.call('HINCRBY', key, 'n', 1)
    redis.call('HSET', key, 'pv', 0)
  end
  if (not ls) or now > ls then
    redis.call('HSET', key, 'ls', ARGV[2])
  end
end
local pageviews = tonumber(ARGV[9])
if pageviews > 0 then
  redis.call('HINCRBY', key, 'pv', pageviews)
end

-- Pruning reads every field, so it runs once per profile per day: the oldest day kept only moves
-- when the day does.
if state[4] ~= ARGV[6] then
  local fields = redis.call('HKEYS', key)
  for _, field in ipairs(fields) do
    local kind = string.sub(field, 1, 2)
    if kind == 'b:' then
      if string.sub(field, -10) < oldest then
        redis.call('HDEL', key, field)
        redis.call('ZREM', groupOf(string.sub(field, 3, -12)), string.sub(field, 3))
      end
    elseif kind == 's:' then
      local v, a = parseScore(redis.call('HGET', key, field))
      if (not v) or v * decay(math.max(0, now - a)) < 0.01 then
        redis.call('HDEL', key, field)
        redis.call('ZREM', scoreIndex, string.sub(field, 3))
      end
    end
  end
  redis.call('HSET', key, 'pd', ARGV[6])
end

local capped = false
local i = 15
while i + 3 <= #ARGV do
  local op, a, b, c = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if op == 'c' then
    if b >= oldest then
      redis.call('HINCRBY', key, 'b:' .. a .. ':' .. b, c)
      redis.call('ZADD', groupOf(a), 'GT', ARGV[2], a .. ':' .. b)
      capped = true
    end
  elseif op == 's' then
    local field = 's:' .. a
    local value, asOf = tonumber(b), tonumber(c)
    local current = redis.call('HGET', key, field)
    if current then
      local v, t = parseScore(current)
      local latest = math.max(t, asOf)
      value = v * decay(latest - t) + value * decay(latest - asOf)
      asOf = latest
    end
    redis.call('HSET', key, field, formatScore(value, asOf))
    redis.call('ZADD', scoreIndex, 'GT', ARGV[2], a)
    capped = true
  elseif op == 'g' then
    local field = 'g:' .. a
    local current = tonumber(redis.call('HGET', key, field))
    if (not current) or tonumber(b) < current then
      redis.call('HSET', key, field, b)
    end
  elseif op == 'x' then
    redis.call('HSETNX', key, 'x:' .. a, b)
  elseif op == 't' then
    redis.call('HSET', key, 't:' .. a, b)
  elseif op == 'T' then
    for _, field in ipairs(redis.call('HKEYS', key)) do
      if string.sub(field, 1, 2) == 't:' then
        redis.call('HDEL', key, field)
      end
    end
  elseif op == 'k' then
    local stated = tonumber(redis.call('HGET', key, 'ck'))
    if (not stated) or tonumber(c) >= stated then
      redis.call('HSET', key, 'cp', a, 'ca', b, 'ck', c)
    end
  elseif op == 'R' then
    -- The update ids live in their own key and survive the reset.
    redis.call('DEL', key)
    for k = 4, #KEYS do
      redis.call('DEL', KEYS[k])
    end
  elseif op == 'u' then
    redis.call('HSET', key, 'c', a)
  elseif op == 'v' then
    redis.call('HINCRBY', key, 'n', a)
    if b ~= '' then
      local fs = tonumber(redis.call('HGET', key, 'fs'))
      if (not fs) or tonumber(b) < fs then
        redis.call('HSET', key, 'fs', b)
      end
    end
    local last, pv = string.match(c, '^(%d+)|(%d+)$')
    if last then
      local ls = tonumber(redis.call('HGET', key, 'ls'))
      if (not ls) or tonumber(last) > ls then
        redis.call('HSET', key, 'ls', last, 'pv', pv)
      end
    end
  else
    return redis.error_reply('unknown profile operation ' .. op)
  end
  i = i + 4
end

if capped then
  enforceCaps()
end
redis.call('PEXPIRE', key, ARGV[3])
for k = 4, #KEYS do
  redis.call('PEXPIRE', KEYS[k], ARGV[3])
end
return 'applied'
