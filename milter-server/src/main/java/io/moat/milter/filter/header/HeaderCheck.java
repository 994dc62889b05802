// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.verdict.Finding;
import java.util.List;

/** One check over a message's header fields. */
public interface HeaderCheck {
    List<Finding> check(MessageHeaders headers);
}
