-- Erases a profile: deletes every key given after the tombstone and sets the tombstone, atomically,
-- so a write can never land between the deletion and the tombstone.
-- KEYS[1] the tombstone; KEYS[2..] the keys to delete (all in the same hash slot)
-- ARGV[1] the tombstone's TTL in ms
for i = 2, #KEYS do
  redis.call('DEL', KEYS[i])
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1
