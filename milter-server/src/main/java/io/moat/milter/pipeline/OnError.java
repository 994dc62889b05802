// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

/** What the pipeline does when a filter fails (throws). */
public enum OnError {
    /** Answer 4xx so the sender retries: the default, nothing is let through unchecked. */
    TEMPFAIL,
    /** Record a FILTER_ERROR finding and go on without this filter's opinion. */
    SKIP
}
