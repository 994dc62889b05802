// SPDX-License-Identifier: Apache-2.0
/**
 * What a message carries: a streaming MIME walk (mime4j token stream, no message tree in heap),
 * each part's true type from its content (Tika's magic), archives and nested messages opened
 * recursively under limits on depth, part count, expanded bytes and expansion ratio, banned types
 * and names, encrypted parts that cannot be checked, and the URLs in text and HTML parts. The
 * result for one message is a {@link io.moat.milter.filter.content.ContentReport}, computed once
 * per transaction by {@link io.moat.milter.filter.content.ContentReports} and read by the
 * {@link io.moat.milter.filter.content.AttachmentFilter} and the URI blocklists.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.filter.content;
