// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

/**
 * One check at one SMTP stage. It reads the context and returns findings and a verdict as a
 * value; it never writes to the MTA. Filters are listed explicitly in the daemon's pipeline.
 */
public interface Filter {
    /** A short stable name for logs and metrics, e.g. {@code size-limit}. */
    String name();

    Stage stage();

    FilterResult evaluate(FilterContext context) throws Exception;

    /** What a failure of this filter means; tempfail unless the filter says otherwise. */
    default OnError onError() {
        return OnError.TEMPFAIL;
    }
}
