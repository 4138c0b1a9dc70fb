-- Signed-in load from many customers: each request carries the next of the session cookies listed, one per line,
-- in the file named by the SESSIONS environment variable; reports like report.lua.
dofile("bench/report.lua")

local cookies = {}
for line in io.lines(os.getenv("SESSIONS")) do
   cookies[#cookies + 1] = line
end
local next_cookie = 0

request = function()
   next_cookie = next_cookie % #cookies + 1
   return wrk.format(nil, nil, { Cookie = cookies[next_cookie] })
end
