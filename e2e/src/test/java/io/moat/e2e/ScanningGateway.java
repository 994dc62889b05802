// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.nio.file.Path;

/**
 * A gateway (Postfix, Moat, the sink) whose Moat scans with its own real clamd, for the antivirus
 * ITs. Needs root, like every gateway; closing stops the gateway first, then clamd.
 */
record ScanningGateway(ClamdInstance clamd, Gateway gateway) implements AutoCloseable {
    /** Starts clamd, then a gateway whose config has clamd's antivirus section ({@code scanMode}) and {@code extraConfig}. */
    static ScanningGateway start(Path dir, String scanMode, String extraConfig) {
        Prerequisites.requireRoot();
        ClamdInstance clamd = ClamdInstance.start(dir);
        try {
            return new ScanningGateway(clamd,
                    Gateway.start(dir, Gateway.MilterSocket.INET, clamd.antivirusConfig(scanMode) + extraConfig));
        } catch (RuntimeException e) {
            clamd.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            clamd.close();
        }
    }
}
