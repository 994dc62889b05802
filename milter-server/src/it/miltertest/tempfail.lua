-- SPDX-License-Identifier: Apache-2.0
-- Tempfail, against a daemon configured with
--   verdict: {actions: {clean: tempfail, oversized: tempfail}}
-- A clean message is deferred at end of message with "451 4.7.1 Message deferred by policy,
-- try again later"; SIZE= over the limit is then not refused at MAIL but deferred at the end.
dofile(dir .. "/common.lua")

scenario("tempfail", function()
  local conn = open()
  envelope(conn, {qid = "TMP001", headers = {{"Subject", "deferred"}}})
  local r = finish(conn, {crlf("A clean message, deferred by policy.\n")}, "TMP001")
  check(r == SMFIR_REPLYCODE, "clean: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "451", "4.7.1", "Message deferred by policy, try again later"),
      "clean: reply is 451 4.7.1 Message deferred by policy, try again later")
  check(not mt.eom_check(conn, MT_HDRADD), "clean: no header added to a deferred message")
  mt.abort(conn)

  message_start(conn, {qid = "TMP002", mail_args = {"SIZE=999999999"}, headers = {{"Subject", "big"}}})
  r = finish(conn, {crlf("Declared as huge.\n")}, "TMP002")
  check(r == SMFIR_REPLYCODE, "declared oversize: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "451", "4.7.1", "Message deferred by policy, try again later"),
      "declared oversize: reply is 451 4.7.1")
  mt.abort(conn)
  mt.disconnect(conn)
end)
