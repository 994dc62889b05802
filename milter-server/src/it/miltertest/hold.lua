-- SPDX-License-Identifier: Apache-2.0
-- Quarantine and drop, against a daemon configured with
--   verdict: {actions: {spam: quarantine, oversized: drop}}, limits: {max-message-size: 100000}
-- * GTUBE: SMFIR_QUARANTINE with the reason, the trace header, then CONTINUE (Postfix holds it).
-- * SIZE= over the limit: not refused at MAIL (policy is not reject); DISCARD at end of message.
-- * A body growing past the limit: SKIP for the chunk past it, DISCARD at end of message.
dofile(dir .. "/common.lua")

scenario("hold", function()
  local conn = open()
  envelope(conn, {qid = "HLD001", headers = {{"Subject", "held"}}})
  local r = finish(conn, {crlf(GTUBE .. "\n")}, "HLD001")
  check(r == SMFIR_CONTINUE, "quarantined: expected CONTINUE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_QUARANTINE, "Moat: spam score=1000.0"), "quarantined: reason \"Moat: spam score=1000.0\"")
  expect_trace(conn, "^ quarantine; class=spam; score=1000%.0; ")
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
