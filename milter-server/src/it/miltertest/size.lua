-- SPDX-License-Identifier: Apache-2.0
-- Size limits with the default policy (oversized mail is rejected). Run against a daemon with
--   limits: {max-message-size: 100000}
-- * SIZE= over the limit at MAIL FROM: SMFIR_REPLYCODE (552 5.3.4) before any data is sent;
--   after Postfix's ABORT the same connection carries the next message.
-- * A body growing over the limit: the chunks past the limit get SMFIR_SKIP (negotiated), and
--   end of message gets "552 5.3.4 Message size exceeds fixed limit".
dofile(dir .. "/common.lua")

scenario("size", function()
  local conn = open()
  envelope(conn, {qid = "SIZ000", headers = {{"Subject", "small"}}})
  check(finish(conn, {crlf("Small enough.\n")}, "SIZ000") == SMFIR_CONTINUE, "small message: CONTINUE")
  mt.abort(conn)

  macro(conn, "M", "{mail_addr}", "big@example.org")
  step("mt.mailfrom SIZE=", mt.mailfrom(conn, "<big@example.org>", "BODY=8BITMIME", "SIZE=100001"), conn, SMFIR_REPLYCODE)
  mt.abort(conn)

  message_start(conn, {from = "after@example.org", qid = "SIZ001", mail_args = {"SIZE=99000"},
    headers = {{"Subject", "after the refusal"}}})
  local r = finish(conn, {crlf("Fits.\n")}, "SIZ001")
  check(r == SMFIR_CONTINUE, "message after the refusal: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)

  -- 3 chunks of 40000 bytes: the first two fit (80000 + headers), the third crosses 100000.
  message_start(conn, {from = "grower@example.org", qid = "SIZ002", headers = {{"Subject", "grows"}}})
  local line = string.rep("x", 78) .. "\r\n"
  local chunk = string.rep(line, 500)
  check(#chunk == 40000, "chunk size")
  for i = 1, 2 do
    macro(conn, "B", "i", "SIZ002")
    step("mt.bodystring #" .. i, mt.bodystring(conn, chunk), conn, SMFIR_CONTINUE)
  end
  macro(conn, "B", "i", "SIZ002")
  step("mt.bodystring #3", mt.bodystring(conn, chunk), conn, SMFIR_SKIP)
  macro(conn, "E", "i", "SIZ002")
  step("mt.eom", mt.eom(conn), conn, SMFIR_REPLYCODE)
  check(mt.eom_check(conn, MT_SMTPREPLY, "552", "5.3.4", "Message size exceeds fixed limit"),
      "oversized body: reply is 552 5.3.4 Message size exceeds fixed limit")
  mt.abort(conn)
  mt.disconnect(conn)
end)
