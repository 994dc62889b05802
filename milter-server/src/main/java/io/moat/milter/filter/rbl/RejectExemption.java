// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import io.moat.milter.session.ReversePath;

/**
 * Recipients a list refusal does not apply to for a sender: the daemon passes "the recipient's
 * envelope policy allows this sender", so a partner behind a listed address still gets through.
 */
@FunctionalInterface
public interface RejectExemption {
    RejectExemption NONE = (sender, recipient) -> false;

    boolean exempt(ReversePath sender, String recipient);
}
