-- SPDX-License-Identifier: Apache-2.0
-- Every stage of one SMTP session, each answered CONTINUE: connect, an unknown command, HELO,
-- MAIL, RCPT, DATA, headers, end of headers, body and end of message, where the trace header
-- X-Moat-Status is added with the verdict; then a second message on the same connection.
dofile(dir .. "/common.lua")

scenario("stages", function()
  local conn = open()
  macro(conn, "C", "j", "mx.example.net", "{daemon_name}", "moat-test", "{client_addr}", "192.0.2.7")
  step("mt.conninfo", mt.conninfo(conn, "client.example.org", "192.0.2.7"), conn, SMFIR_CONTINUE)
  step("mt.unknown", mt.unknown(conn, "XCLIENT-ISH nonsense"), conn, SMFIR_CONTINUE)
  step("mt.helo", mt.helo(conn, "client.example.org"), conn, SMFIR_CONTINUE)
  message_start(conn, {from = "alice@example.org", rcpts = {"bob@example.net"}, qid = "STG001",
    headers = {{"From", "Alice <alice@example.org>"}, {"To", "bob@example.net"},
               {"Subject", "stages"}, {"Message-ID", "<stages-1@example.org>"}}})
  local r = finish(conn, {crlf("Hello Bob,\n\nAll the stages, in order.\n")}, "STG001")
  check(r == SMFIR_CONTINUE, "end of message: expected CONTINUE, got " .. reply_name(r))
  -- HDR_LEADSPC was negotiated: the value is sent verbatim, so it carries its own leading space.
  expect_trace(conn, "^ deliver; class=clean; score=%-?[%d.]+; elapsed=%d+ms; host=")
  check(not mt.eom_check(conn, MT_SMTPREPLY, "550"), "no SMTP reply for a clean message")

  -- Postfix aborts after every message; the connection then carries the next one.
  mt.abort(conn)
  step("mt.unknown (between messages)", mt.unknown(conn, "NOOP-ISH"), conn, SMFIR_CONTINUE)
  message_start(conn, {from = "carol@example.org", rcpts = {"dave@example.net"}, qid = "STG002",
    headers = {{"Subject", "second"}}})
  r = finish(conn, {crlf("Second message.\n")}, "STG002")
  check(r == SMFIR_CONTINUE, "second end of message: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)
  mt.disconnect(conn)
end)
