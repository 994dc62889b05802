-- SPDX-License-Identifier: Apache-2.0
-- Connect information from an IPv6 client (family '6', bare address as Postfix sends it), and
-- from a client of unknown family ('U', no port or address), each carrying a whole message.
dofile(dir .. "/common.lua")

scenario("ipv6", function()
  local conn = open()
  envelope(conn, {client = "v6.example.org", addr = "2001:db8::25", qid = "V6A001",
    headers = {{"Subject", "over IPv6"}}})
  local r = finish(conn, {crlf("From an IPv6 client.\n")}, "V6A001")
  check(r == SMFIR_CONTINUE, "IPv6 client: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)
  mt.disconnect(conn)

  conn = open()
  step("mt.conninfo unspec", mt.conninfo(conn, "unknown", "unspec"), conn, SMFIR_CONTINUE)
  step("mt.helo", mt.helo(conn, "nowhere.example"), conn, SMFIR_CONTINUE)
  message_start(conn, {qid = "UNK001", headers = {{"Subject", "from nowhere"}}})
  r = finish(conn, {crlf("From a client of unknown family.\n")}, "UNK001")
  check(r == SMFIR_CONTINUE, "unknown family: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)
  mt.disconnect(conn)
end)
