package org.safemobility.crypto;

import java.util.List;

/**
 * A capability's sealed columns, for re-sealing after a key rotation ({@link Reencryption}): each capability that
 * seals data names its tables in a bean implementing this, so that the re-encryption reads no table it was not told of.
 */
public interface SealedColumns {

    /** How a blind index is computed from its sealed source column. */
    enum IndexKind {
        DOCUMENT, PHONE
    }

    /** A blind index column and the sealed column it indexes. */
    record Index(String column, String source, IndexKind kind) {
    }

    /**
     * A table: its primary key columns with their SQL types (walked in order, in batches), its sealed columns, and the
     * blind indexes computed from them.
     */
    record Table(String name, List<String> key, List<String> keyTypes, List<String> sealed, List<Index> indexes) {
    }

    List<Table> tables();
}
