// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side, over real connections: one path, two methods, the text format. */
class MetricsEndpointTest {
    final HttpClient http = HttpClient.newHttpClient();
    final PrometheusMeterRegistry registry = MetricsExport.registry(Clock.systemUTC(), System::nanoTime);
    MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        Counter.builder("moat.test.things").register(registry).increment(3);
        endpoint = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 0), registry);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getMetricsAnswersThePrometheusTextFormat() throws Exception {
        HttpResponse<String> r = call("GET", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).contains("# TYPE moat_test_things_total counter").contains("moat_test_things_total 3.0");
    }

    @Test
    void headAnswersTheHeadersWithoutABody() throws Exception {
        HttpResponse<String> r = call("HEAD", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();
    }

    @Test
    void everyOtherPathIsNotFound() throws Exception {
        assertThat(call("GET", "/").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/metrics/x").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/admin").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/admin").body()).doesNotContain("moat_test_things");
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> post = call("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(call("DELETE", "/metrics").statusCode()).isEqualTo(405);
        assertThat(call("PUT", "/metrics").body()).doesNotContain("moat_test_things");
    }

    @Test
    void aHostThatDoesNotResolveIsAnIoErrorNotACrash() {
        assertThatThrownBy(() -> MetricsEndpoint.start(InetSocketAddress.createUnresolved("metrics.invalid", 0), registry))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("metrics.invalid");
    }

    @Test
    void afterCloseNothingListens() throws Exception {
        int port = endpoint.address().getPort();
        endpoint.close();
        assertThat(MetricsDaemonTest.listening(port)).isFalse();
    }
}
