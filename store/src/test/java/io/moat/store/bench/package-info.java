// SPDX-License-Identifier: Apache-2.0
/** Store benchmarks: main classes run by hand (see each class's javadoc), not tests. */
@org.jspecify.annotations.NullMarked
package io.moat.store.bench;
