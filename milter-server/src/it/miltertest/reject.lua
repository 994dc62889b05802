-- SPDX-License-Identifier: Apache-2.0
-- GTUBE in the body: the message is classed as spam and refused at end of message with
-- SMFIR_REPLYCODE "550 5.7.1 Message rejected as spam", and no header is added. GTUBE split
-- across two body chunks is found too.
dofile(dir .. "/common.lua")

scenario("reject", function()
  local conn = open()
  envelope(conn, {qid = "REJ001", headers = {{"Subject", "gtube"}, {"Message-ID", "<gtube-1@example.org>"}}})
  local r = finish(conn, {crlf("This is spam.\n" .. GTUBE .. "\n")}, "REJ001")
  check(r == SMFIR_REPLYCODE, "GTUBE: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Message rejected as spam"),
      "GTUBE: reply is 550 5.7.1 Message rejected as spam")
  check(not mt.eom_check(conn, MT_HDRADD), "GTUBE: no header added to a refused message")
  mt.abort(conn)

  -- The test string cut in two by a chunk boundary.
  local half = 30
  message_start(conn, {qid = "REJ002", headers = {{"Subject", "gtube split"}}})
  r = finish(conn, {crlf("Spam, split.\n") .. string.sub(GTUBE, 1, half), string.sub(GTUBE, half + 1) .. "\r\n"}, "REJ002")
  check(r == SMFIR_REPLYCODE, "split GTUBE: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Message rejected as spam"),
      "split GTUBE: reply is 550 5.7.1 Message rejected as spam")
  mt.abort(conn)
  mt.disconnect(conn)
end)
