// SPDX-License-Identifier: Apache-2.0
package io.moat.store.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted Argon2id password hashes, stored as PHC strings:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (OWASP's minimum settings). The settings are
 * read back from each hash, so raising them later still verifies old hashes.
 */
public final class Argon2idHasher {
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public Argon2idHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static Argon2idHasher owaspMinimum() {
        return new Argon2idHasher(19 * 1024, 2, 1);
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code phc}; false for a malformed hash too. */
    public boolean verify(char[] password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }
}
