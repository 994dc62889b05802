-- SPDX-License-Identifier: Apache-2.0
-- Bodies larger than the in-memory buffer, against a daemon configured with
--   limits: {memory-buffer: 65536, spool-directory: ...}
-- A 300000-byte body is spooled to disk and GTUBE at its very end is still found; a second
-- message is cut off mid-body by the client going away without QUIT. The test around this
-- script checks that no spool file is left behind.
dofile(dir .. "/common.lua")

scenario("spool", function()
  local line = string.rep("z", 98) .. "\r\n"
  local chunk = string.rep(line, 600)   -- 60000 bytes
  local conn = open()
  envelope(conn, {qid = "SPO001", headers = {{"Subject", "spooled spam"}}})
  local chunks = {chunk, chunk, chunk, chunk, chunk, crlf(GTUBE .. "\n")}
  local r = finish(conn, chunks, "SPO001")
  check(r == SMFIR_REPLYCODE, "spooled GTUBE: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Message rejected as spam"), "spooled GTUBE: 550 5.7.1")
  mt.abort(conn)

  message_start(conn, {qid = "SPO002", headers = {{"Subject", "cut off"}}})
  for i = 1, 3 do
    step("mt.bodystring (cut off) #" .. i, mt.bodystring(conn, chunk), conn, SMFIR_CONTINUE)
  end
  mt.disconnect(conn, false)
end)
