-- SPDX-License-Identifier: Apache-2.0
-- ABORT and connection reuse. One connection carries, in order:
--   ABT001  a complete message, queue id ABT001 from DATA on (Postfix sends none at MAIL/RCPT)
--   ABT002  a message aborted in its body: never logged
--   ABT003  a complete message whose queue id arrives only at end of message
--   (none)  a complete message that never gets a queue id: logged with "-", not a stale one
-- The test around this script checks the gateway log lines: each message shows its own queue
-- id, sender and recipient, and nothing from the message before it.
dofile(dir .. "/common.lua")

scenario("abort", function()
  local conn = open()
  envelope(conn, {from = "first@example.org", rcpts = {"one@example.net"}, qid = "ABT001",
    headers = {{"Subject", "first"}}})
  check(finish(conn, {crlf("First.\n")}, "ABT001") == SMFIR_CONTINUE, "first: CONTINUE")
  expect_trace(conn, "^ deliver; ")
  mt.abort(conn)

  message_start(conn, {from = "second@example.org", rcpts = {"two@example.net"}, qid = "ABT002",
    headers = {{"Subject", "second, aborted"}}})
  macro(conn, "B", "i", "ABT002")
  step("mt.bodystring (aborted)", mt.bodystring(conn, crlf("Half a message...\n")), conn, SMFIR_CONTINUE)
  mt.abort(conn)

  message_start(conn, {from = "third@example.org", rcpts = {"three@example.net"}, headers = {{"Subject", "third"}}})
  step("mt.bodystring (third)", mt.bodystring(conn, crlf("Third.\n")), conn, SMFIR_CONTINUE)
  macro(conn, "E", "i", "ABT003")
  step("mt.eom (third)", mt.eom(conn), conn, SMFIR_CONTINUE)
  mt.abort(conn)

  message_start(conn, {from = "fourth@example.org", rcpts = {"four@example.net"}, headers = {{"Subject", "fourth"}}})
  check(finish(conn, {crlf("Fourth, never given a queue id.\n")}, nil) == SMFIR_CONTINUE, "fourth: CONTINUE")
  mt.abort(conn)
  mt.disconnect(conn)
end)
