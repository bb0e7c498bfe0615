-- Replaces one customer's CRM traits, unless the customer was erased.
-- KEYS[1] the traits hash; KEYS[2] the customer's tombstone
-- ARGV[1] TTL ms; ARGV[2..] field, JSON value pairs
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
redis.call('DEL', KEYS[1])
if #ARGV > 1 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 2))
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 1
