package org.planmap.consultation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Client addresses are never stored: only a salted SHA-256 of them, enough to count one client's comments for the
 * rate limit. The salt is {@code planmap.consultation.client-hash-salt}, or (default) random per start, so a stored
 * hash cannot be reversed by hashing all 2^32 IPv4 addresses without the salt.
 */
@Component
class ClientHashes {
    private final byte[] salt;

    ClientHashes(ConsultationProperties properties) {
        if (properties.clientHashSalt().isEmpty()) {
            salt = new byte[32];
            new SecureRandom().nextBytes(salt);
        } else {
            salt = properties.clientHashSalt().getBytes(StandardCharsets.UTF_8);
        }
    }

    String hash(String value) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            d.update((byte) 0);
            d.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
