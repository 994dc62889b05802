// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Makes way for a unix-socket listener. A socket file left behind by a daemon that is gone is
 * removed, so a restart can bind. Anything else at the path is left alone and the bind fails:
 * a socket another process still answers on (a second instance must not silently take over the
 * first one's socket), and a path that is not a socket at all (a typo must not delete a file).
 */
final class UnixSocketFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private UnixSocketFile() {
    }

    /** Removes a stale socket file at {@code path}; throws when something live or foreign is there. */
    static void clearStale(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!isSocket(path, attrs)) {
            throw new IOException(path + " exists and is not a socket; not removing it");
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("another process is listening on " + path);
        } catch (ConnectException e) {
            // Nobody answers: left over from a daemon that did not shut down cleanly.
            Files.deleteIfExists(path);
        }
    }

    private static boolean isSocket(Path path, BasicFileAttributes attrs) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException e) {
            return attrs.isOther();
        }
    }
}
