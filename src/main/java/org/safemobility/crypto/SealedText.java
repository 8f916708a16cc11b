package org.safemobility.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A text column sealed at rest (see {@link FieldCipher}). */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return FieldCipher.get().seal(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return FieldCipher.get().open(stored);
    }
}
