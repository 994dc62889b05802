-- SPDX-License-Identifier: Apache-2.0
-- Refusals at RCPT, against a daemon configured with
--   envelope: {sender-block: [evil@example.org], domains: {example.net: {mailboxes: [bob, carol]}}}
-- An unknown mailbox of a listed domain gets SMFIR_REPLYCODE at RCPT, and the transaction goes
-- on: the next recipients are answered CONTINUE and the message is delivered to them. A blocked
-- sender is accepted at MAIL and refused at each RCPT.
dofile(dir .. "/common.lua")

scenario("envelope", function()
  local conn = open()
  macro(conn, "C", "j", "mx.example.net")
  step("mt.conninfo", mt.conninfo(conn, "client.example.org", "192.0.2.7"), conn, SMFIR_CONTINUE)
  step("mt.helo", mt.helo(conn, "client.example.org"), conn, SMFIR_CONTINUE)
  step("mt.mailfrom", mt.mailfrom(conn, "<alice@example.org>"), conn, SMFIR_CONTINUE)
  step("mt.rcptto nobody", mt.rcptto(conn, "<nobody@example.net>"), conn, SMFIR_REPLYCODE)
  step("mt.rcptto bob", mt.rcptto(conn, "<bob@example.net>"), conn, SMFIR_CONTINUE)
  step("mt.rcptto elsewhere", mt.rcptto(conn, "<x@elsewhere.example>"), conn, SMFIR_CONTINUE)
  macro(conn, "T", "i", "ENV001")
  step("mt.data", mt.data(conn), conn, SMFIR_CONTINUE)
  for _, h in ipairs(complete_headers({qid = "ENV001", headers = {{"Subject", "two of three"}}})) do
    step("mt.header " .. h[1], mt.header(conn, h[1], h[2]), conn, SMFIR_CONTINUE)
  end
  step("mt.eoh", mt.eoh(conn), conn, SMFIR_CONTINUE)
  local r = finish(conn, {crlf("For bob and x.\n")}, "ENV001")
  check(r == SMFIR_CONTINUE, "two of three: expected CONTINUE, got " .. reply_name(r))
  expect_trace(conn, "^ deliver; class=clean; ")
  mt.abort(conn)

  step("mt.mailfrom evil", mt.mailfrom(conn, "<evil@example.org>"), conn, SMFIR_CONTINUE)
  step("mt.rcptto bob (evil)", mt.rcptto(conn, "<bob@example.net>"), conn, SMFIR_REPLYCODE)
  step("mt.rcptto carol (evil)", mt.rcptto(conn, "<carol@example.net>"), conn, SMFIR_REPLYCODE)
  mt.abort(conn)
  mt.disconnect(conn)
end)
