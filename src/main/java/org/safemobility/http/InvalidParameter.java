package org.safemobility.http;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or header parameter that cannot be read as its type, thrown by {@link ParameterConverters}. A
 * {@code WebApplicationException}, so that JAX-RS passes it on as it is instead of answering a bare 404, and
 * {@link ProblemMappers} names the parameter in a 400 problem.
 */
public class InvalidParameter extends BadRequestException {

    private final String parameter;

    InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
