// SPDX-License-Identifier: Apache-2.0
/**
 * What the store-backed commands share: where the store is ({@code --store}, {@code --config},
 * {@code MOAT_STORE}), who is acting, value converters, the config file, and printing tables and
 * JSON.
 */
@org.jspecify.annotations.NullMarked
package io.moat.cli.options;
