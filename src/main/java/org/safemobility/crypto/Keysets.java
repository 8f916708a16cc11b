package org.safemobility.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Keysets for {@link FieldCipher}, as an operator makes them (scripts/keyset.sh): {@code new <template> <file>} writes
 * a keyset with one key; {@code rotate <file>} adds a new key of the primary's kind and makes it primary, keeping the
 * old ones so that what they sealed still opens until the rows are re-sealed. The files are secrets: they go into a
 * Kubernetes Secret, never into the repository.
 */
public final class Keysets {

    private Keysets() {
    }

    static String generate(String template) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(com.google.crypto.tink.KeyTemplates.get(template)), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + template + " keyset", e);
        }
    }

    static String rotate(String keysetJson) throws GeneralSecurityException {
        AeadConfig.register();
        PrfConfig.register();
        KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(old);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(old.getPrimary().getKey().getParameters())
                .withRandomId().setStatus(KeyStatus.ENABLED).makePrimary());
        return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
    }

    /** Adds a new primary key to the keyset in {@code file} (see the class comment). */
    public static void rotate(Path file) throws java.io.IOException, GeneralSecurityException {
        Files.writeString(file, rotate(Files.readString(file)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("new")) {
            Files.writeString(Path.of(args[2]), generate(args[1]));
        } else if (args.length == 2 && args[0].equals("rotate")) {
            rotate(Path.of(args[1]));
        } else {
            System.err.println("usage: Keysets new AES256_GCM|HMAC_SHA256_PRF <file> | Keysets rotate <file>");
            System.exit(2);
        }
    }
}
