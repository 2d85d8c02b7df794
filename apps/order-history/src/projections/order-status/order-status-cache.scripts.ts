// Lua scripts run atomically by Redis: reading the generation and the stored version and writing
// happen in one step, so no other client's command can slip in between.
//
// KEYS[1] is the generation counter, KEYS[2] the entry (a hash: version, status as JSON, and the
// order's consumer id, '' while unknown, for the owner check) named with the generation the
// caller believes current (ARGV[1]). A caller whose generation is not the current one touches
// nothing and is told the current one.

/** ARGV: generation, version, status JSON, consumer id or '', TTL in seconds -> {1 written | 0 not newer | -1 other generation, current generation}. */
export const PUT_IF_NEWER = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return {-1, current} end
local stored = redis.call('HGET', KEYS[2], 'version')
if stored and tonumber(stored) >= tonumber(ARGV[2]) then return {0, current} end
redis.call('HSET', KEYS[2], 'version', ARGV[2], 'status', ARGV[3], 'consumer', ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return {1, current}`;

/** ARGV: generation -> {current generation, status JSON or nil (a miss, or another generation), consumer id or nil}. */
export const GET_IN_GENERATION = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return {current, false, false} end
local entry = redis.call('HMGET', KEYS[2], 'status', 'consumer')
return {current, entry[1], entry[2]}`;
