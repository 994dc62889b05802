// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.store.Actor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Option;

/** Who makes a change, for the audit trail: {@code --actor}, by default the login name. */
public final class ActorOptions {
    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Name recorded in the audit trail (default: your login name).")
    String name = "unknown";

    public Actor actor() {
        return new Actor(name, host());
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }
}
