// SPDX-License-Identifier: Apache-2.0
package io.moat.store.password;

import java.security.SecureRandom;

/** Random passwords for new users and resets: 20 characters, no look-alikes (about 117 bits). */
public final class RandomPasswords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
