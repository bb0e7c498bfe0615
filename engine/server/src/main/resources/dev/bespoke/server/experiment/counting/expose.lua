-- Counts a unit as exposed once, in the arm of its first exposure.
-- KEYS[1] units hash, KEYS[2] counters hash; ARGV[1] unit, ARGV[2] arm, ARGV[3] day (yyyy-mm-dd).
-- Returns {arm counted in, 1 when counted now else 0}.
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  return {existing, 0}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], 'v:' .. ARGV[2], 1)
redis.call('HINCRBY', KEYS[2], 'v:' .. ARGV[2] .. ':' .. ARGV[3], 1)
return {ARGV[2], 1}
