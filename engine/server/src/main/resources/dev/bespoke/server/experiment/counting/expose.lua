-- Counts a unit as exposed once, in the arm of its first exposure, and remembers when.
-- KEYS[1] units hash, KEYS[2] counters hash, KEYS[3] exposure-times hash;
-- ARGV[1] unit, ARGV[2] arm, ARGV[3] day (yyyy-mm-dd), ARGV[4] burst bucket, ARGV[5] epoch ms.
-- Returns {arm counted in, 1 when counted now else 0}.
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  return {existing, 0}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
redis.call('HINCRBY', KEYS[2], 'v:' .. ARGV[2], 1)
redis.call('HINCRBY', KEYS[2], 'v:' .. ARGV[2] .. ':' .. ARGV[3], 1)
redis.call('HINCRBY', KEYS[2], 'b:v:' .. ARGV[4], 1)
return {ARGV[2], 1}
