-- SPDX-License-Identifier: Apache-2.0
-- Header changes for tagged spam, against a daemon configured with
--   verdict: {subject-tag: "[SPAM]", actions: {spam: tag}}
-- GTUBE is delivered (CONTINUE) with the Subject changed in place (SMFIR_CHGHEADER, index 1),
-- or a tagged Subject added when the message had none, and the SpamAssassin-style fields added.
-- An MTA that offers header changes but not header additions gets the Subject changed and
-- nothing added: Moat uses only the actions negotiated.
dofile(dir .. "/common.lua")

scenario("tag", function()
  local conn = open()
  envelope(conn, {qid = "TAG001", headers = {{"From", "x@example.org"}, {"Subject", "buy now"}}})
  local r = finish(conn, {crlf(GTUBE .. "\n")}, "TAG001")
  check(r == SMFIR_CONTINUE, "tagged: expected CONTINUE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_HDRCHANGE, "Subject", " [SPAM] buy now"), "tagged: Subject changed to \"[SPAM] buy now\"")
  check(mt.getheader(conn, "X-Spam-Flag", 0) == " YES", "tagged: X-Spam-Flag: YES added")
  local status = mt.getheader(conn, "X-Spam-Status", 0)
  check(status ~= nil and string.find(status, "^ Yes, score=1000%.0 required=5%.0 tests=GTUBE") ~= nil,
      "tagged: X-Spam-Status " .. tostring(status))
  expect_trace(conn, "; class=spam; score=1000%.0; ")
  mt.abort(conn)

  message_start(conn, {qid = "TAG002", headers = {{"From", "x@example.org"}}})
  r = finish(conn, {crlf(GTUBE .. "\n")}, "TAG002")
  check(r == SMFIR_CONTINUE, "tagged, no subject: expected CONTINUE, got " .. reply_name(r))
  check(not mt.eom_check(conn, MT_HDRCHANGE), "tagged, no subject: nothing to change")
  check(mt.getheader(conn, "Subject", 0) == " [SPAM]", "tagged, no subject: Subject \"[SPAM]\" added")
  mt.abort(conn)
  mt.disconnect(conn)

  conn = mt.connect(socket)
  step("mt.negotiate (no ADDHDRS)", mt.negotiate(conn, 6, nil, 0x1FF - SMFIF_ADDHDRS))
  check(not mt.test_action(conn, SMFIF_ADDHDRS) and mt.test_action(conn, SMFIF_CHGHDRS), "offer: CHGHDRS without ADDHDRS")
  envelope(conn, {qid = "TAG003", headers = {{"From", "x@example.org"}, {"Subject", "no adds"}}})
  r = finish(conn, {crlf(GTUBE .. "\n")}, "TAG003")
  check(r == SMFIR_CONTINUE, "no ADDHDRS: expected CONTINUE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_HDRCHANGE, "Subject", " [SPAM] no adds"), "no ADDHDRS: Subject still changed")
  check(not mt.eom_check(conn, MT_HDRADD), "no ADDHDRS: nothing added")
  mt.abort(conn)
  message_start(conn, {qid = "TAG004", headers = {{"From", "x@example.org"}}})
  r = finish(conn, {crlf(GTUBE .. "\n")}, "TAG004")
  check(r == SMFIR_CONTINUE, "no ADDHDRS, no subject: expected CONTINUE, got " .. reply_name(r))
  check(not mt.eom_check(conn, MT_HDRADD), "no ADDHDRS, no subject: no Subject added")
  mt.abort(conn)
  mt.disconnect(conn)
end)
