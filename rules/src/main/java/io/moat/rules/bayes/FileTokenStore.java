// SPDX-License-Identifier: Apache-2.0
package io.moat.rules.bayes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A token store kept in memory and saved to one gzip file ({@code moat learn --state FILE}).
 * {@link #save()} writes a temporary file and moves it into place, so a reader never sees half
 * a file. Format: magic, version, totals, tokens (UTF, spam, ham), learned message keys.
 */
public final class FileTokenStore implements TokenStore {
    private static final int MAGIC = 0x4d4f4154;
    private static final int VERSION = 1;

    private final Path file;
    private final MemoryTokenStore memory = new MemoryTokenStore();

    private FileTokenStore(Path file) {
        this.file = file;
    }

    /** Opens the store at {@code file}, empty if the file does not exist yet. */
    public static FileTokenStore open(Path file) throws IOException {
        FileTokenStore store = new FileTokenStore(file);
        if (Files.exists(file)) {
            store.load();
        }
        return store;
    }

    private void load() throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file)), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(file + ": not a Moat token store (or a newer version)");
            }
            long spam = in.readLong();
            long ham = in.readLong();
            int n = in.readInt();
            Map<String, long[]> counts = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                counts.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
            }
            int m = in.readInt();
            Map<String, Label> learned = new HashMap<>(m * 2);
            for (int i = 0; i < m; i++) {
                learned.put(in.readUTF(), Label.values()[in.readByte()]);
            }
            memory.restore(spam, ham, counts, learned);
        }
    }

    /** Writes the whole store to its file, atomically. */
    public void save() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(tmp)), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            TokenCounts t = memory.totals();
            out.writeLong(t.spam());
            out.writeLong(t.ham());
            out.writeInt(memory.size());
            IOException[] failure = new IOException[1];
            memory.forEachToken((token, c) -> {
                try {
                    out.writeUTF(token);
                    out.writeLong(c[0]);
                    out.writeLong(c[1]);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            Map<String, Label> learned = memory.messages();
            out.writeInt(learned.size());
            for (Map.Entry<String, Label> e : learned.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte(e.getValue().ordinal());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The tokens as held in memory, for {@link PackedTokenStore}. */
    MemoryTokenStore memory() {
        return memory;
    }

    @Override
    public TokenCounts totals() {
        return memory.totals();
    }

    @Override
    public TokenCounts counts(String token) {
        return memory.counts(token);
    }

    @Override
    public Map<String, TokenCounts> counts(Collection<String> tokens) {
        return memory.counts(tokens);
    }

    @Override
    public Optional<Label> learnedAs(String messageKey) {
        return memory.learnedAs(messageKey);
    }

    @Override
    public void apply(String messageKey, Label label, Collection<String> tokens, int delta) {
        memory.apply(messageKey, label, tokens, delta);
    }
}
