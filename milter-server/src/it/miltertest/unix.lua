-- SPDX-License-Identifier: Apache-2.0
-- The daemon listening on a unix socket (run with socket=unix:/path): negotiation, a clean
-- message with the trace header and a GTUBE message refused, over one connection.
dofile(dir .. "/common.lua")

scenario("unix", function()
  check(string.sub(socket, 1, 5) == "unix:", "run with socket=unix:/path, got " .. socket)
  local conn = open()
  check(mt.test_option(conn, SMFIP_HDR_LEADSPC), "unix: SMFIP_HDR_LEADSPC negotiated")
  envelope(conn, {client = "localhost", addr = "127.0.0.1", qid = "UNX001", headers = {{"Subject", "over a unix socket"}}})
  local r = finish(conn, {crlf("Through the unix socket.\n")}, "UNX001")
  check(r == SMFIR_CONTINUE, "unix clean: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)
  message_start(conn, {qid = "UNX002", headers = {{"Subject", "spam over a unix socket"}}})
  r = finish(conn, {crlf(GTUBE .. "\n")}, "UNX002")
  check(r == SMFIR_REPLYCODE, "unix GTUBE: expected REPLYCODE, got " .. reply_name(r))
  check(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1", "Message rejected as spam"), "unix GTUBE: 550 5.7.1")
  mt.abort(conn)
  mt.disconnect(conn)
end)
