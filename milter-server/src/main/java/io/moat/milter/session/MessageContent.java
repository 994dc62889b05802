// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The body of one message as it arrives in BODY chunks: in memory up to a threshold, then spooled
 * to a temporary file, so a large message does not live in the heap. Closing deletes the file.
 */
public final class MessageContent implements Closeable {
    private final int memoryLimit;
    private final Path spoolDirectory;
    private Memory memory = new Memory(8192);
    private @Nullable Path file;
    private @Nullable OutputStream fileOut;
    private long size;

    public MessageContent(int memoryLimit, Path spoolDirectory) {
        this.memoryLimit = memoryLimit;
        this.spoolDirectory = spoolDirectory;
    }

    public void append(byte[] chunk) throws IOException {
        if (fileOut == null && memory.size() + (long) chunk.length > memoryLimit) {
            spill();
        }
        if (fileOut != null) {
            fileOut.write(chunk);
        } else {
            memory.writeBytes(chunk);
        }
        size += chunk.length;
    }

    private void spill() throws IOException {
        Files.createDirectories(spoolDirectory);
        Path f = Files.createTempFile(spoolDirectory, "moat-", ".body");
        file = f;
        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 65536);
        memory.writeTo(out);
        memory = new Memory(0);
        fileOut = out;
    }

    public long size() {
        return size;
    }

    public boolean spooled() {
        return file != null;
    }

    /** Reads the body from the start; may be called several times. */
    public InputStream open() throws IOException {
        if (file != null && fileOut != null) {
            fileOut.flush();
            return new java.io.BufferedInputStream(Files.newInputStream(file), 65536);
        }
        return memory.reader();
    }

    /** The in-memory body, read in place: no copy per reader (bytes already written never change). */
    private static final class Memory extends ByteArrayOutputStream {
        Memory(int size) {
            super(size);
        }

        InputStream reader() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    @Override
    public void close() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete spool file " + file, e);
        } finally {
            fileOut = null;
            file = null;
            memory = new Memory(0);
        }
    }
}
