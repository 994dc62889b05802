// SPDX-License-Identifier: Apache-2.0
/**
 * The state of one milter connection: negotiation, the legal order of commands, macros by stage,
 * who the client is, and the message transaction opened at MAIL and dropped at ABORT or end of
 * message.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.session;
