-- SPDX-License-Identifier: Apache-2.0
-- Quarantine and drop, against a daemon configured with
--   verdict: {actions: {spam: quarantine, oversized: drop}}, limits: {max-message-size: 100000}
-- * GTUBE: Moat keeps the message in its own quarantine (the store) and answers DISCARD, with
--   no header changes and no SMFIR_QUARANTINE (Postfix's hold queue is not used).
-- * SIZE= over the limit: not refused at MAIL (policy is not reject); DISCARD at end of message.
-- * A body growing past the limit: SKIP for the chunk past it, DISCARD at end of message.
dofile(dir .. "/common.lua")

scenario("hold", function()
  local conn = open()
  envelope(conn, {qid = "HLD001", headers = {{"Subject", "held"}}})
  local r = finish(conn, {crlf(GTUBE .. "\n")}, "HLD001")
  check(r == SMFIR_DISCARD, "quarantined: expected DISCARD, got " .. reply_name(r))
  check(not mt.eom_check(conn, MT_QUARANTINE), "quarantined: not put on Postfix's hold queue")
  check(not mt.eom_check(conn, MT_HDRADD), "quarantined: no header added to a discarded copy")
  mt.abort(conn)

  message_start(conn, {qid = "HLD002", mail_args = {"SIZE=100001"}, headers = {{"Subject", "declared big"}}})
  r = finish(conn, {crlf("Said it was big.\n")}, "HLD002")
  check(r == SMFIR_DISCARD, "declared oversize: expected DISCARD, got " .. reply_name(r))
  check(not mt.eom_check(conn, MT_HDRADD), "dropped: no header added")
  mt.abort(conn)

  message_start(conn, {qid = "HLD003", headers = {{"Subject", "grows"}}})
  local chunk = string.rep(string.rep("y", 98) .. "\r\n", 600)   -- 60000 bytes
  step("mt.bodystring #1", mt.bodystring(conn, chunk), conn, SMFIR_CONTINUE)
  step("mt.bodystring #2", mt.bodystring(conn, chunk), conn, SMFIR_SKIP)
  macro(conn, "E", "i", "HLD003")
  step("mt.eom", mt.eom(conn), conn, SMFIR_DISCARD)
  mt.abort(conn)
  mt.disconnect(conn)
end)
