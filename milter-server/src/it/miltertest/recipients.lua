-- SPDX-License-Identifier: Apache-2.0
-- Several recipients for one message, each RCPT answered CONTINUE, then the same for a GTUBE
-- message: every recipient is named in the log line of the refused message.
dofile(dir .. "/common.lua")

scenario("recipients", function()
  local conn = open()
  envelope(conn, {from = "list@example.org", qid = "RCP001",
    rcpts = {"r1@example.net", "r2@example.net", "r3@example.com", "r4@example.com", "r5@example.org"},
    headers = {{"Subject", "five recipients"}}})
  check(finish(conn, {crlf("To five.\n")}, "RCP001") == SMFIR_CONTINUE, "five recipients: CONTINUE")
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)

  message_start(conn, {from = "list@example.org", qid = "RCP002", rcpts = {"s1@example.net", "s2@example.net"},
    headers = {{"Subject", "spam to two"}}})
  local r = finish(conn, {crlf(GTUBE .. "\n")}, "RCP002")
  check(r == SMFIR_REPLYCODE, "spam to two: expected REPLYCODE, got " .. reply_name(r))
  mt.abort(conn)
  mt.disconnect(conn)
end)
