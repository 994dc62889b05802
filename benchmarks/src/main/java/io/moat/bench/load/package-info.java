// SPDX-License-Identifier: Apache-2.0
/**
 * The milter load generator: it plays Postfix 3.7 against a running milter over many concurrent
 * connections (OPTNEG 6/0x1FF/0x1FFFFF, a MACRO packet before every command, headers one by one,
 * body chunks of at most 65535 bytes, EOM, then ABORT), feeds it messages taken from the training
 * corpus, and measures messages per second and per-message latency from MAIL to the EOM reply.
 * Nothing here is a test and nothing here gates CI.
 */
@org.jspecify.annotations.NullMarked
package io.moat.bench.load;
