-- One failure for one lockout key, atomically: the rules of io.authd.lockout.FailureWindow.
-- KEYS[1]: the key's hash (fields start, current, previous, strikes, until).
-- ARGV: now, window, threshold, base, factor, max (milliseconds; factor a number), max exponent.
-- Returns when the key's lockout ends (epoch millis; in the past when it is not locked).
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local threshold = tonumber(ARGV[3])
local base = tonumber(ARGV[4])
local factor = tonumber(ARGV[5])
local max = tonumber(ARGV[6])
local maxExponent = tonumber(ARGV[7])
local s = redis.call('HMGET', KEYS[1], 'start', 'current', 'previous', 'strikes', 'until')
local start = tonumber(s[1]) or now
local current = tonumber(s[2]) or 0
local previous = tonumber(s[3]) or 0
local strikes = tonumber(s[4]) or 0
local lockedUntil = tonumber(s[5]) or 0
if now >= start + 2 * window then
  start, current, previous = now, 0, 0
elseif now >= start + window then
  start, current, previous = start + window, 0, current
end
current = current + 1
local estimate = current + previous * (window - (now - start)) / window
if estimate >= threshold then
  strikes = strikes + 1
  local millis = math.floor(base * factor ^ math.min(strikes - 1, maxExponent))
  lockedUntil = now + math.min(millis, max)
  start, current, previous = now, 0, 0
end
-- %.17g keeps the doubles exact; Redis would otherwise format them with %.14g.
redis.call('HSET', KEYS[1], 'start', string.format('%.17g', start), 'current', string.format('%.17g', current),
  'previous', string.format('%.17g', previous), 'strikes', strikes, 'until', string.format('%.17g', lockedUntil))
redis.call('PEXPIREAT', KEYS[1], math.max(lockedUntil, now) + 2 * window)
return lockedUntil
