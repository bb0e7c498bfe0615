-- Counts a unit's conversion once, in the arm of its exposure; a never-exposed unit's conversion,
-- and one sooner after the exposure than the minimum delay, are counted as excluded.
-- KEYS[1] units hash, KEYS[2] counters hash, KEYS[3] converted set, KEYS[4] exposure-times hash;
-- ARGV[1] unit, ARGV[2] day, ARGV[3] burst bucket, ARGV[4] epoch ms, ARGV[5] minimum delay ms.
local arm = redis.call('HGET', KEYS[1], ARGV[1])
if not arm then
  redis.call('HINCRBY', KEYS[2], 'x:unexposed', 1)
  return 'NOT_EXPOSED'
end
-- Units exposed before exposure times were kept have none: they are old enough.
local exposed = redis.call('HGET', KEYS[4], ARGV[1])
if exposed and tonumber(ARGV[4]) - tonumber(exposed) < tonumber(ARGV[5]) then
  redis.call('HINCRBY', KEYS[2], 'x:early', 1)
  return 'TOO_SOON'
end
if redis.call('SADD', KEYS[3], ARGV[1]) == 0 then
  return 'ALREADY_COUNTED'
end
redis.call('HINCRBY', KEYS[2], 'c:' .. arm, 1)
redis.call('HINCRBY', KEYS[2], 'c:' .. arm .. ':' .. ARGV[2], 1)
redis.call('HINCRBY', KEYS[2], 'b:c:' .. ARGV[3], 1)
return 'COUNTED'
