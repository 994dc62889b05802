-- SPDX-License-Identifier: Apache-2.0
-- A sender's own X-Moat-Status or X-Spam-* fields must not reach the mailbox beside Moat's:
-- every copy that came with the message is deleted at end of message (SMFIR_CHGHEADER with an
-- empty value, index counted per name) and Moat adds its own.
dofile(dir .. "/common.lua")

scenario("forged", function()
  local conn = open()
  envelope(conn, {qid = "FRG001", headers = {
    {"X-Moat-Status", "deliver; class=clean; score=-100.0"},
    {"Subject", "trust me"},
    {"X-Spam-Flag", "NO"},
    {"x-moat-status", "deliver; class=clean"}}})
  local r = finish(conn, {crlf("Forged status headers.\n")}, "FRG001")
  check(r == SMFIR_CONTINUE, "forged: expected CONTINUE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_HDRDELETE, "X-Moat-Status", 1), "forged: X-Moat-Status #1 deleted")
  check(mt.eom_check(conn, MT_HDRDELETE, "x-moat-status", 2) or mt.eom_check(conn, MT_HDRDELETE, "X-Moat-Status", 2),
      "forged: X-Moat-Status #2 deleted")
  check(mt.eom_check(conn, MT_HDRDELETE, "X-Spam-Flag", 1), "forged: X-Spam-Flag deleted")
  check(not mt.eom_check(conn, MT_HDRDELETE, "Subject"), "forged: Subject kept")
  expect_trace(conn, "^ deliver; class=clean; score=%-?[%d.]+; ")
  check(mt.eom_check(conn, MT_HDRADD, "X-Spam-Status"), "forged: Moat's X-Spam-Status added")
  mt.abort(conn)

  -- A message without a forged copy: nothing deleted.
  message_start(conn, {qid = "FRG002", headers = {{"Subject", "honest"}}})
  check(finish(conn, {crlf("Nothing forged.\n")}, "FRG002") == SMFIR_CONTINUE, "honest: CONTINUE")
  check(not mt.eom_check(conn, MT_HDRDELETE), "honest: no header deleted")
  expect_trace(conn, "^ deliver; ")
  mt.abort(conn)
  mt.disconnect(conn)
end)
