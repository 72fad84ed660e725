-- One nonce's anti-replay window, checked and updated atomically (Redis runs a script alone).
-- The same window as SlidingWindow.java (IPsec, RFC 4303 section 3.4.3): the highest count seen and a
-- 64-bit bitmap of the counts below it, bit i set when count (highest - i) was used.
--
-- Lua numbers are doubles and Redis's bit library works on 32 bits, so the bitmap is kept as two 32-bit
-- words in a hash: field "h" the highest count, "w1" bits 0..31, "w2" bits 32..63 (stored signed, as the
-- bit library returns them). Counts must stay below 2^53 to be exact; the caller refuses larger ones.
--
-- KEYS[1]: the nonce's key. ARGV[1]: the count (> 0). ARGV[2]: the window size, 1..64.
-- ARGV[3]: the nonce's expiry, epoch milliseconds: the key lives exactly as long as the nonce.
-- Returns 1 for a first use, 0 for a replay or a count too old to tell.

local nc = tonumber(ARGV[1])
local size = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'h', 'w1', 'w2')
local highest = tonumber(state[1]) or 0
local words = { tonumber(state[2]) or 0, tonumber(state[3]) or 0 }

-- Moves the bitmap up by n counts (n >= 1); bits pushed past 63 are forgotten.
local function shift(n)
  if n >= 64 then
    words = { 0, 0 }
  elseif n >= 32 then
    words = { 0, bit.lshift(words[1], n - 32) }
  else
    words = { bit.lshift(words[1], n), bit.bor(bit.lshift(words[2], n), bit.rshift(words[1], 32 - n)) }
  end
end

-- The word and mask of the bit for offset 0..63.
local function slot(offset)
  return math.floor(offset / 32) + 1, bit.lshift(1, offset % 32)
end

if nc > highest then
  shift(nc - highest)
  highest = nc
  words[1] = bit.bor(words[1], 1)
else
  local offset = highest - nc
  if offset >= size then
    return 0 -- too old to tell: refuse rather than risk a replay
  end
  local w, mask = slot(offset)
  if bit.band(words[w], mask) ~= 0 then
    return 0
  end
  words[w] = bit.bor(words[w], mask)
end

redis.call('HSET', KEYS[1], 'h', highest, 'w1', words[1], 'w2', words[2])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1
