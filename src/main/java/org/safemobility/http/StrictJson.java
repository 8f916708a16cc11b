package org.safemobility.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads request bodies strictly: a duplicated key, trailing garbage after the object, or a null where a number or
 * boolean belongs is a client error reported by name, never silently resolved. (Unknown fields are refused through
 * {@code quarkus.jackson.fail-on-unknown-properties}.) Nor is a scalar coerced into another type: {@code 12345} is not
 * a name, a date (Jackson would read it as days since 1970) or a yes; {@code 1} is not {@code true}. Text never holds
 * control characters other than tab and line breaks (PostgreSQL refuses NUL, and the others only hide things), and
 * bodies nest at most {@value #MAX_NESTING} levels deep.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NESTING = 64;

    /** A string value holding a control character; ProblemMappers names its field. */
    public static class ControlCharacter extends InvalidFormatException {
        ControlCharacter(JsonParser parser, String value) {
            super(parser, "text must not contain control characters", value, String.class);
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());

        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String}) {
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
        // dates and times only from their ISO text, never from a number
        mapper.setDefaultLeniency(false);

        SimpleModule text = new SimpleModule("smo-text");
        text.addDeserializer(String.class, new PlainText());
        mapper.registerModule(text);
    }

    /** Jackson's own string reading, then a refusal of control characters. */
    static final class PlainText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                        throw new ControlCharacter(p, value);
                    }
                }
            }
            return value;
        }
    }
}
