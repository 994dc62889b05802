// SPDX-License-Identifier: Apache-2.0
/**
 * What is kept of each message's fate: the {@link io.moat.milter.record.MessageRecord} and the
 * recorders it goes to, starting with the classic gateway log line.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.record;
