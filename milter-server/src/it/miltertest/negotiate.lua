-- SPDX-License-Identifier: Apache-2.0
-- Option negotiation: what Moat asks for when offered everything (version 6), what it asks for
-- from an MTA offering less, older protocol versions 2 to 5 carrying a whole message, and a
-- version-1 MTA being refused.
-- Note: Debian's miltertest takes mt.negotiate(conn, version, protocol_steps, actions), in this
-- order (its manual page says "actions, steps"; the code reads steps first).
dofile(dir .. "/common.lua")

scenario("negotiate", function()
  -- Version 6, everything offered (miltertest's defaults, as Postfix 3.x offers).
  local conn = open()
  for _, a in ipairs({"SMFIF_ADDHDRS", "SMFIF_CHGBODY", "SMFIF_ADDRCPT", "SMFIF_DELRCPT", "SMFIF_CHGHDRS",
      "SMFIF_QUARANTINE", "SMFIF_CHGFROM", "SMFIF_ADDRCPT_PAR", "SMFIF_SETSYMLIST"}) do
    check(mt.test_action(conn, _G[a]), "v6: Moat requests " .. a)
  end
  check(mt.test_option(conn, SMFIP_HDR_LEADSPC), "v6: Moat requests SMFIP_HDR_LEADSPC")
  check(mt.test_option(conn, SMFIP_SKIP), "v6: Moat requests SMFIP_SKIP")
  for _, o in ipairs({"SMFIP_NOCONNECT", "SMFIP_NOHELO", "SMFIP_NOMAIL", "SMFIP_NORCPT", "SMFIP_NOBODY",
      "SMFIP_NOHDRS", "SMFIP_NOEOH", "SMFIP_NOUNKNOWN", "SMFIP_NODATA", "SMFIP_RCPT_REJ",
      "SMFIP_NR_CONN", "SMFIP_NR_HELO", "SMFIP_NR_MAIL", "SMFIP_NR_RCPT", "SMFIP_NR_DATA", "SMFIP_NR_HDR",
      "SMFIP_NR_EOH", "SMFIP_NR_BODY", "SMFIP_NR_UNKN", "SMFIP_MDS_256K", "SMFIP_MDS_1M"}) do
    check(not mt.test_option(conn, _G[o]), "v6: Moat does not request " .. o)
  end
  mt.disconnect(conn)

  -- An MTA that offers neither header additions nor SKIP nor HDR_LEADSPC: Moat asks for none
  -- of them, and the message still completes, without the trace header.
  conn = mt.connect(socket)
  local steps = 0x1FFFFF - SMFIP_SKIP - SMFIP_HDR_LEADSPC
  step("mt.negotiate (restricted)", mt.negotiate(conn, 6, steps, 0x1FF - SMFIF_ADDHDRS))
  check(not mt.test_action(conn, SMFIF_ADDHDRS), "restricted: no SMFIF_ADDHDRS requested")
  check(mt.test_action(conn, SMFIF_CHGHDRS), "restricted: SMFIF_CHGHDRS still requested")
  check(not mt.test_option(conn, SMFIP_SKIP), "restricted: no SMFIP_SKIP requested")
  check(not mt.test_option(conn, SMFIP_HDR_LEADSPC), "restricted: no SMFIP_HDR_LEADSPC requested")
  envelope(conn, {qid = "NEG6R"})
  local r = finish(conn, {crlf("restricted offer\n")}, "NEG6R")
  check(r == SMFIR_CONTINUE, "restricted: end of message answered CONTINUE, got " .. reply_name(r))
  check(not mt.eom_check(conn, MT_HDRADD), "restricted: no header added when ADDHDRS was not offered")
  mt.disconnect(conn)

  -- Older MTAs: versions 2 to 5 with the steps and actions of their time. Moat answers with
  -- what they offer, and a whole message goes through (no DATA step before version 4).
  for v = 2, 5 do
    conn = mt.connect(socket)
    step("mt.negotiate v" .. v, mt.negotiate(conn, v, 0x7F, 0x3F))
    check(mt.test_action(conn, SMFIF_ADDHDRS), "v" .. v .. ": SMFIF_ADDHDRS requested")
    check(not mt.test_action(conn, SMFIF_SETSYMLIST), "v" .. v .. ": no SMFIF_SETSYMLIST (not offered)")
    check(not mt.test_option(conn, SMFIP_HDR_LEADSPC), "v" .. v .. ": no SMFIP_HDR_LEADSPC (not offered)")
    check(not mt.test_option(conn, SMFIP_SKIP), "v" .. v .. ": no SMFIP_SKIP (not offered)")
    step("mt.conninfo v" .. v, mt.conninfo(conn, "old.example.org", "198.51.100.2"), conn, SMFIR_CONTINUE)
    step("mt.helo v" .. v, mt.helo(conn, "old.example.org"), conn, SMFIR_CONTINUE)
    step("mt.mailfrom v" .. v, mt.mailfrom(conn, "<old@example.org>"), conn, SMFIR_CONTINUE)
    step("mt.rcptto v" .. v, mt.rcptto(conn, "<bob@example.net>"), conn, SMFIR_CONTINUE)
    for _, h in ipairs(complete_headers({from = "old@example.org", headers = {{"Subject", "version " .. v}}})) do
      step("mt.header v" .. v .. " " .. h[1], mt.header(conn, h[1], h[2]), conn, SMFIR_CONTINUE)
    end
    step("mt.eoh v" .. v, mt.eoh(conn), conn, SMFIR_CONTINUE)
    step("mt.bodystring v" .. v, mt.bodystring(conn, crlf("old protocol\n")), conn, SMFIR_CONTINUE)
    step("mt.eom v" .. v, mt.eom(conn), conn, SMFIR_CONTINUE)
    -- Without HDR_LEADSPC the MTA adds the space after the colon, so the value has none.
    expect_trace(conn, "^deliver; class=clean; ")
    mt.disconnect(conn)
  end

  -- Version 1 predates everything Moat needs: the daemon refuses and closes.
  conn = mt.connect(socket)
  check(mt.negotiate(conn, 1, 0x7F, 0x3F) ~= nil, "v1: negotiation refused")
end)
