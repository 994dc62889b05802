// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.store.StoreException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OffCarrierTest {
    private final OffCarrier calls = new OffCarrier("test-store", 1);

    @Test
    void aCallFromAVirtualThreadRunsOnAPlatformThreadAndItsResultComesBack() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.set(calls.call(() -> {
                    ranOn.set(Thread.currentThread());
                    return 42;
                }));
            } catch (Exception e) {
                result.set(e);
            }
        }).join();
        assertThat(result.get()).isEqualTo(42);
        assertThat(ranOn.get().isVirtual()).isFalse();
        assertThat(ranOn.get().getName()).startsWith("test-store-");
    }

    @Test
    void aCallFromAPlatformThreadRunsWhereItIs() throws Exception {
        assertThat(calls.call(Thread::currentThread)).isSameAs(Thread.currentThread());
    }

    @Test
    void theCallsExceptionReachesTheCallerAsItWas() throws Exception {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                calls.call(() -> {
                    throw new StoreException("disk full");
                });
            } catch (Exception e) {
                thrown.set(e);
            }
        }).join();
        assertThat(thrown.get()).isInstanceOf(StoreException.class).hasMessage("disk full");
        assertThatThrownBy(() -> calls.call(() -> {
            throw new StoreException("direct");
        })).isInstanceOf(StoreException.class).hasMessage("direct");
    }
}
