package org.safemobility.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sensitive fields at rest: sealed with Tink's AEAD (AES-256-GCM) under a keyset from a Secret, and, where the service
 * looks a value up by equality (a document number, a phone), a blind index beside it: a keyed PRF (HMAC-SHA256) of the
 * normalized value, so the database never holds the value itself and an index is useless without the key.
 *
 * <p>A sealed value is {@code smo1:<base64 of Tink's ciphertext>}; Tink prefixes each ciphertext with the id of the key
 * that sealed it, so a keyset holding the old key and a new primary opens both, and rotation is: add a primary key to
 * the Secret (scripts/keyset.sh rotate), let replicas reload it (the file is re-read when it changes), then re-seal the
 * rows in batches (scripts/reencrypt.sh). A stored value without the prefix is plain text from before encryption (or a
 * deployment that turned it off) and reads as itself until re-sealed.
 *
 * <p>Keysets: {@code smo.data-encryption.keyset} (Tink JSON) or {@code ...keyset-file}, and the index's
 * {@code smo.data-encryption.index-keyset} or {@code ...index-keyset-file}. Only dev and test generate missing files.
 */
@Singleton
@Startup
public class FieldCipher {

    private static final Logger LOG = Logger.getLogger(FieldCipher.class);
    static final String PREFIX = "smo1:";
    /** Bound to every ciphertext: a value sealed by another application with the same key does not open here. */
    private static final byte[] ASSOCIATED_DATA = "smo-case-backend field".getBytes(StandardCharsets.UTF_8);
    private static final int INDEX_BYTES = 16;

    private static volatile FieldCipher instance;

    private record Keys(Aead aead, int primaryId, PrfSet prf, int indexKeyId, FileTime loadedFrom) {
    }

    @ConfigProperty(name = "smo.data-encryption.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "smo.data-encryption.keyset")
    Optional<String> keyset;

    @ConfigProperty(name = "smo.data-encryption.keyset-file")
    Optional<String> keysetFile;

    @ConfigProperty(name = "smo.data-encryption.index-keyset")
    Optional<String> indexKeyset;

    @ConfigProperty(name = "smo.data-encryption.index-keyset-file")
    Optional<String> indexKeysetFile;

    @ConfigProperty(name = "smo.data-encryption.generate-if-missing", defaultValue = "false")
    boolean generateIfMissing;

    private volatile Keys keys;

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** For JPA converters, which Hibernate creates itself. */
    public static FieldCipher get() {
        FieldCipher cipher = instance;
        if (cipher == null) {
            cipher = Arc.container().instance(FieldCipher.class).get(); // a singleton: the bean itself, loaded
            instance = cipher;
        }
        return cipher;
    }

    @jakarta.annotation.PostConstruct
    void load() {
        keys = read();
        if (!enabled) {
            LOG.warn("smo.data-encryption.enabled=false: sensitive fields are written in plain text (benchmarks only)");
        }
    }

    /** Re-reads a keyset file that changed (a rotated Secret reaches mounted files without a restart). */
    @Scheduled(every = "${smo.data-encryption.reload-every:30s}", delayed = "30s")
    void reloadIfChanged() {
        FileTime now = modified();
        if (now != null && !now.equals(keys.loadedFrom())) {
            refresh();
        }
    }

    /** Reads the keysets again; returns the primary key id now sealing. */
    public int refresh() {
        Keys fresh = read();
        if (keys == null || fresh.primaryId() != keys.primaryId()) {
            LOG.infof("data encryption: primary key %d", Integer.toUnsignedLong(fresh.primaryId()));
        }
        keys = fresh;
        return fresh.primaryId();
    }

    private FileTime modified() {
        try {
            return keysetFile.isPresent() ? Files.getLastModifiedTime(Path.of(keysetFile.get())) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Keys read() {
        try {
            KeysetHandle aead = TinkJsonProtoKeysetFormat.parseKeyset(source(keyset, keysetFile, "AES256_GCM",
                    "smo.data-encryption.keyset"), InsecureSecretKeyAccess.get());
            KeysetHandle prf = TinkJsonProtoKeysetFormat.parseKeyset(source(indexKeyset, indexKeysetFile, "HMAC_SHA256_PRF",
                    "smo.data-encryption.index-keyset"), InsecureSecretKeyAccess.get());
            PrfSet prfSet = prf.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            return new Keys(aead.getPrimitive(RegistryConfiguration.get(), Aead.class), aead.getPrimary().getId(),
                    prfSet, prfSet.getPrimaryId(), modified());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data encryption keysets cannot be read: " + e.getMessage(), e);
        }
    }

    private String source(Optional<String> value, Optional<String> file, String template, String property) {
        if (value.isPresent() && !value.get().isBlank()) {
            return value.get();
        }
        if (file.isEmpty()) {
            throw new IllegalStateException(property + " (Tink JSON keyset, from a Secret) or " + property
                    + "-file must be set; scripts/keyset.sh new writes one");
        }
        Path path = Path.of(file.get());
        try {
            if (!Files.exists(path) && generateIfMissing) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, Keysets.generate(template));
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: nothing to tighten
                }
                LOG.warnf("generated a new %s keyset in %s (dev and test only)", template, path);
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + property + "-file " + path, e);
        }
    }

    /** The value sealed with the primary key; null stays null. */
    public String seal(String plain) {
        if (plain == null || !enabled) {
            return plain;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(
                    keys.aead().encrypt(plain.getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** The plain value of a stored one: opened if sealed (by any key of the keyset), as stored otherwise. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            return new String(keys.aead().decrypt(Base64.getDecoder().decode(stored.substring(PREFIX.length())),
                    ASSOCIATED_DATA), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value in the message: it would reach a log
            throw new IllegalStateException("a sealed field does not open with the configured keyset (a key removed too "
                    + "early, or the wrong Secret)", e);
        }
    }

    /** Whether a stored value is as the service would write it now (sealed with the primary key, if sealing is on). */
    public boolean current(String stored) {
        if (stored == null) {
            return true;
        }
        if (!stored.startsWith(PREFIX)) {
            return !enabled;
        }
        if (!enabled) {
            return false;
        }
        byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        // Tink's prefix: a version byte (1), then the sealing key's id
        return ciphertext.length > 5 && ciphertext[0] == 1 && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == keys.primaryId();
    }

    /** The key id now sealing. */
    public int primaryKeyId() {
        return keys.primaryId();
    }

    /** The blind index of a document number: its letters and digits, upper case, keyed. Null for none. */
    public String documentIndex(String documentNumber) {
        if (documentNumber == null) {
            return null;
        }
        String key = documentNumber.replaceAll("[^\\p{Alnum}]+", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : index("document:" + key);
    }

    /** The blind index of a phone number: its digits (E.164 without the plus), keyed. Null for none. */
    public String phoneIndex(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]+", "");
        return digits.isEmpty() ? null : index("phone:" + digits);
    }

    private String index(String normalized) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    keys.prf().computePrimary(normalized.getBytes(StandardCharsets.UTF_8), INDEX_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("indexing failed", e);
        }
    }
}
