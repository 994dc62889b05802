-- SPDX-License-Identifier: Apache-2.0
-- Helpers shared by Moat's miltertest conformance scripts; loaded with dofile(dir .. "/common.lua").
-- Globals set on the command line (miltertest -D name=value):
--   socket  where the daemon listens, in miltertest's notation: "inet:PORT@127.0.0.1" or "unix:/path"
--   dir     the directory of these scripts

SMFIR_SKIP = SMFIR_SKIP or string.byte("s")
unpack = table.unpack or unpack

local names = {
  [SMFIR_CONTINUE] = "CONTINUE", [SMFIR_ACCEPT] = "ACCEPT", [SMFIR_REJECT] = "REJECT",
  [SMFIR_TEMPFAIL] = "TEMPFAIL", [SMFIR_DISCARD] = "DISCARD", [SMFIR_REPLYCODE] = "REPLYCODE",
  [SMFIR_SKIP] = "SKIP", [string.byte("O")] = "OPTNEG", [0] = "NONE",
}

-- The name of a reply code, for messages.
function reply_name(r)
  return names[r] or string.format("'%s' (%d)", string.char(r), r)
end

-- Fails with `what` unless the last reply on conn is `want`.
function expect_reply(conn, want, what)
  local got = mt.getreply(conn)
  if got ~= want then
    error(what .. ": expected " .. reply_name(want) .. ", got " .. reply_name(got), 2)
  end
end

-- Runs a miltertest call that returns nil on success, then checks its reply.
function step(what, err, conn, want)
  if err ~= nil then
    error(what .. " failed: " .. tostring(err), 2)
  end
  if conn ~= nil and want ~= nil then
    local got = mt.getreply(conn)
    if got ~= want then
      error(what .. ": expected " .. reply_name(want) .. ", got " .. reply_name(got), 2)
    end
  end
end

function check(cond, what)
  if not cond then
    error("check failed: " .. what, 2)
  end
end

-- Opens a connection to the daemon and negotiates with miltertest's defaults (version 6).
function open(where)
  local conn = mt.connect(where or socket)
  check(conn ~= nil, "mt.connect(" .. tostring(where or socket) .. ")")
  step("mt.negotiate", mt.negotiate(conn, nil, nil, nil))
  return conn
end

-- Sends a macro packet for a stage given as its command letter ("C", "M", "T", "E"...).
function macro(conn, stage, ...)
  step("mt.macro " .. stage, mt.macro(conn, string.byte(stage), ...))
end

-- Body text as Postfix sends it: CRLF line ends.
function crlf(s)
  return (string.gsub(s, "\r?\n", "\r\n"))
end

GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"

-- Runs the scenario in protected mode: a Lua error would otherwise end miltertest with
-- status 1 and no message. Prints "PASS name" on success; "FAIL name: why" and exits 1 on failure.
function scenario(name, body)
  local ok, err = pcall(body)
  if ok then
    print("PASS " .. name)
  else
    print("FAIL " .. name .. ": " .. tostring(err))
    os.exit(1)
  end
end

-- The SMTP conversation up to the end of the headers, with Postfix's macros; returns nothing.
-- opts: client, addr, helo, from, mail_args (table), rcpts (table), qid, headers (list of {name, value})
function envelope(conn, opts)
  macro(conn, "C", "j", "mx.example.net", "{daemon_name}", "moat-test", "_", "client [" .. (opts.addr or "192.0.2.7") .. "]")
  step("mt.conninfo", mt.conninfo(conn, opts.client or "client.example.org", opts.addr or "192.0.2.7"), conn, SMFIR_CONTINUE)
  step("mt.helo", mt.helo(conn, opts.helo or "client.example.org"), conn, SMFIR_CONTINUE)
  message_start(conn, opts)
end

-- The header fields of a well-formed message: From, To, Date and Message-ID made from the
-- envelope (so header checks find nothing wrong), except those opts.headers gives itself,
-- followed by opts.headers (default: Subject "test").
function complete_headers(opts)
  local given = opts.headers or {{"Subject", "test"}}
  local named = {}
  for _, h in ipairs(given) do
    named[string.lower(h[1])] = true
  end
  local from = opts.from or "alice@example.org"
  local standard = {
    {"From", "<" .. from .. ">"},
    {"To", "<" .. (opts.rcpts or {"bob@example.net"})[1] .. ">"},
    {"Date", "Tue, 24 Nov 2026 01:00:00 +0000"},
    {"Message-ID", "<" .. (opts.qid or "no-queue-id") .. "@example.org>"},
  }
  local out = {}
  for _, h in ipairs(standard) do
    if not named[string.lower(h[1])] then
      out[#out + 1] = h
    end
  end
  for _, h in ipairs(given) do
    out[#out + 1] = h
  end
  return out
end

-- MAIL, RCPT..., DATA and the headers of one message on an open SMTP session.
function message_start(conn, opts)
  -- Like Postfix: no queue id yet at MAIL and RCPT (smtpd_delay_open_until_valid_rcpt).
  macro(conn, "M", "{mail_addr}", opts.from or "alice@example.org")
  step("mt.mailfrom", mt.mailfrom(conn, "<" .. (opts.from or "alice@example.org") .. ">", unpack(opts.mail_args or {})),
      conn, SMFIR_CONTINUE)
  for _, r in ipairs(opts.rcpts or {"bob@example.net"}) do
    macro(conn, "R", "{rcpt_addr}", r)
    step("mt.rcptto " .. r, mt.rcptto(conn, "<" .. r .. ">"), conn, SMFIR_CONTINUE)
  end
  if opts.qid then
    macro(conn, "T", "i", opts.qid)
  end
  step("mt.data", mt.data(conn), conn, SMFIR_CONTINUE)
  for _, h in ipairs(complete_headers(opts)) do
    if opts.qid then
      macro(conn, "L", "i", opts.qid)
    end
    step("mt.header " .. h[1], mt.header(conn, h[1], h[2]), conn, SMFIR_CONTINUE)
  end
  if opts.qid then
    macro(conn, "N", "i", opts.qid)
  end
  step("mt.eoh", mt.eoh(conn), conn, SMFIR_CONTINUE)
end

-- Sends body chunks then end of message, and returns the final reply.
function finish(conn, chunks, qid)
  for i, c in ipairs(chunks) do
    if qid then
      macro(conn, "B", "i", qid)
    end
    step("mt.bodystring #" .. i, mt.bodystring(conn, c), conn, SMFIR_CONTINUE)
  end
  if qid then
    macro(conn, "E", "i", qid)
  end
  step("mt.eom", mt.eom(conn))
  return mt.getreply(conn)
end

-- Checks that the trace header was added at end of message with a value matching `pattern`.
function expect_trace(conn, pattern)
  check(mt.eom_check(conn, MT_HDRADD, "X-Moat-Status"), "X-Moat-Status added at end of message")
  local v = mt.getheader(conn, "X-Moat-Status", 0)
  check(v ~= nil and string.find(v, pattern) ~= nil,
      "X-Moat-Status value " .. tostring(v) .. " matches " .. pattern)
end
