// SPDX-License-Identifier: Apache-2.0
/**
 * The daemon's configuration: a YAML file read into validated records, with errors that name the
 * file and key path. docs/configuration.md lists every key.
 */
@org.jspecify.annotations.NullMarked
package io.moat.milter.config;
