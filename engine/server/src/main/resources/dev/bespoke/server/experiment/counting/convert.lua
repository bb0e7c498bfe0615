-- Counts a unit's conversion once, in the arm of its exposure; a never-exposed unit's conversion
-- is counted as excluded.
-- KEYS[1] units hash, KEYS[2] counters hash, KEYS[3] converted set; ARGV[1] unit, ARGV[2] day.
local arm = redis.call('HGET', KEYS[1], ARGV[1])
if not arm then
  redis.call('HINCRBY', KEYS[2], 'x:unexposed', 1)
  return 'NOT_EXPOSED'
end
if redis.call('SADD', KEYS[3], ARGV[1]) == 0 then
  return 'ALREADY_COUNTED'
end
redis.call('HINCRBY', KEYS[2], 'c:' .. arm, 1)
redis.call('HINCRBY', KEYS[2], 'c:' .. arm .. ':' .. ARGV[2], 1)
return 'COUNTED'
