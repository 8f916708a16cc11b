package org.safemobility.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;

/**
 * A value kept as JSON and sealed at rest (see {@link FieldCipher}); each mapped type has its subclass naming it.
 * Plain JSON from before encryption reads as itself.
 */
public abstract class SealedJson<T> implements AttributeConverter<T, String> {

    private final java.util.function.Function<ObjectMapper, JavaType> type;
    private volatile ObjectMapper mapper;
    private volatile JavaType javaType;

    protected SealedJson(java.util.function.Function<ObjectMapper, JavaType> type) {
        this.type = type;
    }

    protected SealedJson(Class<T> type) {
        this(mapper -> mapper.constructType(type));
    }

    /** Lazily, as Hibernate creates converters before CDI is ready; the type is published before the mapper. */
    private ObjectMapper mapper() {
        ObjectMapper found = mapper;
        if (found == null) {
            found = Arc.container().instance(ObjectMapper.class).get();
            javaType = type.apply(found);
            mapper = found;
        }
        return found;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return FieldCipher.get().seal(mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return mapper().readValue(FieldCipher.get().open(stored), javaType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed JSON field does not read as " + javaType, e);
        }
    }
}
