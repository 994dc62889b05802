-- SPDX-License-Identifier: Apache-2.0
-- A body larger than 64 KiB, sent as Postfix does in chunks of at most 65535 bytes: a clean
-- message of 4 chunks (200000 bytes) is delivered with the trace header; a message of the same
-- size with GTUBE cut across the boundary between its 2nd and 3rd chunk is refused.
dofile(dir .. "/common.lua")

-- Splits s into chunks of at most n bytes.
local function chunks_of(s, n)
  local out = {}
  for i = 1, #s, n do
    out[#out + 1] = string.sub(s, i, i + n - 1)
  end
  return out
end

scenario("body", function()
  local line = string.rep("0123456789", 7) .. "abcdefgh\r\n"   -- 80 bytes
  local body = string.rep(line, 2500)                          -- 200000 bytes
  local chunks = chunks_of(body, 65535)
  check(#chunks == 4, "4 chunks, got " .. #chunks)

  local conn = open()
  envelope(conn, {qid = "BIG001", headers = {{"Subject", "large body"}}})
  local r = finish(conn, chunks, "BIG001")
  check(r == SMFIR_CONTINUE, "large clean body: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)

  -- GTUBE placed so that it starts 20 bytes before the end of the second chunk.
  local at = 2 * 65535 - 20
  local spam = string.sub(body, 1, at) .. GTUBE .. string.sub(body, at + 1 + #GTUBE)
  check(#spam == #body, "same size")
  chunks = chunks_of(spam, 65535)
  message_start(conn, {qid = "BIG002", headers = {{"Subject", "large spam"}}})
  r = finish(conn, chunks, "BIG002")
  check(r == SMFIR_REPLYCODE, "large GTUBE body: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Message rejected as spam"), "large GTUBE body: 550 5.7.1")
  mt.abort(conn)
  mt.disconnect(conn)
end)
