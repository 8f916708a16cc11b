package org.safemobility.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the API's typed parameters (uuids, dates, whole numbers, booleans and enum constants). JAX-RS answers a query
 * parameter it cannot convert with a bare 404; these answer a 400 problem naming the parameter and the form it must
 * take. A path parameter that is not of its type still names nothing that exists: 404. An empty query parameter, of
 * any type, counts as absent.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        boolean path = Arrays.stream(annotations).anyMatch(a -> a instanceof PathParam);
        if (rawType == String.class && Arrays.stream(annotations).anyMatch(a -> a instanceof QueryParam)) {
            // ?office= is no filter, as an absent one is; the parameter's own constraints judge any other value
            return (ParamConverter<T>) new Converter<>(name, false, Function.identity(), "must be text");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, path, UUID::fromString, "must be a UUID");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, path, LocalDate::parse, "must be a date in the form YYYY-MM-DD");
        }
        if (rawType == java.time.OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<>(name, path, java.time.OffsetDateTime::parse,
                    "must be a date-time in ISO 8601 form with an offset, e.g. 2026-01-31T00:00:00Z");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(name, path, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Converter<>(name, path, ParameterConverters::strictBoolean, "must be true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            return (ParamConverter<T>) new Converter<>(name, path, raw -> Enum.valueOf(type, raw), allowed);
        }
        return null;
    }

    private static Boolean strictBoolean(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(String name, boolean path, Function<String, T> parse, String expectation)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                if (path) {
                    throw new NotFoundException(name + " " + expectation);
                }
                throw new InvalidParameter(name, expectation);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
