package org.safemobility.crypto;

import jakarta.persistence.Converter;
import java.util.List;

/** A list of names (vulnerabilities, protection needs) sealed at rest as a JSON array. */
@Converter
public class SealedStrings extends SealedJson<List<String>> {

    public SealedStrings() {
        super(mapper -> mapper.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
