-- SPDX-License-Identifier: Apache-2.0
-- Recipients whose policies differ, against the quarantining daemon (spam: quarantine) with
-- example.com set to "action.spam tag" in the store. GTUBE to one recipient of each: the
-- message is delivered (CONTINUE) tagged to the example.com recipient, and the other one is
-- removed from this delivery with SMFIR_DELRCPT (its copy is kept in the quarantine).
dofile(dir .. "/common.lua")

scenario("split", function()
  local conn = open()
  envelope(conn, {qid = "SPL001", rcpts = {"ann@example.com", "bob@example.org"},
    headers = {{"Subject", "split decision"}}})
  local r = finish(conn, {crlf(GTUBE .. "\n")}, "SPL001")
  check(r == SMFIR_CONTINUE, "split: expected CONTINUE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_RCPTDELETE, "<bob@example.org>") or mt.eom_check(conn, MT_RCPTDELETE, "bob@example.org"),
      "split: bob@example.org removed with DELRCPT")
  check(not mt.eom_check(conn, MT_RCPTDELETE, "<ann@example.com>") and not mt.eom_check(conn, MT_RCPTDELETE, "ann@example.com"),
      "split: ann@example.com kept")
  check(mt.getheader(conn, "X-Spam-Flag", 0) == " YES", "split: tagged for ann")
  mt.abort(conn)
  mt.disconnect(conn)
end)
